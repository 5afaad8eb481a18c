"""Bad input: every public function refuses it with a ValueError that names the argument.

Each public function is called once with valid arguments (``VALID``); every case
below changes one argument and checks the message: the argument's name, what
was wrong, and (where short enough to match) what was expected.
"""

import math
import re

import numpy as np
import pytest

import lossedu as le
from lossedu._validation import SUM_TOLERANCE

LOGITS = [[0.0, 1.0, 2.0], [1.0, 0.0, -1.0]]  # N = 2 samples, C = 3 classes
LABELS = [0, 2]
ROWS = [[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]]
P = [0.2, 0.3, 0.5]
Q = [0.3, 0.3, 0.4]

# name -> (function, valid keyword arguments)
VALID = {
    "information": (le.information, {"p": P}),
    "entropy": (le.entropy, {"p": P}),
    "binary_entropy": (le.binary_entropy, {"p": 0.3}),
    "kl_divergence": (le.kl_divergence, {"p": P, "q": Q}),
    "cross_entropy": (le.cross_entropy, {"p": P, "q": Q}),
    "logsumexp": (le.logsumexp, {"z": LOGITS}),
    "log_softmax": (le.log_softmax, {"z": LOGITS}),
    "softmax": (le.softmax, {"z": LOGITS}),
    "sigmoid": (le.sigmoid, {"z": LOGITS}),
    "log_sigmoid": (le.log_sigmoid, {"z": LOGITS}),
    "categorical_cross_entropy/labels": (
        le.categorical_cross_entropy,
        {"logits": LOGITS, "target": LABELS},
    ),
    "categorical_cross_entropy/rows": (
        le.categorical_cross_entropy,
        {"logits": LOGITS, "target": ROWS},
    ),
    "grad_categorical_cross_entropy/labels": (
        le.grad_categorical_cross_entropy,
        {"logits": LOGITS, "target": LABELS},
    ),
    "grad_categorical_cross_entropy/rows": (
        le.grad_categorical_cross_entropy,
        {"logits": LOGITS, "target": ROWS},
    ),
    "categorical_cross_entropy_from_probs/labels": (
        le.categorical_cross_entropy_from_probs,
        {"probs": ROWS, "target": LABELS},
    ),
    "categorical_cross_entropy_from_probs/rows": (
        le.categorical_cross_entropy_from_probs,
        {"probs": ROWS, "target": ROWS},
    ),
    "binary_cross_entropy": (le.binary_cross_entropy, {"probs": ROWS, "target": ROWS}),
    "binary_cross_entropy_with_logits": (
        le.binary_cross_entropy_with_logits,
        {"logits": LOGITS, "target": ROWS, "pos_weight": [1.0, 2.0, 0.5]},
    ),
    "grad_binary_cross_entropy_with_logits": (
        le.grad_binary_cross_entropy_with_logits,
        {"logits": LOGITS, "target": ROWS, "pos_weight": [1.0, 2.0, 0.5]},
    ),
    "mse": (le.mse, {"pred": LOGITS, "target": ROWS}),
    "grad_mse": (le.grad_mse, {"pred": LOGITS, "target": ROWS}),
    "train_neuron": (le.train_neuron, {"w": [0.6, 2.0], "b": [0.9, 2.0], "x": 1.0, "y": 0.0}),
    "preactivation_path": (le.preactivation_path, {"w": 0.6, "b": 0.9, "x": 1.0, "y": 0.0}),
    "neuron_cost": (le.neuron_cost, {"z": [0.5, 3.0], "y": 0.0, "cost": "quadratic"}),
    "neuron_delta": (le.neuron_delta, {"z": [0.5, 3.0], "y": 0.0, "cost": "cross_entropy"}),
    "epochs_to_reach": (le.epochs_to_reach, {"output": [[0.5, 0.9], [0.05, 0.8]]}),
}

