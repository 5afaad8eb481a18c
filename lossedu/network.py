r"""A network with one hidden layer, trained by mini-batch gradient descent (NumPy only).

The network of notebook 07: inputs :math:`x` (one row per sample), a hidden layer
:math:`h = f(x W_1 + b_1)` with :math:`f` the sigmoid or tanh, and an output layer
with logits :math:`z = h W_2 + b_2`. Three ways to turn the logits into a cost:

``"quadratic"``
    sigmoid outputs :math:`a = \sigma(z)`, cost :math:`\tfrac12\lVert a - y\rVert^2`
    per sample (Nielsen's setting, the convention of notebook 06);
``"binary_cross_entropy"``
    sigmoid outputs, one binary cross-entropy per output unit, summed;
``"categorical_cross_entropy"``
    a softmax over the outputs, cross-entropy against the label.

Here :math:`y` is the one-hot row of the label, and every cost is averaged over the
samples of a batch. The output error :math:`\delta_2 = \partial C/\partial z` comes
from the course's own loss gradients (:func:`lossedu.grad_mse`,
:func:`lossedu.grad_binary_cross_entropy_with_logits`,
:func:`lossedu.grad_categorical_cross_entropy`); backpropagation carries it to the
hidden layer.
"""

from dataclasses import dataclass, field

import numpy as np

from ._validation import (
    as_float_array,
    as_labels,
    as_number,
    check_choice,
    check_count,
    check_ndim,
    check_positive,
)
from .losses import (
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
    grad_mse,
    mse,
)
from .special import sigmoid

COSTS = ("quadratic", "binary_cross_entropy", "categorical_cross_entropy")
ACTIVATIONS = ("sigmoid", "tanh")
PARAMETERS = ("W1", "b1", "W2", "b2")
#: Rows per matrix product. OpenBLAS spreads larger products over threads, which
#: for matrices this small costs more than it saves (several times more on a busy
#: machine); chunks of 128 rows stay on one thread.
CHUNK = 128

#: Caps that keep a typo from asking for hours of work or gigabytes of weights.
MAX_UNITS = 4096
MAX_EPOCHS = 10_000
#: A rate this large is never a learning rate on inputs in [0, 1]; it is a typo.
MAX_ETA = 1000.0
#: Beyond ±50 a sigmoid output is 1 or 0 to within 2e-22: no start needs more.
MAX_BIAS = 50.0


def _count(value, name, *, minimum, maximum):
    value = check_count(value, name, minimum=minimum)
    if value > maximum:
        raise ValueError(f"{name} must be at most {maximum}; got {value}")
    return value


def _parameter(value, name, shape):
    arr = as_float_array(value, name)
    if arr.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got {arr.shape}")
    return arr


@dataclass(frozen=True)
class Network:
    r"""The weights of a network with one hidden layer.

    Parameters
    ----------
    W1 : array_like, shape (n_in, n_hidden)
    b1 : array_like, shape (n_hidden,)
    W2 : array_like, shape (n_hidden, n_out)
    b2 : array_like, shape (n_out,)
    activation : {"sigmoid", "tanh"}
        The hidden layer's :math:`f`.

    Notes
    -----
    Samples are rows, so a batch :math:`X` of shape (N, n_in) gives
    :math:`H = f(X W_1 + b_1)` and logits :math:`Z = H W_2 + b_2`.

    Examples
    --------
    >>> net = Network(np.zeros((2, 3)), np.zeros(3), np.zeros((3, 4)), np.zeros(4))
    >>> net.sizes
    (2, 3, 4)
    >>> Network(np.zeros((2, 3)), np.zeros(3), np.zeros((2, 4)), np.zeros(4))
    Traceback (most recent call last):
    ...
    ValueError: W2 must have shape (3, 4); got (2, 4)
    """

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    activation: str = "sigmoid"

    def __post_init__(self):
        W1 = as_float_array(self.W1, "W1")
        check_ndim(W1, 2, "W1", hint="; expected (n_in, n_hidden)")
        n_in, n_hidden = W1.shape
        W2 = as_float_array(self.W2, "W2")
        check_ndim(W2, 2, "W2", hint="; expected (n_hidden, n_out)")
        n_out = W2.shape[1]
        object.__setattr__(self, "W1", W1)
        object.__setattr__(self, "b1", _parameter(self.b1, "b1", (n_hidden,)))
        object.__setattr__(self, "W2", _parameter(W2, "W2", (n_hidden, n_out)))
        object.__setattr__(self, "b2", _parameter(self.b2, "b2", (n_out,)))
        check_choice(self.activation, "activation", ACTIVATIONS)
        for name, n in (("n_in", n_in), ("n_hidden", n_hidden), ("n_out", n_out)):
            _count(n, name, minimum=1, maximum=MAX_UNITS)

    @property
    def sizes(self):
        """``(n_in, n_hidden, n_out)``."""
        return (self.W1.shape[0], self.W1.shape[1], self.W2.shape[1])

    def copy(self):
        """A network with copies of the weights, to train without touching these."""
        return Network(
            self.W1.copy(), self.b1.copy(), self.W2.copy(), self.b2.copy(), self.activation
        )


