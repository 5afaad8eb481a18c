r"""MSE and cross-entropy of one softmax output as functions of its logit.

The popular argument for cross-entropy freezes the softmax denominator at a
constant :math:`c_2` and the target at a constant :math:`c_1`, so that one output
is :math:`e^x / c_2` for its logit :math:`x`:

.. math::

    \mathrm{MSE}(x) = \left(c_1 - \frac{e^x}{c_2}\right)^2, \qquad
    \mathrm{CE}(x) = -\log \frac{e^x}{c_2} = \ln c_2 - x.

These are the *simplified* forms. The denominator is not constant: it contains
:math:`e^x`. Holding only the other logits fixed, with
:math:`S = \sum_{j \ne i} e^{z_j}`, the output is :math:`a = e^x / (e^x + S)`
and the *exact* forms are

.. math::

    \mathrm{CE}(x) = \log\left(1 + S e^{-x}\right), \qquad
    \mathrm{MSE}(x) = (c_1 - a)^2.

Every function comes with its first (``grad_``) and second (``hess_``)
derivative with respect to `x`, for the gradient and convexity checks. The
module also holds the softmax cross-entropy Hessian in the logits and a
one-hidden-unit network whose loss is not convex in its weights.
"""

import math

import numpy as np

from ._validation import as_float_array, as_number, check_choice, check_positive
from .special import _out, log_sigmoid, sigmoid, softmax

__all__ = [
    "exact_cross_entropy",
    "exact_mse",
    "exact_output",
    "flat_edge_exact_mse",
    "flat_edge_simplified_mse",
    "grad_exact_cross_entropy",
    "grad_exact_mse",
    "grad_simplified_cross_entropy",
    "grad_simplified_mse",
    "hess_exact_cross_entropy",
    "hess_exact_mse",
    "hess_simplified_cross_entropy",
    "hess_simplified_mse",
    "inflection_exact_mse",
    "inflection_simplified_mse",
    "one_hidden_unit_loss",
    "simplified_cross_entropy",
    "simplified_mse",
    "softmax_cross_entropy_hessian",
]

NETWORK_COSTS = ("cross_entropy", "quadratic")


def _simplified_output(x, c2):
    """Validate and return ``(x, u)`` with :math:`u = e^x / c_2` (may exceed 1, even be inf)."""
    x = as_float_array(x, "x")
    c2 = check_positive(c2, "c2")
    with np.errstate(over="ignore"):
        return x, np.exp(x - np.log(c2))


def _exact_parts(x, s):
    """Validate and return ``(a, 1 - a)`` with :math:`a = \\sigma(x - \\ln S)`, both precise."""
    x = as_float_array(x, "x")
    t = x - np.log(check_positive(s, "s"))
    return np.asarray(sigmoid(t)), np.asarray(sigmoid(-t))


# --- the simplified forms: the denominator frozen at c2 --------------------------------------


def simplified_mse(x, *, c1=1.0, c2=2.0):
    r"""Squared error of one softmax output whose denominator is frozen at `c2`.

    Parameters
    ----------
    x : array_like
        The output's logit, finite.
    c1 : float, optional
        The target, in [0, 1].
    c2 : float, optional
        The softmax denominator, treated as a constant, > 0.

    Returns
    -------
    float or ndarray
        :math:`(c_1 - e^x / c_2)^2`; ``inf`` where :math:`e^{2x}` overflows.

    See Also
    --------
    exact_mse : the same loss with the denominator :math:`e^x + S`.

    Notes
    -----
    With :math:`u = e^x / c_2`,

    .. math:: \mathrm{MSE}(x) = (c_1 - u)^2 .

    The "prediction" :math:`u` exceeds 1 for :math:`x > \ln c_2`: outside the
    simplification, a softmax output never can.

    Examples
    --------
    >>> simplified_mse(0.0)  # (1 - 1/2)^2
    0.25
    >>> round(simplified_mse(-30.0), 6)  # most wrong, and the loss is only c1^2
    1.0
    """
    c1 = as_number(c1, "c1", probability=True)
    _, u = _simplified_output(x, c2)
    with np.errstate(over="ignore"):
        return _out((c1 - u) ** 2)


