"""The losses and their gradients: values, reductions, extreme logits, agreement between forms."""

import math

import numpy as np
import pytest

from lossedu import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    binary_entropy,
    categorical_cross_entropy,
    categorical_cross_entropy_from_probs,
    cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
    grad_mse,
    log_softmax,
    mse,
    sigmoid,
    softmax,
)

REDUCTIONS = ["mean", "sum", "none"]


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


def random_problem(rng, n=6, c=4):
    logits = rng.normal(scale=3.0, size=(n, c))
    labels = rng.integers(0, c, size=n)
    rows = rng.dirichlet(np.ones(c), size=n)
    rows /= rows.sum(axis=-1, keepdims=True)
    return logits, labels, rows


EXTREME_LOGITS = np.array(
    [
        [1e4, -1e4, 0.0],
        [-1e4, 1e4, 0.0],
        [1e4, 1e4, -1e4],
        [-1e4, -1e4, -1e4],
        [1e4, 1e4 - 1.0, 1e4 - 50.0],
    ]
)


# --- categorical_cross_entropy -------------------------------------------------------------


def test_categorical_cross_entropy_known_value():
    assert round(categorical_cross_entropy([[2.0, 1.0, 0.1]], [0]), 4) == 0.417


def test_categorical_cross_entropy_uniform_logits_give_log_classes():
    assert categorical_cross_entropy(np.zeros((3, 5)), [0, 1, 4]) == pytest.approx(math.log(5))


def test_categorical_cross_entropy_labels_equal_one_hot_rows(rng):
    logits, labels, _ = random_problem(rng)
    one_hot = np.eye(logits.shape[1])[labels]
    for reduction in REDUCTIONS:
        np.testing.assert_allclose(
            categorical_cross_entropy(logits, labels, reduction=reduction),
            categorical_cross_entropy(logits, one_hot, reduction=reduction),
            rtol=1e-14,
        )


def test_categorical_cross_entropy_is_cross_entropy_of_softmax(rng):
    logits, _, rows = random_problem(rng)
    np.testing.assert_allclose(
        categorical_cross_entropy(logits, rows, reduction="none"),
        cross_entropy(rows, softmax(logits)),
        rtol=1e-13,
    )


def test_categorical_cross_entropy_label_is_minus_log_softmax_of_true_class(rng):
    logits, labels, _ = random_problem(rng)
    expected = -log_softmax(logits)[np.arange(len(labels)), labels]
    np.testing.assert_allclose(
        categorical_cross_entropy(logits, labels, reduction="none"), expected, rtol=1e-15
    )


def test_categorical_cross_entropy_mean_averages_over_samples(rng):
    logits, labels, rows = random_problem(rng, n=7)
    for target in (labels, rows):
        per_sample = categorical_cross_entropy(logits, target, reduction="none")
        assert per_sample.shape == (7,)
        assert categorical_cross_entropy(logits, target, reduction="sum") == pytest.approx(
            per_sample.sum(), rel=1e-14
        )
        assert categorical_cross_entropy(logits, target) == pytest.approx(
            per_sample.mean(), rel=1e-14
        )


def test_categorical_cross_entropy_nonnegative(rng):
    logits, labels, rows = random_problem(rng, n=50)
    assert np.all(categorical_cross_entropy(logits, labels, reduction="none") >= 0)
    assert np.all(categorical_cross_entropy(logits, rows, reduction="none") >= 0)


def test_categorical_cross_entropy_shift_invariant_per_row(rng):
    logits, labels, _ = random_problem(rng)
    shifts = rng.normal(scale=100, size=(logits.shape[0], 1))
    np.testing.assert_allclose(
        categorical_cross_entropy(logits + shifts, labels, reduction="none"),
        categorical_cross_entropy(logits, labels, reduction="none"),
        rtol=1e-10,
    )


def test_categorical_cross_entropy_extreme_logits_finite_and_exact():
    labels = np.array([0, 0, 2, 1, 2])
    loss = categorical_cross_entropy(EXTREME_LOGITS, labels, reduction="none")
    assert np.all(np.isfinite(loss))
    np.testing.assert_allclose(
        loss,
        [
            0.0,
            2e4,
            2e4 + math.log(2),
            math.log(3),
            50.0 + math.log1p(math.exp(-1.0) + math.exp(-50.0)),
        ],
        rtol=1e-15,
    )


def test_categorical_cross_entropy_extreme_logits_with_soft_targets():
    rows = np.array([[0.0, 0.5, 0.5]] * len(EXTREME_LOGITS))
    loss = categorical_cross_entropy(EXTREME_LOGITS, rows, reduction="none")
    assert np.all(np.isfinite(loss))
    assert loss[0] == pytest.approx(0.5 * 2e4 + 0.5 * 1e4, rel=1e-15)


