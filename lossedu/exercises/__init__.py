"""Self-checks for the exercises at the end of each notebook.

Each notebook's module (``lossedu.exercises.nb02`` and so on) builds an
:class:`ExerciseSet` whose expected answers are computed by ``lossedu`` itself,
never typed in. A student calls ``check(number, answer)``:

* an answer left as ``None`` (or ``...``), or a function whose body is still
  ``...``, prints "not answered yet" and returns ``None``, so an unfinished
  notebook still runs top to bottom;
* a right answer prints a tick and returns ``True``;
* a wrong one prints a hint, without giving the answer away, and returns ``False``;
* an answer of the wrong form (a word where a number is expected, a list of the
  wrong length, a complex number, NaN, a number too large for a float ...) prints
  what is wrong with its form, and returns ``False``.

``check`` never raises for an answer, whatever it is; only an exercise number
the notebook does not have is an error.

The precision rule, the same in every notebook: **an answer right to three
significant figures is accepted.** A number is right if it is within half a
unit of the third significant figure of the exact value (so the exact value
rounded to three figures passes, and an answer 2 % off never does); each entry
of an array is judged by its own size. A one-element list or array counts as a
number. An exact value that is zero up to rounding (smaller than
:data:`ZERO_TOLERANCE`) is matched by 0.

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
>>> demo.check(1, "0.5")
Exercise 1: not yet. The answer is a string (text in quotes); write the number without quotes.
False
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..i18n import N_, _

#: Significant figures an answer needs to be accepted, in every notebook.
SIGNIFICANT_FIGURES = 3

#: Exact values smaller than this are zero up to rounding, and 0 matches them.
ZERO_TOLERANCE = 1e-12

#: Slack for the floating-point rounding of a number typed to three figures.
_FLOAT_SLACK = 1e-9

#: How the rule reads in the notebooks' Exercises sections (see :func:`precision_rule`).
PRECISION_RULE = N_("Answers right to three significant figures are accepted.")


def precision_rule():
    """The precision rule, :data:`PRECISION_RULE`, in the current language.

    Examples
    --------
    >>> precision_rule()
    'Answers right to three significant figures are accepted.'
    """
    return _(PRECISION_RULE)


def _unanswered(answer):
    return answer is None or answer is Ellipsis


def three_figure_tolerance(expected):
    """Half a unit in the third significant figure of each entry of `expected`.

    Parameters
    ----------
    expected : float or array_like
        The exact answer.

    Returns
    -------
    float or ndarray
        The largest distance from `expected` an answer may have; never below
        :data:`ZERO_TOLERANCE`.

    Examples
    --------
    >>> float(three_figure_tolerance(2.584962))   # 2.58 and 2.59 are 0.005 from 2.585
    0.005
    >>> float(three_figure_tolerance(0.0333792))
    5e-05
    >>> float(three_figure_tolerance(0.0))
    1e-12
    """
    e = np.abs(np.asarray(expected, dtype=float))
    finite_nonzero = np.isfinite(e) & (e > 0)
    exponent = np.floor(np.log10(np.where(finite_nonzero, e, 1.0)))
    half_unit = 0.5 * 10.0 ** (exponent - (SIGNIFICANT_FIGURES - 1))
    tolerance = np.where(finite_nonzero, half_unit, 0.0)
    return np.maximum(tolerance, ZERO_TOLERANCE)


def _kind(answer):
    """A student's name for the type of `answer`."""
    if isinstance(answer, str):
        return _("a string (text in quotes)")
    if isinstance(answer, dict):
        return _("a dict")
    if isinstance(answer, (set, frozenset)):
        return _("a set")
    if callable(answer):
        return _("a function")
    if isinstance(answer, (bool, np.bool_)):
        return _("True or False")
    if isinstance(answer, complex | np.complexfloating):
        return _("a complex number")
    return _("a {type}").format(type=type(answer).__name__)


def _count(n):
    return _("a single number") if n == 1 else _("{n} numbers").format(n=n)


