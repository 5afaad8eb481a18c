"""The exercises' self-checks: Exercise, ExerciseSet and answers_match."""

import dataclasses
import importlib
import pkgutil

import numpy as np
import pytest

import lossedu.exercises
from lossedu.exercises import Exercise, ExerciseSet, answers_match


def make_set(**exercise_kwargs):
    exercise_kwargs.setdefault("expected", lambda: 0.5)
    exercise_kwargs.setdefault("hint", "Think about a fair coin.")
    return ExerciseSet("demo", {1: Exercise(**exercise_kwargs)})


# --- ExerciseSet.check ---------------------------------------------------------------------


@pytest.mark.parametrize("answer", [None, ...])
def test_check_unanswered_prints_not_answered_and_returns_none(capsys, answer):
    assert make_set().check(1, answer) is None
    assert capsys.readouterr().out == (
        "Exercise 1: not answered yet. Replace None with your answer.\n"
    )


def test_check_right_answer_prints_tick_and_returns_true(capsys):
    assert make_set().check(1, 0.5) is True
    assert capsys.readouterr().out == "Exercise 1: correct ✓\n"


def test_check_wrong_answer_prints_hint_and_returns_false(capsys):
    assert make_set().check(1, 0.7) is False
    assert capsys.readouterr().out == "Exercise 1: not yet. Think about a fair coin.\n"


def test_check_wrong_answer_does_not_give_the_answer_away(capsys):
    exercises = make_set(expected=lambda: 0.8018, hint="Use the natural log.")
    exercises.check(1, 0.9)
    assert "0.8018" not in capsys.readouterr().out


def test_check_wrong_answer_without_hint_has_no_trailing_space(capsys):
    make_set(hint="").check(1, 0.7)
    assert capsys.readouterr().out == "Exercise 1: not yet.\n"


def test_check_unknown_number_lists_the_exercises():
    exercises = ExerciseSet("nb02", {1: Exercise(expected=lambda: 1), 3: Exercise(lambda: 2)})
    with pytest.raises(ValueError, match=r"nb02 has no exercise 2; its exercises are 1, 3"):
        exercises.check(2, 1)


def test_check_returns_plain_bools():
    exercises = make_set()
    assert type(exercises.check(1, np.float64(0.5))) is bool
    assert type(exercises.check(1, np.float64(0.6))) is bool


def test_expected_answer_is_computed_only_when_needed():
    calls = []

    def expected():
        calls.append(1)
        return 0.5

    exercises = make_set(expected=expected)
    exercises.check(1, None)
    assert calls == []
    exercises.check(1, 0.5)
    assert calls == [1]


def test_expected_gives_the_computed_answer():
    exercises = make_set(expected=lambda: np.log(2))
    assert exercises.expected(1) == np.log(2)


def test_exercise_set_keeps_its_own_copy_of_the_exercises():
    table = {1: Exercise(expected=lambda: 1.0)}
    exercises = ExerciseSet("demo", table)
    table[2] = Exercise(expected=lambda: 2.0)
    assert list(exercises.exercises) == [1]


# --- Exercise: tolerances and judges -------------------------------------------------------


def test_exercise_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Exercise(expected=lambda: 1.0).hint = "changed"


def test_default_rule_accepts_three_significant_figures():
    exercise = Exercise(expected=lambda: 0.80182)
    assert exercise.verdict(0.802) is True
    assert exercise.verdict(0.8018) is True
    assert exercise.verdict(0.801) is False
    assert exercise.verdict(0.80) is False


@pytest.mark.parametrize("exact", [2.584962500721156, 0.0333791577, 469.0, 1.0397207708, 9.996])
def test_exact_value_rounded_to_three_figures_passes_and_two_percent_off_fails(exact):
    exercise = Exercise(expected=lambda: exact)
    assert exercise.verdict(float(f"{exact:.3g}")) is True
    assert exercise.verdict(-float(f"{exact:.3g}")) is False
    assert exercise.verdict(exact * 1.02) is False
    assert exercise.verdict(exact * 0.98) is False


