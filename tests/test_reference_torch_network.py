"""The network's backpropagation against PyTorch autograd: same weights, same batch, float64.

Skipped where PyTorch is missing; with LOSSEDU_REQUIRE_REFERENCES=1 (CI) a missing PyTorch fails.
"""

import numpy as np
import pytest

import lossedu as le
from conftest import require
from lossedu.digits import load_digits_split
from lossedu.network import COSTS

PARAMETERS = ("W1", "b1", "W2", "b2")
#: Agreement asked of every gradient entry, relative to the largest entry of its array.
TOLERANCE = 1e-10


@pytest.fixture(scope="module")
def torch():
    return require("torch")


@pytest.fixture(scope="module")
def digits_batch():
    data = load_digits_split()
    return data.X_train[:200], data.y_train[:200]


def torch_cost(torch, net, X, labels, cost):
    """The cost and autograd gradients of the same network, written with PyTorch."""
    F = torch.nn.functional
    params = {
        name: torch.tensor(getattr(net, name), dtype=torch.float64, requires_grad=True)
        for name in PARAMETERS
    }
    x = torch.tensor(X, dtype=torch.float64)
    u = x @ params["W1"] + params["b1"]
    h = torch.sigmoid(u) if net.activation == "sigmoid" else torch.tanh(u)
    z = h @ params["W2"] + params["b2"]
    target = torch.tensor(labels, dtype=torch.long)
    y = F.one_hot(target, num_classes=z.shape[1]).to(torch.float64)
    n = x.shape[0]
    if cost == "quadratic":
        loss = 0.5 * ((torch.sigmoid(z) - y) ** 2).sum() / n
    elif cost == "binary_cross_entropy":
        loss = F.binary_cross_entropy_with_logits(z, y, reduction="sum") / n
    else:
        loss = F.cross_entropy(z, target)
    loss.backward()
    return loss.item(), {name: p.grad.numpy() for name, p in params.items()}


def assert_agree(ours, theirs):
    scale = np.abs(theirs).max()
    np.testing.assert_allclose(ours, theirs, rtol=TOLERANCE, atol=TOLERANCE * scale)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
@pytest.mark.parametrize("cost", COSTS)
def test_gradients_match_torch_on_digits(torch, digits_batch, cost, activation):
    X, labels = digits_batch
    net = le.init_network(64, 30, 10, activation=activation, seed=5)
    loss, grads = le.network_gradients(net, X, labels, cost)
    torch_loss, torch_grads = torch_cost(torch, net, X, labels, cost)
    assert loss == pytest.approx(torch_loss, rel=TOLERANCE)
    for name in PARAMETERS:
        assert_agree(getattr(grads, name), torch_grads[name])


@pytest.mark.parametrize("cost", COSTS)
def test_gradients_match_torch_at_a_saturated_start(torch, digits_batch, cost):
    X, labels = digits_batch
    net = le.init_network(64, 30, 10, hidden_scale=40.0, output_bias=8.0, seed=1)
    loss, grads = le.network_gradients(net, X, labels, cost)
    torch_loss, torch_grads = torch_cost(torch, net, X, labels, cost)
    assert loss == pytest.approx(torch_loss, rel=TOLERANCE)
    for name in PARAMETERS:
        assert_agree(getattr(grads, name), torch_grads[name])


def test_one_training_step_matches_torch_sgd(torch, digits_batch):
    X, labels = digits_batch
    X, labels = X[:100], labels[:100]
    net = le.init_network(64, 30, 10, seed=2)
    history = le.train_network(
        net, X, labels, cost="categorical_cross_entropy", eta=3.0, epochs=1, batch_size=100
    )
    _, torch_grads = torch_cost(torch, net, X, labels, "categorical_cross_entropy")
    for name in PARAMETERS:
        expected = getattr(net, name) - 3.0 * torch_grads[name]
        assert_agree(getattr(history.net, name), expected)