def _not_a_number(answer):
    return _("The answer is {kind}, which is not a number or a list of numbers.").format(
        kind=_kind(answer)
    )


def _numeric_form_problem(answer, expected):
    """What is wrong with the form of a numeric `answer`, or None if it is fine."""
    if isinstance(answer, str):
        return _("The answer is {kind}; write the number without quotes.").format(
            kind=_kind(answer)
        )
    if isinstance(answer, (bool, np.bool_)):
        return _("The answer is True or False; this exercise asks for a number.")
    if isinstance(answer, (dict, set, frozenset)) or callable(answer):
        return _("The answer is {kind}; this exercise asks for {count}.").format(
            kind=_kind(answer), count=_count(expected.size)
        )
    try:
        values = np.asarray(answer)
    except Exception:
        return _not_a_number(answer)
    if values.dtype.kind == "O":  # e.g. a whole number beyond 64 bits, or a mixed list
        try:
            values = np.array([float(v) for v in values.ravel()]).reshape(values.shape)
        except OverflowError:
            return _("The answer is a whole number too large for a float (above about 1.8e308).")
        except Exception:
            return _not_a_number(answer)
    if values.dtype.kind == "c":
        return _("The answer is a complex number; this exercise asks for a real number.")
    if values.dtype.kind in "USV":
        return _("The answer contains text; write the numbers without quotes.")
    if values.dtype.kind == "b":
        return _("The answer is True or False; this exercise asks for a number.")
    if values.dtype.kind not in "iuf":
        return _not_a_number(answer)
    if values.size != expected.size:
        given = _("an empty list") if values.size == 0 else _count(values.size)
        return _("The answer has {given}; this exercise asks for {count}.").format(
            given=given, count=_count(expected.size)
        )
    if np.squeeze(values).shape != np.squeeze(expected).shape:
        return _(
            "The answer has the shape {shape}; this exercise asks for the shape {expected}."
        ).format(shape=values.shape, expected=expected.shape)
    with np.errstate(all="ignore"):
        if np.isnan(values.astype(float)).any():
            return _(
                "The answer contains NaN (not a number): a step of the computation gave no number."
            )
    return None


def _numbers_match(answer, expected, *, rtol=0.0, atol=0.0):
    a = np.array([float(v) for v in np.ravel(np.asarray(answer))]).reshape(expected.shape)
    same_inf = np.isinf(expected) & (a == expected)
    with np.errstate(all="ignore"):  # inf - inf and 0 * inf: judged by same_inf instead
        distance = np.abs(a - expected)
        three_figures = three_figure_tolerance(expected) * (1 + _FLOAT_SLACK)
        allowed = np.maximum(three_figures, atol + rtol * np.abs(expected))
    return bool(np.all(same_inf | (np.isfinite(distance) & (distance <= allowed))))


def form_problem(answer, expected):
    """What is wrong with the form of `answer`, or None if it can be judged.

    Parameters
    ----------
    answer : object
        A student's answer, of any type.
    expected : object
        The exact answer: a number or array, a string or a bool.

    Returns
    -------
    str or None
        A sentence about the form of the answer (its type or size), never
        about the maths; None if the answer has the right form.

    Examples
    --------
    >>> form_problem([1.0, 2.0], 0.5)
    'The answer has 2 numbers; this exercise asks for a single number.'
    >>> form_problem(10**400, 0.5)
    'The answer is a whole number too large for a float (above about 1.8e308).'
    >>> form_problem([0.5], 0.5) is None
    True
    """
    if isinstance(expected, str):
        if isinstance(answer, str):
            return None
        return _("The answer is {kind}; this exercise asks for a word in quotes.").format(
            kind=_kind(answer)
        )
    if isinstance(expected, (bool, np.bool_)):
        if isinstance(answer, (bool, np.bool_)):
            return None
        return _("The answer is {kind}; this exercise asks for True or False.").format(
            kind=_kind(answer)
        )
    return _numeric_form_problem(answer, np.asarray(expected, dtype=float))


