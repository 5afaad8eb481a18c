"""The network of notebook 07: backpropagation against finite differences, training, bad input."""

import math
import subprocess
import sys

import numpy as np
import pytest

import lossedu as le
from lossedu.network import COSTS, MAX_EPOCHS, Network

ACTIVATIONS = ["sigmoid", "tanh"]
PARAMETERS = ("W1", "b1", "W2", "b2")


def small_problem(seed=3, n=7, sizes=(5, 4, 3)):
    rng = np.random.default_rng(seed)
    X = rng.random((n, sizes[0]))
    labels = rng.integers(0, sizes[2], size=n)
    return X, labels


def numeric_gradient(net, X, labels, cost, name, eps=1e-6):
    """Central differences of the batch cost, one weight at a time."""
    weights = getattr(net, name)
    grad = np.empty_like(weights)
    for index in np.ndindex(weights.shape):
        values = []
        for sign in (+1.0, -1.0):
            nudged = net.copy()
            getattr(nudged, name)[index] += sign * eps
            values.append(le.network_loss(nudged, X, labels, cost))
        grad[index] = (values[0] - values[1]) / (2 * eps)
    return grad


# -- gradients ----------------------------------------------------------------------------


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("cost", COSTS)
def test_gradients_match_finite_differences(cost, activation):
    X, labels = small_problem()
    net = le.init_network(5, 4, 3, hidden_scale=2.0, output_scale=2.0, activation=activation)
    loss, grads = le.network_gradients(net, X, labels, cost)
    assert loss == pytest.approx(le.network_loss(net, X, labels, cost), rel=1e-15)
    for name in PARAMETERS:
        expected = numeric_gradient(net, X, labels, cost, name)
        np.testing.assert_allclose(getattr(grads, name), expected, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("cost", COSTS)
def test_gradients_in_chunks_equal_the_whole_batch(cost):
    # Batches above the chunk size are multiplied in pieces; the sum must not change.
    rng = np.random.default_rng(0)
    X, labels = rng.random((300, 6)), rng.integers(0, 4, size=300)
    net = le.init_network(6, 5, 4, seed=2)
    _, grads = le.network_gradients(net, X, labels, cost)
    # The full-batch gradient is the size-weighted mean of the three 100-row gradients.
    parts = [
        le.network_gradients(net, X[k : k + 100], labels[k : k + 100], cost)[1]
        for k in (0, 100, 200)
    ]
    for name in PARAMETERS:
        mean = sum(getattr(p, name) for p in parts) / 3
        np.testing.assert_allclose(getattr(grads, name), mean, rtol=1e-12, atol=1e-15)


def test_quadratic_delta_carries_sigma_prime_and_cross_entropy_does_not():
    # One output unit, a saturated wrong output: the bias gradients of notebook 06.
    net = Network(np.zeros((1, 1)), np.zeros(1), np.zeros((1, 2)), np.array([4.0, 0.0]))
    X, labels = np.zeros((1, 1)), np.array([1])
    a = le.sigmoid(4.0)
    _, quad = le.network_gradients(net, X, labels, "quadratic")
    _, bce = le.network_gradients(net, X, labels, "binary_cross_entropy")
    assert quad.b2[0] == pytest.approx(a * a * (1 - a), rel=1e-12)
    assert bce.b2[0] == pytest.approx(a, rel=1e-12)


def test_softmax_ignores_a_shift_of_every_output_bias():
    X, labels = small_problem(n=20, sizes=(5, 4, 3))
    net = le.init_network(5, 4, 3, seed=1)
    shifted = le.init_network(5, 4, 3, output_bias=8.0, seed=1)
    cost = "categorical_cross_entropy"
    assert le.network_loss(net, X, labels, cost) == pytest.approx(
        le.network_loss(shifted, X, labels, cost), abs=1e-12
    )


def test_initial_softmax_cost_is_ln_10_for_small_weights():
    X, labels = small_problem(n=50, sizes=(64, 30, 10))
    net = le.init_network(64, 30, 10, output_scale=1e-4, seed=0)
    cost = le.network_loss(net, X, labels, "categorical_cross_entropy")
    assert cost == pytest.approx(math.log(10), abs=1e-4)
    assert le.network_loss(net, X, labels, "binary_cross_entropy") == pytest.approx(
        10 * math.log(2), abs=1e-3
    )
    assert le.network_loss(net, X, labels, "quadratic") == pytest.approx(1.25, abs=1e-3)


def test_forward_predict_and_hidden_activations_shapes():
    X, labels = small_problem()
    net = le.init_network(5, 4, 3, activation="tanh")
    assert le.forward(net, X).shape == (7, 3)
    h = le.hidden_activations(net, X)
    assert h.shape == (7, 4) and np.all(np.abs(h) < 1)
    assert np.array_equal(le.predict(net, X), np.argmax(le.forward(net, X), axis=1))
    assert le.accuracy(net, X, le.predict(net, X)) == 1.0


def test_sigmoid_hidden_layer_stays_finite_for_huge_weights():
    X, labels = small_problem()
    net = le.init_network(5, 4, 3, hidden_scale=999.0, output_scale=999.0)
    h = le.hidden_activations(net, X)
    assert np.all((h >= 0) & (h <= 1))
    for cost in COSTS:
        loss, grads = le.network_gradients(net, X, labels, cost)
        assert np.isfinite(loss)
        assert all(np.isfinite(getattr(grads, name)).all() for name in PARAMETERS)


# -- training -----------------------------------------------------------------------------


@pytest.mark.parametrize("cost", COSTS)
def test_training_is_deterministic_for_a_seed(cost):
    X, labels = small_problem(n=60)
    net = le.init_network(5, 4, 3, seed=4)
    runs = [
        le.train_network(net, X, labels, cost=cost, eta=1.0, epochs=6, batch_size=8, seed=9)
        for _ in range(2)
    ]
    for field in ("train_loss", "test_accuracy", "output_gradient", "hidden_gradient"):
        assert np.array_equal(getattr(runs[0], field), getattr(runs[1], field)), field
    for name in PARAMETERS:
        assert np.array_equal(getattr(runs[0].net, name), getattr(runs[1].net, name))
    other = le.train_network(net, X, labels, cost=cost, eta=1.0, epochs=6, batch_size=8, seed=10)
    assert not np.array_equal(other.net.W1, runs[0].net.W1)


def test_training_leaves_the_starting_network_alone():
    X, labels = small_problem(n=30)
    net = le.init_network(5, 4, 3, seed=4)
    before = net.copy()
    le.train_network(net, X, labels, epochs=3, batch_size=5)
    for name in PARAMETERS:
        assert np.array_equal(getattr(net, name), getattr(before, name))


def test_training_records_the_start_and_every_epoch():
    X, labels = small_problem(n=30)
    net = le.init_network(5, 4, 3, seed=4)
    history = le.train_network(net, X, labels, epochs=4, batch_size=7, cost="quadratic")
    assert history.epochs_trained == 4
    assert history.train_loss[0] == le.network_loss(net, X, labels, "quadratic")
    assert history.test_accuracy[0] == le.accuracy(net, X, labels)
    assert history.train_loss[-1] == pytest.approx(
        le.network_loss(history.net, X, labels, "quadratic"), rel=1e-12
    )
    assert le.train_network(net, X, labels, epochs=0, batch_size=30).epochs_trained == 0


def test_training_learns_the_digits():
    data = pytest.importorskip("lossedu.digits").load_digits_split()
    net = le.init_network(64, 30, 10, seed=0)
    history = le.train_network(
        net,
        data.X_train,
        data.y_train,
        cost="categorical_cross_entropy",
        eta=3.0,
        epochs=8,
        batch_size=100,
        X_test=data.X_test,
        labels_test=data.y_test,
    )
    assert history.test_accuracy[0] < 0.2 and history.test_accuracy[-1] > 0.9
    assert history.epochs_to_accuracy(0.9) <= 8
    assert history.epochs_to_accuracy(0.999) == math.inf


def test_a_huge_learning_rate_gives_finite_numbers():
    X, labels = small_problem(n=40)
    net = le.init_network(5, 4, 3, seed=1)
    for cost in COSTS:
        history = le.train_network(net, X, labels, cost=cost, eta=999.0, epochs=20, batch_size=4)
        for field in ("train_loss", "test_accuracy", "output_gradient", "hidden_gradient"):
            assert np.isfinite(getattr(history, field)).all(), (cost, field)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_huge_inputs_saturate_the_hidden_layer_without_a_warning(activation):
    # X W1 beyond the float range is ±inf, whose activation is exact; RuntimeWarnings are
    # errors in this suite, so any "overflow encountered" would fail here.
    rng = np.random.default_rng(0)
    X, labels = rng.standard_normal((40, 4)) * 1e200, rng.integers(0, 3, size=40)
    net = le.init_network(4, 5, 3, hidden_scale=1e-200, activation=activation)
    h = le.hidden_activations(net, X * 1e100)
    assert np.isfinite(h).all()
    for cost in COSTS:
        history = le.train_network(net, X, labels, cost=cost, eta=999.0, epochs=3, batch_size=10)
        for field in ("train_loss", "test_accuracy", "output_gradient", "hidden_gradient"):
            assert np.isfinite(getattr(history, field)).all(), (cost, field)


def test_inputs_whose_product_is_no_number_are_refused_by_name():
    net = le.init_network(4, 5, 3, hidden_scale=10.0)
    X = np.array([[1e308, -1e308, 1e308, -1e308]])  # inf - inf in X W1
    for call in (
        lambda: le.predict(net, X),
        lambda: le.forward(net, X),
        lambda: le.network_gradients(net, X, [0], "quadratic"),
        lambda: le.train_network(net, X, [0], epochs=1, batch_size=1),
    ):
        with pytest.raises(ValueError, match=r"X W1 overflowed .*inputs X up to 1e\+308"):
            call()


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_in": 0}, "n_in"),
        ({"n_hidden": 5000}, "n_hidden"),
        ({"n_out": 2.5}, "n_out"),
        ({"hidden_scale": -1.0}, "hidden_scale"),
        ({"output_scale": float("nan")}, "output_scale"),
        ({"output_bias": 60.0}, "output_bias"),
        ({"output_bias": float("inf")}, "output_bias"),
        ({"activation": "relu"}, "activation"),
        ({"seed": -1}, "seed"),
    ],
)
def test_init_network_refuses_bad_input(kwargs, match):
    args = {"n_in": 5, "n_hidden": 4, "n_out": 3} | kwargs
    n_in, n_hidden, n_out = args.pop("n_in"), args.pop("n_hidden"), args.pop("n_out")
    with pytest.raises(ValueError, match=match):
        le.init_network(n_in, n_hidden, n_out, **args)


