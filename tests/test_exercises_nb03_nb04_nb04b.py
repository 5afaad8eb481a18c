"""The self-checks of notebooks 03, 04 and 04b.

Right answers pass, wrong ones get a hint, stubs wait.
"""

import numpy as np
import pytest

from lossedu.exercises import nb03, nb04, nb04b

# Answers worked out by hand, independently of the expected() functions.
NB03_ANSWERS = {
    1: 0.7 * np.log(0.7 / 0.8) + 0.2 * np.log(0.2 / 0.15) + 0.1 * np.log(0.1 / 0.05),
    2: (0.8 * np.log(0.8 / 0.7) + 0.15 * np.log(0.15 / 0.2) + 0.05 * np.log(0.05 / 0.1))
    / np.log(2),
    4: 2.0,
}
NB04_ANSWERS = {
    1: -(np.log(0.7) + np.log(0.6) + np.log(0.5)) / 3,
    2: np.exp([0.5, 2.0, -1.0]) / np.exp([0.5, 2.0, -1.0]).sum() - np.array([0.0, 0.0, 1.0]),
    3: np.exp(-10.0),
}
NB04B_ANSWERS = {
    1: np.log1p(np.exp(-2.0)) + np.log1p(np.exp(-1.0)) + np.log1p(np.exp(-0.5)),
    3: np.log1p(9 / np.e),
}
MODULES = [(nb03, NB03_ANSWERS), (nb04, NB04_ANSWERS), (nb04b, NB04B_ANSWERS)]
MODULE_IDS = ["nb03", "nb04", "nb04b"]


def kl_right(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    if np.any((q == 0) & (p > 0)):
        return np.inf
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def kl_textbook_one_liner(p, q):
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(p * np.log(p / q)))  # nan where p = 0


def kl_stub(p, q): ...


def ce_right(z, label):
    z = np.asarray(z, float)
    m = z.max()
    return float(m + np.log(np.sum(np.exp(z - m))) - z[label])


def ce_overflowing(z, label):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        q = np.exp(z) / np.sum(np.exp(z))
        return float(-np.log(q[label]))


def ce_stub(z, label): ...


def ce_raising(z, label):
    raise IndexError("a student's bug")


@pytest.mark.parametrize("module", [nb03, nb04, nb04b], ids=MODULE_IDS)
def test_every_exercise_waits_for_an_answer(module, capsys):
    for number in module.EXERCISES.exercises:
        assert module.check(number, None) is None
    assert capsys.readouterr().out.count("not answered yet") == len(module.EXERCISES.exercises)


@pytest.mark.parametrize(("module", "answers"), MODULES, ids=MODULE_IDS)
def test_numeric_answers_worked_by_hand_are_accepted(module, answers, capsys):
    for number, answer in answers.items():
        assert module.check(number, answer) is True, number
    assert "correct ✓" in capsys.readouterr().out


@pytest.mark.parametrize(("module", "answers"), MODULES, ids=MODULE_IDS)
def test_wrong_numeric_answers_get_the_hint(module, answers, capsys):
    for number, answer in answers.items():
        assert module.check(number, np.asarray(answer) * 1.1 + 0.01) is False
        assert module.EXERCISES.exercises[number].hint in capsys.readouterr().out


def test_nb03_direction_matters_in_exercises_1_and_2():
    # The forward answer does not pass for the reverse direction, nor nats for bits.
    assert nb03.EXERCISES.exercises[2].verdict(NB03_ANSWERS[1]) is False
    assert nb03.EXERCISES.exercises[2].verdict(NB03_ANSWERS[2] * np.log(2)) is False


def test_nb03_kl_function_judge():
    judge = nb03.EXERCISES.exercises[3].verdict
    assert judge(kl_right) is True
    assert judge(kl_textbook_one_liner) is False
    assert judge(kl_stub) is None
    assert judge(lambda p, q: kl_right(q, p)) is False


def test_nb04b_cross_entropy_function_judge():
    judge = nb04b.EXERCISES.exercises[2].verdict
    assert judge(ce_right) is True
    assert judge(ce_overflowing) is False
    assert judge(ce_stub) is None
    assert judge(ce_raising) is False


def test_nb04_gradient_needs_all_three_components(capsys):
    assert nb04.check(2, NB04_ANSWERS[2][:2]) is False
    assert "asks for 3 numbers" in capsys.readouterr().out
    # the label subtracted from the wrong class is wrong
    assert nb04.check(2, NB04_ANSWERS[2] + np.array([0.0, -1.0, 1.0])) is False


def test_check_refuses_an_unknown_exercise_number():
    with pytest.raises(ValueError, match="has no exercise 9"):
        nb03.check(9, 1.0)


@pytest.mark.parametrize("number", [1, 2, 4])
def test_nb03_numeric_answers_rounded_to_three_figures_pass(number):
    expected = nb03.EXERCISES.expected(number)
    assert nb03.check(number, float(f"{expected:.3g}")) is True
    assert nb03.check(number, float(f"{expected * 1.02:.3g}")) is False
