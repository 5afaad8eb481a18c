"""Property-based tests (hypothesis): the identities the course relies on, on generated inputs.

Settings (examples, derandomisation) come from the profile in tests/conftest.py.
Every gradient is checked against central finite differences of its own loss.
"""

import math
import os

import numpy as np
import pytest

if os.environ.get("LOSSEDU_REQUIRE_REFERENCES") != "1":  # on CI a missing hypothesis fails
    pytest.importorskip("hypothesis")

from hypothesis import assume, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra import numpy as hnp  # noqa: E402

import lossedu as le  # noqa: E402

REDUCTIONS = ["mean", "sum", "none"]
COSTS = ["quadratic", "cross_entropy"]


# --- strategies ----------------------------------------------------------------------------


def floats(lo, hi):
    return st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)


def logit_arrays(lo=-30.0, hi=30.0, min_dims=1, max_dims=2, max_side=6):
    return hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=1, max_side=max_side),
        elements=floats(lo, hi),
    )


def normalise(w):
    w = np.asarray(w, dtype=float)
    if w.sum() == 0:
        w = w.copy()
        w[0] = 1.0
    return w / w.sum()


@st.composite
def distributions(draw, n=None, zeros=True):
    n = draw(st.integers(1, 8)) if n is None else n
    element = floats(0.0, 1.0) if zeros else floats(1e-3, 1.0)
    return normalise(draw(hnp.arrays(np.float64, n, elements=element)))


@st.composite
def distribution_pairs(draw, zeros=True):
    n = draw(st.integers(1, 8))
    return draw(distributions(n, zeros)), draw(distributions(n, zeros))


@st.composite
def classification(draw, lo=-10.0, hi=10.0, soft=None):
    """Logits (N, C) and a target: integer labels or probability rows."""
    n, c = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    logits = draw(hnp.arrays(np.float64, (n, c), elements=floats(lo, hi)))
    soft = draw(st.booleans()) if soft is None else soft
    if soft:
        target = np.stack([draw(distributions(c)) for _ in range(n)])
    else:
        target = np.array(draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n)))
    return logits, target


@st.composite
def binary_problem(draw, lo=-10.0, hi=10.0):
    """Logits, targets in [0, 1] of the same shape, and a pos_weight (None, scalar or per class)."""
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=5))
    logits = draw(hnp.arrays(np.float64, shape, elements=floats(lo, hi)))
    target = draw(hnp.arrays(np.float64, shape, elements=floats(0.0, 1.0)))
    pos_weight = draw(
        st.one_of(
            st.none(),
            floats(0.0, 5.0),
            hnp.arrays(np.float64, shape[-1], elements=floats(0.0, 5.0)),
        )
    )
    return logits, target, pos_weight


def central_difference(f, x, h=1e-6):
    """Gradient of the scalar function `f` at `x` by central differences."""
    x = np.asarray(x, dtype=float)
    grad = np.empty_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        grad[i] = (f(up) - f(down)) / (2 * h)
    return grad


def total(value):
    """A loss as one number; "none" losses are summed (each depends on its own input only)."""
    return float(np.sum(value))


def assert_gradient(analytic, f, x, h=1e-6):
    numeric = central_difference(f, x, h)
    # Rounding in f(x +- h) is a few ulps of |f|, divided by 2h in the difference.
    atol = 1e-7 + 1e-8 * abs(f(x))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=atol)


# --- information: Gibbs, decomposition, bounds ---------------------------------------------


@given(distribution_pairs())
def test_kl_divergence_gibbs_inequality(pair):
    p, q = pair
    d = le.kl_divergence(p, q)
    # Pinsker: D(p||q) >= ||p - q||_1^2 / 2, which is Gibbs' D >= 0 with = only at p = q.
    l1 = np.abs(p - q).sum()
    assert d >= 0.5 * l1**2 - 1e-12
    if l1 > 1e-6:
        assert d > 0


@given(distributions())
def test_kl_divergence_zero_iff_identical(p):
    assert le.kl_divergence(p, p) == 0.0


@given(distribution_pairs())
def test_cross_entropy_is_entropy_plus_kl_divergence(pair):
    p, q = pair
    h_pq = le.cross_entropy(p, q)
    h_p, d = le.entropy(p), le.kl_divergence(p, q)
    if math.isinf(h_pq) or math.isinf(d):
        assert math.isinf(h_pq) and math.isinf(d)
        assert np.any((q == 0) & (p > 0))
    else:
        assert h_pq == pytest.approx(h_p + d, rel=1e-12, abs=1e-12)


@given(distribution_pairs(), st.sampled_from([2, 10, math.e, 1.5]))
def test_cross_entropy_decomposition_in_any_base(pair, base):
    p, q = pair
    assume(np.all(q[p > 0] > 0))
    assert le.cross_entropy(p, q, base=base) == pytest.approx(
        le.entropy(p, base=base) + le.kl_divergence(p, q, base=base), rel=1e-12, abs=1e-12
    )


