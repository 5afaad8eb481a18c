"""logsumexp, log_softmax, softmax, sigmoid and log_sigmoid: values, stability, shapes.

RuntimeWarnings are errors in this test suite (pyproject.toml), so every test
below that feeds extreme logits also checks that nothing overflows.
"""

import math

import numpy as np
import pytest

from lossedu import log_sigmoid, log_softmax, logsumexp, sigmoid, softmax

EXTREME_ROWS = [
    [1e4, -1e4],
    [-1e4, 1e4, 0.0],
    [1e4, 1e4, 1e4],
    [-1e4, -1e4],
    [1e4, 1e4 - 30.0, -1e4],
    [700.0, 710.0, 720.0],  # exp(710) overflows a float64
    [-745.0, -746.0],  # exp(-746) underflows to 0
]


def rng():
    return np.random.default_rng(20240601)


# --- logsumexp -----------------------------------------------------------------------------


def test_logsumexp_known_values():
    assert logsumexp([0.0, 0.0]) == pytest.approx(math.log(2), rel=1e-15)
    assert logsumexp([0.0]) == 0.0
    assert logsumexp([1.0, 2.0, 3.0]) == pytest.approx(
        math.log(math.e + math.e**2 + math.e**3), rel=1e-15
    )


def test_logsumexp_returns_float_for_one_row():
    assert isinstance(logsumexp([1.0, 2.0]), float)


@pytest.mark.parametrize("z", EXTREME_ROWS)
def test_logsumexp_extreme_logits_finite(z):
    value = logsumexp(z)
    assert np.isfinite(value)
    assert max(z) <= value <= max(z) + math.log(len(z))


def test_logsumexp_of_equal_large_logits_adds_log_count():
    assert logsumexp([1e4, 1e4]) == pytest.approx(1e4 + math.log(2), rel=1e-15)
    assert logsumexp([-1e4] * 3) == pytest.approx(-1e4 + math.log(3), rel=1e-15)


def test_logsumexp_is_shift_equivariant():
    z = rng().normal(size=(4, 5))
    np.testing.assert_allclose(logsumexp(z + 1e3), logsumexp(z) + 1e3, rtol=1e-14)


def test_logsumexp_axis_reduces_that_axis():
    z = rng().normal(size=(3, 4))
    assert logsumexp(z).shape == (3,)
    assert logsumexp(z, axis=0).shape == (4,)
    np.testing.assert_allclose(logsumexp(z, axis=0), logsumexp(z.T), rtol=1e-15)
    np.testing.assert_allclose(logsumexp(z, axis=-1), np.log(np.exp(z).sum(axis=-1)), rtol=1e-14)


# --- log_softmax ---------------------------------------------------------------------------


@pytest.mark.parametrize("z", EXTREME_ROWS)
def test_log_softmax_extreme_logits_finite_and_nonpositive(z):
    out = log_softmax(z)
    assert np.all(np.isfinite(out))
    assert np.all(out <= 0)


def test_log_softmax_extreme_values_exact():
    np.testing.assert_array_equal(log_softmax([1e4, -1e4]), [0.0, -2e4])
    np.testing.assert_array_equal(log_softmax([-1e4, 1e4]), [-2e4, 0.0])


def test_log_softmax_keeps_digits_the_naive_form_loses():
    # (max + log sum) - z_k rounds log(1 + e^-30) ~ 9.4e-14 away next to 1e4;
    # t - log sum exp(t) with t = z - max keeps it.
    small = math.log1p(math.exp(-30.0))
    out = log_softmax([1e4, 1e4 - 30.0])
    assert out[0] == pytest.approx(-small, rel=1e-14)
    assert out[1] == pytest.approx(-30.0 - small, rel=1e-15)
    assert out[1] != -30.0


def test_log_softmax_uniform_is_minus_log_count():
    np.testing.assert_allclose(log_softmax(np.zeros(5)), np.full(5, -math.log(5)), rtol=1e-15)


def test_log_softmax_keeps_shape_and_axis():
    z = rng().normal(size=(2, 3, 4))
    for axis in (0, 1, 2, -1):
        out = log_softmax(z, axis=axis)
        assert out.shape == z.shape
        np.testing.assert_allclose(np.exp(out).sum(axis=axis), 1.0, rtol=1e-14)


# --- softmax -------------------------------------------------------------------------------


def test_softmax_uniform_for_equal_logits():
    np.testing.assert_allclose(softmax([3.0, 3.0, 3.0, 3.0]), 0.25, rtol=1e-15)


