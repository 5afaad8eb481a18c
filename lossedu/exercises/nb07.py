"""Self-checks for notebook 07, a small network on the handwritten digits.

Examples
--------
>>> check(2, None)
Exercise 2: not answered yet. Replace None with your answer.
>>> check(2, 0.25)
Exercise 2: not yet. σ'(z) = σ(z)(1 − σ(z)) at z = 4, where σ(4) ≈ 0.982.
False
"""

import math

import numpy as np

from .. import hidden_activations, init_network, sigmoid
from ..i18n import N_
from . import Exercise, ExerciseSet

#: The network of the notebook.
SIZES = (64, 30, 10)
#: Exercise 1: every sigmoid output at the share of each of the ten classes.
SHARE = 0.1
#: Exercise 2: the milder saturated start's output bias.
OUTPUT_BIAS = 4.0
#: Exercise 3: the hidden scale, and what counts as saturated.
HIDDEN_SCALE = 20.0
SATURATED = 0.01


def _digits():
    from ..digits import load_digits_split

    return load_digits_split()


def _saturated_share():
    h = hidden_activations(
        init_network(*SIZES, hidden_scale=HIDDEN_SCALE, seed=0), _digits().X_train
    )
    return float(np.mean(h * (1.0 - h) < SATURATED))


EXERCISES = ExerciseSet(
    "07 digits network",
    {
        1: Exercise(
            expected=lambda: -(math.log(SHARE) + 9 * math.log(1.0 - SHARE)),
            hint=N_(
                "The label's output costs −ln 0.1; each of the nine others has target 0 and "
                "costs −ln(1 − 0.1); the cost sums the 10."
            ),
        ),
        2: Exercise(
            expected=lambda: float(sigmoid(OUTPUT_BIAS) * (1.0 - sigmoid(OUTPUT_BIAS))),
            hint=N_("σ'(z) = σ(z)(1 − σ(z)) at z = 4, where σ(4) ≈ 0.982."),
        ),
        3: Exercise(
            expected=_saturated_share,
            hint=N_(
                "le.hidden_activations(net, data.X_train) gives H; count the entries with "
                "H(1 − H) < 0.01 and divide by their number (np.mean of the comparison)."
            ),
        ),
    },
)

check = EXERCISES.check
