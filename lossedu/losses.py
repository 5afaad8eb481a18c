"""Classification and regression losses, and their gradients.

Conventions follow PyTorch: categorical losses take (N, C) inputs and ``"mean"``
averages over the N samples; binary losses and :func:`mse` are elementwise and
``"mean"`` averages over every element. Each ``grad_*`` function takes the same
arguments as its loss and returns the gradient with respect to the first one
(for ``reduction="none"``: each element's loss differentiated with respect to its
own input).
"""

import numpy as np

from ._validation import (
    as_distribution,
    as_float_array,
    as_labels,
    as_probabilities,
    check_finite_result,
    check_ndim,
    check_same_shape,
    reduce,
    reduction_scale,
)
from .information import xlogy
from .special import _out, _softmax_parts, log_sigmoid, log_softmax, sigmoid

_ROWS_HINT = "; for a single sample of C classes pass x[None, :]"


def _categorical_target(target, shape):
    """Return ``(labels, None)`` for integer labels or ``(None, rows)`` for probability rows."""
    n, c = shape
    try:
        arr = np.asarray(target)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(
            f"target must be integer labels or probability rows; got {target!r}"
        ) from exc
    if arr.size == 0:
        raise ValueError(
            f"target is empty; expected {n} integer labels or {n} probability rows of length {c}"
        )
    if arr.dtype == np.bool_ or not np.issubdtype(arr.dtype, np.floating):
        labels = as_labels(arr, c, "target")
        if labels.shape != (n,):
            raise ValueError(
                f"integer target must hold one label per sample, shape ({n},); "
                f"got shape {labels.shape}. Probability rows (e.g. one-hot) must be floats"
            )
        return labels, None
    if arr.ndim != 2:
        raise ValueError(
            f"target of floats must be probability rows of shape ({n}, {c}); "
            f"got shape {arr.shape}. Class labels must be integers"
        )
    rows = as_distribution(arr, "target", axis=-1)
    check_same_shape(rows, np.empty(shape), "target", "the prediction")
    return None, rows


def _prediction(x, name):
    arr = as_float_array(x, name)
    check_ndim(arr, 2, name, hint=_ROWS_HINT)
    return arr


def categorical_cross_entropy(logits, target, *, reduction="mean"):
    r"""Softmax cross-entropy from logits, for single-label classification.

    Parameters
    ----------
    logits : array_like, shape (N, C)
        Finite scores, one row per sample. Not probabilities: do not apply a
        softmax first.
    target : array_like
        Either integer class labels, shape (N,), each in [0, C); or probability
        rows, shape (N, C), each summing to 1 (soft labels).
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over samples.

    Returns
    -------
    float or ndarray
        The loss; shape (N,) for ``reduction="none"``.

    See Also
    --------
    categorical_cross_entropy_from_probs, grad_categorical_cross_entropy,
    log_softmax

    Notes
    -----
    For sample :math:`n` with target row :math:`p_n`,

    .. math:: \ell_n = -\sum_k p_{nk} \log \operatorname{softmax}(z_n)_k
              = \log \sum_k e^{z_{nk}} - \sum_k p_{nk} z_{nk},

    which for a label :math:`y_n` is :math:`-\log \operatorname{softmax}(z_n)_{y_n}`.
    Matches ``torch.nn.functional.cross_entropy``.

    Examples
    --------
    >>> round(categorical_cross_entropy([[2.0, 1.0, 0.1]], [0]), 4)
    0.417
    >>> categorical_cross_entropy([[0.0, 0.0]], [[0.5, 0.5]], reduction="none").round(4)
    array([0.6931])
    """
    z = _prediction(logits, "logits")
    labels, rows = _categorical_target(target, z.shape)
    logq = log_softmax(z)
    if labels is not None:
        per_sample = -logq[np.arange(len(labels)), labels]
    else:
        # 0 * log q = 0 even where log q rounded to -inf (logits spread beyond 1e308).
        per_sample = -np.sum(rows * np.where(rows == 0, 0.0, logq), axis=-1)
    return _out(reduce(per_sample + 0.0, reduction))