def test_categorical_cross_entropy_returns_float_for_reductions(rng):
    logits, labels, _ = random_problem(rng)
    assert isinstance(categorical_cross_entropy(logits, labels), float)
    assert isinstance(categorical_cross_entropy(logits, labels, reduction="sum"), float)


# --- grad_categorical_cross_entropy --------------------------------------------------------


def test_grad_categorical_cross_entropy_is_softmax_minus_target(rng):
    logits, labels, rows = random_problem(rng)
    one_hot = np.eye(logits.shape[1])[labels]
    np.testing.assert_allclose(
        grad_categorical_cross_entropy(logits, labels, reduction="sum"),
        softmax(logits) - one_hot,
        rtol=1e-15,
        # softmax - 1 at a probability near 1 cancels to within an ulp of 1; the gradient does not.
        atol=2 * np.finfo(float).eps,
    )
    np.testing.assert_allclose(
        grad_categorical_cross_entropy(logits, rows, reduction="none"),
        softmax(logits) - rows,
        rtol=1e-15,
    )


def test_grad_categorical_cross_entropy_rows_sum_to_zero(rng):
    logits, labels, rows = random_problem(rng)
    for target in (labels, rows):
        grad = grad_categorical_cross_entropy(logits, target, reduction="sum")
        np.testing.assert_allclose(grad.sum(axis=-1), 0.0, atol=1e-15)


def test_grad_categorical_cross_entropy_bounded_by_one(rng):
    logits, labels, _ = random_problem(rng, n=100)
    grad = grad_categorical_cross_entropy(logits * 10, labels, reduction="sum")
    assert np.all(np.abs(grad) <= 1.0)


def test_grad_categorical_cross_entropy_mean_divides_by_samples(rng):
    logits, labels, _ = random_problem(rng, n=5)
    np.testing.assert_allclose(
        grad_categorical_cross_entropy(logits, labels),
        grad_categorical_cross_entropy(logits, labels, reduction="sum") / 5,
        rtol=1e-15,
    )
    np.testing.assert_array_equal(
        grad_categorical_cross_entropy(logits, labels, reduction="none"),
        grad_categorical_cross_entropy(logits, labels, reduction="sum"),
    )


def test_grad_categorical_cross_entropy_extreme_logits():
    labels = np.array([0, 0, 2, 1, 2])
    grad = grad_categorical_cross_entropy(EXTREME_LOGITS, labels, reduction="sum")
    assert grad.shape == EXTREME_LOGITS.shape
    assert np.all(np.isfinite(grad))
    np.testing.assert_allclose(grad[0], [0.0, 0.0, 0.0], atol=0)
    np.testing.assert_allclose(grad[1], [-1.0, 1.0, 0.0], atol=0)


def test_grad_categorical_cross_entropy_large_when_wrong_small_when_right():
    right = grad_categorical_cross_entropy([[10.0, 0.0]], [0], reduction="sum")
    wrong = grad_categorical_cross_entropy([[10.0, 0.0]], [1], reduction="sum")
    assert np.abs(right).max() < 1e-4
    assert np.abs(wrong).max() > 0.99


# --- categorical_cross_entropy_from_probs --------------------------------------------------


def test_categorical_cross_entropy_from_probs_known_values():
    assert round(categorical_cross_entropy_from_probs([[0.3, 0.6, 0.1]], [1]), 3) == 0.511
    np.testing.assert_allclose(
        categorical_cross_entropy_from_probs(
            [[0.5, 0.4, 0.1], [0.8, 0.1, 0.1]], [0, 0], reduction="none"
        ),
        [-math.log(0.5), -math.log(0.8)],
        rtol=1e-15,
    )


def test_categorical_cross_entropy_from_probs_matches_logits_form(rng):
    logits, labels, rows = random_problem(rng)
    probs = softmax(logits)
    for target in (labels, rows):
        for reduction in REDUCTIONS:
            np.testing.assert_allclose(
                categorical_cross_entropy_from_probs(probs, target, reduction=reduction),
                categorical_cross_entropy(logits, target, reduction=reduction),
                rtol=1e-12,
            )


def test_categorical_cross_entropy_from_probs_inf_where_true_class_has_zero_probability():
    assert categorical_cross_entropy_from_probs([[1.0, 0.0]], [1]) == math.inf
    assert categorical_cross_entropy_from_probs([[1.0, 0.0]], [[0.5, 0.5]]) == math.inf


def test_categorical_cross_entropy_from_probs_zero_target_ignores_zero_probability():
    assert categorical_cross_entropy_from_probs([[1.0, 0.0]], [[1.0, 0.0]]) == 0.0
    assert categorical_cross_entropy_from_probs([[1.0, 0.0]], [0]) == 0.0


