"""Information theory of discrete distributions: information, entropy, KL, cross-entropy.

Natural logarithms (nats) unless ``base`` is given: ``base=2`` gives bits.
The convention 0·log 0 = 0 holds throughout; nothing is clipped, shifted by an
epsilon or renormalised behind the caller's back.
"""

import numpy as np

from ._validation import as_distribution, as_probabilities, check_same_shape, log_base
from .special import _out


def xlogy(x, y):
    """``x * log(y)`` with the convention ``0 * log(y) = 0``, even for ``y = 0``.

    Inputs are trusted (no validation): this is the kernel of the public
    functions below, which validate first.

    Examples
    --------
    >>> xlogy(0.0, 0.0)
    0.0
    >>> xlogy(2.0, np.e)
    2.0
    """
    x, y = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    with np.errstate(divide="ignore"):
        return _out(np.where(x == 0, 0.0, x * np.log(np.where(x == 0, 1.0, y))))


def information(p, *, base=None):
    r"""Information content (surprisal) of an event of probability `p`.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].
    base : float, optional
        Base of the logarithm: ``None`` for nats, ``2`` for bits.

    Returns
    -------
    float or ndarray
        :math:`I(p) = -\log p`, elementwise; ``inf`` where ``p = 0``.

    See Also
    --------
    entropy : the expected information content.

    Notes
    -----
    .. math:: I(p) = -\log_b p

    It is 0 for a certain event, grows without bound as :math:`p \to 0`, and
    adds up over independent events: :math:`I(pq) = I(p) + I(q)`.

    Examples
    --------
    >>> information(0.5, base=2)
    1.0
    >>> information([1.0, 0.25], base=2)
    array([0., 2.])
    """
    divisor = log_base(base)
    p = as_probabilities(p, "p")
    with np.errstate(divide="ignore"):
        return _out(-np.log(p) / divisor + 0.0)


def entropy(p, *, base=None, axis=-1):
    r"""Shannon entropy of a discrete distribution.

    Parameters
    ----------
    p : array_like
        A distribution: probabilities that sum to 1 along `axis`.
    base : float, optional
        Base of the logarithm: ``None`` for nats, ``2`` for bits.
    axis : int, optional
        Axis along which `p` is a distribution. Default: the last.

    Returns
    -------
    float or ndarray
        :math:`H(p) \ge 0`, with `axis` removed.

    See Also
    --------
    binary_entropy, cross_entropy, scipy.stats.entropy

    Notes
    -----
    .. math:: H(p) = \mathbb{E}[I(X)] = -\sum_k p_k \log p_k, \qquad 0 \log 0 = 0.

    Unlike ``scipy.stats.entropy``, `p` is not renormalised: a vector that does
    not sum to 1 is an error, not a silent fix.

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    >>> round(entropy([0.7, 0.2, 0.1]), 4)
    0.8018
    >>> entropy([1.0, 0.0])
    0.0
    """
    divisor = log_base(base)
    p = as_distribution(p, "p", axis=axis)
    return _out(-np.sum(xlogy(p, p), axis=axis) / divisor + 0.0)


def binary_entropy(p, *, base=None):
    r"""Entropy of a coin that shows heads with probability `p`, elementwise.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].
    base : float, optional
        Base of the logarithm: ``None`` for nats, ``2`` for bits.

    Returns
    -------
    float or ndarray
        :math:`H(p) = -p \log p - (1 - p) \log(1 - p)`.

    See Also
    --------
    entropy

    Notes
    -----
    The maximum is at :math:`p = 1/2`: :math:`\ln 2` nats, 1 bit.

    Examples
    --------
    >>> binary_entropy(0.5, base=2)
    1.0
    >>> binary_entropy([0.0, 1.0])
    array([0., 0.])
    """
    divisor = log_base(base)
    p = as_probabilities(p, "p")
    q = 1.0 - p
    return _out(-(xlogy(p, p) + xlogy(q, q)) / divisor + 0.0)


def _pair(p, q, axis):
    p = as_distribution(p, "p", axis=axis)
    q = as_distribution(q, "q", axis=axis)
    check_same_shape(p, q, "p", "q")
    return p, q