@pytest.mark.parametrize(
    ("weights", "match"),
    [
        ((np.zeros(3), np.zeros(3), np.zeros((3, 2)), np.zeros(2)), "W1 must be 2-D"),
        ((np.zeros((2, 3)), np.zeros(4), np.zeros((3, 2)), np.zeros(2)), "b1 must have shape"),
        ((np.zeros((2, 3)), np.zeros(3), np.zeros((3, 2)), np.zeros(3)), "b2 must have shape"),
        ((np.full((2, 3), np.nan), np.zeros(3), np.zeros((3, 2)), np.zeros(2)), "W1 contains NaN"),
        ((np.zeros((2, 3)), np.zeros(3), np.full((3, 2), np.inf), np.zeros(2)), "W2 contains inf"),
    ],
)
def test_network_refuses_inconsistent_weights(weights, match):
    with pytest.raises(ValueError, match=match):
        Network(*weights)


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"X": np.zeros((7, 6))}, "X must have 5 columns"),
        ({"X": np.zeros(5)}, "X must be 2-D"),
        ({"X": np.full((7, 5), np.nan)}, "X contains NaN"),
        ({"X": np.full((7, 5), np.inf)}, "X contains inf"),
        ({"labels": np.arange(7) % 4}, r"labels must lie in \[0, 3\)"),
        ({"labels": np.zeros(6, dtype=int)}, "one label per row of X"),
        ({"labels": np.zeros(7)}, "labels must be integer class labels"),
        ({"cost": "hinge"}, "cost must be one of"),
        ({"eta": 0.0}, "eta must be > 0"),
        ({"eta": 1e6}, "eta must be < 1000"),
        ({"eta": float("nan")}, "eta must be a finite number"),
        ({"epochs": -1}, "epochs must be a non-negative integer"),
        ({"epochs": MAX_EPOCHS + 1}, "epochs must be at most"),
        ({"epochs": 2.0}, "epochs must be a non-negative integer"),
        ({"batch_size": 0}, "batch_size must be an integer >= 1"),
        ({"batch_size": 8}, "batch_size must be at most 7"),
        ({"seed": "one"}, "seed must be a non-negative integer"),
        ({"X_test": np.zeros((2, 5))}, "X_test and labels_test go together"),
        ({"X_test": np.zeros((2, 4)), "labels_test": [0, 1]}, "X must have 5 columns"),
        ({"X_test": np.zeros((2, 5)), "labels_test": [0, 3]}, "labels must lie"),
        ({"net": "a network"}, "net must be a Network"),
    ],
)
def test_train_network_refuses_bad_input(change, match):
    X, labels = small_problem()
    args = {"net": le.init_network(5, 4, 3), "X": X, "labels": labels, "epochs": 1, "batch_size": 7}
    args |= change
    with pytest.raises(ValueError, match=match):
        le.train_network(args.pop("net"), args.pop("X"), args.pop("labels"), **args)


