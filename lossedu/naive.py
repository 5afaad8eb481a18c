r"""Popular cross-entropy one-liners that go wrong, kept to show how: do not train with these.

Notebook 04 puts each of them beside the exact form and shows where it fails.

* :func:`clipped_cross_entropy` is ``-mean(sum(y * log(clip(q, eps, 1)), axis=-1))``:
  the clip hides ``log(0)``, but it also caps the loss at :math:`-\log \varepsilon`
  (23.03 nats for ``eps = 1e-10``) and its gradient is exactly zero where the
  model is most wrong. :func:`clipped_cross_entropy_from_logits` is the same
  after a softmax, as it is usually written.
* :func:`clipped_binary_cross_entropy` is its multi-label twin, after a sigmoid.
* :func:`double_softmax_cross_entropy` applies a softmax before a loss that
  already applies one (``CrossEntropyLoss()(softmax(z), y)`` in PyTorch): the
  loss can no longer reach 0 and its gradient nearly vanishes.

The exact forms are :func:`lossedu.categorical_cross_entropy` and
:func:`lossedu.binary_cross_entropy_with_logits`, which work from logits.
Nothing here is exported from ``lossedu`` itself; import it as
``from lossedu import naive``.
"""

import numpy as np

from ._validation import (
    as_float_array,
    as_labels,
    as_probabilities,
    check_positive,
    check_same_shape,
)
from .losses import _binary_pair, _prediction
from .special import log_softmax, softmax


def _check_eps(eps):
    eps = check_positive(eps, "eps", below=1.0)
    # Below the smallest normal float, the clipped gradient 1 / eps would overflow.
    if eps < np.finfo(float).tiny:
        raise ValueError(f"eps must be >= {np.finfo(float).tiny:.4g}; got {eps!r}")
    return eps


def _rows(pred, target, name, *, pred_is_prob):
    """Prediction and target rows of one shape, classes along the last axis."""
    if pred_is_prob:
        x = as_probabilities(pred, name, min_ndim=1)
    else:
        x = as_float_array(pred, name, min_ndim=1)
    y = as_probabilities(target, "target", min_ndim=1)
    check_same_shape(x, y, name, "target")
    return x, y


def _through_softmax(q, g):
    """Chain a gradient `g` with respect to q = softmax(z) back to the logits z."""
    return q * (g - np.sum(q * g, axis=-1, keepdims=True)) + 0.0


def _n_samples(q):
    """Samples are every axis but the last (classes); a 1-D input is one sample."""
    return q.size // q.shape[-1]


def clipped_cross_entropy(probs, target, eps=1e-10):
    r"""The clipped cross-entropy one-liner. What NOT to do.

    Parameters
    ----------
    probs : array_like, shape (..., C)
        Predicted probabilities, classes along the last axis (e.g. softmax outputs).
    target : array_like, shape (..., C)
        Target rows: one-hot labels or soft labels, same shape as `probs`.
    eps : float, optional
        Lower clip, in (0, 1).

    Returns
    -------
    float
        The mean over samples (every axis but the last) of
        :math:`-\sum_k y_k \log \operatorname{clip}(q_k, \varepsilon, 1)`.

    See Also
    --------
    grad_clipped_cross_entropy
    lossedu.categorical_cross_entropy : the exact loss, from logits.

    Notes
    -----
    .. math:: \ell = -\frac{1}{N} \sum_n \sum_k y_{nk}
              \log \operatorname{clip}(q_{nk}, \varepsilon, 1)

    No loss can exceed :math:`-\log \varepsilon` per sample: a prediction
    whose true loss is 2000 nats scores 23.03. Worse, the clip is flat below
    :math:`\varepsilon`, so there the gradient is exactly zero.

    Examples
    --------
    >>> round(clipped_cross_entropy([0.3, 0.6, 0.1], [0.0, 1.0, 0.0]), 4)  # fine here: -ln 0.6
    0.5108
    >>> round(clipped_cross_entropy([1.0, 0.0], [0.0, 1.0]), 2)  # capped at -ln 1e-10
    23.03
    """
    eps = _check_eps(eps)
    q, y = _rows(probs, target, "probs", pred_is_prob=True)
    loss = -np.sum(y * np.log(np.clip(q, eps, 1.0))) / _n_samples(q)
    return float(loss) + 0.0