def answers_match(answer, expected, *, rtol=0.0, atol=0.0):
    """Compare an answer with the expected one: numbers to three significant figures.

    Strings match ignoring case and surrounding spaces, bools need bools. A
    number or array matches if each entry is within half a unit of the third
    significant figure of the expected entry, or within ``atol + rtol * |expected|``
    when an exercise allows more; an answer of the wrong form never matches.

    Examples
    --------
    >>> answers_match(2.58, 2.584962)
    True
    >>> answers_match(2.6, 2.584962)
    False
    >>> answers_match([0.0334], 0.0333792)   # a one-element list counts as a number
    True
    >>> answers_match(0.0333, 0.0333792)
    False
    >>> answers_match("bits", "nats")
    False
    """
    if form_problem(answer, expected) is not None:
        return False
    if isinstance(expected, str):
        return answer.strip().lower() == expected.strip().lower()
    if isinstance(expected, (bool, np.bool_)):
        return bool(answer) == bool(expected)
    return _numbers_match(answer, np.asarray(expected, dtype=float), rtol=rtol, atol=atol)


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to get its answer, and how to judge a student's.

    Parameters
    ----------
    expected : callable
        Returns the right answer (a number, an array, a string or a bool); for a
        function-valued answer, see `judge`.
    hint : str
        Printed for a wrong answer, in the current language (mark it with
        :func:`lossedu.i18n.N_` so that the catalog has it).
    rtol, atol : float
        Extra allowance for numeric answers, on top of the three-figure rule
        (for an answer that cannot be more precise); they never narrow the rule.
    judge : callable, optional
        ``judge(answer) -> bool or None`` replaces the comparison with `expected`,
        e.g. to call a student's function on test inputs; ``None`` means the
        answer is still a stub (a function whose body is ``...`` returns None).
    """

    expected: Callable[[], Any] | None = None
    hint: str = ""
    rtol: float = 0.0
    atol: float = 0.0
    judge: Callable[[Any], bool] | None = None

    def assess(self, answer):
        """``(verdict, form message)``: verdict True, False or None (a stub).

        The message says what is wrong with the answer's form, or is None.
        """
        if _unanswered(answer):
            return None, None
        if self.judge is not None:
            if not callable(answer):
                return False, _(
                    "The answer is {kind}; this exercise asks for a function "
                    "(def name(...): ... return ...), passed without calling it."
                ).format(kind=_kind(answer))
            try:
                result = self.judge(answer)
            except Exception:  # a student's function that fails is a wrong answer
                return False, None
            return (None if result is None else bool(result)), None
        expected = self.expected()
        problem = form_problem(answer, expected)
        if problem is not None:
            return False, problem
        return answers_match(answer, expected, rtol=self.rtol, atol=self.atol), None

    def verdict(self, answer):
        """True if right, False if wrong (or of the wrong form), None if a stub."""
        return self.assess(answer)[0]


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

    def _exercise(self, number):
        try:
            return self.exercises[number]
        except (KeyError, TypeError):
            known = ", ".join(str(k) for k in sorted(self.exercises))
            raise ValueError(
                f"{self.name} has no exercise {number!r}; its exercises are {known}"
            ) from None

    def check(self, number, answer):
        """Say whether `answer` solves exercise `number`; ``None`` if unanswered.

        Never raises for an answer; raises ``ValueError`` for an unknown `number`.
        """
        exercise = self._exercise(number)
        label = _("Exercise {number}").format(number=number)
        verdict, problem = exercise.assess(answer)
        if verdict is None:
            todo = (
                _("Write the function's body.")
                if callable(answer)
                else _("Replace None with your answer.")
            )
            print(_("{label}: not answered yet. {todo}").format(label=label, todo=todo))
            return None
        if verdict:
            print(_("{label}: correct ✓").format(label=label))
            return True
        message = problem if problem is not None else (_(exercise.hint) if exercise.hint else "")
        print(_("{label}: not yet. {message}").format(label=label, message=message).rstrip())
        return False

    def expected(self, number):
        """The right answer of exercise `number` (for the solutions notebooks)."""
        return self._exercise(number).expected()