def test_network_loss_and_gradients_refuse_bad_input():
    X, labels = small_problem()
    net = le.init_network(5, 4, 3)
    with pytest.raises(ValueError, match="cost must be one of"):
        le.network_loss(net, X, labels, "mse")
    with pytest.raises(ValueError, match="labels must lie"):
        le.network_gradients(net, X, labels + 3, "quadratic")
    with pytest.raises(ValueError, match="net must be a Network"):
        le.forward({"W1": 1}, X)
    with pytest.raises(ValueError, match="level must be"):
        le.train_network(net, X, labels, epochs=1, batch_size=7).epochs_to_accuracy(0.0)


def test_import_lossedu_loads_neither_sklearn_nor_the_data():
    code = "import sys, lossedu; print('sklearn' in sys.modules, 'lossedu.digits' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "False"]


def test_network_module_imports_numpy_and_the_standard_library_only():
    import ast
    import pathlib

    for module in ("network", "digits"):
        path = pathlib.Path(le.__file__).parent / f"{module}.py"
        tree = ast.parse(path.read_text())
        top = set()
        for node in tree.body:  # module level only: the loader imports sklearn lazily
            if isinstance(node, ast.Import):
                top |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                top.add(node.module.split(".")[0])
        assert top - set(sys.stdlib_module_names) <= {"numpy"}, (module, top)


