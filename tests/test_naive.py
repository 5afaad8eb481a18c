"""The naive formulas fail exactly as the course says, and their gradients are right."""

import numpy as np
import pytest

import lossedu as le
from conftest import require
from lossedu import naive

CAP = -np.log(1e-10)


def numerical_grad(f, x, h=1e-6):
    """Central differences of a scalar function of an array."""
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def one_hot(labels, n_classes):
    return np.eye(n_classes)[labels]


# clipped_cross_entropy


def test_clipped_cross_entropy_matches_exact_when_nothing_is_clipped():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(4), size=5)
    labels = rng.integers(0, 4, size=5)
    exact = le.categorical_cross_entropy_from_probs(probs, labels)
    assert naive.clipped_cross_entropy(probs, one_hot(labels, 4)) == pytest.approx(exact)


def test_clipped_cross_entropy_is_capped_at_minus_log_eps():
    assert naive.clipped_cross_entropy([1.0, 0.0], [0.0, 1.0]) == pytest.approx(CAP)
    assert naive.clipped_cross_entropy([1.0, 0.0], [0.0, 1.0], eps=1e-7) == pytest.approx(
        -np.log(1e-7)
    )


def test_clipped_cross_entropy_averages_over_samples_not_classes():
    probs = [[0.3, 0.6, 0.1], [0.8, 0.1, 0.1]]
    target = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]
    expected = (-np.log(0.6) - np.log(0.8)) / 2
    assert naive.clipped_cross_entropy(probs, target) == pytest.approx(expected)


def test_clipped_cross_entropy_refuses_bad_input():
    with pytest.raises(ValueError, match="eps must be > 0"):
        naive.clipped_cross_entropy([0.5, 0.5], [1.0, 0.0], eps=0.0)
    with pytest.raises(ValueError, match="eps must be < 1"):
        naive.clipped_cross_entropy([0.5, 0.5], [1.0, 0.0], eps=1.0)
    with pytest.raises(ValueError, match="same shape"):
        naive.clipped_cross_entropy([0.5, 0.5], [1.0, 0.0, 0.0])
    with pytest.raises(ValueError, match=r"probs must hold probabilities in \[0, 1\]"):
        naive.clipped_cross_entropy([1.5, -0.5], [1.0, 0.0])


# grad_clipped_cross_entropy


def test_grad_clipped_cross_entropy_matches_finite_differences():
    probs = np.array([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]])
    target = np.array([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]])
    expected = numerical_grad(lambda q: naive.clipped_cross_entropy(q, target), probs)
    np.testing.assert_allclose(naive.grad_clipped_cross_entropy(probs, target), expected, rtol=1e-6)


def test_grad_clipped_cross_entropy_is_zero_below_eps():
    grad = naive.grad_clipped_cross_entropy([1e-12, 1.0 - 1e-12], [1.0, 0.0])
    assert np.all(grad == 0.0)


# clipped_cross_entropy_from_logits and its gradient


def test_clipped_loss_from_logits_is_capped_where_the_true_loss_is_2000():
    logits, target = [[-1000.0, 1000.0]], [[1.0, 0.0]]
    assert le.categorical_cross_entropy(logits, [0]) == pytest.approx(2000.0)
    assert naive.clipped_cross_entropy_from_logits(logits, target) == pytest.approx(CAP)


def test_clipped_gradient_from_logits_vanishes_where_the_exact_one_is_largest():
    logits, target = np.array([[-1000.0, 1000.0]]), np.array([[1.0, 0.0]])
    assert np.all(naive.grad_clipped_cross_entropy_from_logits(logits, target) == 0.0)
    np.testing.assert_allclose(le.grad_categorical_cross_entropy(logits, [0]), [[-1.0, 1.0]])


def test_clipped_gradient_from_logits_is_exact_when_nothing_is_clipped():
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(4, 3))
    labels = rng.integers(0, 3, size=4)
    np.testing.assert_allclose(
        naive.grad_clipped_cross_entropy_from_logits(logits, one_hot(labels, 3)),
        le.grad_categorical_cross_entropy(logits, labels),
        atol=1e-12,
    )


def test_clipped_loss_from_logits_refuses_mismatched_shapes():
    with pytest.raises(ValueError, match="logits and target must have the same shape"):
        naive.clipped_cross_entropy_from_logits([0.0, 1.0], [1.0, 0.0, 0.0])


def test_clipped_from_logits_matches_torch_autograd():
    torch = require("torch")
    logits = np.array([[-1000.0, 1000.0], [0.3, -0.2], [40.0, -2.0]])
    target = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    z = torch.tensor(logits, requires_grad=True)
    q = torch.softmax(z, dim=-1)
    loss = -(torch.tensor(target) * torch.log(torch.clamp(q, 1e-10, 1.0))).sum(-1).mean()
    loss.backward()
    assert naive.clipped_cross_entropy_from_logits(logits, target) == pytest.approx(loss.item())
    np.testing.assert_allclose(
        naive.grad_clipped_cross_entropy_from_logits(logits, target),
        z.grad.numpy(),
        atol=1e-12,
    )


