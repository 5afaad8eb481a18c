"""One epoch of the digits network of notebook 07: lossedu (NumPy) against PyTorch.

The same work on both sides, in float64 on the CPU: the 64–30–10 sigmoid network,
1,347 training images in shuffled mini-batches of 100 (14 steps of gradient
descent at rate 3), then what ``train_network`` records after every epoch: the
cost and the gradients on the whole training set and the accuracy on the 450
test images. Each side trains from the same weights for a few epochs; the time
per epoch is the median over repeats. PyTorch runs on one thread, as the NumPy
code does (it multiplies in pieces that OpenBLAS keeps on one thread), and its
first epoch's weights are checked against lossedu's.
"""

import numpy as np
from _common import NOT_MEASURED, Row, main, median, ms, timed

import lossedu as le
from lossedu.digits import load_digits_split

EPOCHS = 5
REPEATS = 7
BATCH = 100
ETA = 3.0
COST = "categorical_cross_entropy"
TARGET = 3.0


def lossedu_epochs(net, data, epochs):
    return le.train_network(
        net,
        data.X_train,
        data.y_train,
        cost=COST,
        eta=ETA,
        epochs=epochs,
        batch_size=BATCH,
        seed=0,
        X_test=data.X_test,
        labels_test=data.y_test,
    )


def torch_epochs(torch, net, data, epochs):
    """The same training loop in PyTorch: autograd steps, then the epoch's measurements."""
    F = torch.nn.functional
    params = [
        torch.tensor(getattr(net, name), dtype=torch.float64, requires_grad=True)
        for name in ("W1", "b1", "W2", "b2")
    ]
    W1, b1, W2, b2 = params
    X = torch.tensor(data.X_train, dtype=torch.float64)
    y = torch.tensor(data.y_train, dtype=torch.long)
    X_test = torch.tensor(data.X_test, dtype=torch.float64)
    y_test = torch.tensor(data.y_test, dtype=torch.long)
    rng = np.random.default_rng(0)

    def cost(x, labels):
        return F.cross_entropy(torch.sigmoid(x @ W1 + b1) @ W2 + b2, labels)

    def measure():
        for p in params:
            p.grad = None
        loss = cost(X, y)
        loss.backward()
        with torch.no_grad():
            logits = torch.sigmoid(X_test @ W1 + b1) @ W2 + b2
            accuracy = (logits.argmax(dim=1) == y_test).double().mean().item()
        return loss.item(), accuracy, W2.grad.abs().mean().item(), W1.grad.abs().mean().item()

    record = [measure()]
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(y)))
        for start in range(0, len(y), BATCH):
            batch = order[start : start + BATCH]
            for p in params:
                p.grad = None
            cost(X[batch], y[batch]).backward()
            with torch.no_grad():
                for p in params:
                    p -= ETA * p.grad
        record.append(measure())
    return [p.detach().numpy() for p in params], record


def run(quick=False):
    try:
        import torch
    except ImportError:
        return [Row("network epoch vs PyTorch", "PyTorch not installed", "", NOT_MEASURED)], []
    torch.set_num_threads(1)
    data = load_digits_split()
    net = le.init_network(64, 30, 10, seed=0)
    repeats = 3 if quick else REPEATS

    ours, theirs = [], []
    for _ in range(repeats):
        seconds, history = timed(lossedu_epochs, net, data, EPOCHS)
        ours.append(seconds / EPOCHS)
        seconds, (weights, _) = timed(torch_epochs, torch, net, data, EPOCHS)
        theirs.append(seconds / EPOCHS)
    # Same weights, same batches: the two trainings agree to rounding after an epoch.
    one, _ = torch_epochs(torch, net, data, 1)
    mine = lossedu_epochs(net, data, 1).net
    gap = max(
        float(np.abs(getattr(mine, name) - w).max())
        for name, w in zip(("W1", "b1", "W2", "b2"), one, strict=True)
    )
    ratio = median(ours) / median(theirs)
    measured = f"{ms(median(ours))} vs PyTorch {ms(median(theirs))}: {ratio:.2f}×"
    if gap > 1e-9:
        measured += f"; weights differ by {gap:.1e} after one epoch"
    rows = [
        Row.check(
            "network epoch: 64–30–10 on the digits, batches of 100",
            measured,
            f"≤ {TARGET:g}× PyTorch",
            ratio <= TARGET and gap <= 1e-9,
        )
    ]
    notes = [
        f"network: per-epoch time is the median over {repeats} runs of {EPOCHS} epochs "
        f"(14 steps each, then the epoch's cost, gradients and test accuracy), float64, "
        f"PyTorch {torch.__version__} on 1 thread; weights agree to {gap:.0e} after one epoch"
    ]
    return rows, notes


if __name__ == "__main__":
    main(run)