# What each numeric argument must be: finite reals, probabilities, distributions along
# the last axis, or integer labels; "scalar" marks arguments that must be one number.
KINDS = {
    "information": {"p": "prob"},
    "entropy": {"p": "dist"},
    "binary_entropy": {"p": "prob"},
    "kl_divergence": {"p": "dist", "q": "dist"},
    "cross_entropy": {"p": "dist", "q": "dist"},
    "logsumexp": {"z": "finite"},
    "log_softmax": {"z": "finite"},
    "softmax": {"z": "finite"},
    "sigmoid": {"z": "finite"},
    "log_sigmoid": {"z": "finite"},
    "categorical_cross_entropy/labels": {"logits": "finite", "target": "labels"},
    "categorical_cross_entropy/rows": {"logits": "finite", "target": "dist"},
    "grad_categorical_cross_entropy/labels": {"logits": "finite", "target": "labels"},
    "grad_categorical_cross_entropy/rows": {"logits": "finite", "target": "dist"},
    "categorical_cross_entropy_from_probs/labels": {"probs": "dist", "target": "labels"},
    "categorical_cross_entropy_from_probs/rows": {"probs": "dist", "target": "dist"},
    "binary_cross_entropy": {"probs": "prob", "target": "prob"},
    "binary_cross_entropy_with_logits": {
        "logits": "finite",
        "target": "prob",
        "pos_weight": "finite",
    },
    "grad_binary_cross_entropy_with_logits": {
        "logits": "finite",
        "target": "prob",
        "pos_weight": "finite",
    },
    "mse": {"pred": "finite", "target": "finite"},
    "grad_mse": {"pred": "finite", "target": "finite"},
    "train_neuron": {"w": "finite", "b": "finite", "x": "scalar finite", "y": "scalar prob"},
    "preactivation_path": {
        "w": "scalar finite",
        "b": "scalar finite",
        "x": "scalar finite",
        "y": "scalar prob",
    },
    "neuron_cost": {"z": "finite", "y": "scalar prob"},
    "neuron_delta": {"z": "finite", "y": "scalar prob"},
    "epochs_to_reach": {"output": "prob"},
}

LOSSES = [
    name
    for name in VALID
    if name.split("/")[0]
    in {
        "categorical_cross_entropy",
        "grad_categorical_cross_entropy",
        "categorical_cross_entropy_from_probs",
        "binary_cross_entropy",
        "binary_cross_entropy_with_logits",
        "grad_binary_cross_entropy_with_logits",
        "mse",
        "grad_mse",
    }
]
INFORMATION = ["information", "entropy", "binary_entropy", "kl_divergence", "cross_entropy"]
NEURON = ["train_neuron", "preactivation_path", "neuron_cost", "neuron_delta"]
AXIS_FUNCTIONS = [
    "entropy",
    "kl_divergence",
    "cross_entropy",
    "logsumexp",
    "log_softmax",
    "softmax",
]


def call(name, **changes):
    function, kwargs = VALID[name]
    return function(**{**kwargs, **changes})


def args_of(*kinds):
    """(function name, argument) pairs whose kind is one of `kinds`, as pytest ids."""
    return [
        pytest.param(name, arg, id=f"{name}:{arg}")
        for name, args in KINDS.items()
        for arg, kind in args.items()
        if kind.split()[-1] in kinds
    ]


def with_entry(name, arg, value):
    """The valid argument with its first entry replaced by `value`."""
    original = VALID[name][1][arg]
    if np.ndim(original) == 0:
        return value
    arr = np.array(original, dtype=float)
    arr.flat[0] = value
    return arr


def expect(match):
    return pytest.raises(ValueError, match=match)


# --- the valid calls really are valid -------------------------------------------------------


@pytest.mark.parametrize("name", VALID)
def test_valid_arguments_are_accepted(name):
    with np.errstate(all="raise"):
        call(name)


CORE_MODULES = ("lossedu.information", "lossedu.special", "lossedu.losses", "lossedu.neuron")


def test_every_public_function_of_the_core_modules_is_covered():
    covered = {function.__name__ for function, _ in VALID.values()}
    public = {
        name
        for name in le.__all__
        if callable(getattr(le, name))
        and not isinstance(getattr(le, name), type)
        and getattr(le, name).__module__ in CORE_MODULES
    }
    assert len(public) >= 20
    assert public <= covered, public - covered


# --- NaN and inf ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "arg"), args_of("finite", "prob", "dist"))
def test_nan_refused(name, arg):
    with expect(rf"\b{arg} contains NaN"):
        call(name, **{arg: with_entry(name, arg, math.nan)})