@given(distributions())
def test_entropy_between_zero_and_log_n(p):
    h = le.entropy(p)
    assert 0.0 <= h <= math.log(len(p)) + 1e-12


@given(distribution_pairs())
def test_cross_entropy_at_least_entropy(pair):
    p, q = pair
    assert le.cross_entropy(p, q) >= le.entropy(p) - 1e-12


@given(st.lists(distributions(n=3), min_size=1, max_size=4))
def test_entropy_of_rows_equals_rowwise_entropy(rows):
    p = np.stack(rows)
    np.testing.assert_array_equal(le.entropy(p), [le.entropy(r) for r in rows])


@given(floats(0.0, 1.0), floats(0.0, 1.0))
def test_information_adds_over_independent_events(p, q):
    # Only where p * q is a normal float: a subnormal product has lost digits itself.
    assume(p * q >= np.finfo(float).tiny)
    assert le.information(p * q) == pytest.approx(
        le.information(p) + le.information(q), rel=1e-12, abs=1e-12
    )


@given(st.sampled_from([0.0, 0.5, 1.0]), floats(0.0, 1.0))
def test_information_of_impossible_joint_event_is_inf(p, q):
    assume(p * q == 0)
    assert le.information(p * q) == math.inf


@given(floats(0.0, 1.0))
def test_binary_entropy_equals_entropy_of_a_coin(p):
    assert le.binary_entropy(p) == pytest.approx(le.entropy([p, 1 - p]), abs=1e-15)


# --- softmax family ------------------------------------------------------------------------


@given(logit_arrays(-1e4, 1e4), floats(-1e3, 1e3))
def test_softmax_shift_invariant(z, c):
    np.testing.assert_allclose(le.softmax(z + c), le.softmax(z), rtol=1e-9, atol=1e-12)


@given(logit_arrays(-1e4, 1e4))
def test_softmax_normalised(z):
    s = le.softmax(z)
    assert np.all(np.isfinite(s))
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s.sum(axis=-1), 1.0, rtol=1e-14 * z.shape[-1])


@given(logit_arrays(-1e4, 1e4), st.integers(0, 1))
def test_softmax_normalised_along_any_axis(z, axis):
    assume(axis < z.ndim)
    np.testing.assert_allclose(le.softmax(z, axis=axis).sum(axis=axis), 1.0, rtol=1e-13)


@given(logit_arrays())
def test_log_softmax_equals_log_of_softmax_where_safe(z):
    s = le.softmax(z)
    safe = s > 1e-300  # where the softmax has not underflowed
    with np.errstate(divide="ignore"):
        log_s = np.log(s)
    np.testing.assert_allclose(le.log_softmax(z)[safe], log_s[safe], rtol=1e-12, atol=1e-13)


@given(logit_arrays(-1e4, 1e4))
def test_log_softmax_finite_and_nonpositive(z):
    out = le.log_softmax(z)
    assert np.all(np.isfinite(out))
    assert np.all(out <= 0)


@given(logit_arrays(-1e4, 1e4))
def test_logsumexp_between_max_and_max_plus_log_n(z):
    lse = le.logsumexp(z)
    zmax = z.max(axis=-1)
    assert np.all(np.isfinite(lse))
    assert np.all(lse >= zmax)
    assert np.all(lse <= zmax + math.log(z.shape[-1]) * (1 + 1e-15) + 1e-12 * np.abs(zmax))


@given(logit_arrays(-1e4, 1e4))
def test_log_softmax_is_logits_minus_logsumexp(z):
    expected = z - np.asarray(le.logsumexp(z))[..., None]
    np.testing.assert_allclose(le.log_softmax(z), expected, rtol=1e-12, atol=1e-9)


@given(floats(-1e4, 1e4))
def test_sigmoid_and_log_sigmoid_symmetry(z):
    assert le.sigmoid(z) + le.sigmoid(-z) == pytest.approx(1.0, abs=4e-16)
    assert le.log_sigmoid(z) - le.log_sigmoid(-z) == pytest.approx(z, rel=1e-15, abs=1e-13)


@given(floats(-700.0, 0.0))
def test_log_sigmoid_equals_log_of_sigmoid_where_safe(z):
    assert le.log_sigmoid(z) == pytest.approx(math.log(le.sigmoid(z)), rel=1e-13, abs=1e-15)


# --- losses: extreme inputs ----------------------------------------------------------------


@given(classification(lo=-1e4, hi=1e4), st.sampled_from(REDUCTIONS))
def test_categorical_cross_entropy_finite_and_nonnegative_for_extreme_logits(problem, reduction):
    logits, target = problem
    loss = le.categorical_cross_entropy(logits, target, reduction=reduction)
    grad = le.grad_categorical_cross_entropy(logits, target, reduction=reduction)
    assert np.all(np.isfinite(loss)) and np.all(np.asarray(loss) >= 0)
    assert np.all(np.isfinite(grad)) and np.all(np.abs(grad) <= 1)


