"""One sigmoid neuron trained by gradient descent: the learning-slowdown experiment.

The neuron computes :math:`a = \\sigma(wx + b)` and learns to output `y` for the
single input `x`. Under the quadratic cost the gradient carries the factor
:math:`\\sigma'(z)`, which vanishes when the neuron saturates; under
cross-entropy that factor cancels.
"""

import math
from dataclasses import dataclass

import numpy as np

from ._validation import (
    as_float_array,
    as_number,
    as_probabilities,
    check_choice,
    check_count,
    check_positive,
    check_work,
)
from .special import log_sigmoid, sigmoid

COSTS = ("quadratic", "cross_entropy")

#: Most updates :func:`train_neuron` and :func:`preactivation_path` run: a few
#: seconds at most, far beyond the thousands of epochs the slowdown needs.
MAX_EPOCHS = 100_000

#: Most values :func:`train_neuron` records per array, ``(epochs + 1) * grid size``:
#: five float64 arrays of this size take 200 MB.
MAX_TRAINING_VALUES = 5_000_000

_FLOAT_MAX = float(np.finfo(float).max)


def _epochs(epochs):
    return check_count(epochs, "epochs", maximum=MAX_EPOCHS, why=", so that a run ends in seconds")


def _check_no_overflow(w, b, x, eta, epochs):
    r"""Refuse starts and rates whose training would leave the float64 range.

    Each update moves :math:`z` by at most :math:`\eta (1 + x^2)` (since
    :math:`|\delta| \le 1`), `w` by at most :math:`\eta |x|` and `b` by at most
    :math:`\eta`; if the largest values these bounds allow are finite, so is the
    whole run and no NaN can appear.
    """
    with np.errstate(over="ignore"):
        z0 = np.max(np.abs(w)) * abs(x) + np.max(np.abs(b))
        step = eta * (1.0 + x * x)
        reach = epochs * step
    largest = max(z0, np.max(np.abs(w)), np.max(np.abs(b)))
    if not np.isfinite(largest) or largest > _FLOAT_MAX / 4:
        raise ValueError(
            "w, b and x give a pre-activation w * x + b near or beyond the float64 range; "
            f"got max |w| = {np.max(np.abs(w)):g}, max |b| = {np.max(np.abs(b)):g}, x = {x:g}"
        )
    if not np.isfinite(reach) or reach > _FLOAT_MAX / 4:
        raise ValueError(
            f"eta is too large for x = {x:g} and {epochs} epochs: each update may move "
            f"w * x + b by eta * (1 + x**2) = {step:g}, and {epochs} of them leave the "
            f"float64 range; got eta={eta!r}"
        )


@dataclass(frozen=True)
class TrainingHistory:
    """The state of a neuron before every update and after the last one.

    Each array has shape ``(epochs + 1, *grid)``, where ``grid`` is the
    broadcast shape of the starting `w` and `b` (empty for scalars).

    Examples
    --------
    >>> h = train_neuron([0.6, 2.0], 0.9, epochs=3, cost="cross_entropy")
    >>> h.w.shape, h.cost_name
    ((4, 2), 'cross_entropy')
    >>> print(f"{h.output[0, 0]:.2f}")
    0.82
    """

    w: np.ndarray
    b: np.ndarray
    output: np.ndarray
    cost: np.ndarray
    eta: float
    cost_name: str
    x: float
    y: float


