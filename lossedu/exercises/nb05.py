"""Self-checks for notebook 05, MSE vs cross-entropy loss curves.

Examples
--------
>>> check(1, None)
Exercise 1: not answered yet. Replace None with your answer.
>>> check(1, 0.693)
Exercise 1: correct ✓
True
>>> check(3, lambda x, s: None)
Exercise 3: not answered yet. Write the function's body.
"""

import numpy as np

from .. import (
    exact_cross_entropy,
    grad_exact_cross_entropy,
    grad_exact_mse,
    inflection_exact_mse,
    inflection_simplified_mse,
    softmax_cross_entropy_hessian,
)
from ..i18n import N_
from . import Exercise, ExerciseSet

#: Exercise 1: the simplified form with a larger frozen denominator.
C2_WIDE = 4.0

#: Exercise 2: a wrong prediction in the two-class case (S = 1).
X_WRONG = -4.0

#: Exercise 3: logits and S on which a student's cross-entropy is tried, some far too
#: large for a plain exp.
TEST_POINTS = (
    (0.0, 1.0),
    (2.0, 1.0),
    (-3.0, 3.5),
    (40.0, 1.0),
    (-1000.0, 1.0),
    (1000.0, 2.0),
    (-745.0, 0.5),
)

#: Exercise 4: three logits, whose Hessian's largest eigenvalue is asked.
LOGITS = (1.0, 2.0, 3.0)

#: Exercise 5: a soft target.
C1_SOFT = 0.5


def _judge_exact_cross_entropy(f):
    """Call the student's function at each point, against lossedu's stable form."""
    with np.errstate(all="ignore"):
        results = [f(x, s) for x, s in TEST_POINTS]
    if all(r is None for r in results):
        return None
    if any(r is None for r in results):
        return False
    got = np.asarray(results, dtype=float)
    expected = np.array([exact_cross_entropy(x, s=s) for x, s in TEST_POINTS])
    return bool(np.all(np.isfinite(got)) and np.allclose(got, expected, rtol=1e-9, atol=1e-300))


EXERCISES = ExerciseSet(
    "05 MSE vs cross-entropy",
    {
        1: Exercise(
            expected=lambda: inflection_simplified_mse(c1=1.0, c2=C2_WIDE),
            hint=N_(
                "The second derivative 2u(2u − c1), with u = e^x / c2, changes sign where "
                "u = c1 / 2. Solve for x."
            ),
        ),
        2: Exercise(
            expected=lambda: grad_exact_mse(X_WRONG) / grad_exact_cross_entropy(X_WRONG),
            hint=N_(
                "Divide −2(1 − a)·a(1 − a) by a − 1 = −(1 − a), with a = σ(−4). The ratio is "
                "small: that is the MSE's vanishing gradient when the prediction is wrong."
            ),
        ),
        3: Exercise(
            judge=_judge_exact_cross_entropy,
            hint=N_(
                "log(1 + S e^(−x)) overflows at x = −1000 and loses everything at x = 40. "
                "Write it as −log σ(x − ln S) and use np.logaddexp(0, ln S − x)."
            ),
        ),
        4: Exercise(
            # The largest, not the smallest: the smallest is 0 (the direction (1, 1, 1)),
            # and an answer of 0 cannot be checked to three significant figures.
            expected=lambda: np.linalg.eigvalsh(softmax_cross_entropy_hessian(LOGITS)).max(),
            hint=N_(
                "Build diag(q) − qqᵀ with q = softmax(z) and take np.linalg.eigvalsh; the "
                "largest eigenvalue is the last one it returns."
            ),
        ),
        5: Exercise(
            expected=lambda: inflection_exact_mse(c1=C1_SOFT),
            hint=N_(
                "The second derivative changes sign where 3a² − 2(1 + c1)a + c1 = 0; keep both "
                "roots a* and turn each into a logit x* = ln(a* / (1 − a*)). Answer a list of two, "
                "smaller first."
            ),
        ),
    },
)

check = EXERCISES.check