def init_network(
    n_in,
    n_hidden,
    n_out,
    *,
    hidden_scale=1.0,
    output_scale=1.0,
    output_bias=0.0,
    activation="sigmoid",
    seed=0,
):
    r"""Random weights for a network with one hidden layer, reproducible from `seed`.

    Parameters
    ----------
    n_in, n_hidden, n_out : int
        Layer sizes, each in [1, 4096].
    hidden_scale, output_scale : float, optional
        Each layer's weights are drawn from :math:`\mathcal N(0, s^2 / n)`, with
        :math:`n` the number of inputs of the layer (its fan-in) and :math:`s` the
        scale. With :math:`s = 1` a unit's pre-activation has about the spread of
        one input; large scales saturate the units from the start. In [0, 1000).
    output_bias : float, optional
        The starting bias of every output unit, in [-50, 50]. A bias of 4 starts
        each sigmoid output near :math:`\sigma(4) \approx 0.98`: saturated, and
        wrong for the nine classes that are not the label.
    activation : {"sigmoid", "tanh"}, optional
        The hidden layer's activation.
    seed : int, optional
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    Network
        Hidden biases start at zero.

    Notes
    -----
    A fan-in scaling of this kind is LeCun et al.'s advice ("Efficient BackProp",
    1998); Glorot & Bengio (2010) refine it with the fan-out.

    Examples
    --------
    >>> net = init_network(64, 30, 10, seed=1)
    >>> net.sizes, net.W1.shape, float(net.b2.sum())
    ((64, 30, 10), (64, 30), 0.0)
    >>> bool(np.all(init_network(64, 30, 10, seed=1).W1 == net.W1))  # same seed, same weights
    True
    """
    n_in = _count(n_in, "n_in", minimum=1, maximum=MAX_UNITS)
    n_hidden = _count(n_hidden, "n_hidden", minimum=1, maximum=MAX_UNITS)
    n_out = _count(n_out, "n_out", minimum=1, maximum=MAX_UNITS)
    hidden_scale = check_positive(hidden_scale, "hidden_scale", allow_zero=True, below=MAX_ETA)
    output_scale = check_positive(output_scale, "output_scale", allow_zero=True, below=MAX_ETA)
    output_bias = as_number(output_bias, "output_bias")
    if abs(output_bias) > MAX_BIAS:
        raise ValueError(
            f"output_bias must lie in [-{MAX_BIAS:g}, {MAX_BIAS:g}]; got {output_bias!r}"
        )
    check_choice(activation, "activation", ACTIVATIONS)
    rng = np.random.default_rng(_seed(seed))
    W1 = rng.standard_normal((n_in, n_hidden)) * (hidden_scale / np.sqrt(n_in))
    W2 = rng.standard_normal((n_hidden, n_out)) * (output_scale / np.sqrt(n_hidden))
    return Network(W1, np.zeros(n_hidden), W2, np.full(n_out, output_bias), activation)


def _seed(seed):
    return check_count(seed, "seed")


def _check_network(net):
    if not isinstance(net, Network):
        raise ValueError(f"net must be a Network (see init_network); got {type(net).__name__}")