def grad_clipped_cross_entropy(probs, target, eps=1e-10):
    r"""Gradient of :func:`clipped_cross_entropy` with respect to `probs`.

    Parameters
    ----------
    probs, target, eps
        As for :func:`clipped_cross_entropy`.

    Returns
    -------
    ndarray
        Same shape as `probs`: :math:`-y_k / (N q_k)` where
        :math:`\varepsilon \le q_k \le 1`, and exactly 0 where :math:`q_k < \varepsilon`.

    Notes
    -----
    The derivative of :math:`\operatorname{clip}(q, \varepsilon, 1)` is 1 inside
    :math:`[\varepsilon, 1]` and 0 outside (as autograd in PyTorch computes it),
    so the gradient carries no signal exactly where the model is most wrong.

    Examples
    --------
    >>> grad_clipped_cross_entropy([0.5, 0.5], [1.0, 0.0])
    array([-2., -0.])
    >>> grad_clipped_cross_entropy([0.0, 1.0], [1.0, 0.0])  # wrong, and no signal
    array([ 0., -0.])
    """
    eps = _check_eps(eps)
    q, y = _rows(probs, target, "probs", pred_is_prob=True)
    inside = q >= eps
    grad = np.where(inside, -y / np.where(inside, q, 1.0), 0.0)
    return grad / _n_samples(q)


def clipped_cross_entropy_from_logits(logits, target, eps=1e-10):
    r"""Softmax, then :func:`clipped_cross_entropy`: the usual way the one-liner is used.

    Parameters
    ----------
    logits : array_like, shape (..., C)
        Finite scores, classes along the last axis.
    target : array_like, shape (..., C)
        One-hot or soft label rows, same shape as `logits`.
    eps : float, optional
        Lower clip, in (0, 1).

    Returns
    -------
    float
        :func:`clipped_cross_entropy` of ``softmax(logits)``.

    See Also
    --------
    grad_clipped_cross_entropy_from_logits
    lossedu.categorical_cross_entropy : the exact loss; 2000 where this gives 23.03.

    Examples
    --------
    >>> round(clipped_cross_entropy_from_logits([-1000.0, 1000.0], [1.0, 0.0]), 2)
    23.03
    """
    eps = _check_eps(eps)
    z, y = _rows(logits, target, "logits", pred_is_prob=False)
    return clipped_cross_entropy(softmax(z), y, eps)


def grad_clipped_cross_entropy_from_logits(logits, target, eps=1e-10):
    r"""Gradient of :func:`clipped_cross_entropy_from_logits` with respect to the logits.

    Parameters
    ----------
    logits, target, eps
        As for :func:`clipped_cross_entropy_from_logits`.

    Returns
    -------
    ndarray
        Same shape as `logits`.

    Notes
    -----
    With :math:`q = \operatorname{softmax}(z)` and :math:`g` the gradient of
    :func:`clipped_cross_entropy` at :math:`q`, the chain rule through the
    softmax Jacobian :math:`\operatorname{diag}(q) - q q^\top` gives

    .. math:: \frac{\partial \ell}{\partial z_j} = q_j \Big(g_j - \sum_k q_k g_k\Big).

    Where nothing is clipped this is :math:`(q - y)/N`, the exact gradient.
    Where the true class's probability fell below :math:`\varepsilon` it is 0.

    Examples
    --------
    >>> grad_clipped_cross_entropy_from_logits([0.0, 0.0], [1.0, 0.0])  # exact: q - y
    array([-0.5,  0.5])
    >>> grad_clipped_cross_entropy_from_logits([-1000.0, 1000.0], [1.0, 0.0])  # exact: (-1, 1)
    array([0., 0.])
    """
    eps = _check_eps(eps)
    z, y = _rows(logits, target, "logits", pred_is_prob=False)
    q = softmax(z)
    return _through_softmax(q, grad_clipped_cross_entropy(q, y, eps))


