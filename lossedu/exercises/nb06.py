"""Self-checks for notebook 06, the sigmoid learning-slowdown experiment.

Examples
--------
>>> check(2, None)
Exercise 2: not answered yet. Replace None with your answer.
>>> check(2, 300)
Exercise 2: not yet. Train with cost="cross_entropy" and ask epochs_to_reach(history.output).
False
"""

import numpy as np

from .. import epochs_to_reach, neuron_delta, train_neuron
from ..i18n import N_
from . import Exercise, ExerciseSet

#: The saturated start of the classic experiment, and its rate.
W_SAT = B_SAT = 2.0
#: Exercises 1 and 2: a start more saturated than the classic one (output σ(5) ≈ 0.993), so
#: the answers are not among the numbers the notebook prints.
W_EX = B_EX = 2.5
X = 1.0
ETA = 0.15

#: Exercise 3: outputs and targets on which a student's dC/da is tried.
TEST_POINTS = ((0.98, 0.0), (0.5, 0.0), (0.2, 1.0), (0.7, 0.3), (1e-6, 0.0), (0.999999, 1.0))

#: Exercise 4: the saturated range of outputs.
SATURATED = (0.9, 1.0)

#: Exercise 5: enough epochs for the quadratic cost to get there.
LONG_RUN = 3000


def _cross_entropy_dc_da(a, y):
    return (a - y) / (a * (1.0 - a))


def _judge_dc_da(f):
    results = [f(a, y) for a, y in TEST_POINTS]
    if all(r is None for r in results):
        return None
    if any(r is None for r in results):
        return False
    expected = [_cross_entropy_dc_da(a, y) for a, y in TEST_POINTS]
    return bool(np.allclose(np.asarray(results, dtype=float), expected, rtol=1e-9))


def _mean_slowdown(lo, hi, n=200_001):
    """Mean of σ' = a(1 − a) over outputs a in [lo, hi] (trapezoid rule)."""
    a = np.linspace(lo, hi, n)
    return float(np.trapezoid(a * (1.0 - a), a) / (hi - lo))


EXERCISES = ExerciseSet(
    "06 learning slowdown",
    {
        1: Exercise(
            expected=lambda: X * neuron_delta(W_EX * X + B_EX, 0.0, "quadratic"),
            hint=N_("∂C/∂w = (a − y) σ'(z) x with z = w x + b, σ'(z) = a(1 − a), x = 1, y = 0."),
        ),
        2: Exercise(
            expected=lambda: epochs_to_reach(
                train_neuron(W_EX, B_EX, eta=ETA, epochs=300, cost="cross_entropy").output
            ),
            hint=N_('Train with cost="cross_entropy" and ask epochs_to_reach(history.output).'),
        ),
        3: Exercise(
            judge=_judge_dc_da,
            hint=N_(
                "Differentiate C = −[y ln a + (1 − y) ln(1 − a)] with respect to a (not w) and "
                "put it over the common denominator a(1 − a)."
            ),
        ),
        4: Exercise(
            expected=lambda: _mean_slowdown(*SATURATED),
            hint=N_("Integrate a(1 − a) from 0.9 to 1 and divide by the length of the range, 0.1."),
        ),
        5: Exercise(
            expected=lambda: epochs_to_reach(
                train_neuron(W_SAT, B_SAT, eta=ETA, epochs=LONG_RUN, cost="quadratic").output
            ),
            hint=N_("Train the quadratic cost for a few thousand epochs and use epochs_to_reach."),
            rtol=0,
            atol=0.5,
        ),
    },
)

check = EXERCISES.check