def grad_simplified_mse(x, *, c1=1.0, c2=2.0):
    r"""Derivative of :func:`simplified_mse` with respect to the logit `x`.

    Parameters
    ----------
    x, c1, c2
        As for :func:`simplified_mse`.

    Returns
    -------
    float or ndarray
        :math:`-2 (c_1 - u)\, u` with :math:`u = e^x / c_2`.

    Notes
    -----
    Since :math:`du/dx = u`,

    .. math:: \frac{d\,\mathrm{MSE}}{dx} = -2 (c_1 - u)\, u ,

    which tends to 0 as :math:`x \to -\infty`: the gradient vanishes exactly where
    the prediction is most wrong.

    Examples
    --------
    >>> grad_simplified_mse(0.0)  # -2 * (1/2) * (1/2)
    -0.5
    >>> abs(grad_simplified_mse(-10.0)) < 1e-4
    True
    """
    c1 = as_number(c1, "c1", probability=True)
    _, u = _simplified_output(x, c2)
    with np.errstate(over="ignore"):
        return _out(-2.0 * (c1 - u) * u)


def hess_simplified_mse(x, *, c1=1.0, c2=2.0):
    r"""Second derivative of :func:`simplified_mse` with respect to `x`.

    Parameters
    ----------
    x, c1, c2
        As for :func:`simplified_mse`.

    Returns
    -------
    float or ndarray
        :math:`2u(2u - c_1)` with :math:`u = e^x / c_2`.

    Notes
    -----
    .. math:: \frac{d^2\,\mathrm{MSE}}{dx^2} = 2u\,(2u - c_1)

    is negative for :math:`u < c_1/2` and positive beyond: the curve is concave,
    then convex (see :func:`inflection_simplified_mse`).

    Examples
    --------
    >>> hess_simplified_mse(0.0)  # the inflection point for c1 = 1, c2 = 2
    0.0
    >>> hess_simplified_mse(-1.0) < 0 < hess_simplified_mse(1.0)
    True
    """
    c1 = as_number(c1, "c1", probability=True)
    _, u = _simplified_output(x, c2)
    with np.errstate(over="ignore"):
        return _out(2.0 * u * (2.0 * u - c1))


def inflection_simplified_mse(*, c1=1.0, c2=2.0):
    r"""The logit where :func:`simplified_mse` turns from concave to convex.

    Parameters
    ----------
    c1, c2
        As for :func:`simplified_mse`.

    Returns
    -------
    float
        :math:`x^* = \ln(c_1 c_2 / 2)`; ``nan`` when :math:`c_1 = 0`, where the
        curve :math:`e^{2x}/c_2^2` is convex everywhere and has no inflection.

    Notes
    -----
    :func:`hess_simplified_mse` changes sign where :math:`e^x / c_2 = c_1 / 2`.
    A function with an inflection point is not convex.

    Examples
    --------
    >>> inflection_simplified_mse()
    0.0
    >>> round(inflection_simplified_mse(c1=1.0, c2=4.0), 4)  # ln 2
    0.6931
    """
    c1 = as_number(c1, "c1", probability=True)
    c2 = check_positive(c2, "c2")
    if c1 == 0.0:
        return float("nan")
    # As a sum of logs: the product c1 * c2 / 2 may underflow or overflow.
    return float(np.log(c1) + np.log(c2) - np.log(2.0))


def flat_edge_simplified_mse(*, c1=1.0, c2=2.0, tol=0.05):
    r"""Right edge of the flat region of :func:`simplified_mse` for very negative logits.

    Parameters
    ----------
    c1, c2
        As for :func:`simplified_mse`.
    tol : float, optional
        A slope below this (loss per unit of logit) counts as flat, in (0, 1e300).

    Returns
    -------
    float
        The largest :math:`x_f` with :math:`|\mathrm{MSE}'(x)| < \mathrm{tol}` for every
        :math:`x < x_f`.

    Notes
    -----
    :math:`|\mathrm{MSE}'| = 2u\,|c_1 - u|` grows from 0 as :math:`u = e^x/c_2` leaves 0.
    It first reaches `tol` at the smaller root of :math:`2u(c_1 - u) = \mathrm{tol}`,

    .. math:: u_f = \tfrac12\left(c_1 - \sqrt{c_1^2 - 2\,\mathrm{tol}}\right),

    when :math:`c_1^2 \ge 2\,\mathrm{tol}`; otherwise the slope stays below `tol`
    up to the minimum and reaches it beyond, where :math:`2u(u - c_1) = \mathrm{tol}`.
    Then :math:`x_f = \ln(c_2 u_f)`.

    Examples
    --------
    >>> round(flat_edge_simplified_mse(), 3)  # slope below 0.05 left of here
    -2.97
    """
    c1 = as_number(c1, "c1", probability=True)
    c2 = check_positive(c2, "c2")
    tol = check_positive(tol, "tol")
    if c1 * c1 >= 2.0 * tol:
        # The smaller root, written so that it keeps its digits when tol << c1^2;
        # its log taken as a difference, since tol / (...) may underflow.
        log_u = np.log(tol) - np.log(c1 + np.sqrt(c1 * c1 - 2.0 * tol))
    else:
        log_u = np.log(0.5) + np.log(c1 + np.sqrt(c1 * c1 + 2.0 * tol))
    return float(np.log(c2) + log_u)


