"""Self-checks for notebook 02, entropy.

Examples
--------
>>> check(2, None)
Exercise 2: not answered yet. Replace None with your answer.
>>> check(1, 2.585)
Exercise 1: correct ✓
True
"""

import numpy as np

from .. import binary_entropy, entropy, huffman_code_lengths
from ..i18n import N_
from . import Exercise, ExerciseSet

#: Distributions on which a student's ``entropy_nats`` is tried: zeros included.
TEST_DISTRIBUTIONS = (
    (0.7, 0.2, 0.1),
    (1.0, 0.0, 0.0),
    (0.5, 0.5, 0.0),
    (0.25, 0.25, 0.25, 0.25),
    (0.0, 0.1, 0.0, 0.9),
    (1.0,),
)

#: The distribution whose Huffman code exercise 5 asks for.
HUFFMAN_EXAMPLE = (0.4, 0.3, 0.2, 0.1)


def binary_entropy_inverse(h_bits, *, tol=1e-12):
    """The p in [0, 1/2] whose binary entropy is `h_bits` bits, by bisection.

    Examples
    --------
    >>> round(binary_entropy_inverse(1.0), 6)
    0.5
    """
    lo, hi = 0.0, 0.5  # binary entropy rises from 0 to 1 bit on [0, 1/2]
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if binary_entropy(mid, base=2) < h_bits:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _judge_entropy_nats(f):
    """Call the student's function on distributions with zeros, against lossedu."""
    results = [f(np.array(p)) for p in TEST_DISTRIBUTIONS]
    if all(value is None for value in results):
        return None
    if any(value is None for value in results):
        return False
    got = np.asarray(results, dtype=float)
    expected = np.array([entropy(p) for p in TEST_DISTRIBUTIONS])
    return bool(np.allclose(got, expected, rtol=1e-9, atol=1e-12))


EXERCISES = ExerciseSet(
    "02 entropy",
    {
        1: Exercise(
            expected=lambda: entropy(np.full(6, 1 / 6), base=2),
            hint=N_(
                "Six equally likely outcomes: H = log2 6 bits (each outcome carries the same)."
            ),
        ),
        2: Exercise(
            expected=lambda: entropy([0.5, 0.25, 0.25]),
            hint=N_("Use the natural log: H = -(0.5 ln 0.5 + 2 * 0.25 ln 0.25) nats."),
        ),
        3: Exercise(
            judge=_judge_entropy_nats,
            hint=N_(
                "Sum -p log p over the outcomes with p > 0 only (0 log 0 = 0): "
                "np.log(0) is -inf, and 0 * -inf is nan."
            ),
        ),
        4: Exercise(
            expected=lambda: binary_entropy_inverse(0.5),
            hint=N_(
                "Look for p between 0 and 1/2 where binary_entropy(p, base=2) is 0.5: "
                "it is below 1/4. Bisection or a fine grid both work."
            ),
        ),
        5: Exercise(
            expected=lambda: float(np.dot(HUFFMAN_EXAMPLE, huffman_code_lengths(HUFFMAN_EXAMPLE))),
            hint=N_(
                "Merge the two least likely outcomes, again and again; each merge adds one bit "
                "to the codewords inside it. Then average the lengths, weighted by p."
            ),
        ),
    },
)

check = EXERCISES.check