def test_a_zero_up_to_rounding_is_matched_by_zero():
    exercise = Exercise(expected=lambda: 3.8e-18)
    assert exercise.verdict(0) is True
    assert exercise.verdict(1e-3) is False


def test_custom_rtol_and_atol_widen_the_rule_never_narrow_it():
    assert Exercise(expected=lambda: 100.0, rtol=0.1).verdict(109.0) is True
    assert Exercise(expected=lambda: 100.0, rtol=0.01).verdict(109.0) is False
    assert Exercise(expected=lambda: 0.0, atol=1e-3).verdict(5e-4) is True
    assert Exercise(expected=lambda: 0.0, atol=1e-9).verdict(5e-4) is False
    assert Exercise(expected=lambda: 469.0, rtol=0, atol=0.5).verdict(469.0) is True
    assert Exercise(expected=lambda: 1234.0, rtol=0, atol=0.5).verdict(1230.0) is True


def test_judge_replaces_the_comparison():
    exercise = Exercise(judge=lambda f: f(0.5) == 1.0, hint="Use log base 2.")
    assert exercise.verdict(lambda p: -np.log2(p)) is True
    assert exercise.verdict(lambda p: -np.log(p)) is False


def test_judge_returning_none_means_a_stub():
    def stub(p): ...

    exercise = Exercise(judge=lambda f: None if f(0.5) is None else f(0.5) == 1.0)
    assert exercise.verdict(stub) is None


def test_stub_function_prints_not_answered(capsys):
    def stub(p): ...

    exercises = ExerciseSet(
        "demo", {1: Exercise(judge=lambda f: None if f(0.5) is None else f(0.5) == 1.0)}
    )
    assert exercises.check(1, stub) is None
    assert capsys.readouterr().out == ("Exercise 1: not answered yet. Write the function's body.\n")


def test_judge_that_raises_is_a_wrong_answer(capsys):
    exercises = ExerciseSet("demo", {1: Exercise(judge=lambda f: f(0.5) == 1.0, hint="Hm.")})

    def broken(p):
        raise ZeroDivisionError

    assert exercises.check(1, broken) is False
    assert capsys.readouterr().out == "Exercise 1: not yet. Hm.\n"


def test_judge_result_is_a_plain_bool():
    assert Exercise(judge=lambda f: np.bool_(True)).verdict(abs) is True


# --- answers_match -------------------------------------------------------------------------


def test_answers_match_numbers_within_tolerance():
    assert answers_match(0.8018, 0.80182, rtol=1e-3)
    assert not answers_match(0.7, 0.80182, rtol=1e-3)


def test_answers_match_arrays_and_lists():
    assert answers_match([0.5, 0.25], np.array([0.5, 0.25]))
    assert answers_match(np.array([[1.0, 2.0]]), [[1.0, 2.0]])
    assert not answers_match([0.5, 0.26], [0.5, 0.25])


def test_answers_match_refuses_a_different_shape():
    assert not answers_match([0.5, 0.5, 0.5], [0.5, 0.5])
    assert not answers_match(np.ones((3, 2)), np.ones((2, 3)))
    assert not answers_match([], 0.5)


def test_answers_match_takes_a_row_or_column_of_the_same_numbers():
    assert answers_match([[0.5, 0.25]], [0.5, 0.25])
    assert answers_match([[0.5], [0.25]], [0.5, 0.25])


def test_answers_match_takes_a_whole_number_beyond_64_bits_that_fits_a_float():
    assert answers_match(10**20, 1e20)
    assert answers_match([10**20], 1e20)


@pytest.mark.parametrize("answer", [[0.5], (0.5,), np.array([0.5]), np.array([[0.5]])])
def test_answers_match_takes_a_one_element_list_or_array_as_a_number(answer):
    assert answers_match(answer, 0.5)


def test_answers_match_judges_each_entry_by_its_own_size():
    assert answers_match([100.0, 0.00123], [100.2, 0.0012301])
    assert not answers_match([100.0, 0.00126], [100.2, 0.0012301])


def test_answers_match_infinities():
    assert answers_match(np.inf, np.inf)
    assert not answers_match(1e300, np.inf)