def simplified_cross_entropy(x, *, c2=2.0):
    r"""Cross-entropy of one softmax output (target class) whose denominator is frozen at `c2`.

    Parameters
    ----------
    x : array_like
        The logit of the true class, finite.
    c2 : float, optional
        The softmax denominator, treated as a constant, > 0.

    Returns
    -------
    float or ndarray
        :math:`-\log(e^x / c_2) = \ln c_2 - x`: a straight line, negative for
        :math:`x > \ln c_2`, which no cross-entropy can be.

    See Also
    --------
    exact_cross_entropy

    Examples
    --------
    >>> round(simplified_cross_entropy(0.0), 4)  # ln 2
    0.6931
    >>> simplified_cross_entropy(3.0) < 0  # an artefact of the frozen denominator
    True
    """
    c2 = check_positive(c2, "c2")
    x = as_float_array(x, "x")
    return _out(np.log(c2) - x)


def grad_simplified_cross_entropy(x, *, c2=2.0):
    r"""Derivative of :func:`simplified_cross_entropy`: the constant -1.

    Parameters
    ----------
    x, c2
        As for :func:`simplified_cross_entropy`.

    Returns
    -------
    float or ndarray
        -1 everywhere: the simplified cross-entropy never stops pushing, even
        when the prediction is already right.

    Examples
    --------
    >>> grad_simplified_cross_entropy([-5.0, 5.0])
    array([-1., -1.])
    """
    check_positive(c2, "c2")
    x = as_float_array(x, "x")
    return _out(np.full_like(x, -1.0))


def hess_simplified_cross_entropy(x, *, c2=2.0):
    r"""Second derivative of :func:`simplified_cross_entropy`: 0 (a straight line).

    Parameters
    ----------
    x, c2
        As for :func:`simplified_cross_entropy`.

    Returns
    -------
    float or ndarray
        0 everywhere.

    Examples
    --------
    >>> hess_simplified_cross_entropy(1.0)
    0.0
    """
    check_positive(c2, "c2")
    x = as_float_array(x, "x")
    return _out(np.zeros_like(x))


# --- the exact forms: the other logits fixed, the denominator e^x + S -------------------------


def exact_output(x, *, s=1.0):
    r"""Softmax output of a class with logit `x` when the other logits sum to `s`.

    Parameters
    ----------
    x : array_like
        The class's logit, finite.
    s : float, optional
        :math:`S = \sum_{j \ne i} e^{z_j}`, the other logits' exponentials, > 0.
        ``s = 1`` is the two-class case with the other logit at 0.

    Returns
    -------
    float or ndarray
        :math:`a = e^x / (e^x + S) = \sigma(x - \ln S)`, in [0, 1].

    Examples
    --------
    >>> exact_output(0.0)
    0.5
    >>> round(exact_output(0.0, s=3.0), 4)  # three other logits at 0
    0.25
    """
    a, _ = _exact_parts(x, s)
    return _out(a)


