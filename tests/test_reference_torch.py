"""lossedu against PyTorch on the CPU in float64: losses, every reduction, and autograd gradients.

Skipped where PyTorch is missing; with LOSSEDU_REQUIRE_REFERENCES=1 (CI) a missing PyTorch fails.
"""

import numpy as np
import pytest

import lossedu as le
from conftest import require

RTOL = 1e-12
ATOL = 1e-13
REDUCTIONS = ["mean", "sum", "none"]


@pytest.fixture(scope="module")
def torch():
    return require("torch")


@pytest.fixture(scope="module")
def F(torch):
    return torch.nn.functional


def t64(torch, x, grad=False):
    return torch.tensor(np.asarray(x, dtype=np.float64), dtype=torch.float64, requires_grad=grad)


def close(actual, expected, rtol=RTOL, atol=ATOL):
    expected = expected.detach().numpy() if hasattr(expected, "detach") else expected
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol)


def autograd(torch, loss_fn, x):
    """d loss / d x by torch autograd; a "none" loss is summed (each element has its own input)."""
    xt = t64(torch, x, grad=True)
    loss_fn(xt).sum().backward()
    return xt.grad.numpy()


def rows(rng, n, c, zeros=True):
    p = rng.dirichlet(np.full(c, 0.7), size=n)
    if zeros:
        p[rng.random(p.shape) < 0.3] = 0.0
        p[:, 0] += p.sum(axis=-1) == 0
    return p / p.sum(axis=-1, keepdims=True)


def logit_sets():
    rng = np.random.default_rng(11)
    return {
        "random": rng.normal(scale=3.0, size=(8, 5)),
        "wide": rng.uniform(-1e4, 1e4, size=(8, 5)),
        "extreme": rng.choice([-1e4, 0.0, 1e4], size=(8, 5)),
        "spread": np.array([[1e4, -1e4, 1e4 - 30.0, -1e4 + 1.0, 0.0]] * 2),
        "one-class": rng.normal(size=(3, 1)),
    }


LOGITS = logit_sets()


@pytest.fixture(params=list(LOGITS))
def categorical(request):
    """Logits, integer labels and probability rows of one shape."""
    z = LOGITS[request.param]
    rng = np.random.default_rng(12)
    n, c = z.shape
    return z, rng.integers(0, c, size=n), rows(rng, n, c)


@pytest.fixture(params=["random", "extreme"])
def binary(request):
    """Logits, targets in [0, 1] and a per-class pos_weight."""
    rng = np.random.default_rng(13)
    if request.param == "random":
        x = rng.normal(scale=4.0, size=(6, 4))
    else:
        x = rng.choice([-1e4, -40.0, 0.0, 40.0, 1e4], size=(6, 4))
    t = rng.random((6, 4))
    t[0] = [0.0, 1.0, 0.0, 1.0]
    return x, t, rng.uniform(0.0, 5.0, size=4)


# --- categorical cross-entropy -------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_categorical_cross_entropy_labels_matches_torch(torch, F, categorical, reduction):
    z, labels, _ = categorical
    expected = F.cross_entropy(t64(torch, z), torch.tensor(labels), reduction=reduction)
    close(le.categorical_cross_entropy(z, labels, reduction=reduction), expected)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_categorical_cross_entropy_rows_matches_torch(torch, F, categorical, reduction):
    z, _, target = categorical
    expected = F.cross_entropy(t64(torch, z), t64(torch, target), reduction=reduction)
    close(le.categorical_cross_entropy(z, target, reduction=reduction), expected)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_grad_categorical_cross_entropy_labels_matches_autograd(torch, F, categorical, reduction):
    z, labels, _ = categorical
    expected = autograd(
        torch, lambda x: F.cross_entropy(x, torch.tensor(labels), reduction=reduction), z
    )
    close(le.grad_categorical_cross_entropy(z, labels, reduction=reduction), expected)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_grad_categorical_cross_entropy_rows_matches_autograd(torch, F, categorical, reduction):
    z, _, target = categorical
    expected = autograd(
        torch, lambda x: F.cross_entropy(x, t64(torch, target), reduction=reduction), z
    )
    close(le.grad_categorical_cross_entropy(z, target, reduction=reduction), expected)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_categorical_cross_entropy_from_probs_matches_torch_nll_of_log(torch, F, reduction):
    rng = np.random.default_rng(14)
    probs = rows(rng, 8, 5, zeros=False)
    labels = rng.integers(0, 5, size=8)
    expected = F.nll_loss(torch.log(t64(torch, probs)), torch.tensor(labels), reduction=reduction)
    close(le.categorical_cross_entropy_from_probs(probs, labels, reduction=reduction), expected)


# --- binary cross-entropy ------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_binary_cross_entropy_matches_torch_away_from_zero_and_one(torch, F, reduction):
    # PyTorch clamps each log at -100, so compare where no log comes near that.
    rng = np.random.default_rng(15)
    probs = rng.uniform(1e-6, 1 - 1e-6, size=(6, 4))
    target = rng.random((6, 4))
    target[0] = [0.0, 1.0, 0.0, 1.0]
    expected = F.binary_cross_entropy(t64(torch, probs), t64(torch, target), reduction=reduction)
    close(le.binary_cross_entropy(probs, target, reduction=reduction), expected)


def test_binary_cross_entropy_is_inf_where_torch_clamps(torch, F):
    probs, target = np.array([0.0, 1.0]), np.array([1.0, 0.0])
    clamped = F.binary_cross_entropy(t64(torch, probs), t64(torch, target), reduction="none")
    close(clamped, [100.0, 100.0])
    np.testing.assert_array_equal(
        le.binary_cross_entropy(probs, target, reduction="none"), [np.inf, np.inf]
    )