@pytest.mark.parametrize("value", [math.inf, -math.inf])
@pytest.mark.parametrize(("name", "arg"), args_of("finite"))
def test_inf_refused_where_values_must_be_finite(name, arg, value):
    with expect(rf"\b{arg} contains inf; expected finite numbers"):
        call(name, **{arg: with_entry(name, arg, value)})


@pytest.mark.parametrize(("name", "arg"), args_of("prob", "dist"))
def test_inf_refused_as_probability(name, arg):
    with expect(rf"\b{arg} must hold probabilities in \[0, 1\]; found inf"):
        call(name, **{arg: with_entry(name, arg, math.inf)})


# --- probabilities outside [0, 1] ----------------------------------------------------------


@pytest.mark.parametrize("value", [-0.1, 1.5, -1e-12])
@pytest.mark.parametrize(("name", "arg"), args_of("prob"))
def test_probability_outside_unit_interval_refused(name, arg, value):
    with expect(rf"\b{arg} must hold probabilities in \[0, 1\]; found {re.escape(repr(value))}"):
        call(name, **{arg: with_entry(name, arg, value)})


@pytest.mark.parametrize(("name", "arg"), args_of("dist"))
def test_distribution_with_negative_entry_refused_even_if_it_sums_to_one(name, arg):
    original = np.array(VALID[name][1][arg], dtype=float)
    bad = original.copy()
    bad[..., :3] = [1.5, -0.5, 0.0]
    with expect(rf"\b{arg} must hold probabilities in \[0, 1\]; found 1.5"):
        call(name, **{arg: bad})


# --- distributions that do not sum to 1 ----------------------------------------------------


@pytest.mark.parametrize(("name", "arg"), args_of("dist"))
def test_distribution_not_summing_to_one_refused(name, arg):
    bad = np.array(VALID[name][1][arg], dtype=float)
    bad[..., :3] = [0.2, 0.3, 0.4]
    with expect(rf"\b{arg} must sum to 1 along axis \d; a slice sums to 0.9"):
        call(name, **{arg: bad})


@pytest.mark.parametrize(("name", "arg"), args_of("dist"))
def test_distribution_sum_tolerance_is_about_1e_8(name, arg):
    base = np.array(VALID[name][1][arg], dtype=float)
    close, far = base.copy(), base.copy()
    close[..., 0] -= SUM_TOLERANCE / 2
    far[..., 0] -= SUM_TOLERANCE * 3
    call(name, **{arg: close})
    with expect(rf"\b{arg} must sum to 1"):
        call(name, **{arg: far})


def test_sum_tolerance_value():
    assert SUM_TOLERANCE == 1e-8


def test_distribution_error_suggests_normalising():
    with expect(r"Normalise it yourself"):
        le.entropy([0.2, 0.3, 0.4])


def test_distribution_sums_checked_along_the_given_axis():
    p = np.array([[0.5, 0.25], [0.5, 0.75]])  # columns sum to 1, rows do not
    le.entropy(p, axis=0)
    with expect(r"p must sum to 1 along axis 1"):
        le.entropy(p)


# --- shape mismatch: no silent broadcasting ------------------------------------------------

PAIRS = [
    ("kl_divergence", "p", "q"),
    ("cross_entropy", "p", "q"),
    ("binary_cross_entropy", "probs", "target"),
    ("binary_cross_entropy_with_logits", "logits", "target"),
    ("grad_binary_cross_entropy_with_logits", "logits", "target"),
    ("mse", "pred", "target"),
    ("grad_mse", "pred", "target"),
]


def broadcastable_variants(x, distributions):
    """Shapes numpy would silently broadcast against `x`, built from valid values."""
    arr = np.asarray(x, dtype=float)
    if distributions:  # still distributions along the last axis
        return [arr[None], np.stack([arr, arr]), np.ones(1)]
    return [arr[None], arr[..., :1], arr.flat[0] * np.ones(()), np.stack([arr, arr])]


@pytest.mark.parametrize(("name", "first", "second"), PAIRS)
def test_shape_mismatch_refused_between_prediction_and_target(name, first, second):
    distributions = name in ("kl_divergence", "cross_entropy")
    for variant in broadcastable_variants(VALID[name][1][second], distributions):
        if name in ("binary_cross_entropy_with_logits", "grad_binary_cross_entropy_with_logits"):
            kwargs = {"pos_weight": None}
        else:
            kwargs = {}
        with expect(rf"{first} and {second} must have the same shape; got \(.*\) and \(.*\)"):
            call(name, **{second: variant}, **kwargs)