def exact_cross_entropy(x, *, s=1.0):
    r"""Cross-entropy of the true class against its logit, the other logits fixed.

    Parameters
    ----------
    x, s
        As for :func:`exact_output`.

    Returns
    -------
    float or ndarray
        :math:`-\log a = \log(1 + S e^{-x})`, computed from the logit without
        overflow or ``log(0)``.

    See Also
    --------
    simplified_cross_entropy : the same with the denominator frozen.

    Notes
    -----
    .. math::

        -\log \frac{e^x}{e^x + S} = \log\left(1 + S e^{-x}\right)
        = -\log \sigma(x - \ln S) ,

    evaluated with :func:`lossedu.log_sigmoid`. It behaves like
    :math:`\ln S - x` when :math:`x \ll \ln S` (wrong) and like
    :math:`S e^{-x} \to 0` when :math:`x \gg \ln S` (right): never negative.

    Examples
    --------
    >>> round(exact_cross_entropy(0.0), 4)  # ln 2
    0.6931
    >>> exact_cross_entropy(-1000.0)  # no overflow
    1000.0
    """
    x = as_float_array(x, "x")
    s = check_positive(s, "s")
    return _out(-np.asarray(log_sigmoid(x - np.log(s))))


def grad_exact_cross_entropy(x, *, s=1.0):
    r"""Derivative of :func:`exact_cross_entropy` with respect to `x`: :math:`a - 1`.

    Parameters
    ----------
    x, s
        As for :func:`exact_output`.

    Returns
    -------
    float or ndarray
        :math:`a - 1`, in [-1, 0]: close to -1 when the prediction is wrong
        (:math:`a \to 0`), close to 0 when it is right (:math:`a \to 1`).

    Notes
    -----
    .. math:: \frac{d}{dx} \log(1 + S e^{-x}) = \frac{-S e^{-x}}{1 + S e^{-x}} = a - 1 .

    Computed as :math:`-(1 - a)` with :math:`1 - a = \sigma(\ln S - x)`, so it keeps
    its digits as :math:`a \to 1`.

    Examples
    --------
    >>> grad_exact_cross_entropy(0.0)
    -0.5
    >>> grad_exact_cross_entropy([-30.0, 30.0]).round(6)
    array([-1., -0.])
    """
    _, one_minus_a = _exact_parts(x, s)
    return _out(-one_minus_a)


def hess_exact_cross_entropy(x, *, s=1.0):
    r"""Second derivative of :func:`exact_cross_entropy`: :math:`a(1 - a) \ge 0`.

    Parameters
    ----------
    x, s
        As for :func:`exact_output`.

    Returns
    -------
    float or ndarray
        :math:`a(1 - a)`, never negative: the exact cross-entropy is convex in `x`.

    Examples
    --------
    >>> hess_exact_cross_entropy(0.0)
    0.25
    """
    a, one_minus_a = _exact_parts(x, s)
    return _out(a * one_minus_a)


def exact_mse(x, *, c1=1.0, s=1.0):
    r"""Squared error of a softmax output against target `c1`, the other logits fixed.

    Parameters
    ----------
    x, s
        As for :func:`exact_output`.
    c1 : float, optional
        The target, in [0, 1].

    Returns
    -------
    float or ndarray
        :math:`(c_1 - a)^2` with :math:`a = e^x / (e^x + S)`.

    See Also
    --------
    simplified_mse

    Examples
    --------
    >>> exact_mse(0.0)
    0.25
    >>> exact_mse(-40.0)  # most wrong
    1.0
    """
    c1 = as_number(c1, "c1", probability=True)
    a, _ = _exact_parts(x, s)
    return _out((c1 - a) ** 2)


def grad_exact_mse(x, *, c1=1.0, s=1.0):
    r"""Derivative of :func:`exact_mse` with respect to `x`.

    Parameters
    ----------
    x, c1, s
        As for :func:`exact_mse`.

    Returns
    -------
    float or ndarray
        :math:`-2(c_1 - a)\,a(1 - a)`.

    Notes
    -----
    Since :math:`da/dx = a(1 - a)`,

    .. math:: \frac{d}{dx}(c_1 - a)^2 = -2 (c_1 - a)\, a (1 - a) .

    The factor :math:`a(1 - a)` vanishes at both ends: when the prediction is
    right (:math:`a \to 1`), harmlessly, and when it is most wrong
    (:math:`a \to 0`), which stalls learning.

    Examples
    --------
    >>> grad_exact_mse(0.0)  # -2 * (1/2) * (1/4)
    -0.25
    >>> abs(grad_exact_mse(-10.0)) < 1e-4
    True
    """
    c1 = as_number(c1, "c1", probability=True)
    a, one_minus_a = _exact_parts(x, s)
    return _out(-2.0 * (c1 - a) * a * one_minus_a)