@pytest.mark.parametrize("weighted", [False, True], ids=["no-pos-weight", "pos-weight"])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_binary_cross_entropy_with_logits_matches_torch(torch, F, binary, reduction, weighted):
    x, t, w = binary
    pos_weight = w if weighted else None
    expected = F.binary_cross_entropy_with_logits(
        t64(torch, x),
        t64(torch, t),
        pos_weight=t64(torch, w) if weighted else None,
        reduction=reduction,
    )
    close(
        le.binary_cross_entropy_with_logits(x, t, pos_weight=pos_weight, reduction=reduction),
        expected,
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_binary_cross_entropy_with_logits_scalar_pos_weight_matches_torch(torch, F, reduction):
    rng = np.random.default_rng(16)
    x, t = rng.normal(scale=3, size=(5, 3)), rng.random((5, 3))
    expected = F.binary_cross_entropy_with_logits(
        t64(torch, x), t64(torch, t), pos_weight=t64(torch, 3.0), reduction=reduction
    )
    close(le.binary_cross_entropy_with_logits(x, t, pos_weight=3.0, reduction=reduction), expected)


@pytest.mark.parametrize("weighted", [False, True], ids=["no-pos-weight", "pos-weight"])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_grad_binary_cross_entropy_with_logits_matches_autograd(
    torch, F, binary, reduction, weighted
):
    x, t, w = binary
    pos_weight = w if weighted else None
    expected = autograd(
        torch,
        lambda xt: F.binary_cross_entropy_with_logits(
            xt, t64(torch, t), pos_weight=t64(torch, w) if weighted else None, reduction=reduction
        ),
        x,
    )
    close(
        le.grad_binary_cross_entropy_with_logits(x, t, pos_weight=pos_weight, reduction=reduction),
        expected,
    )


# --- mse -----------------------------------------------------------------------------------


@pytest.fixture
def regression():
    rng = np.random.default_rng(17)
    return rng.normal(scale=5, size=(6, 3)), rng.normal(scale=5, size=(6, 3))


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_mse_matches_torch_mse_loss(torch, F, regression, reduction):
    pred, target = regression
    expected = F.mse_loss(t64(torch, pred), t64(torch, target), reduction=reduction)
    close(le.mse(pred, target, reduction=reduction), expected)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_grad_mse_matches_autograd(torch, F, regression, reduction):
    pred, target = regression
    expected = autograd(
        torch, lambda x: F.mse_loss(x, t64(torch, target), reduction=reduction), pred
    )
    close(le.grad_mse(pred, target, reduction=reduction), expected)


# --- the softmax family --------------------------------------------------------------------


@pytest.mark.parametrize("name", list(LOGITS))
def test_softmax_family_matches_torch(torch, name):
    z = LOGITS[name]
    zt = t64(torch, z)
    for axis in (0, -1):
        close(le.softmax(z, axis=axis), torch.softmax(zt, dim=axis), atol=1e-300)
        close(le.log_softmax(z, axis=axis), torch.log_softmax(zt, dim=axis))
        close(le.logsumexp(z, axis=axis), torch.logsumexp(zt, dim=axis))


def test_sigmoid_and_log_sigmoid_match_torch(torch, F):
    z = np.concatenate(
        [[-1e4, -700.0, -40.0, 0.0, 40.0, 700.0, 1e4], np.random.default_rng(18).normal(size=30)]
    )
    close(le.sigmoid(z), torch.sigmoid(t64(torch, z)), atol=1e-300)
    close(le.log_sigmoid(z), F.logsigmoid(t64(torch, z)))


# --- the neuron ----------------------------------------------------------------------------


def torch_neuron_cost(F, z, y, cost):
    if cost == "quadratic":
        return 0.5 * (y - z.sigmoid()) ** 2
    return F.binary_cross_entropy_with_logits(z, y * z.new_ones(z.shape), reduction="none")


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
@pytest.mark.parametrize("y", [0.0, 0.3, 1.0])
def test_neuron_cost_and_delta_match_autograd(torch, F, cost, y):
    z = np.concatenate([[-1e4, -40.0, 0.0, 40.0, 1e4], np.random.default_rng(19).normal(size=20)])
    close(le.neuron_cost(z, y, cost), torch_neuron_cost(F, t64(torch, z), y, cost))
    expected = autograd(torch, lambda zt: torch_neuron_cost(F, zt, y, cost), z)
    close(le.neuron_delta(z, y, cost), expected)


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
@pytest.mark.parametrize(("w0", "b0"), [(0.6, 0.9), (2.0, 2.0)])
def test_train_neuron_matches_torch_gradient_descent(torch, F, cost, w0, b0):
    x, y, eta, epochs = 1.0, 0.0, 0.15, 300
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
    outputs = []
    for _ in range(epochs):
        z = w * x + b
        outputs.append(z.sigmoid().item())
        torch_neuron_cost(F, z, y, cost).sum().backward()
        with torch.no_grad():
            w -= eta * w.grad
            b -= eta * b.grad
        w.grad, b.grad = None, None
    outputs.append((w * x + b).sigmoid().item())
    h = le.train_neuron(w0, b0, x=x, y=y, eta=eta, epochs=epochs, cost=cost)
    close(h.output, outputs, rtol=1e-10)
    close(h.w[-1], w.item(), rtol=1e-10)
