"""Bad and extreme input to the math: a right float64 number or a ValueError naming the argument.

One section per class of input that used to break the promise: low-precision
probabilities, confident predictions, counts that ask for too much work, huge
finite values, scalar arguments of every numeric type, booleans, and overflow.
Warnings are errors here (pyproject's ``filterwarnings``), so a test that passes
also shows that no RuntimeWarning escaped.
"""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from test_validation import KINDS, VALID, call

import lossedu as le
from lossedu import curves, naive
from lossedu._validation import SUM_TOLERANCE, sum_tolerance
from lossedu.coding import MAX_BLOCK_OUTCOMES
from lossedu.neuron import MAX_EPOCHS, MAX_TRAINING_VALUES

mp = pytest.importorskip("mpmath")

TINY = np.finfo(float).tiny
REL = 1e-13


def close(computed, true):
    """Relative error at most 1e-13, with the smallest normal float as the least denominator."""
    error = abs(mp.mpf(float(computed)) - true)
    return error <= REL * max(abs(true), mp.mpf(TINY))


# --- 1. float32 and float16 probabilities ----------------------------------------------------


def low_precision_rows(dtype):
    """Distributions normalised in `dtype` itself, as a framework in that precision returns them."""
    width = np.finfo(dtype).bits
    weights = arrays(
        dtype,
        st.integers(1, 40),
        elements=st.floats(0.0625, 64.0, width=width),
    )
    return weights.map(lambda w: w / w.sum())


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
@given(data=st.data())
def test_any_low_precision_distribution_is_accepted_and_gives_float64(dtype, data):
    p = data.draw(low_precision_rows(dtype))
    assert p.dtype == dtype
    h = le.entropy(p)
    assert isinstance(h, float)
    # Against the float64 renormalisation: the same up to the input's own rounding.
    slack = p.size * float(np.finfo(dtype).eps) * (1 + math.log(p.size))
    assert h == pytest.approx(le.entropy(p.astype(float) / p.astype(float).sum()), abs=slack)
    assert le.cross_entropy(p, p) == pytest.approx(h, rel=1e-12, abs=1e-15)
    assert le.kl_divergence(p, p) == 0.0
    loss = le.categorical_cross_entropy_from_probs(p[None], [0], reduction="none")
    assert loss.dtype == np.float64
    soft = le.categorical_cross_entropy(np.zeros((1, p.size)), p[None], reduction="none")
    # The float64 value of the sum -p_k log(1/C), for p as given (its sum is 1 only to rounding).
    assert soft[0] == pytest.approx(math.log(p.size) * p.astype(float).sum(), rel=1e-12)


def test_float32_softmax_of_a_framework_is_accepted():
    z = np.array([[2.0, 1.0, 0.1], [-3.0, 7.5, 0.25]], dtype=np.float32)
    q = np.exp(z - z.max(axis=1, keepdims=True))
    q /= q.sum(axis=1, keepdims=True)  # what torch.softmax returns, in float32
    loss = le.categorical_cross_entropy_from_probs(q, [0, 1])
    assert isinstance(loss, float)
    assert loss == pytest.approx(le.categorical_cross_entropy(z, [0, 1]), rel=1e-6)


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_the_advice_in_the_error_message_works(dtype):
    p = np.array([0.2, 0.3, 0.6], dtype=dtype)  # sums to 1.1
    advice = r"\(p / p.sum\(axis=0, keepdims=True\)\)"
    with pytest.raises(ValueError, match=rf"p must sum to 1 .* {advice}"):
        le.entropy(p)
    fixed = p / p.sum(axis=0, keepdims=True)
    assert fixed.dtype == dtype
    assert le.entropy(fixed) == pytest.approx(le.entropy(np.array([2, 3, 6]) / 11), rel=1e-3)