def hess_exact_mse(x, *, c1=1.0, s=1.0):
    r"""Second derivative of :func:`exact_mse` with respect to `x`.

    Parameters
    ----------
    x, c1, s
        As for :func:`exact_mse`.

    Returns
    -------
    float or ndarray
        :math:`2g\,[g - (c_1 - a)(1 - 2a)]` with :math:`g = a(1 - a)`.

    Notes
    -----
    With :math:`g = da/dx = a(1-a)` and :math:`dg/dx = g(1 - 2a)`,

    .. math::

        \frac{d^2}{dx^2}(c_1 - a)^2 = 2g^2 - 2(c_1 - a)\,g\,(1 - 2a)
        = 2g\,[g - (c_1 - a)(1 - 2a)] .

    For :math:`c_1 = 1` this is :math:`2g(1 - a)(3a - 1)`: negative for
    :math:`a < 1/3`, positive beyond. MSE after a softmax is not convex.

    Examples
    --------
    >>> hess_exact_mse(0.0)  # a = 1/2: 2 * (1/4) * (1/2) * (1/2)
    0.125
    >>> hess_exact_mse(-2.0) < 0
    True
    """
    c1 = as_number(c1, "c1", probability=True)
    a, one_minus_a = _exact_parts(x, s)
    g = a * one_minus_a
    return _out(2.0 * g * (g - (c1 - a) * (one_minus_a - a)))


def inflection_exact_mse(*, c1=1.0, s=1.0):
    r"""The logits where :func:`exact_mse` changes between concave and convex.

    Parameters
    ----------
    c1, s
        As for :func:`exact_mse`.

    Returns
    -------
    ndarray
        The inflection logits, increasing (one for :math:`c_1 \in \{0, 1\}`, two
        in between).

    Notes
    -----
    :func:`hess_exact_mse` changes sign where :math:`a(1-a) = (c_1 - a)(1 - 2a)`,
    that is :math:`3a^2 - 2(1 + c_1)a + c_1 = 0`:

    .. math:: a^* = \frac{1 + c_1 \pm \sqrt{1 - c_1 + c_1^2}}{3},

    keeping the roots inside (0, 1) (the discriminant is at least 3/4, so the
    roots are simple and the sign really changes). Then
    :math:`x^* = \ln S + \ln\frac{a^*}{1 - a^*}`.

    Examples
    --------
    >>> inflection_exact_mse().round(4)  # a* = 1/3: x* = -ln 2
    array([-0.6931])
    >>> inflection_exact_mse(c1=0.5).size
    2
    """
    c1 = as_number(c1, "c1", probability=True)
    s = check_positive(s, "s")
    root = np.sqrt(1.0 - c1 + c1 * c1)
    roots = np.array([(1.0 + c1 - root) / 3.0, (1.0 + c1 + root) / 3.0])
    tiny = 1e-12
    roots = roots[(roots > tiny) & (roots < 1.0 - tiny)]
    return np.log(s) + np.log(roots) - np.log1p(-roots)


def flat_edge_exact_mse(*, c1=1.0, s=1.0, tol=0.05):
    r"""Right edge of the flat region of :func:`exact_mse` for very negative logits.

    Parameters
    ----------
    c1, s
        As for :func:`exact_mse`.
    tol : float, optional
        A slope below this (loss per unit of logit) counts as flat, > 0.

    Returns
    -------
    float
        The largest :math:`x_f` with :math:`|\mathrm{MSE}'(x)| < \mathrm{tol}` for every
        :math:`x < x_f`; ``inf`` when the slope stays below `tol` everywhere.

    Notes
    -----
    As a function of the output :math:`a`, the slope's size
    :math:`2\,|c_1 - a|\,a(1 - a)` rises from 0 at :math:`a = 0` to a maximum at
    the first inflection point (:func:`inflection_exact_mse`), falls to 0 at
    :math:`a = c_1`, and for :math:`c_1 < 1` rises and falls once more before
    :math:`a = 1`. The edge is where it first reaches `tol`, found by bisection on
    the rising stretch of the first bump that gets there; then
    :math:`x_f = \ln S + \ln\frac{a_f}{1 - a_f}`.

    Examples
    --------
    >>> round(flat_edge_exact_mse(), 3)  # slope below 0.05 left of here (S = 1)
    -3.609
    """
    c1 = as_number(c1, "c1", probability=True)
    s = check_positive(s, "s")
    tol = check_positive(tol, "tol")

    def slope(a):
        return 2.0 * abs(c1 - a) * a * (1.0 - a)

    root = math.sqrt(1.0 - c1 + c1 * c1)
    # Each bump rises on [start, peak]: the peaks are the inflection points.
    for start, peak in ((0.0, (1.0 + c1 - root) / 3.0), (c1, (1.0 + c1 + root) / 3.0)):
        if peak > start and slope(peak) >= tol:
            lo, hi = start, peak
            for _ in range(200):
                mid = 0.5 * (lo + hi)
                if mid in (lo, hi):
                    break
                lo, hi = (mid, hi) if slope(mid) < tol else (lo, mid)
            return float(np.log(s) + np.log(hi) - np.log1p(-hi))
    return math.inf


