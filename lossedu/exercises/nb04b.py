"""Self-checks for notebook 04b, cross-entropy in practice.

Examples
--------
>>> check(1, None)
Exercise 1: not answered yet. Replace None with your answer.
>>> check(3, [0.1, 0.2])
Exercise 3: not yet. The answer has 2 numbers; this exercise asks for a single number.
False
"""

import numpy as np

from .. import binary_cross_entropy_with_logits, categorical_cross_entropy
from ..i18n import N_
from ..naive import double_softmax_cross_entropy
from . import Exercise, ExerciseSet

#: A cat and a mouse in one image, no frog; the network's three logits.
MULTI_LABEL = (1.0, 0.0, 1.0)
MULTI_LOGITS = (2.0, -1.0, 0.5)

#: Logits and labels on which a student's ``cross_entropy_from_logits`` is tried,
#: including logits far too large for a plain exp.
TEST_LOGITS = (
    ((2.0, 1.0, 0.1), 0),
    ((np.log(0.3), np.log(0.6), np.log(0.1)), 1),
    ((0.0, 0.0), 1),
    ((1000.0, 0.0, -1000.0), 0),
    ((1000.0, 0.0, -1000.0), 2),
    ((-800.0, -805.0, -790.0, -801.0), 1),
)


def _judge_cross_entropy_from_logits(f):
    """Call the student's function on each case, against lossedu's fused form."""
    results = [f(np.array(z), label) for z, label in TEST_LOGITS]
    if all(r is None for r in results):
        return None
    if any(r is None for r in results):
        return False
    got = np.asarray(results, dtype=float)
    expected = np.array([categorical_cross_entropy([z], [label]) for z, label in TEST_LOGITS])
    return bool(np.allclose(got, expected, rtol=1e-9, atol=1e-12))


def _extra_softmax_floor(n_classes):
    """The loss of a sure, right prediction when a softmax is applied twice."""
    logits = np.zeros((1, n_classes))
    logits[0, 0] = 100.0
    return double_softmax_cross_entropy(logits, [0])


EXERCISES = ExerciseSet(
    "04b cross-entropy in practice",
    {
        1: Exercise(
            expected=lambda: binary_cross_entropy_with_logits(
                MULTI_LOGITS, MULTI_LABEL, reduction="sum"
            ),
            hint=N_(
                "Multi-label: a sigmoid per output and one binary cross-entropy per output, "
                "−[t ln σ(z) + (1 − t) ln(1 − σ(z))]; add the three."
            ),
        ),
        2: Exercise(
            judge=_judge_cross_entropy_from_logits,
            hint=N_(
                "−log softmax(z)[label] = logsumexp(z) − z[label]; subtract max(z) before "
                "exponentiating so that z = 1000 does not overflow."
            ),
        ),
        3: Exercise(
            expected=lambda: _extra_softmax_floor(10),
            hint=N_(
                "The best the model can do is a one-hot softmax output (1, 0, ..., 0); the loss "
                "then applies its own softmax to that vector. What is −ln of its first entry?"
            ),
        ),
    },
)

check = EXERCISES.check