def _inputs(net, X):
    X = as_float_array(X, "X")
    check_ndim(X, 2, "X", hint="; expected one row per sample, (N, n_in)")
    if X.shape[1] != net.sizes[0]:
        raise ValueError(
            f"X must have {net.sizes[0]} columns, one per input of the network; got shape {X.shape}"
        )
    return X


def _batch(net, X, labels):
    _check_network(net)
    X = _inputs(net, X)
    labels = as_labels(labels, net.sizes[2], "labels")
    if labels.shape != (X.shape[0],):
        raise ValueError(
            f"labels must hold one label per row of X, shape ({X.shape[0]},); "
            f"got shape {labels.shape}"
        )
    return X, labels


def _dot(a, b):
    """``a @ b``, a few rows of `a` at a time (see :data:`CHUNK`)."""
    if a.shape[0] <= CHUNK:
        return a @ b
    return np.concatenate([a[rows] @ b for rows in _chunks(a.shape[0])])


def _dot_t(a, b):
    """``a.T @ b``, summed over pieces of a few rows (see :data:`CHUNK`)."""
    if a.shape[0] <= CHUNK:
        return a.T @ b
    return sum(a[rows].T @ b[rows] for rows in _chunks(a.shape[0]))


def _chunks(n):
    return [slice(start, start + CHUNK) for start in range(0, n, CHUNK)]


def _hidden(net, X):
    """Hidden activations h = f(X W1 + b1), and f'(z1) written in terms of h."""
    # Huge inputs can take X W1 beyond the float range: ±inf saturates the unit exactly
    # (tanh(±inf) = ±1), so it is no error; a NaN (inf - inf) is caught in _output.
    with np.errstate(over="ignore", invalid="ignore"):
        z1 = _dot(X, net.W1) + net.b1
        if net.activation == "tanh":
            h = np.tanh(z1)
            return h, 1.0 - h * h
        # σ(z) = ½(1 + tanh(z/2)): no overflow for any z, and correct to rounding in
        # absolute terms, which is all a hidden unit passes on (the outputs use le.sigmoid).
        h = 0.5 * (1.0 + np.tanh(0.5 * z1))
        return h, h * (1.0 - h)


def _output(net, h, X):
    """The logits z = h W2 + b2, or a ValueError if the inputs made them NaN."""
    z = _dot(h, net.W2) + net.b2
    if not np.isfinite(z).all():
        weights = max(float(np.abs(w).max()) for w in (net.W1, net.b1, net.W2, net.b2))
        raise ValueError(
            "the network's outputs are not numbers: X W1 overflowed the float64 range "
            f"(inputs X up to {float(np.abs(X).max()):.3g}, weights up to {weights:.3g}); "
            "scale the inputs to order 1, or lower the learning rate"
        )
    return z


def _one_hot(labels, n_out):
    y = np.zeros((len(labels), n_out))
    y[np.arange(len(labels)), labels] = 1.0
    return y


def _cost_and_delta(z, labels, cost, *, need_cost=True):
    """The batch-mean cost and δ2 = ∂C/∂z (N, n_out), from the course's losses."""
    n, n_out = z.shape
    if cost == "categorical_cross_entropy":
        loss = categorical_cross_entropy(z, labels) if need_cost else None
        return loss, grad_categorical_cross_entropy(z, labels)
    y = _one_hot(labels, n_out)
    if cost == "binary_cross_entropy":
        # Summed over the outputs of a sample, averaged over the samples.
        loss = binary_cross_entropy_with_logits(z, y, reduction="sum") / n if need_cost else None
        return loss, grad_binary_cross_entropy_with_logits(z, y, reduction="sum") / n
    a = sigmoid(z)
    # ½‖a − y‖² per sample: the course's mse has no ½ and sums here, hence the 0.5.
    loss = 0.5 * mse(a, y, reduction="sum") / n if need_cost else None
    return loss, 0.5 * grad_mse(a, y, reduction="sum") / n * a * (1.0 - a)


def _backprop(net, X, labels, cost, *, need_cost=True):
    """The batch-mean cost and its gradients, in the order of :data:`PARAMETERS`."""
    h, f_prime = _hidden(net, X)
    z = _output(net, h, X)
    loss, delta2 = _cost_and_delta(z, labels, cost, need_cost=need_cost)
    delta1 = _dot(delta2, net.W2.T) * f_prime
    return loss, [_dot_t(X, delta1), delta1.sum(axis=0), _dot_t(h, delta2), delta2.sum(axis=0)]


