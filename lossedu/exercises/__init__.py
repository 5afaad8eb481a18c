"""Self-checks for the exercises at the end of each notebook.

Each notebook's module (``lossedu.exercises.nb02`` and so on) builds an
:class:`ExerciseSet` whose expected answers are computed by ``lossedu`` itself,
never typed in. A student calls ``check(number, answer)``:

* an answer left as ``None`` (or ``...``), or a function whose body is still
  ``...``, prints "not answered yet" and returns ``None``, so an unfinished
  notebook still runs top to bottom;
* a right answer prints a tick and returns ``True``;
* a wrong one prints a hint, without giving the answer away, and returns ``False``.

Examples
--------
>>> demo = ExerciseSet("demo", {1: Exercise(expected=lambda: 0.5, hint="Half.")})
>>> demo.check(1, None)
Exercise 1: not answered yet. Replace None with your answer.
>>> demo.check(1, 0.5)
Exercise 1: correct ✓
True
>>> demo.check(1, 0.4)
Exercise 1: not yet. Half.
False
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


def _unanswered(answer):
    return answer is None or answer is Ellipsis


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to get its answer, and how close a student's must be.

    Parameters
    ----------
    expected : callable
        Returns the right answer (a number, an array, a string or a bool); for a
        function-valued answer, see `judge`.
    hint : str
        Printed for a wrong answer.
    rtol, atol : float
        Tolerances for numeric answers.
    judge : callable, optional
        ``judge(answer) -> bool or None`` replaces the comparison with `expected`,
        e.g. to call a student's function on test inputs; ``None`` means the
        answer is still a stub (a function whose body is ``...`` returns None).
    """

    expected: Callable[[], Any] | None = None
    hint: str = ""
    rtol: float = 1e-3
    atol: float = 1e-6
    judge: Callable[[Any], bool] | None = None

    def verdict(self, answer):
        """True if right, False if wrong, None if `answer` is still a stub."""
        if _unanswered(answer):
            return None
        if self.judge is not None:
            try:
                result = self.judge(answer)
            except Exception:  # a student's function that fails is a wrong answer
                return False
            return None if result is None else bool(result)
        return answers_match(answer, self.expected(), rtol=self.rtol, atol=self.atol)


def answers_match(answer, expected, *, rtol=1e-3, atol=1e-6):
    """Compare an answer with the expected one: numbers within tolerance, others exactly.

    Examples
    --------
    >>> answers_match(0.8018, 0.80182, rtol=1e-3)
    True
    >>> answers_match("bits", "nats")
    False
    """
    if isinstance(expected, str) or isinstance(expected, (bool, np.bool_)):
        if isinstance(expected, str) and isinstance(answer, str):
            return answer.strip().lower() == expected.strip().lower()
        return type(answer) in (bool, np.bool_) and bool(answer) == bool(expected)
    try:
        a = np.asarray(answer, dtype=float)
        e = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    if a.shape != e.shape:
        return False
    return bool(np.allclose(a, e, rtol=rtol, atol=atol, equal_nan=False))


class ExerciseSet:
    """The exercises of one notebook, checked by number.

    Parameters
    ----------
    name : str
        The notebook's name, for messages.
    exercises : dict of int to Exercise
    """

    def __init__(self, name, exercises):
        self.name = name
        self.exercises = dict(exercises)

    def check(self, number, answer):
        """Say whether `answer` solves exercise `number`; ``None`` if unanswered."""
        if number not in self.exercises:
            known = ", ".join(str(k) for k in sorted(self.exercises))
            raise ValueError(f"{self.name} has no exercise {number!r}; its exercises are {known}")
        label = f"Exercise {number}"
        verdict = self.exercises[number].verdict(answer)
        if verdict is None:
            todo = (
                "Write the function's body."
                if callable(answer)
                else "Replace None with your answer."
            )
            print(f"{label}: not answered yet. {todo}")
            return None
        if verdict:
            print(f"{label}: correct ✓")
            return True
        print(f"{label}: not yet. {self.exercises[number].hint}".rstrip())
        return False

    def expected(self, number):
        """The right answer of exercise `number` (for the solutions notebooks)."""
        return self.exercises[number].expected()
