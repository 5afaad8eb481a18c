"""The self-checks of notebook 07: right answers pass, wrong ones get a hint, stubs wait."""

import math

import numpy as np

from lossedu.exercises import nb07

# Answers worked out by hand (or by a separate route), independently of expected().
_S4 = 1.0 / (1.0 + math.exp(-4.0))
ANSWERS = {
    1: math.log(10.0) + 9 * math.log(10.0 / 9.0),
    2: _S4 * (1.0 - _S4),
}


def test_every_exercise_waits_for_an_answer(capsys):
    for number in nb07.EXERCISES.exercises:
        assert nb07.check(number, None) is None
    assert capsys.readouterr().out.count("not answered yet") == len(nb07.EXERCISES.exercises)


def test_three_to_five_exercises():
    assert 3 <= len(nb07.EXERCISES.exercises) <= 5


def test_numeric_answers_worked_by_hand_are_accepted(capsys):
    for number, answer in ANSWERS.items():
        assert nb07.check(number, answer) is True, number
    assert "correct ✓" in capsys.readouterr().out


def test_answers_right_to_three_significant_figures_are_accepted():
    assert nb07.check(1, 3.25) is True
    assert nb07.check(2, 0.0177) is True
    assert nb07.check(3, 0.650) is True


def test_wrong_numeric_answers_get_the_hint(capsys):
    for number, answer in ANSWERS.items():
        assert nb07.check(number, answer * 1.1 + 0.01) is False
        assert nb07.EXERCISES.exercises[number].hint in capsys.readouterr().out


def test_the_label_term_alone_is_not_the_cost():
    assert nb07.check(1, math.log(10.0)) is False  # forgets the nine outputs with target 0


def test_sigma_prime_elsewhere_is_not_the_one_asked():
    assert nb07.check(2, 0.25) is False  # sigma'(0)
    assert nb07.check(2, 3.35e-4) is False  # sigma'(8), section 5's start


def test_saturated_share_counts_outputs_not_units():
    h = np.array([[0.999, 0.5], [0.001, 0.5]])
    assert np.mean(h * (1 - h) < nb07.SATURATED) == 0.5
    assert nb07.check(3, 65.0) is False  # a percentage where a fraction is asked
    assert nb07.check(3, 0.37) is False  # scale 10's share, not scale 20's
    assert nb07.check(3, 0.6496) is True


def test_an_answer_of_the_wrong_shape_is_not_accepted():
    assert nb07.check(1, [3.25, 3.25]) is False