def _logits(net, X):
    return _output(net, _hidden(net, X)[0], X)


def forward(net, X):
    r"""The network's logits :math:`z = f(X W_1 + b_1) W_2 + b_2`, one row per sample.

    Parameters
    ----------
    net : Network
    X : array_like, shape (N, n_in)
        Finite inputs, one row per sample.

    Returns
    -------
    ndarray, shape (N, n_out)
        The logits; the outputs are ``sigmoid(z)`` or ``softmax(z)`` by cost.

    Examples
    --------
    >>> net = init_network(2, 3, 4, output_scale=0.0)
    >>> forward(net, [[0.5, 1.0]])
    array([[0., 0., 0., 0.]])
    """
    _check_network(net)
    return _logits(net, _inputs(net, X))


def hidden_activations(net, X):
    r"""The hidden layer's outputs :math:`h = f(X W_1 + b_1)`, one row per sample.

    Parameters
    ----------
    net : Network
    X : array_like, shape (N, n_in)

    Returns
    -------
    ndarray, shape (N, n_hidden)
        In (0, 1) for the sigmoid, (-1, 1) for tanh. A unit is *saturated* where
        :math:`f'` is tiny: :math:`h(1 - h)` near 0 (sigmoid), :math:`1 - h^2` near 0 (tanh).

    Examples
    --------
    >>> net = Network(np.array([[10.0, 0.0]]), np.zeros(2), np.ones((2, 1)), np.zeros(1))
    >>> hidden_activations(net, [[1.0]]).round(5)
    array([[0.99995, 0.5    ]])
    """
    _check_network(net)
    return _hidden(net, _inputs(net, X))[0]


def predict(net, X):
    """The predicted class of each row of `X`: the output unit with the largest logit.

    Sigmoid and softmax are both increasing, so the largest output and the
    largest logit are the same unit.

    Examples
    --------
    >>> net = Network(np.eye(2), np.zeros(2), np.array([[1.0, -1.0], [-1.0, 1.0]]), np.zeros(2))
    >>> predict(net, [[5.0, 0.0], [0.0, 5.0]])
    array([0, 1])
    """
    return np.argmax(forward(net, X), axis=1)


def accuracy(net, X, labels):
    """The share of rows of `X` whose predicted class is the label, in [0, 1].

    Examples
    --------
    >>> net = Network(np.eye(2), np.zeros(2), np.array([[1.0, -1.0], [-1.0, 1.0]]), np.zeros(2))
    >>> accuracy(net, [[5.0, 0.0], [0.0, 5.0]], [0, 0])
    0.5
    """
    X, labels = _batch(net, X, labels)
    return float(np.mean(np.argmax(_logits(net, X), axis=1) == labels))


def network_loss(net, X, labels, cost):
    r"""The cost of the network on a batch, averaged over its samples.

    Parameters
    ----------
    net : Network
    X : array_like, shape (N, n_in)
    labels : array_like of int, shape (N,)
        Class labels in [0, n_out).
    cost : {"quadratic", "binary_cross_entropy", "categorical_cross_entropy"}

    Returns
    -------
    float
        The mean over samples of :math:`\tfrac12\lVert\sigma(z) - y\rVert^2`,
        :math:`-\sum_k [y_k \ln\sigma(z_k) + (1 - y_k)\ln(1 - \sigma(z_k))]` or
        :math:`-\ln \operatorname{softmax}(z)_{\text{label}}`, with :math:`y` the
        one-hot row of the label; in squared probability for the first, nats for
        the others.

    Examples
    --------
    >>> net = init_network(64, 30, 10, output_scale=0.0)  # every logit 0
    >>> X, labels = np.zeros((5, 64)), np.arange(5)
    >>> network_loss(net, X, labels, "quadratic")  # ½ (0.5² · 9 + 0.5²)
    1.25
    >>> round(network_loss(net, X, labels, "categorical_cross_entropy"), 4)  # ln 10
    2.3026
    """
    check_choice(cost, "cost", COSTS)
    X, labels = _batch(net, X, labels)
    return float(_cost_and_delta(_logits(net, X), labels, cost)[0])