@pytest.mark.parametrize(
    "name",
    [n for n in VALID if n.endswith("/rows")],
)
@pytest.mark.parametrize("shape", [(2, 4), (1, 3), (3, 3), (2, 1)])
def test_shape_mismatch_refused_for_probability_rows(name, shape):
    rows = np.full(shape, 1.0 / shape[1])
    with expect(r"target and the prediction must have the same shape"):
        call(name, target=rows)


@pytest.mark.parametrize("name", [n for n in VALID if n.endswith("/labels")])
@pytest.mark.parametrize("labels", [[0], [0, 1, 2], [[0], [2]], 1])
def test_labels_need_one_per_sample(name, labels):
    with expect(r"integer target must hold one label per sample, shape \(2,\)"):
        call(name, target=labels)


@pytest.mark.parametrize("name", [n for n in VALID if n.endswith("/labels")])
def test_integer_one_hot_rows_refused_with_a_hint(name):
    with expect(r"one label per sample.*must be floats"):
        call(name, target=[[1, 0, 0], [0, 0, 1]])


# --- labels: integers in [0, C) ------------------------------------------------------------

LABEL_FUNCTIONS = [n for n in VALID if n.endswith("/labels")]


@pytest.mark.parametrize("name", LABEL_FUNCTIONS)
@pytest.mark.parametrize(
    "labels",
    [
        pytest.param([0.0, 2.0], id="float"),
        pytest.param([0.5, 1.0], id="fractional"),
        pytest.param(np.array([0, 2], dtype=np.float32), id="float32"),
    ],
)
def test_float_labels_refused(name, labels):
    with expect(r"target of floats must be probability rows .* Class labels must be integers"):
        call(name, target=labels)


@pytest.mark.parametrize("name", LABEL_FUNCTIONS)
@pytest.mark.parametrize(
    "labels",
    [
        pytest.param([True, False], id="bool"),
        pytest.param(np.array([0, 2], dtype=object), id="object"),
        pytest.param(["0", "2"], id="str"),
    ],
)
def test_non_integer_labels_refused(name, labels):
    with expect(r"target must be integer class labels; got dtype"):
        call(name, target=labels)


@pytest.mark.parametrize("name", LABEL_FUNCTIONS)
@pytest.mark.parametrize("labels", [[-1, 0], [0, 3], [0, 99], np.array([3, 0], dtype=np.uint8)])
def test_labels_out_of_range_refused(name, labels):
    with expect(r"target must lie in \[0, 3\); found (-1|3|99)"):
        call(name, target=labels)


@pytest.mark.parametrize("name", LABEL_FUNCTIONS)
@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.int64, np.uint16])
def test_labels_of_any_integer_dtype_accepted(name, dtype):
    call(name, target=np.array(LABELS, dtype=dtype))


# --- empty input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "empty", [[], np.zeros((0, 3)), np.zeros((2, 0))], ids=["[]", "0xC", "Nx0"]
)
@pytest.mark.parametrize(("name", "arg"), args_of("finite", "prob", "dist", "labels"))
def test_empty_input_refused(name, arg, empty):
    with expect(rf"\b{arg} is empty; expected"):
        call(name, **{arg: empty})


# --- non-numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("abc", id="word"),
        pytest.param("0.5", id="numeric-string"),
        pytest.param(None, id="None"),
        pytest.param(0.5 + 0j, id="complex"),
        pytest.param(np.array([0.5, 0.5], dtype=complex), id="complex-array"),
        pytest.param([0.5, None], id="list-with-None"),
        pytest.param([[0.5, 0.5], [1.0]], id="ragged"),
        pytest.param({"p": 0.5}, id="dict"),
    ],
)
@pytest.mark.parametrize(("name", "arg"), args_of("finite", "prob", "dist"))
def test_non_numbers_refused(name, arg, value):
    if value is None and arg == "pos_weight":
        return  # None is the default: no weight
    if name.startswith(("categorical", "grad_categorical")) and arg == "target":
        # A target is labels or rows; either refusal names it and what it should be.
        match = r"\btarget must be (an array of real numbers|integer (class )?labels)"
    else:
        match = rf"\b{arg} must be an array of real numbers; got"
    with expect(match):
        call(name, **{arg: value})