def clipped_binary_cross_entropy(probs, target, eps=1e-10):
    r"""Binary cross-entropy of clipped probabilities, averaged over every element. What NOT to do.

    Parameters
    ----------
    probs : array_like
        Predicted probabilities, e.g. sigmoid outputs.
    target : array_like
        Targets in [0, 1], same shape as `probs`.
    eps : float, optional
        Clip to :math:`[\varepsilon, 1 - \varepsilon]`, with ``eps`` in (0, 1/2).

    Returns
    -------
    float
        :math:`-\operatorname{mean}[t \log \tilde q + (1 - t) \log(1 - \tilde q)]`
        with :math:`\tilde q = \operatorname{clip}(q, \varepsilon, 1 - \varepsilon)`.

    See Also
    --------
    lossedu.binary_cross_entropy_with_logits : the exact loss, from logits.

    Notes
    -----
    A sigmoid output that has rounded to exactly 1 (any logit above about 37)
    while the target is 0 scores :math:`-\log \varepsilon`, whatever the logit:
    23.03 for a logit of 2000, whose true loss is 2000.

    Examples
    --------
    >>> from lossedu import sigmoid
    >>> round(clipped_binary_cross_entropy(sigmoid(2000.0), 0.0), 2)
    23.03
    """
    eps = check_positive(eps, "eps", below=0.5)  # the clip [eps, 1 - eps] must not be empty
    q, t = _binary_pair(probs, target, "probs", pred_is_prob=True)
    qc = np.clip(q, eps, 1.0 - eps)
    return float(-np.mean(t * np.log(qc) + (1.0 - t) * np.log(1.0 - qc))) + 0.0


def _double_softmax_inputs(logits, labels):
    z = _prediction(logits, "logits")
    y = as_labels(labels, z.shape[1], "labels")
    if y.shape != (z.shape[0],):
        raise ValueError(
            f"labels must hold one label per sample, shape ({z.shape[0]},); got shape {y.shape}"
        )
    return z, y


def double_softmax_cross_entropy(logits, labels):
    r"""Softmax cross-entropy applied to softmax outputs: the extra-softmax bug.

    Parameters
    ----------
    logits : array_like, shape (N, C)
        The network's finite scores.
    labels : array_like of int, shape (N,)
        Class labels in [0, C).

    Returns
    -------
    float
        The mean over samples of
        :math:`-\log \operatorname{softmax}(\operatorname{softmax}(z_n))_{y_n}`.

    See Also
    --------
    grad_double_softmax_cross_entropy
    lossedu.categorical_cross_entropy : what the loss should be.

    Notes
    -----
    A loss that applies its own softmax (``torch.nn.CrossEntropyLoss``,
    ``tf.nn.softmax_cross_entropy_with_logits``) treats its input as logits.
    Given probabilities :math:`q \in [0, 1]^C` instead, its "logits" span at
    most 1, so the loss can never go below

    .. math:: \log\left(1 + (C - 1)/e\right)

    (0.5514 nats for 3 classes), however right the model is.

    Examples
    --------
    >>> round(double_softmax_cross_entropy([[50.0, 0.0, 0.0]], [0]), 4)  # sure and right
    0.5514
    """
    z, y = _double_softmax_inputs(logits, labels)
    per_sample = -log_softmax(softmax(z))[np.arange(len(y)), y]
    return float(per_sample.mean()) + 0.0


def grad_double_softmax_cross_entropy(logits, labels):
    r"""Gradient of :func:`double_softmax_cross_entropy` with respect to the logits.

    Parameters
    ----------
    logits, labels
        As for :func:`double_softmax_cross_entropy`.

    Returns
    -------
    ndarray, shape (N, C)

    Notes
    -----
    With :math:`q = \operatorname{softmax}(z)`, :math:`r = \operatorname{softmax}(q)`
    and :math:`g = (r - y)/N`, the chain rule through the first softmax gives
    :math:`q_j (g_j - \sum_k q_k g_k)`: every entry is multiplied by a :math:`q_j`,
    so a confidently wrong prediction (true-class :math:`q` near 0) barely moves.

    Examples
    --------
    >>> g = grad_double_softmax_cross_entropy([[0.0, 10.0, 0.0]], [0])
    >>> print(f"{g[0, 0]:.1e}")  # the exact gradient here is about -1
    -6.2e-05
    """
    z, y = _double_softmax_inputs(logits, labels)
    q = softmax(z)
    g = softmax(q)
    g[np.arange(len(y)), y] -= 1.0
    g /= len(y)
    return _through_softmax(q, g)


__all__ = [
    "clipped_binary_cross_entropy",
    "clipped_cross_entropy",
    "clipped_cross_entropy_from_logits",
    "double_softmax_cross_entropy",
    "grad_clipped_cross_entropy",
    "grad_clipped_cross_entropy_from_logits",
    "grad_double_softmax_cross_entropy",
]