def neuron_cost(z, y, cost):
    r"""Cost of a sigmoid neuron with pre-activation `z` against target `y`.

    Parameters
    ----------
    z : array_like
        Pre-activations :math:`z = wx + b`, finite.
    y : float
        Target in [0, 1].
    cost : {"quadratic", "cross_entropy"}
        Which cost.

    Returns
    -------
    float or ndarray
        :math:`(y - a)^2 / 2` or :math:`-[y \ln a + (1 - y)\ln(1 - a)]` with
        :math:`a = \sigma(z)`; cross-entropy is computed from `z` through
        :func:`log_sigmoid`, so it stays exact when `a` rounds to 0 or 1.

    Examples
    --------
    >>> neuron_cost(0.0, 0.0, "quadratic")
    0.125
    >>> round(neuron_cost(0.0, 0.0, "cross_entropy"), 4)
    0.6931
    """
    check_choice(cost, "cost", COSTS)
    z = as_float_array(z, "z")
    y = as_number(y, "y", probability=True)
    if cost == "quadratic":
        return 0.5 * (y - sigmoid(z)) ** 2
    # A hard target weighs one term by 0: skip computing it (same bits, half the work).
    if y == 0.0:
        return -log_sigmoid(-z)
    if y == 1.0:
        return -log_sigmoid(z)
    return -(y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))


def neuron_delta(z, y, cost):
    r"""Derivative :math:`\partial C / \partial z` of a sigmoid neuron's cost.

    Parameters
    ----------
    z, y, cost
        As for :func:`neuron_cost`.

    Returns
    -------
    float or ndarray
        :math:`(a - y)\,\sigma'(z)` for the quadratic cost, :math:`a - y` for
        cross-entropy. Since :math:`z = wx + b`, this is :math:`\partial C/\partial b`,
        and :math:`\partial C/\partial w` is `x` times it.

    Examples
    --------
    >>> neuron_delta(0.0, 0.0, "quadratic")  # (1/2) * (1/4)
    0.125
    >>> neuron_delta(0.0, 0.0, "cross_entropy")
    0.5
    """
    check_choice(cost, "cost", COSTS)
    z = as_float_array(z, "z")
    y = as_number(y, "y", probability=True)
    a = sigmoid(z)
    if cost == "quadratic":
        return (a - y) * a * (1.0 - a)
    return a - y


def train_neuron(w, b, *, x=1.0, y=0.0, eta=0.15, epochs=300, cost="quadratic"):
    r"""Train one sigmoid neuron by plain gradient descent and record every step.

    Parameters
    ----------
    w, b : float or array_like
        Starting weight and bias. Arrays broadcast against each other, and the
        whole grid trains at once: one vectorised pass, no Python loop over starts.
    x : float, optional
        The single input.
    y : float, optional
        The target output, in [0, 1].
    eta : float, optional
        Learning rate, > 0.
    epochs : int, optional
        Number of updates, from 0 to ``MAX_EPOCHS`` (100 000); ``(epochs + 1)``
        times the grid size may be at most ``MAX_TRAINING_VALUES`` (5 000 000).
    cost : {"quadratic", "cross_entropy"}, optional
        The cost to descend.

    Returns
    -------
    TrainingHistory
        ``w``, ``b``, ``output`` and ``cost``, each of length ``epochs + 1`` along
        the first axis: the state before every update and after the last.

    See Also
    --------
    neuron_cost, neuron_delta

    Notes
    -----
    With :math:`z = wx + b`, :math:`a = \sigma(z)` and :math:`\delta = \partial C/\partial z`,

    .. math:: w \leftarrow w - \eta\, \delta\, x, \qquad b \leftarrow b - \eta\, \delta.

    Quadratic cost: :math:`\delta = (a - y)\,\sigma'(z)`; cross-entropy:
    :math:`\delta = a - y`.

    Examples
    --------
    >>> h = train_neuron(0.6, 0.9, epochs=300)
    >>> print(f"{h.output[0]:.2f} -> {h.output[-1]:.2f}")
    0.82 -> 0.09
    >>> train_neuron([0.6, 2.0], [0.9, 2.0], epochs=10).output.shape
    (11, 2)
    """
    check_choice(cost, "cost", COSTS)
    w = as_float_array(w, "w")
    b = as_float_array(b, "b")
    try:
        w, b = (np.array(a, dtype=float) for a in np.broadcast_arrays(w, b))
    except ValueError as exc:
        raise ValueError(
            f"w and b must broadcast to one grid; got shapes {w.shape} and {b.shape}"
        ) from exc
    x = as_number(x, "x")
    y = as_number(y, "y", probability=True)
    eta = check_positive(eta, "eta")
    epochs = _epochs(epochs)
    check_work(
        (epochs + 1) * w.size,
        MAX_TRAINING_VALUES,
        "epochs and the grid of w and b",
        f" ({epochs + 1} x {w.size}); train fewer starts or fewer epochs",
    )
    _check_no_overflow(w, b, x, eta, epochs)

    ws = np.empty((epochs + 1, *w.shape))
    bs = np.empty_like(ws)
    zs = np.empty_like(ws)
    for t in range(epochs + 1):
        ws[t], bs[t] = w, b
        zs[t] = z = w * x + b
        if t == epochs:
            break
        a = sigmoid(z)
        delta = (a - y) * a * (1.0 - a) if cost == "quadratic" else a - y
        w = w - eta * delta * x
        b = b - eta * delta
    return TrainingHistory(
        w=ws,
        b=bs,
        output=np.asarray(sigmoid(zs)),
        cost=np.asarray(neuron_cost(zs, y, cost)),
        eta=eta,
        cost_name=cost,
        x=x,
        y=y,
    )