def test_bools_refused_even_where_values_are_probabilities():
    with expect(r"probs must hold real numbers, not booleans; got"):
        le.binary_cross_entropy([True, False], [1.0, 0.0])


# --- dimensions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "categorical_cross_entropy/labels",
        "grad_categorical_cross_entropy/labels",
        "categorical_cross_entropy_from_probs/labels",
    ],
)
def test_categorical_prediction_must_be_two_dimensional(name):
    arg = "logits" if "from_probs" not in name else "probs"
    one_row = np.asarray(VALID[name][1][arg])[0]
    with expect(rf"{arg} must be 2-D; got shape \(3,\); for a single sample .* x\[None, :\]"):
        call(name, **{arg: one_row}, target=[0])
    with expect(rf"{arg} must be 2-D; got shape \(1, 2, 3\)"):
        call(name, **{arg: np.asarray(VALID[name][1][arg])[None]}, target=[0])


@pytest.mark.parametrize(
    ("name", "arg"), [("logsumexp", "z"), ("log_softmax", "z"), ("softmax", "z"), ("entropy", "p")]
)
def test_scalar_refused_where_an_axis_is_needed(name, arg):
    with expect(rf"{arg} must have at least 1 dimension\(s\); got shape \(\)"):
        call(name, **{arg: 1.0})


@pytest.mark.parametrize("name", ["kl_divergence", "cross_entropy"])
def test_scalar_distributions_refused(name):
    with expect(r"p must have at least 1 dimension"):
        call(name, p=1.0, q=1.0)


SINGLE_NUMBERS = [
    pytest.param(name, arg, id=f"{name}:{arg}")
    for name, args in KINDS.items()
    for arg, kind in args.items()
    if kind.startswith("scalar")
]


@pytest.mark.parametrize(("name", "arg"), SINGLE_NUMBERS)
def test_single_number_arguments_refuse_arrays(name, arg):
    with expect(rf"\b{arg} must be a single number; got shape \(2,\)"):
        call(name, **{arg: [0.1, 0.2]})


# --- axis ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", AXIS_FUNCTIONS)
@pytest.mark.parametrize("axis", [2, -3, 10])
def test_axis_out_of_range_refused(name, axis):
    kwargs = {"p": ROWS, "q": ROWS} if "z" not in VALID[name][1] else {"z": LOGITS}
    if name == "entropy":
        kwargs = {"p": ROWS}
    with expect(rf"axis={axis} is out of range for an array with 2 dimension\(s\)"):
        call(name, axis=axis, **kwargs)


@pytest.mark.parametrize("name", AXIS_FUNCTIONS)
@pytest.mark.parametrize("axis", [0.0, "0", True, None])
def test_axis_must_be_an_integer(name, axis):
    with expect(r"axis must be an integer; got"):
        call(name, axis=axis)


# --- base ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", INFORMATION)
@pytest.mark.parametrize(
    "base",
    [0, 0.0, -2, -0.5, 0.5, 1, 1.0, math.nan, math.inf, -math.inf, "2", True, [2], 10**400],
)
def test_base_must_be_a_number_above_one(name, base):
    with expect(r"base must be a finite number > 1 \(2 for bits, e for nats\); got"):
        call(name, base=base)


@pytest.mark.parametrize("name", INFORMATION)
@pytest.mark.parametrize(
    "base", [None, 2, 2.0, math.e, 10, np.float64(2), np.float32(2), np.float16(2), np.array(2.0)]
)
def test_valid_bases_accepted(name, base):
    call(name, base=base)


# --- reduction -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", LOSSES)
@pytest.mark.parametrize("reduction", ["avg", "MEAN", "mean ", "", None, 0, "batchmean"])
def test_unknown_reduction_refused(name, reduction):
    with expect(r"reduction must be one of 'mean', 'sum', 'none'; got"):
        call(name, reduction=reduction)


def test_every_loss_takes_a_reduction():
    assert {VALID[name][0].__name__ for name in LOSSES} == {
        "categorical_cross_entropy",
        "grad_categorical_cross_entropy",
        "categorical_cross_entropy_from_probs",
        "binary_cross_entropy",
        "binary_cross_entropy_with_logits",
        "grad_binary_cross_entropy_with_logits",
        "mse",
        "grad_mse",
    }