def test_answers_match_nan_is_never_right():
    assert not answers_match(np.nan, np.nan)
    assert not answers_match(np.nan, 0.5)


def test_answers_match_strings_ignore_case_and_surrounding_space():
    assert answers_match(" Bits ", "bits")
    assert not answers_match("nats", "bits")
    assert not answers_match(1.0, "bits")


def test_answers_match_bools_need_bools():
    assert answers_match(True, True)
    assert answers_match(np.bool_(False), False)
    assert not answers_match(False, True)
    assert not answers_match(1, True)
    assert not answers_match("True", True)


@pytest.mark.parametrize(
    "answer",
    ["a word", "0.5", {"p": 0.5}, object(), [0.5, "x"], 0.5 + 0j, 10**400, [10**400], True],
)
def test_answers_match_non_numbers_are_wrong_not_errors(answer):
    assert answers_match(answer, 0.5) is False


# --- the form of an answer -------------------------------------------------------------------


ODD_FORMS = {
    "huge int": (10**400, "too large for a float"),
    "string": ("0.5", "string"),
    "wrong length": ([0.5, 0.5, 0.5], "3 numbers"),
    "empty list": ([], "empty list"),
    "dict": ({"answer": 0.5}, "dict"),
    "complex": (0.5 + 0.1j, "complex"),
    "nan": (float("nan"), "NaN"),
    "bool": (True, "True or False"),
    "nested junk": ([[0.5], [0.5, 0.6]], "not a number"),
    "text in a list": ([0.5, "a"], "text"),
    "function": (abs, "function"),
}


@pytest.mark.parametrize("answer, words", ODD_FORMS.values(), ids=ODD_FORMS)
def test_odd_form_gets_a_form_message_not_a_hint(capsys, answer, words):
    exercises = make_set(hint="Think about a fair coin.")
    assert exercises.check(1, answer) is False
    out = capsys.readouterr().out
    assert out.startswith("Exercise 1: not yet. The answer ")
    assert words in out
    assert "fair coin" not in out


def test_word_and_bool_exercises_say_what_form_they_want(capsys):
    exercises = ExerciseSet(
        "demo", {1: Exercise(expected=lambda: "bits"), 2: Exercise(expected=lambda: True)}
    )
    assert exercises.check(1, 2.0) is False
    assert "a word in quotes" in capsys.readouterr().out
    assert exercises.check(2, "yes") is False
    assert "True or False" in capsys.readouterr().out


def test_function_exercise_given_a_number_says_a_function_is_wanted(capsys):
    exercises = ExerciseSet("demo", {1: Exercise(judge=lambda f: f(0.5) == 1.0, hint="Hm.")})
    assert exercises.check(1, 1.0) is False
    out = capsys.readouterr().out
    assert "asks for a function" in out
    assert "Hm." not in out


def test_check_raises_only_for_an_unknown_number():
    with pytest.raises(ValueError, match="has no exercise"):
        make_set().check([1], 0.5)


# --- the notebooks' exercise modules -------------------------------------------------------


def exercise_modules():
    return sorted(
        info.name
        for info in pkgutil.iter_modules(lossedu.exercises.__path__)
        if info.name.startswith("nb")
    )


@pytest.mark.parametrize("name", exercise_modules())
def test_exercise_module_exposes_check_of_its_exercise_set(name):
    module = importlib.import_module(f"lossedu.exercises.{name}")
    assert isinstance(module.EXERCISES, ExerciseSet)
    assert module.check == module.EXERCISES.check
    assert 3 <= len(module.EXERCISES.exercises) <= 5


@pytest.mark.parametrize("name", exercise_modules())
def test_exercise_module_computes_every_expected_answer(name):
    module = importlib.import_module(f"lossedu.exercises.{name}")
    for number, exercise in module.EXERCISES.exercises.items():
        if exercise.judge is None:
            expected = module.EXERCISES.expected(number)
            assert expected is not None, f"{name} exercise {number}"
            assert module.EXERCISES.exercises[number].verdict(expected) is True
