"""Self-checks for notebook 03, KL divergence.

Examples
--------
>>> check(1, None)
Exercise 1: not answered yet. Replace None with your answer.
>>> check(4, 2.0)
Exercise 4: correct ✓
True
"""

import numpy as np

from .. import kl_divergence
from ..i18n import N_
from . import Exercise, ExerciseSet

#: The computer of notebook 02 (starts, fails, explodes) and a technician's model of it.
COMPUTER = (0.7, 0.2, 0.1)
TECHNICIAN = (0.8, 0.15, 0.05)

#: Pairs (p, q) on which a student's ``kl`` is tried: zeros in p (terms 0 log 0 = 0),
#: a zero in q where p > 0 (D is infinite), equal pairs (D = 0), both directions.
TEST_PAIRS = (
    (COMPUTER, TECHNICIAN),
    (TECHNICIAN, COMPUTER),
    ((0.5, 0.5), (0.5, 0.5)),
    ((0.5, 0.25, 0.25), (1 / 3, 1 / 3, 1 / 3)),
    ((1.0, 0.0, 0.0), (0.25, 0.25, 0.5)),
    ((0.0, 0.4, 0.6), (0.1, 0.3, 0.6)),
    ((0.5, 0.5, 0.0), (1.0, 0.0, 0.0)),
    ((0.1, 0.2, 0.3, 0.4), (0.4, 0.3, 0.2, 0.1)),
)


def _judge_kl(f):
    """Call the student's ``kl(p, q)`` on every test pair, against lossedu."""
    results = [f(np.array(p), np.array(q)) for p, q in TEST_PAIRS]
    if all(r is None for r in results):
        return None
    if any(r is None for r in results):
        return False
    got = np.asarray(results, dtype=float)
    expected = np.array([kl_divergence(p, q) for p, q in TEST_PAIRS])
    return bool(np.allclose(got, expected, rtol=1e-9, atol=1e-12))


EXERCISES = ExerciseSet(
    "03 KL divergence",
    {
        1: Exercise(
            expected=lambda: kl_divergence(COMPUTER, TECHNICIAN),
            hint=N_(
                "D(p‖q) = Σ p_k ln(p_k / q_k) with p the computer (0.7, 0.2, 0.1) and q the "
                "technician's model, in nats. The answer is small and positive."
            ),
        ),
        2: Exercise(
            expected=lambda: kl_divergence(TECHNICIAN, COMPUTER, base=2),
            hint=N_(
                "Swap the roles: now the weights p_k in front of the log are the technician's. "
                "And the unit is bits: log base 2, or divide nats by ln 2."
            ),
        ),
        3: Exercise(
            judge=_judge_kl,
            hint=N_(
                "Sum p_k log(p_k / q_k) only where p_k > 0 (those terms are 0), and return "
                "np.inf when some q_k = 0 while p_k > 0. Try kl(p, p) == 0 first."
            ),
        ),
        4: Exercise(
            expected=lambda: kl_divergence([1.0, 0.0, 0.0, 0.0], [0.25] * 4, base=2),
            hint=N_(
                "D(p‖u) = log K − H(p) for the uniform u over K outcomes. It is largest when "
                "H(p) is smallest. Answer in bits."
            ),
        ),
    },
)

check = EXERCISES.check