def test_tracking_only_the_test_accuracy_gives_the_same_run():
    X, labels = small_problem(n=40)
    net = le.init_network(5, 4, 3, seed=2)
    args = {"eta": 2.0, "epochs": 4, "batch_size": 8, "X_test": X[:10], "labels_test": labels[:10]}
    full = le.train_network(net, X, labels, **args)
    light = le.train_network(net, X, labels, track_training_set=False, **args)
    assert np.array_equal(full.test_accuracy, light.test_accuracy)
    assert np.array_equal(full.net.W1, light.net.W1)
    assert light.train_loss is None and light.hidden_gradient is None
    assert light.epochs_trained == 4
    with pytest.raises(ValueError, match="track_training_set must be True or False"):
        le.train_network(net, X, labels, track_training_set="no", batch_size=8)


@pytest.mark.parametrize("track", [True, False])
def test_continued_training_equals_one_longer_run(track):
    X, labels = small_problem(n=45)
    net = le.init_network(5, 4, 3, seed=6)
    args = {"cost": "binary_cross_entropy", "eta": 2.0, "batch_size": 10, "seed": 3}
    whole = le.train_network(net, X, labels, epochs=7, track_training_set=track, **args)
    part = le.train_network(net, X, labels, epochs=3, track_training_set=track, **args)
    longer = le.continue_training(
        le.continue_training(part, X, labels, epochs=0), X, labels, epochs=4
    )
    assert longer.epochs_trained == 7
    for field in ("train_loss", "test_accuracy", "output_gradient", "hidden_gradient"):
        a, b = getattr(whole, field), getattr(longer, field)
        assert (a is None and b is None) or np.array_equal(a, b), field
    assert np.array_equal(whole.net.W2, longer.net.W2)
    assert np.array_equal(part.net.W2, le.train_network(net, X, labels, epochs=3, **args).net.W2)


def test_continue_training_refuses_what_it_cannot_continue():
    X, labels = small_problem(n=45)
    run = le.train_network(le.init_network(5, 4, 3), X, labels, epochs=1, batch_size=10)
    with pytest.raises(ValueError, match="history must be a NetworkHistory"):
        le.continue_training(run.net, X, labels, epochs=1)
    with pytest.raises(ValueError, match="fewer than the run's batch size"):
        le.continue_training(run, X[:5], labels[:5], epochs=1)
    with pytest.raises(ValueError, match="epochs must be at most"):
        le.continue_training(run, X, labels, epochs=MAX_EPOCHS + 1)