def test_categorical_cross_entropy_from_probs_equals_cross_entropy(rng):
    _, _, rows = random_problem(rng)
    probs = rng.dirichlet(np.ones(rows.shape[1]), size=rows.shape[0])
    probs /= probs.sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(
        categorical_cross_entropy_from_probs(probs, rows, reduction="none"),
        cross_entropy(rows, probs),
        rtol=1e-15,
    )


# --- binary_cross_entropy ------------------------------------------------------------------


def test_binary_cross_entropy_known_value():
    assert (
        round(binary_cross_entropy([0.1, 0.7, 0.8], [0.0, 1.0, 1.0], reduction="sum"), 3) == 0.685
    )


def test_binary_cross_entropy_mean_averages_over_every_element(rng):
    probs = rng.uniform(0.01, 0.99, size=(3, 4))
    target = rng.uniform(size=(3, 4))
    per_element = binary_cross_entropy(probs, target, reduction="none")
    assert per_element.shape == (3, 4)
    assert binary_cross_entropy(probs, target) == pytest.approx(per_element.mean(), rel=1e-14)
    assert binary_cross_entropy(probs, target, reduction="sum") == pytest.approx(
        per_element.sum(), rel=1e-14
    )


def test_binary_cross_entropy_inf_where_confidently_wrong():
    np.testing.assert_array_equal(
        binary_cross_entropy([0.0, 1.0], [1.0, 0.0], reduction="none"), [math.inf, math.inf]
    )


def test_binary_cross_entropy_zero_where_confidently_right():
    np.testing.assert_array_equal(
        binary_cross_entropy([0.0, 1.0], [0.0, 1.0], reduction="none"), [0.0, 0.0]
    )


def test_binary_cross_entropy_equals_binary_entropy_when_prediction_is_target():
    p = np.linspace(0, 1, 21)
    np.testing.assert_allclose(
        binary_cross_entropy(p, p, reduction="none"), binary_entropy(p), atol=1e-16
    )


def test_binary_cross_entropy_minimised_at_target():
    target = 0.3
    q = np.linspace(0.01, 0.99, 99)
    losses = binary_cross_entropy(q, np.full_like(q, target), reduction="none")
    assert q[np.argmin(losses)] == pytest.approx(target)


def test_binary_cross_entropy_matches_logits_form(rng):
    x = rng.normal(scale=4, size=20)
    t = rng.uniform(size=20)
    np.testing.assert_allclose(
        binary_cross_entropy(sigmoid(x), t, reduction="none"),
        binary_cross_entropy_with_logits(x, t, reduction="none"),
        rtol=1e-12,
    )


# --- binary_cross_entropy_with_logits ------------------------------------------------------


def test_binary_cross_entropy_with_logits_half_at_zero_logit():
    assert binary_cross_entropy_with_logits([0.0], [1.0]) == pytest.approx(math.log(2))


def test_binary_cross_entropy_with_logits_extreme_logits_exact():
    x = np.array([1e4, -1e4, 1e4, -1e4, 2000.0])
    t = np.array([0.0, 1.0, 1.0, 0.0, 0.0])
    loss = binary_cross_entropy_with_logits(x, t, reduction="none")
    assert np.all(np.isfinite(loss))
    np.testing.assert_array_equal(loss, [1e4, 1e4, 0.0, 0.0, 2000.0])


def test_binary_cross_entropy_with_logits_soft_target_at_extremes():
    loss = binary_cross_entropy_with_logits([1e4, -1e4], [0.5, 0.5], reduction="none")
    np.testing.assert_allclose(loss, [5e3, 5e3], rtol=1e-15)


def test_binary_cross_entropy_with_logits_pos_weight_one_is_none(rng):
    x = rng.normal(size=(4, 3))
    t = rng.uniform(size=(4, 3))
    assert binary_cross_entropy_with_logits(x, t, pos_weight=1.0) == pytest.approx(
        binary_cross_entropy_with_logits(x, t), rel=1e-15
    )


def test_binary_cross_entropy_with_logits_pos_weight_scales_positive_term(rng):
    x = rng.normal(size=10)
    positives = binary_cross_entropy_with_logits(x, np.ones(10), reduction="none")
    negatives = binary_cross_entropy_with_logits(x, np.zeros(10), reduction="none")
    np.testing.assert_allclose(
        binary_cross_entropy_with_logits(x, np.ones(10), pos_weight=3.0, reduction="none"),
        3.0 * positives,
        rtol=1e-15,
    )
    np.testing.assert_allclose(
        binary_cross_entropy_with_logits(x, np.zeros(10), pos_weight=3.0, reduction="none"),
        negatives,
        rtol=1e-15,
    )


