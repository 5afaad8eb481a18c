"""information, entropy, binary_entropy, kl_divergence, cross_entropy and xlogy.

The conventions under test: natural logs unless ``base`` is given, 0·log 0 = 0,
D(p‖q) = H(p, q) = +inf where q = 0 < p, information(0) = inf, and nothing is
renormalised or clipped.
"""

import math

import numpy as np
import pytest

from lossedu import (
    BITS_PER_NAT,
    binary_entropy,
    cross_entropy,
    entropy,
    information,
    kl_divergence,
)
from lossedu.information import xlogy


def random_distributions(shape, seed=0, zeros=False):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(shape[-1]), size=shape[:-1])
    if zeros:
        p[..., 0] = 0.0
    return p / p.sum(axis=-1, keepdims=True)


# --- xlogy ---------------------------------------------------------------------------------


def test_xlogy_zero_times_log_zero_is_zero():
    assert xlogy(0.0, 0.0) == 0.0
    np.testing.assert_array_equal(xlogy([0.0, 0.0], [0.0, 1.0]), [0.0, 0.0])


def test_xlogy_values():
    assert xlogy(2.0, math.e) == pytest.approx(2.0, rel=1e-15)
    assert xlogy(1.0, 0.0) == -math.inf
    assert xlogy(3.0, 1.0) == 0.0


# --- information ---------------------------------------------------------------------------


def test_information_of_certain_event_is_zero():
    assert information(1.0) == 0.0
    assert not math.copysign(1.0, information(1.0)) < 0  # +0.0, not -0.0


def test_information_of_impossible_event_is_inf():
    assert information(0.0) == math.inf
    np.testing.assert_array_equal(information([0.0, 1.0]), [math.inf, 0.0])


def test_information_in_bits():
    assert information(0.5, base=2) == 1.0
    np.testing.assert_allclose(information([0.25, 0.125, 1 / 1024], base=2), [2, 3, 10])


def test_information_natural_log_by_default():
    assert information(1 / math.e) == pytest.approx(1.0, rel=1e-15)


def test_information_bits_are_nats_times_bits_per_nat():
    p = np.linspace(0.01, 1, 50)
    np.testing.assert_allclose(information(p, base=2), information(p) * BITS_PER_NAT, rtol=1e-15)
    assert BITS_PER_NAT == pytest.approx(1 / math.log(2), rel=1e-16)


def test_information_nonnegative_and_decreasing():
    p = np.linspace(0, 1, 101)
    info = information(p)
    assert np.all(info >= 0)
    assert np.all(np.diff(info) < 0)


def test_information_adds_over_independent_events():
    p, q = np.meshgrid(np.linspace(0.05, 1, 20), np.linspace(0.05, 1, 20))
    np.testing.assert_allclose(information(p * q), information(p) + information(q), atol=1e-14)


def test_information_returns_float_for_scalar():
    assert isinstance(information(0.3), float)


# --- entropy -------------------------------------------------------------------------------


def test_entropy_nonnegative():
    p = random_distributions((50, 6), seed=1, zeros=True)
    assert np.all(entropy(p) >= 0)


def test_entropy_known_value():
    assert round(entropy([0.7, 0.2, 0.1]), 4) == 0.8018