def test_tolerance_follows_the_input_precision():
    assert sum_tolerance(np.zeros(3), 3) == SUM_TOLERANCE
    assert sum_tolerance(np.zeros(3, np.float32), 3) == pytest.approx(6 * 2.0**-23)
    assert sum_tolerance(np.zeros(10, np.float16), 10) == pytest.approx(20 * 2.0**-10)
    # float64 input gets no more slack than before: a float32-sized error is still refused.
    with pytest.raises(ValueError, match="p must sum to 1"):
        le.entropy([0.5, 0.5 + 1e-6])


def test_float32_off_by_more_than_its_rounding_is_refused():
    with pytest.raises(ValueError, match="p must sum to 1"):
        le.entropy(np.array([0.5, 0.49], dtype=np.float32))


# --- 2. confident, correct predictions ------------------------------------------------------

GAPS = st.one_of(
    st.floats(0.0, 800.0),
    st.floats(0.0, 1e308),
    st.sampled_from([10.0, 30.0, 36.7, 40.0, 100.0, 700.0, 745.0, 1e4]),
)


def ref_softplus(x):
    """log(1 + e^x) at 50 digits."""
    with mp.workdps(50):
        return mp.log1p(mp.exp(mp.mpf(x)))


@given(GAPS, st.sampled_from([0.0, 3.0, -1e4, 1e4]))
def test_two_class_losses_keep_every_digit_for_any_gap(gap, offset):
    z = np.array([[offset, offset - gap]] * 2)
    with mp.workdps(50):
        true_gap = mp.mpf(z[0, 0]) - mp.mpf(z[0, 1])  # the gap the floats really have
        right = ref_softplus(-true_gap)  # -log softmax of the leading class
        wrong = true_gap + right
        q_other = 1 / (1 + mp.exp(true_gap))
    loss = le.categorical_cross_entropy(z, [0, 1], reduction="none")
    assert close(loss[0], right)
    assert close(loss[1], wrong)
    log_q = le.log_softmax(z)[0]
    assert close(-log_q[0], right)
    assert close(-log_q[1], wrong)
    grad = le.grad_categorical_cross_entropy(z, [0, 0], reduction="none")[0]
    assert close(grad[0], -q_other)
    assert close(grad[1], q_other)
    assert close(le.softmax(z)[0, 1], q_other)


@given(GAPS, GAPS)
def test_logsumexp_keeps_the_small_terms_for_any_gaps(gap_a, gap_b):
    z = np.array([0.0, -gap_a, -gap_b])
    with mp.workdps(50):
        true = mp.log1p(mp.exp(-mp.mpf(gap_a)) + mp.exp(-mp.mpf(gap_b)))
    assert close(le.logsumexp(z), true)
    assert close(le.log_softmax(z)[0], -true)


@given(GAPS)
def test_softmax_and_sigmoid_losses_agree_on_a_confident_prediction(gap):
    # The sigmoid loss of logit m is the softmax loss of logits (m, 0): one is exact, so both.
    softmax_loss = le.categorical_cross_entropy([[gap, 0.0]], [0])
    sigmoid_loss = le.binary_cross_entropy_with_logits([gap], [1.0])
    assert close(softmax_loss, ref_softplus(-gap))
    assert close(sigmoid_loss, ref_softplus(-gap))
    grad = le.grad_binary_cross_entropy_with_logits([gap], [1.0])[0]
    with mp.workdps(50):
        assert close(grad, -1 / (1 + mp.exp(mp.mpf(gap))))


def test_gaps_of_30_and_40_keep_their_digits():
    # A gap of 40: the true loss 4.2e-18 used to come out as exactly 0.
    assert le.categorical_cross_entropy([[40.0, 0.0]], [0]) == pytest.approx(4.248354255291589e-18)
    assert le.categorical_cross_entropy([[30.0, 0.0]], [0]) == pytest.approx(
        9.357622968840175e-14, rel=1e-14
    )


def test_soft_target_gradient_at_a_confident_row():
    z = [[40.0, 0.0, 0.0]]
    p = [[0.9, 0.05, 0.05]]
    grad = le.grad_categorical_cross_entropy(z, p, reduction="none")[0]
    with mp.workdps(50):
        other = mp.exp(-40) / (1 + 2 * mp.exp(-40))
        assert close(grad[0], (1 - mp.mpf(0.9)) - 2 * other)