def network_gradients(net, X, labels, cost):
    r"""Backpropagation: the cost on a batch and its gradient for every weight.

    Parameters
    ----------
    net, X, labels, cost
        As for :func:`network_loss`.

    Returns
    -------
    loss : float
        :func:`network_loss`.
    grads : Network
        :math:`\partial C/\partial W_1`, :math:`\partial C/\partial b_1`,
        :math:`\partial C/\partial W_2`, :math:`\partial C/\partial b_2`, in the
        shapes of the weights.

    Notes
    -----
    With :math:`H = f(Z_1)`, :math:`Z_1 = X W_1 + b_1`, :math:`Z = H W_2 + b_2` and
    the output error :math:`\Delta_2 = \partial C/\partial Z` (one row per sample),

    .. math::
        \Delta_2 = \tfrac1N (A - Y) \odot A \odot (1 - A) \ \text{(quadratic)},\qquad
        \Delta_2 = \tfrac1N (A - Y) \ \text{(both cross-entropies)},

    .. math::
        \frac{\partial C}{\partial W_2} = H^\top \Delta_2,\quad
        \frac{\partial C}{\partial b_2} = \mathbf 1^\top \Delta_2,\quad
        \Delta_1 = (\Delta_2 W_2^\top) \odot f'(Z_1),\quad
        \frac{\partial C}{\partial W_1} = X^\top \Delta_1,\quad
        \frac{\partial C}{\partial b_1} = \mathbf 1^\top \Delta_1,

    where :math:`A` is the sigmoid or softmax of :math:`Z` and :math:`f'(Z_1)` is
    :math:`H(1 - H)` for the sigmoid, :math:`1 - H^2` for tanh.

    Examples
    --------
    >>> net = init_network(64, 30, 10, seed=0)
    >>> loss, grads = network_gradients(net, np.ones((4, 64)), [1, 2, 3, 4], "quadratic")
    >>> grads.W2.shape, grads.b1.shape
    ((30, 10), (30,))
    """
    check_choice(cost, "cost", COSTS)
    X, labels = _batch(net, X, labels)
    loss, grads = _backprop(net, X, labels, cost)
    return float(loss), Network(*grads, net.activation)


@dataclass(frozen=True)
class NetworkHistory:
    r"""What :func:`train_network` recorded before training and after every epoch.

    Every array has length ``epochs + 1`` (index 0: the starting weights).

    Attributes
    ----------
    train_loss : ndarray or None
        The cost on the whole training set (None if not tracked).
    test_accuracy : ndarray
        The share of test samples classified right (training accuracy if no
        test set was given).
    output_gradient, hidden_gradient : ndarray or None
        The mean absolute entry of :math:`\partial C/\partial W_2` and of
        :math:`\partial C/\partial W_1` on the whole training set: how hard
        gradient descent pushes each layer.
    net : Network
        The trained weights.
    cost : str
    eta : float
    batch_size : int
    shuffle_state : dict
        Where the shuffling of the batches stopped, for :func:`continue_training`.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X, labels = rng.random((40, 4)), rng.integers(0, 3, size=40)
    >>> history = train_network(init_network(4, 5, 3), X, labels, epochs=2, batch_size=10)
    >>> history.train_loss.shape, history.epochs_trained
    ((3,), 2)
    """

    train_loss: np.ndarray
    test_accuracy: np.ndarray
    output_gradient: np.ndarray
    hidden_gradient: np.ndarray
    net: Network = field(repr=False)
    cost: str
    eta: float
    batch_size: int
    shuffle_state: dict = field(default=None, repr=False)

    @property
    def epochs_trained(self):
        """How many epochs were run."""
        return len(self.test_accuracy) - 1

    def epochs_to_accuracy(self, level):
        """The first epoch at which the test accuracy reached `level` (``inf`` if never).

        Examples
        --------
        >>> h = NetworkHistory(np.zeros(3), np.array([0.1, 0.6, 0.9]), np.zeros(3),
        ...                    np.zeros(3), None, "quadratic", 1.0, 10)
        >>> h.epochs_to_accuracy(0.5), h.epochs_to_accuracy(0.95)
        (1.0, inf)
        """
        level = check_positive(level, "level", below=1.0 + 1e-12)
        reached = self.test_accuracy >= level
        return float(np.argmax(reached)) if reached.any() else float("inf")