# --- convexity in the logits, and not in the weights ------------------------------------------


def softmax_cross_entropy_hessian(z):
    r"""Hessian of softmax cross-entropy with respect to the logits.

    Parameters
    ----------
    z : array_like, shape (..., C)
        Finite logits; leading axes are a batch.

    Returns
    -------
    ndarray, shape (..., C, C)
        :math:`\operatorname{diag}(a) - a a^\top` with :math:`a = \operatorname{softmax}(z)`.
        It does not depend on the label.

    Notes
    -----
    The gradient of :math:`-\log a_y` in the logits is :math:`a - e_y`; its
    Jacobian is :math:`\operatorname{diag}(a) - a a^\top`. For every vector :math:`v`,

    .. math:: v^\top (\operatorname{diag}(a) - a a^\top) v
              = \sum_k a_k v_k^2 - \Big(\sum_k a_k v_k\Big)^2 \ge 0,

    a variance under :math:`a`: the matrix is positive semidefinite and the loss
    is convex in the logits. The direction :math:`(1, \dots, 1)` has eigenvalue 0
    (adding a constant to every logit changes nothing).

    Examples
    --------
    >>> softmax_cross_entropy_hessian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    a = softmax(z, axis=-1)
    return a[..., :, None] * np.eye(a.shape[-1]) - a[..., :, None] * a[..., None, :]


def one_hidden_unit_loss(w, v, *, x=1.0, y=1.0, cost="cross_entropy"):
    r"""Loss of the network :math:`z = v \tanh(w x)`, :math:`a = \sigma(z)`, on one example.

    Parameters
    ----------
    w, v : array_like
        Weight into the hidden unit and out of it; they broadcast.
    x : float, optional
        The input.
    y : float, optional
        The target, in [0, 1].
    cost : {"cross_entropy", "quadratic"}, optional
        Binary cross-entropy from the logit :math:`z`, or :math:`(y - a)^2`.

    Returns
    -------
    float or ndarray
        The loss at each pair of weights.

    Notes
    -----
    Because :math:`\tanh` is odd, :math:`(w, v)` and :math:`(-w, -v)` compute the
    same function and have the same loss. Were the loss convex in the weights,
    the midpoint :math:`(0, 0)` could be no worse than them; it is the constant
    :math:`a = 1/2`, worse than any good fit. So neither cost is convex in the
    weights of a network with a hidden layer, although cross-entropy is convex in
    the logit :math:`z`.

    Examples
    --------
    >>> loss = lambda t: one_hidden_unit_loss(t, t)
    >>> round(loss(0.0), 4), round(loss(2.0), 4), round(loss(-2.0), 4)
    (0.6931, 0.1358, 0.1358)
    """
    check_choice(cost, "cost", NETWORK_COSTS)
    w = as_float_array(w, "w")
    v = as_float_array(v, "v")
    x = as_number(x, "x")
    y = as_number(y, "y", probability=True)
    with np.errstate(over="ignore"):  # tanh of an overflowed w x is still exactly +-1
        z = v * np.tanh(w * x)
    if cost == "cross_entropy":
        return _out(-(y * np.asarray(log_sigmoid(z)) + (1.0 - y) * np.asarray(log_sigmoid(-z))))
    return _out((y - np.asarray(sigmoid(z))) ** 2)