def grad_categorical_cross_entropy(logits, target, *, reduction="mean"):
    r"""Gradient of :func:`categorical_cross_entropy` with respect to the logits.

    Parameters
    ----------
    logits, target, reduction
        As for :func:`categorical_cross_entropy`.

    Returns
    -------
    ndarray, shape (N, C)

    Notes
    -----
    .. math:: \frac{\partial \ell_n}{\partial z_{nk}} = \operatorname{softmax}(z_n)_k - p_{nk}

    bounded by 1 in size, and large exactly when the prediction is wrong.
    ``"mean"`` divides by N; ``"sum"`` and ``"none"`` do not.

    For the most probable class :math:`k^*` of a confident row, :math:`q_{k^*}`
    rounds to 1 and :math:`q_{k^*} - 1` would be 0. It is computed instead as
    :math:`(1 - p_{nk^*}) - \sum_{j \ne k^*} q_j`, whose terms are exact (the first
    for :math:`p_{nk^*} \ge 1/2`), so the gradient keeps its digits where the
    loss does.

    Examples
    --------
    >>> grad_categorical_cross_entropy([[0.0, 0.0]], [0])
    array([[-0.5,  0.5]])
    """
    z = _prediction(logits, "logits")
    labels, rows = _categorical_target(target, z.shape)
    if labels is not None:
        rows = np.zeros_like(z)
        rows[np.arange(len(labels)), labels] = 1.0
    _, _, e, s, top, _, _ = _softmax_parts(z, -1)
    q = e / (1.0 + s)
    grad = q - rows
    # At the top class q = 1 - s / (1 + s): subtract the small parts, not 1 - p from ~1.
    p_top = np.take_along_axis(rows, top, axis=-1)
    plain = np.take_along_axis(grad, top, axis=-1)
    at_top = np.where(p_top >= 0.5, (1.0 - p_top) - s / (1.0 + s), plain)
    np.put_along_axis(grad, top, at_top, axis=-1)
    return grad * reduction_scale(z.shape[0], reduction)


def categorical_cross_entropy_from_probs(probs, target, *, reduction="mean"):
    r"""Cross-entropy of predicted probability rows against labels or soft targets.

    Parameters
    ----------
    probs : array_like, shape (N, C)
        Predicted distributions, each row summing to 1.
    target : array_like
        Integer labels, shape (N,), or probability rows, shape (N, C).
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over samples.

    Returns
    -------
    float or ndarray
        The loss; ``inf`` where the true class has probability 0.

    See Also
    --------
    categorical_cross_entropy : the same loss from logits, which is exact where
        this one has lost digits to rounding in the softmax.
    cross_entropy

    Notes
    -----
    .. math:: \ell_n = -\sum_k p_{nk} \log q_{nk}, \qquad
              \ell_n = -\log q_{n y_n} \text{ for a label } y_n.

    Nothing is clipped: a zero probability on the true class gives ``inf``.

    Examples
    --------
    >>> round(categorical_cross_entropy_from_probs([[0.3, 0.6, 0.1]], [1]), 3)
    0.511
    >>> categorical_cross_entropy_from_probs([[0.5, 0.4, 0.1], [0.8, 0.1, 0.1]], [0, 0],
    ...                                      reduction="none").round(3)
    array([0.693, 0.223])
    """
    q = as_distribution(probs, "probs")
    check_ndim(q, 2, "probs", hint=_ROWS_HINT)
    labels, rows = _categorical_target(target, q.shape)
    with np.errstate(divide="ignore"):
        if labels is not None:
            per_sample = -np.log(q[np.arange(len(labels)), labels])
        else:
            per_sample = -np.sum(xlogy(rows, q), axis=-1)
    return _out(reduce(per_sample + 0.0, reduction))