# --- 3. caps on work --------------------------------------------------------------------------


@given(st.integers(MAX_EPOCHS + 1, 10**30))
def test_epochs_over_the_cap_refused(epochs):
    for trainer in (le.train_neuron, le.preactivation_path):
        with pytest.raises(ValueError, match=rf"epochs must be at most {MAX_EPOCHS:_}"):
            trainer(2.0, 2.0, epochs=epochs)


def test_epochs_at_the_cap_accepted():
    assert le.preactivation_path(2.0, 2.0, epochs=MAX_EPOCHS).shape == (MAX_EPOCHS + 1,)


@given(st.integers(1, 10_000), st.integers(0, MAX_EPOCHS))
def test_training_grid_over_the_work_cap_refused(starts, epochs):
    w = np.zeros(starts)
    if (epochs + 1) * starts <= MAX_TRAINING_VALUES:
        return  # within the cap: trains (checked elsewhere, not worth the time here)
    with pytest.raises(ValueError, match=r"epochs and the grid of w and b ask for"):
        le.train_neuron(w, 2.0, epochs=epochs)


@given(st.integers(21, 10**12))
def test_block_over_the_cap_refused(n):
    with pytest.raises(ValueError, match=r"n=\d+ asks for 2\*\*\d+ sequences.* cap of 1_048_576"):
        le.block_distribution([0.5, 0.5], n)


def test_block_at_the_cap_accepted():
    assert le.block_distribution([0.5, 0.5], 20).size == MAX_BLOCK_OUTCOMES
    with pytest.raises(ValueError, match=r"n=13 asks for 3\*\*13"):
        le.block_distribution([0.2, 0.3, 0.5], 13)


def test_huffman_is_fast_on_many_outcomes():
    lengths = le.huffman_code_lengths(le.block_distribution([0.7, 0.2, 0.1], 9))
    assert lengths.size == 3**9
    # Kraft's equality holds for a complete binary code.
    assert np.sum(2.0 ** -lengths.astype(float)) == pytest.approx(1.0)


# --- 4. huge finite values --------------------------------------------------------------------


@pytest.mark.parametrize("trainer", [le.train_neuron, le.preactivation_path])
def test_a_huge_rate_is_refused_naming_eta(trainer):
    with pytest.raises(ValueError, match=r"eta is too large .*got eta=1e\+300"):
        trainer(2.0, 2.0, eta=1e300, x=1e10, epochs=3)


@pytest.mark.parametrize("trainer", [le.train_neuron, le.preactivation_path])
def test_a_huge_preactivation_is_refused_naming_w_b_and_x(trainer):
    with pytest.raises(ValueError, match=r"w, b and x give a pre-activation"):
        trainer(1e200, 2.0, x=1e200, epochs=3)


@given(
    st.floats(1e-6, 1e308),
    st.floats(-1e200, 1e200),
    st.floats(-1e200, 1e200),
    st.sampled_from(["quadratic", "cross_entropy"]),
)
def test_training_never_gives_a_silent_nan(eta, x, z0, cost):
    try:
        history = le.train_neuron(0.0, z0, x=x, eta=eta, epochs=4, cost=cost)
    except ValueError as exc:
        assert "eta" in str(exc) or "w, b and x" in str(exc)
        return
    for values in (history.w, history.b, history.output, history.cost):
        assert np.isfinite(values).all()
    path = le.preactivation_path(0.0, z0, x=x, eta=eta, epochs=4, cost=cost)
    assert np.isfinite(path).all()


# --- 5. scalar arguments ----------------------------------------------------------------------

