"""Self-checks for notebook 01, information content.

Examples
--------
>>> check(1, None)
Exercise 1: not answered yet. Replace None with your answer.
>>> check(3, 3 * 1.4427)
Exercise 3: correct ✓
True
"""

import numpy as np

from .. import BITS_PER_NAT, information
from ..i18n import N_
from . import Exercise, ExerciseSet

#: Probabilities on which a student's ``information_bits`` is tried.
TEST_PROBABILITIES = (1.0, 0.5, 0.25, 1 / 6, 0.02, 0.95, 1e-6)


def _more_informative(p_a, p_b):
    """ "A", "B" or "same": which of two events carries more information."""
    i_a, i_b = information(p_a), information(p_b)
    if np.isclose(i_a, i_b):
        return "same"
    return "A" if i_a > i_b else "B"


def _judge_information_bits(f):
    """Call the student's function on scalars and on an array, against lossedu."""
    scalars = [f(p) for p in TEST_PROBABILITIES]
    if all(value is None for value in scalars):
        return None
    if any(value is None for value in scalars):
        return False
    expected = information(np.array(TEST_PROBABILITIES), base=2)
    if not np.allclose(np.asarray(scalars, dtype=float), expected, rtol=1e-9, atol=1e-12):
        return False
    as_array = f(np.array(TEST_PROBABILITIES))
    return as_array is not None and bool(
        np.allclose(np.asarray(as_array, dtype=float), expected, rtol=1e-9, atol=1e-12)
    )


EXERCISES = ExerciseSet(
    "01 information content",
    {
        1: Exercise(
            expected=lambda: information(1 / 6, base=2),
            hint=N_("A fair die shows a six with probability 1/6; use I = -log2 p."),
        ),
        2: Exercise(
            expected=lambda: information(1 / 2 * 1 / 6, base=2),
            hint=N_(
                "For independent events the probabilities multiply, so the informations add: "
                "the coin's bits plus the die's bits."
            ),
        ),
        3: Exercise(
            expected=lambda: 3 * BITS_PER_NAT,
            hint=N_(
                "1 nat = 1/ln 2 bits (about 1.44). A bit is the smaller unit, "
                "so the same information takes more bits than nats."
            ),
        ),
        4: Exercise(
            expected=lambda: _more_informative(1 / 4, 1 / 2 * 1 / 2),
            hint=N_(
                'Answer "A", "B" or "same". Information depends only on the probability, '
                "not on how much the message matters to you."
            ),
        ),
        5: Exercise(
            judge=_judge_information_bits,
            hint=N_(
                "Return -log2(p): np.log2 works on numbers and arrays alike. "
                "Check that f(1.0) is 0 and f(0.5) is 1."
            ),
        ),
    },
)

check = EXERCISES.check
