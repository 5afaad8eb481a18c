"""The self-checks of notebook 07: right answers pass, wrong ones get a hint, stubs wait."""

import math

import numpy as np

from lossedu.exercises import nb07

# Answers worked out by hand (or by a separate route), independently of expected().
_S8 = 1.0 / (1.0 + math.exp(-8.0))
ANSWERS = {
    1: 10 * math.log(2.0),
    2: _S8 * (1.0 - _S8),
}


def hidden_delta_right(delta2, W2, h):
    return (delta2 @ W2.T) * h * (1 - h)


def hidden_delta_without_sigma_prime(delta2, W2, h):
    return delta2 @ W2.T  # what cross-entropy would wish, but the hidden σ' stays


def hidden_delta_transposed(delta2, W2, h):
    return (delta2 @ W2.T).T  # wrong shape


def hidden_delta_stub(delta2, W2, h): ...


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
    assert nb07.check(1, 6.93) is True
    assert nb07.check(2, 3.35e-4) is True
    assert nb07.check(5, 0.3705) is True


def test_wrong_numeric_answers_get_the_hint(capsys):
    for number, answer in ANSWERS.items():
        assert nb07.check(number, answer * 1.1 + 0.01) is False
        assert nb07.EXERCISES.exercises[number].hint in capsys.readouterr().out


def test_sigma_prime_at_zero_is_not_the_saturated_one():
    assert nb07.check(2, 0.25) is False


def test_hidden_delta_function():
    assert nb07.check(3, hidden_delta_right) is True
    assert nb07.check(3, hidden_delta_without_sigma_prime) is False
    assert nb07.check(3, hidden_delta_transposed) is False
    assert nb07.check(3, hidden_delta_stub) is None


def test_epochs_to_ninety_percent():
    assert nb07.check(4, 7) is True
    assert nb07.check(4, 5) is False  # the softmax network's count, not the binary one's
    assert nb07.check(4, 15) is False


def test_saturated_share_counts_outputs_not_units():
    h = np.array([[0.999, 0.5], [0.001, 0.5]])
    assert np.mean(h * (1 - h) < nb07.SATURATED) == 0.5
    assert nb07.check(5, 37.0) is False  # a percentage where a fraction is asked
    assert nb07.check(5, 0.3705) is True


def test_an_answer_of_the_wrong_shape_is_not_accepted():
    assert nb07.check(1, [6.93, 6.93]) is False
