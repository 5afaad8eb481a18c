"""Self-checks for notebook 04, cross-entropy.

Examples
--------
>>> check(2, None)
Exercise 2: not answered yet. Replace None with your answer.
>>> check(3, 4.54e-05)
Exercise 3: correct ✓
True
"""

import numpy as np

from .. import categorical_cross_entropy_from_probs, grad_categorical_cross_entropy
from ..i18n import N_
from . import Exercise, ExerciseSet

#: A batch of three images (cat, frog, mouse) and the model's softmax outputs.
BATCH_LABELS = (0, 1, 2)
BATCH_PROBS = ((0.7, 0.2, 0.1), (0.3, 0.6, 0.1), (0.25, 0.25, 0.5))

#: Exercise 2: the logits (cat, frog, mouse) given to an image of a mouse.
GRADIENT_LOGITS = (0.5, 2.0, -1.0)
GRADIENT_LABEL = 2

#: Exercise 3: a data set's size and its average cross-entropy in nats.
N_EXAMPLES = 50
MEAN_LOSS = 0.2


EXERCISES = ExerciseSet(
    "04 cross-entropy",
    {
        1: Exercise(
            expected=lambda: categorical_cross_entropy_from_probs(BATCH_PROBS, BATCH_LABELS),
            hint=N_(
                "Each image's loss is −ln of the probability it gave its own class; "
                "the batch loss is the mean of the three."
            ),
        ),
        2: Exercise(
            expected=lambda: grad_categorical_cross_entropy([GRADIENT_LOGITS], [GRADIENT_LABEL])[0],
            hint=N_(
                "∂L/∂z_k = q_k − y_k: take the softmax q of the logits and subtract the one-hot "
                "label y = (0, 0, 1)."
            ),
        ),
        3: Exercise(
            expected=lambda: float(np.exp(-N_EXAMPLES * MEAN_LOSS)),
            hint=N_(
                "The average cross-entropy is −(1/N) ln(likelihood). Solve for the likelihood: "
                "exp(−N × loss). It is a small number."
            ),
        ),
    },
)

check = EXERCISES.check