def test_entropy_fair_coin_is_one_bit():
    assert entropy([0.5, 0.5], base=2) == 1.0
    assert entropy([0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)


@pytest.mark.parametrize("n", [1, 2, 3, 10, 1000])
def test_entropy_uniform_is_log_n(n):
    assert entropy(np.full(n, 1 / n)) == pytest.approx(math.log(n), rel=1e-13, abs=1e-15)


def test_entropy_at_most_log_n():
    p = random_distributions((100, 5), seed=2)
    assert np.all(entropy(p) <= math.log(5) + 1e-15)


def test_entropy_zero_log_zero_is_zero():
    assert entropy([1.0, 0.0, 0.0]) == 0.0
    assert entropy([0.5, 0.5, 0.0]) == pytest.approx(math.log(2), rel=1e-15)


def test_entropy_of_certainty_is_positive_zero():
    assert math.copysign(1.0, entropy([0.0, 1.0])) == 1.0


def test_entropy_axis():
    p = random_distributions((4, 3), seed=3)
    assert entropy(p).shape == (4,)
    np.testing.assert_allclose(entropy(p.T, axis=0), entropy(p), rtol=1e-15)
    p3 = random_distributions((2, 3, 5), seed=4)
    np.testing.assert_allclose(entropy(np.moveaxis(p3, -1, 1), axis=1), entropy(p3), rtol=1e-15)


def test_entropy_bits_and_nats_agree():
    p = random_distributions((10, 4), seed=5)
    np.testing.assert_allclose(entropy(p, base=2), entropy(p) * BITS_PER_NAT, rtol=1e-14)


def test_entropy_is_expected_information():
    p = np.array([0.7, 0.2, 0.1])
    assert entropy(p) == pytest.approx(np.sum(p * information(p)), rel=1e-15)


def test_entropy_invariant_under_permutation():
    p = np.array([0.6, 0.3, 0.1])
    assert entropy(p[::-1]) == pytest.approx(entropy(p), rel=1e-15)


def test_entropy_does_not_renormalise():
    with pytest.raises(ValueError, match="sum to 1"):
        entropy([1.0, 1.0])


# --- binary_entropy ------------------------------------------------------------------------


def test_binary_entropy_one_bit_at_half():
    assert binary_entropy(0.5, base=2) == 1.0


def test_binary_entropy_zero_at_certainty():
    np.testing.assert_array_equal(binary_entropy([0.0, 1.0]), [0.0, 0.0])


def test_binary_entropy_symmetric():
    p = np.linspace(0, 1, 101)
    np.testing.assert_allclose(binary_entropy(p), binary_entropy(1 - p), atol=1e-15)


def test_binary_entropy_maximum_at_half():
    p = np.linspace(0, 1, 1001)
    h = binary_entropy(p)
    assert p[np.argmax(h)] == 0.5
    assert np.all(h <= math.log(2) + 1e-16)


def test_binary_entropy_equals_entropy_of_coin():
    p = np.linspace(0, 1, 21)
    coins = np.stack([p, 1 - p], axis=-1)
    np.testing.assert_allclose(binary_entropy(p), entropy(coins), atol=1e-16)


# --- kl_divergence -------------------------------------------------------------------------


def test_kl_divergence_zero_for_identical():
    p = random_distributions((20, 4), seed=6, zeros=True)
    np.testing.assert_array_equal(kl_divergence(p, p), 0.0)


def test_kl_divergence_nonnegative():
    p = random_distributions((200, 5), seed=7)
    q = random_distributions((200, 5), seed=8)
    d = kl_divergence(p, q)
    assert np.all(d > 0)


def test_kl_divergence_known_values():
    assert kl_divergence([1.0, 0.0], [0.5, 0.5], base=2) == 1.0
    assert kl_divergence([0.5, 0.5], [0.25, 0.75]) == pytest.approx(
        0.5 * math.log(2) + 0.5 * math.log(2 / 3), rel=1e-15
    )


def test_kl_divergence_inf_where_q_zero_and_p_positive():
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    np.testing.assert_array_equal(
        kl_divergence([[0.5, 0.5], [0.5, 0.5]], [[1.0, 0.0], [0.5, 0.5]]), [math.inf, 0.0]
    )


def test_kl_divergence_shared_zeros_contribute_nothing():
    assert kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert kl_divergence([0.0, 1.0, 0.0], [0.0, 0.5, 0.5]) == pytest.approx(math.log(2))


def test_kl_divergence_zero_p_with_positive_q_is_finite():
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)


def test_kl_divergence_not_symmetric():
    p, q = [0.9, 0.1], [0.5, 0.5]
    assert kl_divergence(p, q) != pytest.approx(kl_divergence(q, p))


def test_kl_divergence_subnormal_q_is_finite():
    # p/q overflows a float64 here; the divergence itself is about 371.5 nats.
    q_small = 5e-324
    d = kl_divergence([0.5, 0.5], [1 - q_small, q_small])
    expected = 0.5 * math.log(0.5) + 0.5 * (math.log(0.5) - math.log(q_small))
    assert np.isfinite(d)
    assert d == pytest.approx(expected, rel=1e-14)


def test_kl_divergence_axis():
    p = random_distributions((3, 4), seed=9)
    q = random_distributions((3, 4), seed=10)
    np.testing.assert_allclose(kl_divergence(p.T, q.T, axis=0), kl_divergence(p, q), rtol=1e-15)


def test_kl_divergence_in_bits():
    p = random_distributions((5, 3), seed=11)
    q = random_distributions((5, 3), seed=12)
    np.testing.assert_allclose(
        kl_divergence(p, q, base=2), kl_divergence(p, q) * BITS_PER_NAT, rtol=1e-14
    )


# --- cross_entropy -------------------------------------------------------------------------


def test_cross_entropy_known_values():
    assert round(cross_entropy([1.0, 0.0, 0.0], [0.5, 0.4, 0.1]), 3) == 0.693
    assert cross_entropy([0.0, 1.0, 0.0], [0.3, 0.6, 0.1]) == pytest.approx(-math.log(0.6))


def test_cross_entropy_of_one_hot_is_information_of_true_class():
    q = random_distributions((6, 4), seed=13)
    labels = np.arange(6) % 4
    one_hot = np.eye(4)[labels]
    np.testing.assert_allclose(
        cross_entropy(one_hot, q), information(q[np.arange(6), labels]), rtol=1e-15
    )


def test_cross_entropy_equals_entropy_when_q_is_p():
    p = random_distributions((10, 5), seed=14, zeros=True)
    np.testing.assert_allclose(cross_entropy(p, p), entropy(p), rtol=1e-15)


def test_cross_entropy_at_least_entropy():
    p = random_distributions((100, 4), seed=15)
    q = random_distributions((100, 4), seed=16)
    assert np.all(cross_entropy(p, q) >= entropy(p))


def test_cross_entropy_is_entropy_plus_kl():
    p = random_distributions((50, 6), seed=17, zeros=True)
    q = random_distributions((50, 6), seed=18)
    np.testing.assert_allclose(cross_entropy(p, q), entropy(p) + kl_divergence(p, q), rtol=1e-13)


def test_cross_entropy_inf_where_q_zero_and_p_positive():
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf


def test_cross_entropy_zero_p_ignores_zero_q():
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_cross_entropy_in_bits():
    assert cross_entropy([1.0, 0.0], [0.5, 0.5], base=2) == 1.0
