"""The self-checks of notebooks 05 and 06: right answers pass, wrong ones get a hint, stubs wait."""

import math

import numpy as np
import pytest

from lossedu.exercises import nb05, nb06

# Answers worked out by hand, independently of the expected() functions.
_A = 1.0 / (1.0 + math.exp(4.0))  # sigmoid(-4)
_ROOTS = [(1.5 - math.sqrt(0.75)) / 3, (1.5 + math.sqrt(0.75)) / 3]
NB05_ANSWERS = {
    1: math.log(1.0 * 4.0 / 2.0),
    2: 2 * _A * (1 - _A),
    4: None,  # filled in below
    5: [math.log(r / (1 - r)) for r in _ROOTS],
}


def _largest_curvature(z):
    # diag(q) - q q^T built by hand, its eigenvalues from the characteristic polynomial
    e = [math.exp(v) for v in z]
    q = [v / sum(e) for v in e]
    h = np.array([[(q[j] if j == k else 0.0) - q[j] * q[k] for k in range(3)] for j in range(3)])
    minors = sum(h[j, j] * h[k, k] - h[j, k] ** 2 for j in range(3) for k in range(j + 1, 3))
    return max(np.roots([1.0, -np.trace(h), minors, -np.linalg.det(h)]).real)


NB05_ANSWERS[4] = _largest_curvature((1.0, 2.0, 3.0))
_SAT = 1.0 / (1.0 + math.exp(-5.0))  # output at w = b = 2.5, x = 1
NB06_ANSWERS = {
    1: _SAT * _SAT * (1 - _SAT),
    # (1/0.1) * [a^2/2 - a^3/3] from 0.9 to 1
    4: ((0.5 - 1 / 3) - (0.9**2 / 2 - 0.9**3 / 3)) / 0.1,
}


def ce_right(x, s):
    return float(np.logaddexp(0.0, math.log(s) - x))


def ce_naive(x, s):
    return float(np.log(1 + s * np.exp(-x)))  # overflows at x = -1000, rounds to 0 at x = 40


def ce_stub(x, s): ...


def dc_da_right(a, y):
    return (a - y) / (a * (1 - a))


def dc_dw_instead(a, y):
    return a - y  # dC/dz: the honest gradient, but not what was asked


def dc_da_stub(a, y): ...


@pytest.mark.parametrize("module", [nb05, nb06], ids=["nb05", "nb06"])
def test_every_exercise_waits_for_an_answer(module, capsys):
    for number in module.EXERCISES.exercises:
        assert module.check(number, None) is None
    assert capsys.readouterr().out.count("not answered yet") == len(module.EXERCISES.exercises)


@pytest.mark.parametrize("module", [nb05, nb06], ids=["nb05", "nb06"])
def test_three_to_five_exercises(module):
    assert 3 <= len(module.EXERCISES.exercises) <= 5


@pytest.mark.parametrize(
    ("module", "answers"), [(nb05, NB05_ANSWERS), (nb06, NB06_ANSWERS)], ids=["nb05", "nb06"]
)
def test_numeric_answers_worked_by_hand_are_accepted(module, answers, capsys):
    for number, answer in answers.items():
        assert module.check(number, answer) is True, number
    assert "correct ✓" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("module", "answers"), [(nb05, NB05_ANSWERS), (nb06, NB06_ANSWERS)], ids=["nb05", "nb06"]
)
def test_wrong_numeric_answers_get_the_hint(module, answers, capsys):
    for number, answer in answers.items():
        assert module.check(number, np.asarray(answer) * 1.1 + 0.01) is False
        assert module.EXERCISES.exercises[number].hint in capsys.readouterr().out


def test_nb05_inflections_must_be_both_and_in_order():
    assert nb05.check(5, NB05_ANSWERS[5][1]) is False
    assert nb05.check(5, NB05_ANSWERS[5][::-1]) is False


def test_nb05_stable_cross_entropy_passes_and_naive_one_fails():
    assert nb05.check(3, ce_right) is True
    assert nb05.check(3, ce_naive) is False
    assert nb05.check(3, ce_stub) is None


def test_nb05_naive_cross_entropy_fails_without_a_warning_escaping():
    # filterwarnings turns RuntimeWarning into errors: the judge must silence the student's
    with np.errstate(all="raise"):
        assert nb05.check(3, ce_naive) is False


def test_nb06_epochs_answers():
    assert nb06.check(2, 53) is True
    assert nb06.check(2, 50) is False  # the classic start w = b = 2, printed in the notebook
    assert nb06.check(2, 300) is False
    assert nb06.check(5, 469) is True
    assert nb06.check(5, 470) is False


def test_nb06_dc_da_function():
    assert nb06.check(3, dc_da_right) is True
    assert nb06.check(3, dc_dw_instead) is False
    assert nb06.check(3, dc_da_stub) is None