def train_network(
    net,
    X,
    labels,
    *,
    cost="categorical_cross_entropy",
    eta=0.5,
    epochs=30,
    batch_size=32,
    seed=0,
    X_test=None,
    labels_test=None,
    track_training_set=True,
):
    r"""Train a copy of `net` by mini-batch gradient descent; record every epoch.

    Parameters
    ----------
    net : Network
        The starting weights (left unchanged).
    X : array_like, shape (N, n_in)
        Training inputs, finite.
    labels : array_like of int, shape (N,)
        Training labels in [0, n_out).
    cost : {"quadratic", "binary_cross_entropy", "categorical_cross_entropy"}, optional
    eta : float, optional
        Learning rate, in (0, 1000).
    epochs : int, optional
        Passes over the training set, in [0, 10000].
    batch_size : int, optional
        Samples per step, in [1, N]; the last batch of an epoch may be smaller.
    seed : int, optional
        Seeds the order in which the samples are visited: the same seed and
        starting weights give the same history, bit for bit.
    X_test, labels_test : array_like, optional
        A held-out set for :attr:`NetworkHistory.test_accuracy`.
    track_training_set : bool, optional
        Record the cost and the gradients on the whole training set after every
        epoch (the default). ``False`` records the test accuracy only, and the
        other three measures are ``None``: nearly twice as fast when only the
        accuracy is wanted.

    Returns
    -------
    NetworkHistory

    Raises
    ------
    ValueError
        For bad input, naming the argument; and if the weights ever stop being
        finite (which bounded activations and a rate below the cap prevent).

    Notes
    -----
    Each epoch visits the samples in a new random order, in batches :math:`B`;
    each batch takes one step :math:`\theta \leftarrow \theta - \eta\,
    \partial C_B/\partial\theta` with the gradients of :func:`network_gradients`.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X, labels = rng.random((60, 4)), rng.integers(0, 3, size=60)
    >>> h = train_network(init_network(4, 8, 3), X, labels, eta=1.0, epochs=5, batch_size=10)
    >>> bool(h.train_loss[-1] < h.train_loss[0])
    True
    """
    check_choice(cost, "cost", COSTS)
    X, labels = _batch(net, X, labels)
    n = X.shape[0]
    eta = check_positive(eta, "eta", below=MAX_ETA)
    epochs = _count(epochs, "epochs", minimum=0, maximum=MAX_EPOCHS)
    batch_size = _count(batch_size, "batch_size", minimum=1, maximum=n)
    rng = np.random.default_rng(_seed(seed))
    if not isinstance(track_training_set, bool):
        raise ValueError(f"track_training_set must be True or False; got {track_training_set!r}")
    X_test, labels_test = _test_set(net, X, labels, X_test, labels_test)
    net = net.copy()
    start = _measure(net, X, labels, X_test, labels_test, cost, track_training_set)
    record = _run_epochs(
        net,
        X,
        labels,
        X_test,
        labels_test,
        cost,
        eta,
        batch_size,
        rng,
        0,
        epochs,
        track_training_set,
    )
    return _history(
        np.column_stack([start, record]), net, cost, eta, batch_size, rng, track=track_training_set
    )