def _binary_pair(pred, target, pred_name, *, pred_is_prob):
    if pred_is_prob:
        x = as_probabilities(pred, pred_name)
    else:
        x = as_float_array(pred, pred_name)
    t = as_probabilities(target, "target")
    check_same_shape(x, t, pred_name, "target")
    return x, t


def binary_cross_entropy(probs, target, *, reduction="mean"):
    r"""Binary cross-entropy of probabilities, elementwise (one coin per output).

    Parameters
    ----------
    probs : array_like
        Predicted probabilities in [0, 1], e.g. sigmoid outputs.
    target : array_like
        Targets in [0, 1], same shape as `probs`.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over every element.

    Returns
    -------
    float or ndarray

    See Also
    --------
    binary_cross_entropy_with_logits : the exact form from logits.

    Notes
    -----
    .. math:: \ell = -\left[t \log q + (1 - t) \log(1 - q)\right]

    This is the loss for multi-label problems: each output is its own yes/no
    question, and outputs need not sum to 1. It is ``inf`` where the target is
    certain and the prediction says the opposite with probability 1
    (PyTorch's ``binary_cross_entropy`` clamps each log at -100 instead).

    Examples
    --------
    >>> round(binary_cross_entropy([0.1, 0.7, 0.8], [0.0, 1.0, 1.0], reduction="sum"), 3)
    0.685
    """
    q, t = _binary_pair(probs, target, "probs", pred_is_prob=True)
    with np.errstate(divide="ignore"):
        loss = -(xlogy(t, q) + xlogy(1.0 - t, 1.0 - q))
    return _out(reduce(np.asarray(loss) + 0.0, reduction))


def _pos_weight(pos_weight, shape):
    if pos_weight is None:
        return 1.0
    w = as_float_array(pos_weight, "pos_weight")
    if (w < 0).any():
        raise ValueError(f"pos_weight must be >= 0; found {float(w[w < 0].flat[0])!r}")
    if w.ndim > 1 or (w.ndim == 1 and (len(shape) == 0 or w.shape[0] != shape[-1])):
        last = shape[-1] if shape else "()"
        raise ValueError(
            f"pos_weight must be a scalar or hold one weight per class, shape ({last},); "
            f"got shape {w.shape}"
        )
    return w


def binary_cross_entropy_with_logits(logits, target, *, pos_weight=None, reduction="mean"):
    r"""Binary cross-entropy from logits, elementwise, exact for any finite logit.

    Parameters
    ----------
    logits : array_like
        Finite scores :math:`x`; the predicted probability is :math:`\sigma(x)`.
    target : array_like
        Targets in [0, 1], same shape as `logits`.
    pos_weight : float or array_like, optional
        Weight :math:`w \ge 0` of the positive term, a scalar or one per class
        (the last axis), as in PyTorch.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over every element.

    Returns
    -------
    float or ndarray

    See Also
    --------
    binary_cross_entropy, grad_binary_cross_entropy_with_logits, log_sigmoid

    Notes
    -----
    Since :math:`1 - \sigma(x) = \sigma(-x)`,

    .. math:: \ell = -\left[w\, t \log \sigma(x) + (1 - t) \log \sigma(-x)\right]

    and each :math:`\log \sigma` is computed by :func:`log_sigmoid`, so a logit
    of 2000 on the wrong side gives a loss of 2000, not ``inf`` or a clipped 23.

    Examples
    --------
    >>> binary_cross_entropy_with_logits([2000.0], [0.0])
    2000.0
    >>> round(binary_cross_entropy_with_logits([0.0], [1.0]), 4)
    0.6931
    """
    x, t = _binary_pair(logits, target, "logits", pred_is_prob=False)
    w = _pos_weight(pos_weight, x.shape)
    with np.errstate(over="ignore", invalid="ignore"):
        loss = -(w * t * log_sigmoid(x) + (1.0 - t) * log_sigmoid(-x))
    check_finite_result(
        loss, "pos_weight and logits", "the weighted loss w * t * log(sigmoid(x)) is too large"
    )
    return _out(reduce(np.asarray(loss) + 0.0, reduction))


