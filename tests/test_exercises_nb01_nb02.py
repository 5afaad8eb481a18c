"""The self-checks of notebooks 01 and 02: unanswered, right and wrong answers."""

import numpy as np
import pytest

import lossedu as le
from lossedu.exercises import nb01, nb02

NUMERIC = [
    (nb01, 1, 2.585, np.log(6)),  # nats instead of bits
    (nb01, 2, 3.585, 1 + 2.585 * 2),
    (nb01, 3, 4.328, 3 / 1.4427),  # the conversion turned upside down
    (nb02, 1, 2.585, np.log(6)),
    (nb02, 2, 1.0397, 1.5),  # bits instead of nats
    (nb02, 4, 0.110, 0.89),  # the mirror image, on the right half
    (nb02, 5, 1.9, le.entropy([0.4, 0.3, 0.2, 0.1], base=2)),
]
ALL = [(nb01, n) for n in nb01.EXERCISES.exercises] + [(nb02, n) for n in nb02.EXERCISES.exercises]
IDS = [f"{module.__name__.rsplit('.', 1)[1]}-{n}" for module, n in ALL]


@pytest.mark.parametrize("module, number", ALL, ids=IDS)
def test_unanswered_prints_not_answered_yet(module, number, capsys):
    assert module.check(number, None) is None
    assert "not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("module", [nb01, nb02])
def test_notebooks_have_three_to_five_exercises(module):
    assert 3 <= len(module.EXERCISES.exercises) <= 5


@pytest.mark.parametrize(
    "module, number, right, wrong", NUMERIC, ids=[f"{m.__name__[-4:]}-{n}" for m, n, *_ in NUMERIC]
)
def test_numeric_answers_right_and_wrong(module, number, right, wrong, capsys):
    assert module.check(number, right) is True
    assert "correct" in capsys.readouterr().out
    assert module.check(number, wrong) is False
    assert "not yet" in capsys.readouterr().out


def test_nb01_expected_answers_follow_from_lossedu():
    assert nb01.EXERCISES.expected(1) == pytest.approx(np.log2(6))
    assert nb01.EXERCISES.expected(2) == pytest.approx(np.log2(12))
    assert nb01.EXERCISES.expected(3) == pytest.approx(3 / np.log(2))
    assert nb01.EXERCISES.expected(4) == "same"


def test_nb01_which_is_more_informative_compares_probabilities():
    assert nb01._more_informative(0.1, 0.9) == "A"
    assert nb01._more_informative(0.9, 0.1) == "B"
    assert nb01._more_informative(0.25, 0.5 * 0.5) == "same"


def test_nb01_exercise_4_accepts_any_case_and_refuses_the_meaning_answer():
    assert nb01.check(4, "Same") is True
    assert nb01.check(4, "A") is False


def test_nb01_information_bits_function():
    def stub(p): ...

    def right(p):
        return -np.log2(p)

    def natural(p):
        return -np.log(p)

    def scalar_only(p):
        return -float(np.log2(p))

    assert nb01.check(5, stub) is None
    assert nb01.check(5, right) is True
    assert nb01.check(5, natural) is False
    assert nb01.check(5, scalar_only) is False  # fails on an array: a wrong answer


def test_nb02_expected_answers_follow_from_lossedu():
    assert nb02.EXERCISES.expected(1) == pytest.approx(np.log2(6))
    assert nb02.EXERCISES.expected(2) == pytest.approx(1.5 * np.log(2))
    assert le.binary_entropy(nb02.EXERCISES.expected(4), base=2) == pytest.approx(0.5)
    assert nb02.EXERCISES.expected(5) == pytest.approx(1.9)


@pytest.mark.parametrize("h", [0.0, 0.1, 0.5, 0.9, 1.0])
def test_binary_entropy_inverse_inverts_on_the_left_half(h):
    p = nb02.binary_entropy_inverse(h)
    assert 0 <= p <= 0.5
    assert le.binary_entropy(p, base=2) == pytest.approx(h, abs=1e-9)


def test_nb02_entropy_function():
    def stub(p): ...

    def right(p):
        p = p[p > 0]
        return -np.sum(p * np.log(p))

    def naive(p):
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.sum(p * np.log(p))

    def in_bits(p):
        return right(p) / np.log(2)

    assert nb02.check(3, stub) is None
    assert nb02.check(3, right) is True
    assert nb02.check(3, naive) is False  # nan where an outcome has probability 0
    assert nb02.check(3, in_bits) is False


def three_figures(x):
    return float(f"{x:.3g}")


@pytest.mark.parametrize(
    "module, number", [(nb01, 1), (nb01, 2), (nb01, 3), (nb02, 1), (nb02, 2), (nb02, 4), (nb02, 5)]
)
def test_numeric_answers_rounded_to_three_figures_pass(module, number):
    expected = module.EXERCISES.expected(number)
    assert module.check(number, three_figures(expected)) is True
    assert module.check(number, three_figures(expected * 1.02)) is False