def test_binary_cross_entropy_with_logits_pos_weight_per_class(rng):
    x = rng.normal(size=(5, 3))
    t = rng.uniform(size=(5, 3))
    w = np.array([0.5, 1.0, 4.0])
    per_class = binary_cross_entropy_with_logits(x, t, pos_weight=w, reduction="none")
    for k in range(3):
        np.testing.assert_allclose(
            per_class[:, k],
            binary_cross_entropy_with_logits(x[:, k], t[:, k], pos_weight=w[k], reduction="none"),
            rtol=1e-15,
        )


def test_binary_cross_entropy_with_logits_mean_averages_over_every_element(rng):
    x = rng.normal(size=(3, 4))
    t = rng.uniform(size=(3, 4))
    per_element = binary_cross_entropy_with_logits(x, t, reduction="none")
    assert per_element.shape == (3, 4)
    assert binary_cross_entropy_with_logits(x, t) == pytest.approx(per_element.mean())
    assert binary_cross_entropy_with_logits(x, t, reduction="sum") == pytest.approx(
        per_element.sum()
    )


# --- grad_binary_cross_entropy_with_logits -------------------------------------------------


def test_grad_binary_cross_entropy_with_logits_is_sigmoid_minus_target(rng):
    x = rng.normal(scale=3, size=(4, 5))
    t = rng.uniform(size=(4, 5))
    np.testing.assert_allclose(
        grad_binary_cross_entropy_with_logits(x, t, reduction="none"), sigmoid(x) - t, atol=1e-16
    )


def test_grad_binary_cross_entropy_with_logits_pos_weight_formula(rng):
    x = rng.normal(scale=3, size=(4, 3))
    t = rng.uniform(size=(4, 3))
    w = np.array([0.2, 1.0, 5.0])
    expected = sigmoid(x) * (w * t + 1 - t) - w * t
    np.testing.assert_allclose(
        grad_binary_cross_entropy_with_logits(x, t, pos_weight=w, reduction="sum"),
        expected,
        rtol=1e-14,
        # Soft targets: both forms subtract terms as large as w * t = 5, to a few ulp of 5.
        atol=4 * np.spacing(5.0),
    )


def test_grad_binary_cross_entropy_with_logits_does_not_vanish_when_saturated_wrong():
    grad = grad_binary_cross_entropy_with_logits(
        [1e4, -1e4, 1e4, -1e4], [0.0, 1.0, 1.0, 0.0], reduction="none"
    )
    assert np.all(np.isfinite(grad))
    np.testing.assert_array_equal(grad, [1.0, -1.0, 0.0, 0.0])


def test_grad_binary_cross_entropy_with_logits_mean_divides_by_elements(rng):
    x = rng.normal(size=(3, 4))
    t = rng.uniform(size=(3, 4))
    np.testing.assert_allclose(
        grad_binary_cross_entropy_with_logits(x, t),
        grad_binary_cross_entropy_with_logits(x, t, reduction="sum") / 12,
        rtol=1e-15,
    )


def test_grad_binary_cross_entropy_with_logits_keeps_shape():
    assert grad_binary_cross_entropy_with_logits([[0.0, 1.0]], [[1.0, 0.0]]).shape == (1, 2)


# --- mse -----------------------------------------------------------------------------------


def test_mse_known_value():
    assert mse([1.0, 2.0], [1.0, 4.0]) == 2.0


def test_mse_has_no_factor_one_half():
    assert mse([3.0], [0.0]) == 9.0


def test_mse_zero_iff_equal(rng):
    x = rng.normal(size=(3, 3))
    assert mse(x, x) == 0.0
    assert mse(x, x + 1e-3) > 0


def test_mse_reductions(rng):
    x = rng.normal(size=(3, 4))
    y = rng.normal(size=(3, 4))
    per_element = mse(x, y, reduction="none")
    np.testing.assert_allclose(per_element, (x - y) ** 2, rtol=1e-15)
    assert mse(x, y) == pytest.approx(per_element.mean(), rel=1e-15)
    assert mse(x, y, reduction="sum") == pytest.approx(per_element.sum(), rel=1e-15)


def test_mse_symmetric(rng):
    x = rng.normal(size=5)
    y = rng.normal(size=5)
    assert mse(x, y) == mse(y, x)


# --- grad_mse ------------------------------------------------------------------------------


def test_grad_mse_known_value():
    np.testing.assert_array_equal(grad_mse([1.0, 2.0], [1.0, 4.0]), [0.0, -2.0])


def test_grad_mse_is_twice_the_error(rng):
    x = rng.normal(size=(3, 4))
    y = rng.normal(size=(3, 4))
    np.testing.assert_allclose(grad_mse(x, y, reduction="sum"), 2 * (x - y), rtol=1e-15)
    np.testing.assert_allclose(grad_mse(x, y, reduction="none"), 2 * (x - y), rtol=1e-15)
    np.testing.assert_allclose(grad_mse(x, y), 2 * (x - y) / 12, rtol=1e-15)