SCALARS = [
    ("information base", lambda v: le.information(0.1, base=v), 2.0),
    ("entropy base", lambda v: le.entropy([0.3, 0.7], base=v), 2.0),
    ("train_neuron eta", lambda v: le.train_neuron(2.0, 2.0, eta=v, epochs=5).output[-1], 0.5),
    ("preactivation_path eta", lambda v: le.preactivation_path(2.0, 2.0, eta=v, epochs=5)[-1], 0.5),
    ("train_neuron x", lambda v: le.train_neuron(2.0, 2.0, x=v, epochs=5).output[-1], 0.5),
    ("simplified_mse c2", lambda v: curves.simplified_mse(0.5, c2=v), 4.0),
    ("simplified_mse c1", lambda v: curves.simplified_mse(0.5, c1=v), 0.25),
    ("exact_cross_entropy s", lambda v: curves.exact_cross_entropy(0.5, s=v), 4.0),
    ("flat_edge tol", lambda v: curves.flat_edge_exact_mse(tol=v), 0.0625),
    ("clipped eps", lambda v: naive.clipped_cross_entropy([1.0, 0.0], [0.0, 1.0], eps=v), 0.125),
    ("epochs_to_reach threshold", lambda v: le.epochs_to_reach([[0.9], [0.05]], v)[0], 0.5),
]


def _scalar_forms(value):
    return [np.array(value), np.float64(value), np.float32(value), np.float16(value)]


@pytest.mark.parametrize(("what", "function", "value"), SCALARS, ids=[s[0] for s in SCALARS])
def test_numpy_scalars_and_0d_arrays_give_the_float64_answer(what, function, value):
    expected = function(value)
    for form in _scalar_forms(value):
        assert function(form) == expected, (what, form)


@pytest.mark.parametrize(("what", "function", "value"), SCALARS, ids=[s[0] for s in SCALARS])
@pytest.mark.parametrize("bad", [10**400, -(10**400), True, np.True_, np.array([1.0, 2.0])])
def test_huge_ints_bools_and_arrays_are_value_errors_naming_the_argument(
    what, function, value, bad
):
    with pytest.raises(ValueError, match=rf"\b{what.split()[-1]}\b"):
        function(bad)


def test_a_float16_base_does_not_compute_in_float16():
    assert le.information(0.1, base=np.float16(2)) == le.information(0.1, base=2)
    assert isinstance(le.entropy([0.5, 0.5], base=np.float32(2)), float)


@pytest.mark.parametrize("base", [0.5, 1, 1.0, np.float64(0.999), 0, -2])
def test_a_base_of_one_or_below_is_refused(base):
    with pytest.raises(ValueError, match=r"base must be a finite number > 1"):
        le.entropy([0.5, 0.5], base=base)


def test_huge_integer_inputs_are_value_errors():
    with pytest.raises(ValueError, match=r"p is too large for a float64"):
        le.entropy([10**400, 1])
    with pytest.raises(ValueError, match=r"z is too large for a float64"):
        le.softmax([10**400, 0])
    with pytest.raises(ValueError, match=r"eta must be a finite number; got an integer of 401"):
        le.train_neuron(2.0, 2.0, eta=10**400)
    assert le.mse([10**20], [0]) == 1e40


def test_counts_accept_0d_integer_arrays_and_refuse_bools():
    assert le.block_distribution([0.5, 0.5], np.array(3)).size == 8
    with pytest.raises(ValueError, match=r"n must be an integer >= 1; got True"):
        le.block_distribution([0.5, 0.5], True)
    with pytest.raises(ValueError, match=r"epochs must be a non-negative integer"):
        le.train_neuron(2.0, 2.0, epochs=np.array(3.0))


# --- 6. booleans ------------------------------------------------------------------------------


NUMERIC = [
    pytest.param(name, arg, id=f"{name}:{arg}")
    for name, args in KINDS.items()
    for arg, kind in args.items()
    if kind.split()[-1] in {"finite", "prob", "dist"}
]


@pytest.mark.parametrize(("name", "arg"), NUMERIC)
def test_booleans_refused_for_every_numeric_argument(name, arg):
    valid = VALID[name][1][arg]
    bools = np.asarray(valid, dtype=float) > 0.4
    with pytest.raises(ValueError, match=rf"\b{arg} must (hold real numbers, not booleans|be)"):
        call(name, **{arg: bools if bools.ndim else bool(bools)})