def continue_training(history, X, labels, *, epochs, X_test=None, labels_test=None):
    r"""Train the network of `history` for more epochs, exactly as if the run had been longer.

    Parameters
    ----------
    history : NetworkHistory
        A run of :func:`train_network` (or of this function).
    X, labels, X_test, labels_test
        The same training and test sets as that run.
    epochs : int
        Further epochs, in [0, 10000].

    Returns
    -------
    NetworkHistory
        The whole run: the first ``history.epochs_trained`` epochs are those of
        `history`, and the batches continue from where its shuffling stopped, so
        ``train_network(..., epochs=a)`` continued by `b` equals
        ``train_network(..., epochs=a + b)`` bit for bit.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X, labels = rng.random((40, 4)), rng.integers(0, 3, size=40)
    >>> short = train_network(init_network(4, 5, 3), X, labels, epochs=2, batch_size=10)
    >>> longer = continue_training(short, X, labels, epochs=3)
    >>> whole = train_network(init_network(4, 5, 3), X, labels, epochs=5, batch_size=10)
    >>> bool(np.array_equal(longer.train_loss, whole.train_loss)), longer.epochs_trained
    (True, 5)
    """
    if not isinstance(history, NetworkHistory) or history.shuffle_state is None:
        raise ValueError(
            f"history must be a NetworkHistory made by train_network; got {type(history).__name__}"
        )
    net = history.net.copy()
    X, labels = _batch(net, X, labels)
    epochs = _count(epochs, "epochs", minimum=0, maximum=MAX_EPOCHS)
    if history.batch_size > X.shape[0]:
        raise ValueError(
            f"X holds {X.shape[0]} samples, fewer than the run's batch size "
            f"{history.batch_size}: pass the training set of that run"
        )
    X_test, labels_test = _test_set(net, X, labels, X_test, labels_test)
    rng = np.random.default_rng()
    rng.bit_generator.state = history.shuffle_state
    track = history.train_loss is not None
    record = _run_epochs(
        net,
        X,
        labels,
        X_test,
        labels_test,
        history.cost,
        history.eta,
        history.batch_size,
        rng,
        history.epochs_trained,
        epochs,
        track,
    )
    before = np.vstack(
        [
            getattr(history, name) if getattr(history, name) is not None else history.test_accuracy
            for name in _RECORDED
        ]
    )
    return _history(
        np.column_stack([before, record]),
        net,
        history.cost,
        history.eta,
        history.batch_size,
        rng,
        track=track,
    )


#: What a NetworkHistory records after every epoch, in the rows of a record.
_RECORDED = ("train_loss", "test_accuracy", "output_gradient", "hidden_gradient")


def _test_set(net, X, labels, X_test, labels_test):
    if (X_test is None) != (labels_test is None):
        raise ValueError("X_test and labels_test go together: pass both or neither")
    if X_test is None:
        return X, labels
    return _batch(net, X_test, labels_test)


def _measure(net, X, labels, X_test, labels_test, cost, track):
    """The record of one epoch: cost, test accuracy, mean |dC/dW2|, mean |dC/dW1|."""
    accuracy = np.mean(np.argmax(_logits(net, X_test), axis=1) == labels_test)
    if not track:
        return np.array([np.nan, accuracy, np.nan, np.nan])  # rows dropped by _history
    loss, grads = _backprop(net, X, labels, cost)
    return np.array([loss, accuracy, np.mean(np.abs(grads[2])), np.mean(np.abs(grads[0]))])


def _run_epochs(
    net, X, labels, X_test, labels_test, cost, eta, batch_size, rng, first, epochs, track
):
    """Train `net` in place for `epochs` epochs after epoch `first`; their records, (4, epochs)."""
    n = X.shape[0]
    params = [getattr(net, name) for name in PARAMETERS]
    record = np.empty((4, epochs))
    for k in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            batch = order[start : start + batch_size]
            _, grads = _backprop(net, X[batch], labels[batch], cost, need_cost=False)
            for weights, grad in zip(params, grads, strict=True):
                weights -= eta * grad  # in place: the Network is frozen, its arrays are not
        if not all(np.isfinite(weights).all() for weights in params):
            raise ValueError(
                f"training diverged in epoch {first + k + 1}: the weights overflowed at "
                f"eta={eta:g}; use a smaller learning rate"
            )
        record[:, k] = _measure(net, X, labels, X_test, labels_test, cost, track)
    return record


def _history(record, net, cost, eta, batch_size, rng, *, track):
    """A NetworkHistory from the rows of `record`; untracked measures become None."""
    rows = [
        row if track or name == "test_accuracy" else None
        for name, row in zip(_RECORDED, record, strict=True)
    ]
    return NetworkHistory(
        *rows,
        net=net,
        cost=cost,
        eta=eta,
        batch_size=batch_size,
        shuffle_state=rng.bit_generator.state,
    )