def grad_binary_cross_entropy_with_logits(logits, target, *, pos_weight=None, reduction="mean"):
    r"""Gradient of :func:`binary_cross_entropy_with_logits` with respect to the logits.

    Parameters
    ----------
    logits, target, pos_weight, reduction
        As for :func:`binary_cross_entropy_with_logits`.

    Returns
    -------
    ndarray
        Same shape as `logits`.

    Notes
    -----
    .. math:: \frac{\partial \ell}{\partial x} = \sigma(x)\,(w t + 1 - t) - w t
              = (1 - t)\,\sigma(x) - w t\,\sigma(-x),

    which is :math:`\sigma(x) - t` for :math:`w = 1`: no :math:`\sigma'(x)`
    factor, so the gradient does not vanish when the output saturates on the
    wrong side. The second form is the one computed: for a hard target it is a
    single term, exact even where :math:`\sigma(x)` rounds to 1 and
    :math:`\sigma(x) - 1` would be 0.

    Examples
    --------
    >>> grad_binary_cross_entropy_with_logits([0.0, 0.0], [1.0, 0.0], reduction="sum")
    array([-0.5,  0.5])
    """
    x, t = _binary_pair(logits, target, "logits", pred_is_prob=False)
    w = _pos_weight(pos_weight, x.shape)
    with np.errstate(over="ignore"):
        grad = (1.0 - t) * sigmoid(x) - w * t * sigmoid(-x)
    check_finite_result(grad, "pos_weight", "the gradient term w * t * sigmoid(-x) is too large")
    return np.asarray(grad * reduction_scale(x.size, reduction), dtype=float)


def mse(pred, target, *, reduction="mean"):
    r"""Mean squared error (the quadratic cost), elementwise.

    Parameters
    ----------
    pred, target : array_like
        Finite numbers of the same shape.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over every element.

    Returns
    -------
    float or ndarray

    See Also
    --------
    grad_mse

    Notes
    -----
    .. math:: \ell = (\hat y - y)^2

    Without the factor 1/2 that some texts put in front (PyTorch's
    ``mse_loss`` has none either). A squared error beyond the float64 range
    (:math:`|\hat y - y| > 1.3 \times 10^{154}`) raises ``ValueError``; a mean of
    finite squared errors is finite even where their sum is not.

    Examples
    --------
    >>> mse([1.0, 2.0], [1.0, 4.0])
    2.0
    """
    d = _difference(pred, target)
    with np.errstate(over="ignore"):
        squared = d * d
    check_finite_result(squared, "pred and target", "|pred - target| must stay below 1.3e154")
    return _out(reduce(squared, reduction))


def _difference(pred, target):
    """``pred - target`` of two validated arrays, refused where it overflows."""
    x = as_float_array(pred, "pred")
    y = as_float_array(target, "target")
    check_same_shape(x, y, "pred", "target")
    with np.errstate(over="ignore"):
        d = x - y
    return check_finite_result(d, "pred and target", "their difference is too large")


def grad_mse(pred, target, *, reduction="mean"):
    r"""Gradient of :func:`mse` with respect to `pred`.

    Parameters
    ----------
    pred, target, reduction
        As for :func:`mse`.

    Returns
    -------
    ndarray
        :math:`2(\hat y - y)`, divided by the number of elements for ``"mean"``.

    Examples
    --------
    >>> grad_mse([1.0, 2.0], [1.0, 4.0])
    array([ 0., -2.])
    """
    d = _difference(pred, target)
    with np.errstate(over="ignore"):
        grad = 2.0 * (d * reduction_scale(d.size, reduction))
    return check_finite_result(grad, "pred and target", "2 |pred - target| is too large")