def test_integer_arrays_still_accepted():
    assert le.mse(np.array([1, 2]), np.array([1, 4])) == 2.0
    assert le.entropy(np.array([1, 0])) == 0.0


# --- 7. no overflow warning escapes -----------------------------------------------------------


def test_a_finite_square_is_returned_exactly():
    assert le.mse([1.3e154], [0.0]) == 1.3e154**2
    assert le.mse([1.3e154, 1.3e154], [0.0, 0.0]) == 1.3e154**2  # the sum overflows, the mean not
    assert le.grad_mse([8e307], [0.0], reduction="sum")[0] == 1.6e308


@pytest.mark.parametrize(
    ("call_it", "match"),
    [
        (lambda: le.mse([1e200], [0.0]), r"pred and target overflow .*1.3e154"),
        (lambda: le.mse([1e308], [-1e308]), r"pred and target overflow"),
        (lambda: le.grad_mse([1e308], [-1e307]), r"pred and target overflow"),
        (lambda: le.mse([1.3e154] * 2, [0.0] * 2, reduction="sum"), r"reduction='sum' overflows"),
        (
            lambda: le.binary_cross_entropy_with_logits([-1e10], [1.0], pos_weight=1e300),
            r"pos_weight and logits overflow",
        ),
        (
            lambda: le.binary_cross_entropy_with_logits([1e308] * 2, [0.0] * 2, reduction="sum"),
            r"reduction='sum' overflows",
        ),
    ],
)
def test_an_overflowing_result_is_a_value_error(call_it, match):
    with pytest.raises(ValueError, match=match):
        call_it()


@given(
    st.floats(-1e308, 1e308),
    st.floats(-1e308, 1e308),
    st.sampled_from(["mean", "sum", "none"]),
)
def test_mse_is_finite_or_a_value_error(a, b, reduction):
    for function in (le.mse, le.grad_mse):
        try:
            value = function([a, b], [b, a], reduction=reduction)
        except ValueError as exc:
            assert "overflow" in str(exc)
        else:
            assert np.isfinite(value).all()


@given(
    st.floats(-1e308, 1e308),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1e308),
)
def test_weighted_bce_is_finite_or_a_value_error(x, t, w):
    for function in (le.binary_cross_entropy_with_logits, le.grad_binary_cross_entropy_with_logits):
        try:
            value = function([x], [t], pos_weight=w)
        except ValueError as exc:
            assert "pos_weight" in str(exc)
        else:
            assert np.isfinite(value).all()


@pytest.mark.parametrize("c2", [5e-324, 1e-300, 1.0, 1e300, 1.7e308])
@pytest.mark.parametrize("tol", [5e-324, 1e-300, 0.05, 1e299])
def test_curve_landmarks_stay_finite_for_extreme_parameters(c2, tol):
    assert math.isfinite(curves.inflection_simplified_mse(c1=0.5, c2=c2))
    assert math.isfinite(curves.flat_edge_simplified_mse(c1=0.5, c2=c2, tol=tol))
    assert curves.flat_edge_simplified_mse(c1=1.0, c2=2.0, tol=0.05) == pytest.approx(
        -2.97, abs=1e-3
    )


@given(st.floats(-1e308, 1e308), st.floats(-1e308, 1e308), st.floats(-1e308, 1e308))
def test_one_hidden_unit_loss_is_finite_for_any_finite_weights(w, v, x):
    for cost in ("cross_entropy", "quadratic"):
        assert math.isfinite(curves.one_hidden_unit_loss(w, v, x=x, cost=cost))


def test_a_clip_below_the_smallest_normal_float_is_refused():
    with pytest.raises(ValueError, match=r"eps must be >= 2\.225e-308"):
        naive.grad_clipped_cross_entropy_from_logits([0.0, -800.0], [0.0, 1.0], eps=5e-324)