def kl_divergence(p, q, *, base=None, axis=-1):
    r"""Kullback–Leibler divergence :math:`D(p \| q)` of `q` from `p`.

    Parameters
    ----------
    p, q : array_like
        Distributions of the same shape, each summing to 1 along `axis`.
    base : float, optional
        Base of the logarithm: ``None`` for nats, ``2`` for bits.
    axis : int, optional
        Axis along which `p` and `q` are distributions. Default: the last.

    Returns
    -------
    float or ndarray
        :math:`D(p \| q) \ge 0`; ``inf`` where some :math:`q_k = 0 < p_k`.

    See Also
    --------
    cross_entropy, entropy, scipy.special.rel_entr

    Notes
    -----
    .. math:: D(p \| q) = \sum_k p_k \log \frac{p_k}{q_k}

    The extra information needed, on average, when data drawn from `p` are
    described with `q`. Gibbs' inequality: :math:`D \ge 0`, with equality iff
    :math:`p = q`. It is not symmetric. (``scipy.special.kl_div`` is a
    different function: it adds :math:`-p + q` to every term.)

    Examples
    --------
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    >>> kl_divergence([1.0, 0.0], [0.5, 0.5], base=2)
    1.0
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])
    inf
    """
    divisor = log_base(base)
    p, q = _pair(p, q, axis)
    near, differences, far = _rel_entr(p, q)
    total = (np.sum(near, axis=axis) + np.sum(far, axis=axis)) + np.sum(differences, axis=axis)
    return _out(total / divisor + 0.0)


def _log1p_gap(u):
    """``u - log1p(u)`` for ``-1/2 <= u <= 1``, without the cancellation near ``u = 0``."""
    small = np.abs(u) < 0.1
    v = np.where(small, u, 0.0)
    # u - log(1 + u) = sum_{n >= 2} (-1)^n u^n / n; 18 terms reach 1e-17 relative for |u| < 0.1.
    series = np.zeros_like(v)
    for n in range(19, 1, -1):
        series = series * v + (1.0 if n % 2 == 0 else -1.0) / n
    with np.errstate(invalid="ignore"):
        direct = u - np.log1p(np.where(small, 0.0, u))
    return np.where(small, series * v * v, direct)


def _rel_entr(p, q):
    """The terms of ``sum p log(p / q)``: ``(near_terms, near_differences, far_terms)``.

    Where ``q`` is within a factor 2 of ``p`` the term is written as
    ``p (u - log1p(u)) + (p - q)`` with ``u = (q - p) / p``: the first part is
    >= 0 and exact to a few ulp, the second exact (Sterbenz). Summed apart, the
    parts keep the digits that ``sum p log(p / q)`` loses to cancellation when
    ``q`` is close to ``p`` and the divergence is tiny. Elsewhere the term is
    ``p log(p / q)``: 0 where p = 0, inf where q = 0 < p.
    """
    support = p > 0
    p1 = np.where(support, p, 1.0)
    q1 = np.where(support, q, 1.0)
    near = support & (2.0 * q1 >= p1) & (q1 <= 2.0 * p1)  # doubling is exact; halving is not
    with np.errstate(divide="ignore", over="ignore"):
        ratio = p1 / q1
        # Where it overflows (q subnormal) the difference of logs is still finite.
        log_ratio = np.where(
            np.isinf(ratio) & (q1 > 0),
            np.log(p1) - np.log(np.where(q1 > 0, q1, 1.0)),
            np.log(ratio),
        )
    far = np.where(support & ~near, p1 * log_ratio, 0.0)
    u = np.where(near, (q1 - p1) / np.where(near, p1, 1.0), 0.0)
    near_terms = np.where(near, p1 * _log1p_gap(u), 0.0)
    differences = np.where(near, p1 - q1, 0.0)
    return near_terms, differences, far


def cross_entropy(p, q, *, base=None, axis=-1):
    r"""Cross-entropy :math:`H(p, q)` of distribution `q` relative to `p`.

    Parameters
    ----------
    p, q : array_like
        Distributions of the same shape, each summing to 1 along `axis`:
        `p` is the truth (the labels), `q` the model.
    base : float, optional
        Base of the logarithm: ``None`` for nats, ``2`` for bits.
    axis : int, optional
        Axis along which `p` and `q` are distributions. Default: the last.

    Returns
    -------
    float or ndarray
        :math:`H(p, q) \ge H(p)`; ``inf`` where some :math:`q_k = 0 < p_k`.

    See Also
    --------
    entropy, kl_divergence, categorical_cross_entropy

    Notes
    -----
    .. math:: H(p, q) = -\sum_k p_k \log q_k = H(p) + D(p \| q)

    With `p` fixed, minimising :math:`H(p, q)` over `q` is minimising
    :math:`D(p \| q)`. For a one-hot `p` it is :math:`-\log q_{\text{true}}`.

    Examples
    --------
    >>> round(cross_entropy([1.0, 0.0, 0.0], [0.5, 0.4, 0.1]), 3)
    0.693
    >>> round(cross_entropy([0.0, 1.0, 0.0], [0.3, 0.6, 0.1]), 3)
    0.511
    """
    divisor = log_base(base)
    p, q = _pair(p, q, axis)
    return _out(-np.sum(xlogy(p, q), axis=axis) / divisor + 0.0)