@pytest.mark.parametrize("z", EXTREME_ROWS)
def test_softmax_extreme_logits_normalised(z):
    out = softmax(z)
    assert np.all(np.isfinite(out))
    assert np.all((out >= 0) & (out <= 1))
    assert out.sum() == pytest.approx(1.0, rel=1e-14)


def test_softmax_extreme_values():
    np.testing.assert_array_equal(softmax([1e4, -1e4, 0.0]), [1.0, 0.0, 0.0])
    np.testing.assert_allclose(softmax([1e4, 1e4]), [0.5, 0.5], rtol=1e-15)


def test_softmax_rows_sum_to_one_along_axis():
    z = rng().normal(scale=10, size=(5, 7))
    np.testing.assert_allclose(softmax(z).sum(axis=-1), 1.0, rtol=1e-14)
    np.testing.assert_allclose(softmax(z, axis=0).sum(axis=0), 1.0, rtol=1e-14)
    np.testing.assert_allclose(softmax(z, axis=0), softmax(z.T).T, rtol=1e-15)


def test_softmax_preserves_order():
    z = np.array([0.3, -1.0, 2.5, 0.0])
    np.testing.assert_array_equal(np.argsort(softmax(z)), np.argsort(z))


def test_softmax_matches_definition_for_moderate_logits():
    z = rng().normal(size=(3, 6))
    expected = np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(softmax(z), expected, rtol=1e-14)


# --- sigmoid -------------------------------------------------------------------------------


def test_sigmoid_half_at_zero():
    assert sigmoid(0.0) == 0.5


def test_sigmoid_returns_float_for_scalar_and_array_otherwise():
    assert isinstance(sigmoid(1.0), float)
    assert sigmoid([[1.0, 2.0]]).shape == (1, 2)


def test_sigmoid_extreme_logits():
    out = sigmoid(np.array([-1e4, -800.0, 800.0, 1e4]))
    assert np.all(np.isfinite(out))
    np.testing.assert_array_equal(out, [0.0, 0.0, 1.0, 1.0])


def test_sigmoid_symmetry():
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(sigmoid(-z) + sigmoid(z), 1.0, rtol=0, atol=4e-16)


def test_sigmoid_matches_definition():
    z = np.linspace(-20, 20, 81)
    np.testing.assert_allclose(sigmoid(z), 1.0 / (1.0 + np.exp(-z)), rtol=1e-15)


def test_sigmoid_negative_tail_keeps_relative_precision():
    # 1 / (1 + e^40) is about 4.2e-18: the e^-|z| form keeps all its digits.
    assert sigmoid(-40.0) == pytest.approx(math.exp(-40.0) / (1 + math.exp(-40.0)), rel=1e-15)


def test_sigmoid_is_softmax_of_two_logits():
    z = np.linspace(-10, 10, 21)
    pairs = np.stack([z, np.zeros_like(z)], axis=-1)
    np.testing.assert_allclose(sigmoid(z), softmax(pairs)[:, 0], rtol=1e-14)


# --- log_sigmoid ---------------------------------------------------------------------------


def test_log_sigmoid_at_zero_is_minus_log_two():
    assert log_sigmoid(0.0) == pytest.approx(-math.log(2), rel=1e-15)


def test_log_sigmoid_extreme_logits_exact():
    out = log_sigmoid(np.array([-1e4, 1e4]))
    assert np.all(np.isfinite(out))
    np.testing.assert_array_equal(out, [-1e4, 0.0])


def test_log_sigmoid_nonpositive():
    z = np.linspace(-50, 50, 101)
    assert np.all(log_sigmoid(z) <= 0)


def test_log_sigmoid_equals_log_of_sigmoid_where_safe():
    # Safe: z <= 0, where sigmoid(z) carries full relative precision. For z > 0,
    # log(sigmoid(z)) = log(1 - small) loses it, and log_sigmoid is the better of the two.
    z = np.linspace(-30, 0, 61)
    np.testing.assert_allclose(log_sigmoid(z), np.log(sigmoid(z)), rtol=1e-14)
    z = np.linspace(0, 30, 61)
    np.testing.assert_allclose(log_sigmoid(z), -np.log1p(np.exp(-z)), rtol=1e-15)


def test_log_sigmoid_positive_tail_is_minus_exp():
    # log sigma(40) = -log(1 + e^-40) ~ -e^-40 ~ -4.2e-18, which log(sigmoid(40)) rounds to 0.
    assert log_sigmoid(40.0) == pytest.approx(-math.exp(-40.0), rel=1e-15)


def test_log_sigmoid_symmetry():
    # log sigma(z) - log sigma(-z) = z
    z = np.linspace(-40, 40, 81)
    np.testing.assert_allclose(log_sigmoid(z) - log_sigmoid(-z), z, atol=1e-13)
