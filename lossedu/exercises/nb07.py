"""Self-checks for notebook 07, a small network on the handwritten digits.

Examples
--------
>>> check(2, None)
Exercise 2: not answered yet. Replace None with your answer.
>>> check(2, 0.25)
Exercise 2: not yet. σ'(z) = σ(z)(1 − σ(z)) at z = 8, where σ(8) ≈ 0.9997.
False
"""

import math

import numpy as np

from .. import hidden_activations, init_network, sigmoid, train_network
from . import Exercise, ExerciseSet

#: The network and training of the notebook.
SIZES = (64, 30, 10)
SETTING = {"eta": 3.0, "epochs": 30, "batch_size": 100}
#: Exercise 2: the saturated start's output bias.
OUTPUT_BIAS = 8.0
#: Exercise 4: the accuracy level.
LEVEL = 0.9
#: Exercise 5: the hidden scale, and what counts as saturated.
HIDDEN_SCALE = 10.0
SATURATED = 0.01


def _hidden_delta(delta2, W2, h):
    return (np.asarray(delta2) @ np.asarray(W2).T) * np.asarray(h) * (1.0 - np.asarray(h))


def _judge_hidden_delta(f):
    rng = np.random.default_rng(7)
    cases = [
        (rng.normal(size=(5, 10)), rng.normal(size=(30, 10)), rng.random((5, 30))),
        (rng.normal(size=(1, 3)), rng.normal(size=(4, 3)), rng.random((1, 4))),
    ]
    results = [f(*case) for case in cases]
    if all(r is None for r in results):
        return None
    for result, case in zip(results, cases, strict=True):
        if result is None or np.shape(result) != np.shape(_hidden_delta(*case)):
            return False
        if not np.allclose(np.asarray(result, dtype=float), _hidden_delta(*case), rtol=1e-9):
            return False
    return True


def _digits():
    from ..digits import load_digits_split

    return load_digits_split()


def _epochs_to_level():
    data = _digits()
    history = train_network(
        init_network(*SIZES, seed=0),
        data.X_train,
        data.y_train,
        cost="binary_cross_entropy",
        seed=0,
        X_test=data.X_test,
        labels_test=data.y_test,
        track_training_set=False,
        **SETTING,
    )
    return history.epochs_to_accuracy(LEVEL)


def _saturated_share():
    h = hidden_activations(
        init_network(*SIZES, hidden_scale=HIDDEN_SCALE, seed=0), _digits().X_train
    )
    return float(np.mean(h * (1.0 - h) < SATURATED))


EXERCISES = ExerciseSet(
    "07 digits network",
    {
        1: Exercise(
            expected=lambda: 10 * math.log(2.0),
            hint=(
                "Each of the 10 outputs is a coin with probability 1/2: its binary "
                "cross-entropy is −ln(1/2) whatever the target, and the cost sums the 10."
            ),
        ),
        2: Exercise(
            expected=lambda: float(sigmoid(OUTPUT_BIAS) * (1.0 - sigmoid(OUTPUT_BIAS))),
            hint="σ'(z) = σ(z)(1 − σ(z)) at z = 8, where σ(8) ≈ 0.9997.",
        ),
        3: Exercise(
            judge=_judge_hidden_delta,
            hint=(
                "Δ₁ = (Δ₂ W₂ᵀ) ⊙ σ'(Z₁), with σ'(Z₁) = H(1 − H) written with the hidden "
                "outputs H; use @ for the matrix product and * for the elementwise one."
            ),
        ),
        4: Exercise(
            expected=_epochs_to_level,
            hint=(
                'Train with cost="binary_cross_entropy" and the settings of section 4, '
                "then ask history.epochs_to_accuracy(0.9)."
            ),
        ),
        5: Exercise(
            expected=_saturated_share,
            hint=(
                "le.hidden_activations(net, data.X_train) gives H; count the entries with "
                "H(1 − H) < 0.01 and divide by their number (np.mean of the comparison)."
            ),
        ),
    },
)

check = EXERCISES.check
