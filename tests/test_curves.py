"""Loss curves of one softmax output: simplified and exact forms, derivatives, convexity."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lossedu as le
from lossedu import (
    categorical_cross_entropy,
    exact_cross_entropy,
    exact_mse,
    exact_output,
    flat_edge_exact_mse,
    flat_edge_simplified_mse,
    grad_categorical_cross_entropy,
    grad_exact_cross_entropy,
    grad_exact_mse,
    grad_simplified_cross_entropy,
    grad_simplified_mse,
    hess_exact_cross_entropy,
    hess_exact_mse,
    hess_simplified_cross_entropy,
    hess_simplified_mse,
    inflection_exact_mse,
    inflection_simplified_mse,
    one_hidden_unit_loss,
    preactivation_path,
    simplified_cross_entropy,
    simplified_mse,
    softmax,
    softmax_cross_entropy_hessian,
    train_neuron,
)

logits = st.floats(-12.0, 6.0)
targets = st.floats(0.0, 1.0)
scales = st.floats(0.05, 20.0)


def central_difference(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2.0 * h)


# --- the simplified forms ----------------------------------------------------------------------


def test_simplified_mse_known_values():
    assert simplified_mse(0.0) == 0.25
    assert simplified_mse(math.log(2.0)) == pytest.approx(0.0, abs=1e-15)
    assert simplified_mse(-40.0) == pytest.approx(1.0)


def test_simplified_mse_is_not_bounded_by_one_for_large_logits():
    # the frozen denominator lets the "probability" e^x / c2 pass 1
    assert simplified_mse(3.0) > 1.0


def test_simplified_mse_overflow_gives_inf_without_warning():
    assert simplified_mse(500.0) == math.inf
    assert grad_simplified_mse(500.0) == math.inf


def test_simplified_cross_entropy_is_the_line_ln_c2_minus_x():
    x = np.linspace(-5, 5, 11)
    np.testing.assert_allclose(simplified_cross_entropy(x, c2=3.0), np.log(3.0) - x)
    np.testing.assert_array_equal(grad_simplified_cross_entropy(x), -np.ones_like(x))
    np.testing.assert_array_equal(hess_simplified_cross_entropy(x), np.zeros_like(x))


@given(logits, targets, scales)
def test_grad_simplified_mse_matches_finite_difference(x, c1, c2):
    numeric = central_difference(lambda t: simplified_mse(t, c1=c1, c2=c2), x)
    exact = grad_simplified_mse(x, c1=c1, c2=c2)
    assert exact == pytest.approx(numeric, rel=1e-5, abs=1e-8)


@given(logits, targets, scales)
def test_hess_simplified_mse_matches_finite_difference(x, c1, c2):
    numeric = central_difference(lambda t: grad_simplified_mse(t, c1=c1, c2=c2), x)
    assert hess_simplified_mse(x, c1=c1, c2=c2) == pytest.approx(numeric, rel=1e-5, abs=1e-8)


@given(st.floats(0.01, 1.0), scales)
def test_inflection_simplified_mse_is_where_the_second_derivative_changes_sign(c1, c2):
    x_star = inflection_simplified_mse(c1=c1, c2=c2)
    assert hess_simplified_mse(x_star, c1=c1, c2=c2) == pytest.approx(0.0, abs=1e-12)
    assert hess_simplified_mse(x_star - 0.1, c1=c1, c2=c2) < 0
    assert hess_simplified_mse(x_star + 0.1, c1=c1, c2=c2) > 0


def test_inflection_simplified_mse_is_nan_for_zero_target():
    assert math.isnan(inflection_simplified_mse(c1=0.0))
    assert (hess_simplified_mse(np.linspace(-10, 3, 50), c1=0.0) >= 0).all()


@given(targets, scales, st.floats(0.001, 0.6))
def test_flat_edge_simplified_mse_bounds_the_flat_region(c1, c2, tol):
    edge = flat_edge_simplified_mse(c1=c1, c2=c2, tol=tol)
    left = np.linspace(edge - 30.0, edge, 2000)[:-1]
    assert np.all(np.abs(grad_simplified_mse(left, c1=c1, c2=c2)) < tol * (1 + 1e-9))
    assert abs(grad_simplified_mse(edge, c1=c1, c2=c2)) == pytest.approx(tol, rel=1e-7)


def test_flat_edge_simplified_mse_default():
    assert round(flat_edge_simplified_mse(), 3) == -2.970


# --- the exact forms -----------------------------------------------------------------------


@given(logits, scales)
def test_exact_output_is_the_softmax_entry(x, s):
    # S = e^{z_1} + e^{z_2} with z_1 = z_2 = ln(S/2)
    z = np.array([x, math.log(s / 2), math.log(s / 2)])
    assert exact_output(x, s=s) == pytest.approx(softmax(z)[0], rel=1e-12, abs=1e-300)


@given(logits, scales)
def test_exact_cross_entropy_matches_categorical_cross_entropy(x, s):
    z = np.array([[x, math.log(s)]])
    assert exact_cross_entropy(x, s=s) == pytest.approx(categorical_cross_entropy(z, [0]))
    grad = grad_categorical_cross_entropy(z, [0])[0, 0]
    assert grad_exact_cross_entropy(x, s=s) == pytest.approx(grad, abs=1e-12)


def test_exact_cross_entropy_is_stable_at_extreme_logits():
    assert exact_cross_entropy(-1000.0) == 1000.0
    assert exact_cross_entropy(1000.0) == 0.0
    assert exact_cross_entropy(40.0) == pytest.approx(math.exp(-40.0), rel=1e-12)


def test_exact_cross_entropy_is_never_negative():
    assert (exact_cross_entropy(np.linspace(-50, 50, 1001), s=0.3) >= 0).all()


def test_grad_exact_cross_entropy_tends_to_minus_one_when_wrong_and_zero_when_right():
    assert grad_exact_cross_entropy(-30.0) == pytest.approx(-1.0)
    assert grad_exact_cross_entropy(30.0) == pytest.approx(0.0, abs=1e-12)
    assert grad_exact_cross_entropy(40.0) == pytest.approx(-math.exp(-40.0), rel=1e-12)


@given(logits, scales)
def test_grad_exact_cross_entropy_matches_finite_difference(x, s):
    numeric = central_difference(lambda t: exact_cross_entropy(t, s=s), x)
    assert grad_exact_cross_entropy(x, s=s) == pytest.approx(numeric, rel=1e-6, abs=1e-9)


@given(logits, scales)
def test_hess_exact_cross_entropy_matches_finite_difference_and_is_nonnegative(x, s):
    numeric = central_difference(lambda t: grad_exact_cross_entropy(t, s=s), x)
    hess = hess_exact_cross_entropy(x, s=s)
    assert hess >= 0
    assert hess == pytest.approx(numeric, rel=1e-5, abs=1e-9)


@given(logits, targets, scales)
def test_grad_exact_mse_matches_finite_difference(x, c1, s):
    numeric = central_difference(lambda t: exact_mse(t, c1=c1, s=s), x)
    assert grad_exact_mse(x, c1=c1, s=s) == pytest.approx(numeric, rel=1e-5, abs=1e-9)


@given(logits, targets, scales)
def test_hess_exact_mse_matches_finite_difference(x, c1, s):
    numeric = central_difference(lambda t: grad_exact_mse(t, c1=c1, s=s), x)
    assert hess_exact_mse(x, c1=c1, s=s) == pytest.approx(numeric, rel=1e-5, abs=1e-9)


def test_grad_exact_mse_vanishes_at_both_ends():
    assert abs(grad_exact_mse(-30.0)) < 1e-12
    assert abs(grad_exact_mse(30.0)) < 1e-12


@given(targets, scales)
def test_inflection_exact_mse_is_where_the_second_derivative_changes_sign(c1, s):
    roots = inflection_exact_mse(c1=c1, s=s)
    assert 1 <= roots.size <= 2
    for x_star in roots:
        assert hess_exact_mse(x_star, c1=c1, s=s) == pytest.approx(0.0, abs=1e-10)
        left, right = hess_exact_mse([x_star - 0.05, x_star + 0.05], c1=c1, s=s)
        assert left * right < 0


def test_inflection_exact_mse_for_target_one_is_at_output_one_third():
    (x_star,) = inflection_exact_mse(c1=1.0, s=2.5)
    assert exact_output(x_star, s=2.5) == pytest.approx(1 / 3)


@given(targets, scales, st.floats(0.001, 0.6))
def test_flat_edge_exact_mse_bounds_the_flat_region(c1, s, tol):
    edge = flat_edge_exact_mse(c1=c1, s=s, tol=tol)
    if math.isinf(edge):
        slopes = np.abs(grad_exact_mse(np.linspace(-40.0, 40.0, 4001), c1=c1, s=s))
        assert slopes.max() < tol
        return
    left = np.linspace(edge - 30.0, edge, 2000)[:-1]
    assert np.all(np.abs(grad_exact_mse(left, c1=c1, s=s)) < tol * (1 + 1e-9))
    assert abs(grad_exact_mse(edge, c1=c1, s=s)) == pytest.approx(tol, rel=1e-7)


def test_flat_edge_exact_mse_default():
    assert round(flat_edge_exact_mse(), 3) == -3.609


def test_flat_edge_exact_mse_is_inf_when_the_slope_never_reaches_tol():
    # the steepest slope for target 1 is 8/27, at output 1/3
    assert math.isinf(flat_edge_exact_mse(tol=0.3))
    assert math.isfinite(flat_edge_exact_mse(tol=0.29))


def test_exact_forms_reduce_to_the_sigmoid_for_s_one():
    x = np.linspace(-6, 6, 13)
    np.testing.assert_allclose(exact_output(x), le.sigmoid(x))


# --- convexity -----------------------------------------------------------------------------


def test_softmax_cross_entropy_hessian_matches_finite_differences():
    rng = np.random.default_rng(0)
    z = rng.normal(size=4)
    hess = softmax_cross_entropy_hessian(z)
    h = 1e-6
    numeric = np.empty((4, 4))
    for k in range(4):
        e = np.zeros(4)
        e[k] = h
        plus = grad_categorical_cross_entropy((z + e)[None], [2])[0]
        minus = grad_categorical_cross_entropy((z - e)[None], [2])[0]
        numeric[:, k] = (plus - minus) / (2 * h)
    np.testing.assert_allclose(hess, numeric, atol=1e-8)


def test_softmax_cross_entropy_hessian_is_positive_semidefinite():
    rng = np.random.default_rng(0)
    z = rng.normal(scale=4.0, size=(500, 5))
    eig = np.linalg.eigvalsh(softmax_cross_entropy_hessian(z))
    assert eig.min() >= -1e-12
    # the all-ones direction: adding a constant to every logit changes nothing
    np.testing.assert_allclose(softmax_cross_entropy_hessian(z) @ np.ones(5), 0, atol=1e-15)


def test_softmax_cross_entropy_hessian_shape_and_validation():
    assert softmax_cross_entropy_hessian(np.zeros((2, 3, 4))).shape == (2, 3, 4, 4)
    with pytest.raises(ValueError, match="z contains NaN"):
        softmax_cross_entropy_hessian([0.0, math.nan])


def test_one_hidden_unit_loss_is_not_convex_in_the_weights():
    for cost in ("cross_entropy", "quadratic"):
        good = one_hidden_unit_loss(2.0, 2.0, cost=cost)
        mirrored = one_hidden_unit_loss(-2.0, -2.0, cost=cost)
        midpoint = one_hidden_unit_loss(0.0, 0.0, cost=cost)
        assert good == pytest.approx(mirrored)
        assert midpoint > (good + mirrored) / 2


def test_one_hidden_unit_loss_cross_entropy_matches_binary_cross_entropy():
    w, v = np.meshgrid(np.linspace(-3, 3, 7), np.linspace(-3, 3, 7))
    z = v * np.tanh(0.7 * w)
    expected = le.binary_cross_entropy_with_logits(z, np.ones_like(z), reduction="none")
    np.testing.assert_allclose(one_hidden_unit_loss(w, v, x=0.7), expected)


def test_one_hidden_unit_loss_validates():
    with pytest.raises(ValueError, match="cost must be one of"):
        one_hidden_unit_loss(1.0, 1.0, cost="mse")
    with pytest.raises(ValueError, match=r"y must be a single number; got shape \(2,\)"):
        one_hidden_unit_loss(1.0, 1.0, y=[0.0, 1.0])
    with pytest.raises(ValueError, match=r"y must hold probabilities in \[0, 1\]"):
        one_hidden_unit_loss(1.0, 1.0, y=2.0)


# --- validation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: simplified_mse(0.0, c1=1.5), r"c1 must hold probabilities in \[0, 1\]"),
        (lambda: simplified_mse(0.0, c1=[0.5, 1.0]), "c1 must be a single number"),
        (lambda: simplified_mse(0.0, c2=0.0), "c2 must be > 0"),
        (lambda: simplified_cross_entropy(0.0, c2=-1.0), "c2 must be > 0"),
        (lambda: grad_simplified_mse(math.nan), "x contains NaN"),
        (lambda: exact_cross_entropy(math.inf), "x contains inf"),
        (lambda: exact_mse(0.0, s=0.0), "s must be > 0"),
        (lambda: exact_mse(0.0, c1=-0.1), r"c1 must hold probabilities"),
        (lambda: inflection_exact_mse(s=-1.0), "s must be > 0"),
        (lambda: flat_edge_simplified_mse(tol=0.0), "tol must be > 0"),
        (lambda: flat_edge_exact_mse(tol=-1.0), "tol must be > 0"),
        (lambda: flat_edge_exact_mse(c1=2.0), r"c1 must hold probabilities"),
        (lambda: inflection_simplified_mse(c2=math.inf), "c2 must be a finite number"),
    ],
)
def test_curves_reject_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- the fast one-start trainer ------------------------------------------------------------


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
@pytest.mark.parametrize(
    ("w", "b", "x", "y", "eta"),
    [(0.6, 0.9, 1.0, 0.0, 0.15), (2, 2, 1, 0, 3), (-1, 0.5, 0.3, 0.8, 0.7)],
)
def test_preactivation_path_matches_train_neuron(cost, w, b, x, y, eta):
    history = train_neuron(w, b, x=x, y=y, eta=eta, epochs=400, cost=cost)
    path = preactivation_path(w, b, x=x, y=y, eta=eta, epochs=400, cost=cost)
    np.testing.assert_allclose(path, history.w * x + history.b, rtol=1e-12, atol=1e-12)


def test_preactivation_path_depends_on_the_start_only_through_z0():
    np.testing.assert_allclose(preactivation_path(0.5, 3.5), preactivation_path(3.0, 1.0))


def test_preactivation_path_validates():
    with pytest.raises(ValueError, match="w must be a single number"):
        preactivation_path([1.0, 2.0], 0.0)
    with pytest.raises(ValueError, match="eta must be > 0"):
        preactivation_path(1.0, 0.0, eta=0.0)
    with pytest.raises(ValueError, match="cost must be one of"):
        preactivation_path(1.0, 0.0, cost="mse")