@given(binary_problem(lo=-1e4, hi=1e4), st.sampled_from(REDUCTIONS))
def test_binary_cross_entropy_with_logits_finite_for_extreme_logits(problem, reduction):
    logits, target, pos_weight = problem
    loss = le.binary_cross_entropy_with_logits(
        logits, target, pos_weight=pos_weight, reduction=reduction
    )
    grad = le.grad_binary_cross_entropy_with_logits(
        logits, target, pos_weight=pos_weight, reduction=reduction
    )
    assert np.all(np.isfinite(loss)) and np.all(np.asarray(loss) >= 0)
    assert np.all(np.isfinite(grad))


@given(classification(lo=-30, hi=30))
def test_categorical_cross_entropy_shift_invariant(problem):
    logits, target = problem
    shifted = logits + 100.0 * np.arange(len(logits))[:, None]
    np.testing.assert_allclose(
        le.categorical_cross_entropy(shifted, target, reduction="none"),
        le.categorical_cross_entropy(logits, target, reduction="none"),
        rtol=1e-10,
        atol=1e-11,
    )


@given(binary_problem(lo=-8, hi=8))
def test_binary_cross_entropy_equals_logits_form_on_sigmoid(problem):
    # Only where 1 - sigmoid(x) keeps its digits: beyond, the probability form is the
    # less accurate one (sigmoid(20) = 1 - 2e-9 leaves 1 - q with 7 correct digits).
    logits, target, _ = problem
    np.testing.assert_allclose(
        le.binary_cross_entropy(le.sigmoid(logits), target, reduction="none"),
        le.binary_cross_entropy_with_logits(logits, target, reduction="none"),
        rtol=1e-9,
        atol=1e-12,
    )


# --- gradients against central finite differences ------------------------------------------


@given(classification(soft=False), st.sampled_from(REDUCTIONS))
def test_grad_categorical_cross_entropy_labels_matches_finite_differences(problem, reduction):
    logits, labels = problem
    assert_gradient(
        le.grad_categorical_cross_entropy(logits, labels, reduction=reduction),
        lambda z: total(le.categorical_cross_entropy(z, labels, reduction=reduction)),
        logits,
    )


@given(classification(soft=True), st.sampled_from(REDUCTIONS))
def test_grad_categorical_cross_entropy_rows_matches_finite_differences(problem, reduction):
    logits, rows = problem
    assert_gradient(
        le.grad_categorical_cross_entropy(logits, rows, reduction=reduction),
        lambda z: total(le.categorical_cross_entropy(z, rows, reduction=reduction)),
        logits,
    )


@given(binary_problem(), st.sampled_from(REDUCTIONS))
def test_grad_binary_cross_entropy_with_logits_matches_finite_differences(problem, reduction):
    logits, target, pos_weight = problem
    assert_gradient(
        le.grad_binary_cross_entropy_with_logits(
            logits, target, pos_weight=pos_weight, reduction=reduction
        ),
        lambda x: total(
            le.binary_cross_entropy_with_logits(
                x, target, pos_weight=pos_weight, reduction=reduction
            )
        ),
        logits,
    )


@given(
    hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=5), elements=floats(-10, 10)),
    st.data(),
    st.sampled_from(REDUCTIONS),
)
def test_grad_mse_matches_finite_differences(pred, data, reduction):
    target = data.draw(hnp.arrays(np.float64, pred.shape, elements=floats(-10, 10)))
    assert_gradient(
        le.grad_mse(pred, target, reduction=reduction),
        lambda x: total(le.mse(x, target, reduction=reduction)),
        pred,
    )


@given(floats(-15, 15), floats(0.0, 1.0), st.sampled_from(COSTS))
def test_neuron_delta_matches_finite_differences(z, y, cost):
    h = 1e-6
    numeric = (le.neuron_cost(z + h, y, cost) - le.neuron_cost(z - h, y, cost)) / (2 * h)
    assert le.neuron_delta(z, y, cost) == pytest.approx(numeric, rel=1e-5, abs=1e-8)


@given(
    hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=4), elements=floats(-15, 15)),
    floats(0.0, 1.0),
    st.sampled_from(COSTS),
)
def test_neuron_delta_matches_finite_differences_elementwise(z, y, cost):
    assert_gradient(le.neuron_delta(z, y, cost), lambda v: total(le.neuron_cost(v, y, cost)), z)


# --- the neuron ----------------------------------------------------------------------------


@given(
    hnp.arrays(np.float64, st.integers(1, 4), elements=floats(-5, 5)),
    floats(-5, 5),
    floats(0.0, 1.0),
    st.sampled_from(COSTS),
)
def test_train_neuron_grid_equals_one_start_at_a_time(w, b, y, cost):
    grid = le.train_neuron(w, b, y=y, epochs=15, cost=cost)
    for i, wi in enumerate(w):
        one = le.train_neuron(wi, b, y=y, epochs=15, cost=cost)
        np.testing.assert_allclose(grid.output[:, i], one.output, rtol=1e-14, atol=1e-300)
