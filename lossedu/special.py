"""Numerically stable building blocks: log-sum-exp, softmax, sigmoid and their logs.

Every function here works from logits and never forms ``exp`` of a large
positive number, so logits as large as ±1e4 give no overflow and no NaN.
"""

import numpy as np

from ._validation import as_float_array, check_axis


def _out(x):
    """Return 0-d results as a Python float, arrays unchanged."""
    x = np.asarray(x)
    return float(x) if x.ndim == 0 else x


def _softmax_parts(z, axis):
    r"""Validate logits and split them around their maximum along `axis`.

    Returns ``(t, err, e, s, top, zmax, axis)``: ``t + err`` is ``z - max`` exactly
    (``t`` rounded, ``err`` its rounding error, by Knuth's TwoSum), ``e`` holds
    :math:`e^{z_k - \max}` (1 at the maximum), ``s`` the sum of ``e`` over every
    entry but one maximum (``top``), each with the reduced axis kept.
    """
    z = as_float_array(z, "z", min_ndim=1)
    axis = check_axis(axis, z.ndim, "axis")
    top = np.expand_dims(z.argmax(axis=axis), axis)
    zmax = np.take_along_axis(z, top, axis=axis)
    # Only a spread beyond the float range overflows; -inf is then the right rounding.
    with np.errstate(over="ignore", invalid="ignore"):
        t = z - zmax
        back = t - z
        err = (z - (t - back)) + (-zmax - back)
    err = np.where(np.isfinite(t), err, 0.0)
    e = np.exp(t) * (1.0 + err)
    np.put_along_axis(e, top, 0.0, axis=axis)
    s = e.sum(axis=axis, keepdims=True)
    np.put_along_axis(e, top, 1.0, axis=axis)
    return t, err, e, s, top, zmax, axis


def logsumexp(z, axis=-1):
    r"""Log of the sum of exponentials, computed without overflow.

    Parameters
    ----------
    z : array_like
        Finite logits, at least 1-D.
    axis : int, optional
        Axis to reduce. Default: the last.

    Returns
    -------
    float or ndarray
        :math:`\log \sum_k e^{z_k}` along `axis`.

    See Also
    --------
    log_softmax, scipy.special.logsumexp

    Notes
    -----
    With :math:`m = \max_k z_k` (reached at :math:`k = k^*`),

    .. math:: \log \sum_k e^{z_k} = m + \log\Big(1 + \sum_{k \ne k^*} e^{z_k - m}\Big)

    and every exponent on the right is at most 0, so nothing overflows. The
    log is taken with ``log1p`` of the sum of the *other* terms: when they are
    tiny (a confident prediction) the sum :math:`1 + \ldots` would round to 1
    and lose them, while ``log1p`` keeps them to full relative precision.

    Examples
    --------
    >>> logsumexp([0.0, 0.0])  # log 2
    0.6931471805599453
    >>> logsumexp([1e4, 1e4])  # exp(1e4) would overflow
    10000.69314718056
    """
    _, _, _, s, _, zmax, axis = _softmax_parts(z, axis)
    return _out(np.squeeze(zmax + np.log1p(s), axis=axis))


def log_softmax(z, axis=-1):
    r"""Logarithm of the softmax, from logits.

    Parameters
    ----------
    z : array_like
        Finite logits, at least 1-D.
    axis : int, optional
        Axis over which the softmax normalises. Default: the last.

    Returns
    -------
    ndarray
        :math:`\log \operatorname{softmax}(z)`, same shape as `z`; every entry ≤ 0.

    See Also
    --------
    softmax, logsumexp

    Notes
    -----
    With :math:`t = z - \max_k z_k` and :math:`s = \sum_{j \ne k^*} e^{t_j}`, the
    sum over every entry but the maximum :math:`k^*`,

    .. math:: \log \operatorname{softmax}(z)_k = t_k - \log(1 + s).

    Both terms are :math:`\le 0`, so nothing cancels. The largest logit's entry
    is :math:`-\log(1 + s)`, computed with ``log1p``: for a confident row
    (:math:`s = e^{-40}`, say) it is :math:`-4.2 \times 10^{-18}` to full
    precision, where :math:`\log \sum_j e^{t_j}` would round to 0. The
    rounding error of :math:`z_k - \max` is carried along too. The form
    :math:`(\max + \log\sum) - z_k` subtracts two large numbers and loses digits.

    Examples
    --------
    >>> log_softmax([0.0, 0.0]).round(6)
    array([-0.693147, -0.693147])
    >>> log_softmax([1e4, 0.0])  # no overflow, no NaN
    array([     0., -10000.])
    """
    t, err, _, s, _, _, _ = _softmax_parts(z, axis)
    return t - (np.log1p(s) - err)


def softmax(z, axis=-1):
    r"""Turn logits into a probability distribution.

    Parameters
    ----------
    z : array_like
        Finite logits, at least 1-D.
    axis : int, optional
        Axis over which the result sums to 1. Default: the last.

    Returns
    -------
    ndarray
        :math:`e^{z_k} / \sum_j e^{z_j}`, same shape as `z`.

    See Also
    --------
    log_softmax

    Notes
    -----
    Computed as :math:`e^{t_k} / (1 + s)` with :math:`t` and :math:`s` as in
    :func:`log_softmax`: every exponent is :math:`\le 0`, so nothing overflows,
    each entry is exact to a few rounding units, and adding a constant to every
    logit changes nothing.

    Examples
    --------
    >>> softmax([1.0, 1.0, 1.0]).round(4)
    array([0.3333, 0.3333, 0.3333])
    >>> softmax([1000.0, 0.0])
    array([1., 0.])
    """
    _, _, e, s, _, _, _ = _softmax_parts(z, axis)
    return e / (1.0 + s)


def sigmoid(z):
    r"""The logistic function :math:`\sigma(z) = 1 / (1 + e^{-z})`, elementwise.

    Parameters
    ----------
    z : array_like
        Finite logits.

    Returns
    -------
    float or ndarray
        Values in [0, 1].

    See Also
    --------
    log_sigmoid, scipy.special.expit

    Notes
    -----
    Uses :math:`e^{-|z|}`, which never overflows:
    :math:`\sigma(z) = 1/(1 + e^{-|z|})` for :math:`z \ge 0` and
    :math:`e^{-|z|}/(1 + e^{-|z|})` for :math:`z < 0`.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-1e4, 1e4])
    array([0., 1.])
    """
    z = as_float_array(z, "z")
    e = np.exp(-np.abs(z))
    return _out(np.where(z >= 0, 1.0, e) / (1.0 + e))


def log_sigmoid(z):
    r"""The log of the logistic function, elementwise, without overflow.

    Parameters
    ----------
    z : array_like
        Finite logits.

    Returns
    -------
    float or ndarray
        :math:`\log \sigma(z) \le 0`.

    See Also
    --------
    sigmoid, binary_cross_entropy_with_logits

    Notes
    -----
    .. math:: \log \sigma(z) = \min(z, 0) - \log\left(1 + e^{-|z|}\right)

    ``log1p`` keeps full precision where :math:`e^{-|z|}` is tiny, so
    ``log_sigmoid(-1e4)`` is exactly -1e4 instead of ``log(0) = -inf``.

    Examples
    --------
    >>> log_sigmoid(0.0)  # log(1/2)
    -0.6931471805599453
    >>> log_sigmoid([-1e4, 1e4])
    array([-10000.,      0.])
    """
    z = as_float_array(z, "z")
    return _out(np.minimum(z, 0.0) - np.log1p(np.exp(-np.abs(z))))
