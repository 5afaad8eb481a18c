"""The precision rule holds in every notebook's exercises, found by walking the package.

The rule the notebooks state: answers right to three significant figures are
accepted. For every numeric exercise of every ``lossedu.exercises.nb*`` module
(a notebook added later is walked too): the exact answer rounded to three
significant figures passes, the answer 2 % off fails, and an answer of an odd
form gets "not yet" with a sentence about its form, never a traceback or a hint.
"""

import importlib
import pkgutil

import numpy as np
import pytest

import lossedu.exercises
from lossedu.exercises import ZERO_TOLERANCE


def _exercises():
    for info in sorted(pkgutil.iter_modules(lossedu.exercises.__path__), key=lambda i: i.name):
        if not info.name.startswith("nb"):
            continue
        module = importlib.import_module(f"lossedu.exercises.{info.name}")
        for number, exercise in sorted(module.EXERCISES.exercises.items()):
            yield pytest.param(module.EXERCISES, number, exercise, id=f"{info.name}-{number}")


ALL = list(_exercises())


def _is_numeric(exercise):
    if exercise.judge is not None:
        return False
    expected = exercise.expected()
    return not isinstance(expected, (str, bool, np.bool_))


NUMERIC = [p for p in ALL if _is_numeric(p.values[2])]


def _rounded(values):
    """Each entry to three significant figures, as a student would type it."""
    return np.vectorize(lambda v: float(f"{v:.3g}"))(np.asarray(values, dtype=float))


def _answer(values):
    """A number for a scalar exercise, a list for an array one."""
    values = np.asarray(values, dtype=float)
    return float(values) if values.ndim == 0 else values.tolist()


def test_the_walk_finds_the_notebooks_exercises():
    names = {p.id.split("-")[0] for p in ALL}
    assert {"nb01", "nb02", "nb03", "nb04"} <= names
    assert len(NUMERIC) >= 10


@pytest.mark.parametrize("exercises, number, exercise", NUMERIC)
def test_exact_answer_rounded_to_three_figures_passes(exercises, number, exercise, capsys):
    expected = exercise.expected()
    assert exercises.check(number, _answer(_rounded(expected))) is True
    assert exercises.check(number, _answer(expected)) is True
    if np.ndim(expected) == 0:
        assert exercises.check(number, [float(_rounded(expected))]) is True
        assert exercises.check(number, np.array([float(_rounded(expected))])) is True


@pytest.mark.parametrize("exercises, number, exercise", NUMERIC)
@pytest.mark.parametrize("factor", [1.02, 0.98])
def test_answer_two_percent_off_fails(exercises, number, exercise, factor, capsys):
    expected = np.asarray(exercise.expected(), dtype=float)
    big = np.abs(expected) > ZERO_TOLERANCE / 0.02
    if not big.any():  # zero up to rounding: 0 passes, a small number does not
        assert exercises.check(number, _answer(np.zeros_like(expected))) is True
        assert exercises.check(number, _answer(np.full_like(expected, 0.01))) is False
        return
    assert exercises.check(number, _answer(expected * factor)) is False
    # Off in one entry only is wrong too.
    one_off = expected.copy().reshape(-1)
    one_off[np.flatnonzero(big.reshape(-1))[0]] *= factor
    assert exercises.check(number, _answer(one_off.reshape(expected.shape))) is False


def _odd_forms(expected):
    size = np.size(expected)
    wrong_length = [0.5] * (size + 1)
    return {
        "huge int": 10**400,
        "huge int in a list": [10**400] * size,
        "string": "0.5",
        "wrong length": wrong_length,
        "empty list": [],
        "dict": {"answer": 0.5},
        "complex": complex(0.5, 0.25),
        "nan": float("nan"),
        "nan in a list": [float("nan")] * size,
        "object": object(),
        "ragged list": [[0.5], [0.5, 0.25]],
    }


@pytest.mark.parametrize("exercises, number, exercise", NUMERIC)
def test_odd_forms_get_a_message_about_the_form(exercises, number, exercise, capsys):
    capsys.readouterr()
    for name, answer in _odd_forms(exercise.expected()).items():
        assert exercises.check(number, answer) is False, name
        out = capsys.readouterr().out
        assert out.startswith(f"Exercise {number}: not yet. The answer "), (name, out)
        assert exercise.hint.strip() not in out or not exercise.hint.strip(), (name, out)


@pytest.mark.parametrize("exercises, number, exercise", ALL)
def test_check_never_raises_for_any_answer(exercises, number, exercise, capsys):
    answers = [
        10**400,
        -(10**400),
        "0.5",
        "",
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        {"a": 1},
        {1, 2},
        1 + 2j,
        float("nan"),
        float("inf"),
        True,
        object(),
        [[1.0], [2.0, 3.0]],
        np.zeros((2, 2)),
        lambda *args: "a word",
        lambda *args: 10**400,
    ]
    for answer in answers:
        assert exercises.check(number, answer) in (False, True), repr(answer)
    out = capsys.readouterr().out
    assert "Traceback" not in out