# --- cost, epochs, eta ---------------------------------------------------------------------


@pytest.mark.parametrize("name", NEURON)
@pytest.mark.parametrize("cost", ["hinge", "Quadratic", "cross-entropy", "mse", "", None, 1])
def test_unknown_cost_refused(name, cost):
    with expect(r"cost must be one of 'quadratic', 'cross_entropy'; got"):
        call(name, cost=cost)


TRAINERS = ["train_neuron", "preactivation_path"]


@pytest.mark.parametrize("name", TRAINERS)
@pytest.mark.parametrize("epochs", [-1, -300, 2.5, 3.0, True, "3", None, np.float64(3)])
def test_epochs_must_be_a_non_negative_integer(name, epochs):
    with expect(r"epochs must be a non-negative integer; got"):
        call(name, epochs=epochs)


@pytest.mark.parametrize("epochs", [0, 1, np.int64(3), np.uint8(2)])
def test_integer_epochs_accepted(epochs):
    assert call("train_neuron", epochs=epochs).w.shape == (int(epochs) + 1, 2)


@pytest.mark.parametrize("name", TRAINERS)
@pytest.mark.parametrize("eta", [0, 0.0, -0.15, -1e300])
def test_eta_must_be_positive(name, eta):
    with expect(r"eta must be > 0; got"):
        call(name, eta=eta)


@pytest.mark.parametrize("eta", [math.nan, math.inf, -math.inf, True, "0.1", None, [0.1]])
@pytest.mark.parametrize("name", TRAINERS)
def test_eta_must_be_a_finite_number(name, eta):
    with expect(r"eta must be a finite number; got"):
        call(name, eta=eta)


def test_train_neuron_refuses_starts_that_do_not_broadcast():
    with expect(r"w and b must broadcast to one grid; got shapes \(2,\) and \(3,\)"):
        call("train_neuron", w=[0.0, 1.0], b=[0.0, 1.0, 2.0])


# --- pos_weight ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["binary_cross_entropy_with_logits", "grad_binary_cross_entropy_with_logits"]
)
@pytest.mark.parametrize("pos_weight", [-1.0, [1.0, -0.5, 1.0]])
def test_negative_pos_weight_refused(name, pos_weight):
    with expect(r"pos_weight must be >= 0; found -(1.0|0.5)"):
        call(name, pos_weight=pos_weight)


@pytest.mark.parametrize(
    "name", ["binary_cross_entropy_with_logits", "grad_binary_cross_entropy_with_logits"]
)
@pytest.mark.parametrize("pos_weight", [[1.0, 2.0], [1.0] * 4, [[1.0, 2.0, 3.0]], [[1.0]] * 2])
def test_pos_weight_must_be_scalar_or_one_per_class(name, pos_weight):
    with expect(r"pos_weight must be a scalar or hold one weight per class, shape \(3,\); got"):
        call(name, pos_weight=pos_weight)


@pytest.mark.parametrize(
    "name", ["binary_cross_entropy_with_logits", "grad_binary_cross_entropy_with_logits"]
)
def test_pos_weight_per_class_needs_an_axis(name):
    with expect(r"pos_weight must be a scalar or hold one weight per class"):
        call(name, logits=0.5, target=1.0, pos_weight=[1.0])


# --- epochs_to_reach's threshold -----------------------------------------------------------


@pytest.mark.parametrize("threshold", [0, -0.1, 1.0, 1.5])
def test_threshold_must_lie_in_the_unit_interval(threshold):
    with expect(r"threshold must be (> 0|< 1); got"):
        call("epochs_to_reach", threshold=threshold)


@pytest.mark.parametrize("threshold", [math.nan, "0.1", None])
def test_threshold_must_be_a_number(threshold):
    with expect(r"threshold must be a finite number; got"):
        call("epochs_to_reach", threshold=threshold)


# --- the exercises' checker ----------------------------------------------------------------


def test_unknown_exercise_number_refused():
    from lossedu.exercises import Exercise, ExerciseSet

    demo = ExerciseSet("demo", {1: Exercise(expected=lambda: 1.0)})
    with expect(r"demo has no exercise 7; its exercises are 1"):
        demo.check(7, 1.0)