# clipped_binary_cross_entropy


def test_clipped_binary_cross_entropy_is_capped_for_a_saturated_sigmoid():
    assert naive.clipped_binary_cross_entropy(le.sigmoid(2000.0), 0.0) == pytest.approx(CAP)
    assert le.binary_cross_entropy_with_logits(2000.0, 0.0) == pytest.approx(2000.0)


def test_clipped_binary_cross_entropy_matches_exact_when_nothing_is_clipped():
    probs, target = [0.1, 0.7, 0.8], [0.0, 1.0, 1.0]
    assert naive.clipped_binary_cross_entropy(probs, target) == pytest.approx(
        le.binary_cross_entropy(probs, target)
    )


def test_clipped_binary_cross_entropy_refuses_eps_of_one_half_or_more():
    with pytest.raises(ValueError, match="eps must be < 0.5"):
        naive.clipped_binary_cross_entropy([0.5], [1.0], eps=0.5)


# double_softmax_cross_entropy


def test_double_softmax_loss_never_goes_below_its_floor():
    for n_classes in (2, 3, 10):
        logits = np.zeros((1, n_classes))
        logits[0, 0] = 60.0
        floor = np.log1p((n_classes - 1) / np.e)
        assert naive.double_softmax_cross_entropy(logits, [0]) == pytest.approx(floor)
    rng = np.random.default_rng(2)
    logits = 10 * rng.normal(size=(200, 3))
    labels = rng.integers(0, 3, size=200)
    per_sample = [
        naive.double_softmax_cross_entropy(z[None], [y])
        for z, y in zip(logits, labels, strict=True)
    ]
    assert min(per_sample) >= np.log1p(2 / np.e) - 1e-12


def test_double_softmax_gradient_matches_finite_differences():
    logits = np.array([[0.5, -1.0, 2.0], [0.0, 3.0, 0.1]])
    labels = np.array([2, 0])
    expected = numerical_grad(lambda z: naive.double_softmax_cross_entropy(z, labels), logits)
    np.testing.assert_allclose(
        naive.grad_double_softmax_cross_entropy(logits, labels), expected, atol=1e-8
    )


def test_double_softmax_gradient_nearly_vanishes_when_confidently_wrong():
    logits = [[0.0, 10.0, 0.0]]
    exact = le.grad_categorical_cross_entropy(logits, [0])
    damaged = naive.grad_double_softmax_cross_entropy(logits, [0])
    assert abs(damaged[0, 0]) < 1e-3 * abs(exact[0, 0])


def test_double_softmax_refuses_float_labels_and_1d_logits():
    with pytest.raises(ValueError, match="labels must be integer class labels"):
        naive.double_softmax_cross_entropy([[0.0, 1.0]], [0.5])
    with pytest.raises(ValueError, match="logits must be 2-D"):
        naive.double_softmax_cross_entropy([0.0, 1.0], [0])
    with pytest.raises(ValueError, match="one label per sample"):
        naive.double_softmax_cross_entropy([[0.0, 1.0]], [0, 1])


def test_double_softmax_matches_torch_cross_entropy_of_softmax():
    torch = require("torch")
    logits = np.array([[0.0, 10.0, 0.0], [2.0, -1.0, 0.5]])
    labels = np.array([0, 2])
    z = torch.tensor(logits, requires_grad=True)
    loss = torch.nn.CrossEntropyLoss()(torch.softmax(z, dim=-1), torch.tensor(labels))
    loss.backward()
    assert naive.double_softmax_cross_entropy(logits, labels) == pytest.approx(loss.item())
    np.testing.assert_allclose(
        naive.grad_double_softmax_cross_entropy(logits, labels), z.grad.numpy(), atol=1e-12
    )


# The framework names the course maps onto lossedu


def test_framework_bridge_matches_torch():
    torch = require("torch")
    rng = np.random.default_rng(3)
    logits = 3 * rng.normal(size=(5, 4))
    labels = rng.integers(0, 4, size=5)
    soft = rng.dirichlet(np.ones(4), size=5)
    zt = torch.tensor(logits)
    ce = torch.nn.CrossEntropyLoss()
    assert le.categorical_cross_entropy(logits, labels) == pytest.approx(
        ce(zt, torch.tensor(labels)).item()
    )
    assert le.categorical_cross_entropy(logits, soft) == pytest.approx(
        ce(zt, torch.tensor(soft)).item()
    )
    nll = torch.nn.NLLLoss()(torch.log_softmax(zt, -1), torch.tensor(labels)).item()
    assert le.categorical_cross_entropy(logits, labels) == pytest.approx(nll)
    targets = rng.integers(0, 2, size=(5, 4)).astype(float)
    bce = torch.nn.BCEWithLogitsLoss()(zt, torch.tensor(targets)).item()
    assert le.binary_cross_entropy_with_logits(logits, targets) == pytest.approx(bce)