def epochs_to_reach(output, threshold=0.1):
    r"""First epoch at which the output falls below `threshold`, per start.

    Parameters
    ----------
    output : array_like, shape (epochs + 1, ...)
        A :attr:`TrainingHistory.output` array.
    threshold : float, optional
        The level to fall below, in (0, 1).

    Returns
    -------
    float or ndarray
        The epoch index for each start; ``inf`` where the output never got there.

    Examples
    --------
    >>> epochs_to_reach(train_neuron(0.6, 0.9, epochs=300).output)
    273.0
    """
    out = as_probabilities(output, "output", min_ndim=1)
    threshold = check_positive(threshold, "threshold", below=1.0)
    below = out < threshold
    first = np.where(below.any(axis=0), np.argmax(below, axis=0), np.inf)
    return float(first) if first.ndim == 0 else first


def preactivation_path(w, b, *, x=1.0, y=0.0, eta=0.15, epochs=300, cost="quadratic"):
    r"""The pre-activations :math:`z_t = w_t x + b_t` of :func:`train_neuron`, for one start, fast.

    Parameters
    ----------
    w, b : float
        Starting weight and bias (single numbers).
    x, y, eta, epochs, cost
        As for :func:`train_neuron` (`epochs` at most ``MAX_EPOCHS``).

    Returns
    -------
    ndarray, shape (epochs + 1,)
        :math:`z_t` before every update and after the last; the output is
        ``sigmoid(z)`` and the cost ``neuron_cost(z, y, cost)``.

    Notes
    -----
    Both parameters move along the same :math:`\delta = \partial C/\partial z`:
    :math:`w \leftarrow w - \eta\delta x` and :math:`b \leftarrow b - \eta\delta`, so

    .. math:: z_{t+1} = z_t - \eta\,(1 + x^2)\,\delta(z_t) .

    The whole history depends on :math:`w` and :math:`b` only through
    :math:`z_0 = w x + b`. This scalar recursion runs in plain Python floats,
    about a microsecond per epoch, for explorers that retrain on every move.

    Examples
    --------
    >>> z = preactivation_path(2.0, 2.0, epochs=300)
    >>> print(f"{sigmoid(z[0]):.2f} -> {sigmoid(z[-1]):.2f}")
    0.98 -> 0.20
    """
    check_choice(cost, "cost", COSTS)
    w, b, x = as_number(w, "w"), as_number(b, "b"), as_number(x, "x")
    y = as_number(y, "y", probability=True)
    eta = check_positive(eta, "eta")
    epochs = _epochs(epochs)
    _check_no_overflow(np.array(w), np.array(b), x, eta, epochs)
    step = eta * (1.0 + x * x)
    quadratic = cost == "quadratic"
    z = w * x + b
    path = [z]
    for _ in range(epochs):
        e = math.exp(-abs(z))
        a = 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)
        z -= step * ((a - y) * a * (1.0 - a) if quadratic else a - y)
        path.append(z)
    return np.array(path)
