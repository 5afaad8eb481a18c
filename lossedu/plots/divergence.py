"""KL divergence: two distributions side by side, the terms of D, both directions of D.

Throughout the course the truth ``p`` is drawn in blue and the model ``q`` in
orange with hatching, so the two stay apart in greyscale too.
"""

import numpy as np
from matplotlib.patches import Patch

from .. import kl_divergence
from .._validation import (
    as_distribution,
    as_names,
    as_scalar,
    check_ndim,
    check_positive,
    check_same_shape,
)
from ..i18n import _
from ._style import COLORS, get_ax

#: How the truth and the model look in every figure of notebooks 03 and 04.
P_STYLE = {"color": COLORS["blue"], "edgecolor": COLORS["black"], "linewidth": 0.6}
Q_STYLE = {"color": COLORS["orange"], "edgecolor": COLORS["black"], "linewidth": 0.6, "hatch": "//"}

#: The reverse direction D(q||p) is dashed wherever both directions are drawn.
FORWARD_STYLE = {"color": COLORS["blue"], "linestyle": "-"}
REVERSE_STYLE = {"color": COLORS["vermillion"], "linestyle": "--"}


def _pair(p, q, ndim=1):
    p = as_distribution(p, "p")
    q = as_distribution(q, "q")
    hint = "; one distribution per row" if ndim == 2 else "; one distribution"
    check_ndim(p, ndim, "p", hint=hint)
    check_ndim(q, ndim, "q", hint=hint)
    check_same_shape(p, q, "p", "q")
    return p, q


def _outcomes(outcomes, k):
    if outcomes is None:
        return [str(i + 1) for i in range(k)]
    return [_(name) for name in as_names(outcomes, k, "outcomes", "outcomes")]


def plot_distributions(p, q, *, outcomes=None, ax=None):
    """Bars of the truth `p` beside bars of the model `q`, one pair per outcome.

    Parameters
    ----------
    p, q : array_like
        Two distributions over the same K outcomes.
    outcomes : sequence of str, optional
        Names of the outcomes; 1, 2, ... when omitted.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        ``"p"`` and ``"q"``: the two bar containers (set their heights to update).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> bars = plot_distributions([0.7, 0.2, 0.1], [1/3, 1/3, 1/3], ax=ax)
    >>> [round(float(b.get_height()), 1) for b in bars["p"]]
    [0.7, 0.2, 0.1]
    """
    p, q = _pair(p, q)
    ax = get_ax(ax)
    names = _outcomes(outcomes, p.size)
    x = np.arange(p.size)
    p_bars = ax.bar(x - 0.2, p, width=0.4, label=_("p, the truth"), **P_STYLE)
    q_bars = ax.bar(x + 0.2, q, width=0.4, label=_("q, the model"), **Q_STYLE)
    ax.set_xticks(x, names)
    ax.set(
        xlabel=_("outcome"), ylabel=_("probability"), ylim=(0, 1.0), title=_("Two distributions")
    )
    ax.legend(loc="upper right")
    return {"p": p_bars, "q": q_bars}


def plot_kl_terms(p, q, *, outcomes=None, ax=None):
    r"""Each outcome's term :math:`p_k \log(p_k/q_k)` of :math:`D(p \| q)`, and their sum.

    Terms can be negative (where :math:`q_k > p_k`); their sum cannot.

    Parameters
    ----------
    p, q : array_like
        Two distributions over the same K outcomes, with :math:`D(p \| q)` finite.
    outcomes : sequence of str, optional
        Names of the outcomes.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        ``"bars"`` (one per outcome) and ``"total"`` (the line at :math:`D(p \| q)`).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_kl_terms([0.5, 0.5], [0.25, 0.75], ax=ax)
    >>> [round(float(b.get_height()), 4) for b in artists["bars"]]
    [0.3466, -0.2027]
    >>> round(float(artists["total"].get_ydata()[0]), 4)
    0.1438
    """
    p, q = _pair(p, q)
    total = kl_divergence(p, q)
    if not np.isfinite(total):
        raise ValueError("q is 0 where p > 0: D(p||q) is infinite and has no finite terms")
    ax = get_ax(ax)
    names = _outcomes(outcomes, p.size)
    safe_p = np.where(p == 0, 1.0, p)
    terms = np.where(p == 0, 0.0, p * np.log(safe_p / np.where(q == 0, 1.0, q)))
    colors = [COLORS["blue"] if t >= 0 else COLORS["vermillion"] for t in terms]
    x = np.arange(p.size)
    bars = ax.bar(x, terms, width=0.6, color=colors, edgecolor=COLORS["black"], linewidth=0.6)
    ax.axhline(0.0, color=COLORS["black"], linewidth=0.8)
    (line,) = ax.plot(
        [-0.5, p.size - 0.5],
        [total, total],
        color=COLORS["green"],
        linestyle="--",
        label=_("sum: $D(p\\,\\|\\,q)$ = {total} nats").format(total=f"{total:.4f}"),
    )
    handles = [
        line,
        Patch(color=COLORS["blue"], label=_(r"$q_k < p_k$: term > 0")),
        Patch(color=COLORS["vermillion"], label=_(r"$q_k > p_k$: term < 0")),
    ]
    # Headroom above the tallest bar, where the legend goes.
    low, high = min(terms.min(), 0.0), max(terms.max(), total, 0.0)
    span = (high - low) or 1.0
    ax.set_xticks(x, names)
    ax.set(
        xlabel=_("outcome"),
        ylabel=_(r"term $p_k \ln(p_k / q_k)$ [nats]"),
        xlim=(-0.5, p.size - 0.5),
        ylim=(low - 0.05 * span, high + 0.6 * span),
        title=_(r"The terms of $D(p\,\|\,q)$"),
    )
    ax.legend(handles=handles, loc="upper right")
    return {"bars": bars, "total": line}


def _binary_grid(p1, n=999):
    grid = np.linspace(0.001, 0.999, n)
    p = np.broadcast_to([p1, 1.0 - p1], (n, 2))
    q = np.column_stack([grid, 1.0 - grid])
    return grid, p, q


def plot_kl_directions(p1, *, ax=None, ymax=2.5):
    r"""Both directions of D for a coin, against the model's probability :math:`q_1`.

    Parameters
    ----------
    p1 : float
        The truth is :math:`p = (p_1, 1 - p_1)`, with :math:`0 < p_1 < 1`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    ymax : float, optional
        Top of the vertical axis, in nats.

    Returns
    -------
    dict
        ``"forward"`` (:math:`D(p \| q)`), ``"reverse"`` (:math:`D(q \| p)`) and
        ``"truth"`` (the vertical line at :math:`q = p`, where both are 0).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_kl_directions(0.3, ax=ax)
    >>> float(artists["truth"].get_xdata()[0])
    0.3
    """
    p1 = as_scalar(p1, "p1", "a number strictly between 0 and 1")
    if not 0 < p1 < 1:
        raise ValueError(f"p1 must lie strictly between 0 and 1; got {p1!r}")
    ymax = check_positive(ymax, "ymax")
    ax = get_ax(ax)
    grid, p, q = _binary_grid(p1)
    (forward,) = ax.plot(grid, kl_divergence(p, q), label=r"$D(p\,\|\,q)$", **FORWARD_STYLE)
    (reverse,) = ax.plot(grid, kl_divergence(q, p), label=r"$D(q\,\|\,p)$", **REVERSE_STYLE)
    truth = ax.axvline(p1, color=COLORS["grey"], linestyle=":", label=f"q = p ($q_1$ = {p1:g})")
    ax.set(
        xlabel=_(r"model's probability $q_1$ of outcome 1"),
        ylabel=_("divergence [nats]"),
        xlim=(0, 1),
        ylim=(0, ymax),
        title=_("Both directions of D, truth $p$ = ({p1}, {p2})").format(
            p1=f"{p1:g}", p2=f"{1 - p1:g}"
        ),
    )
    ax.legend(loc="upper center")
    return {"forward": forward, "reverse": reverse, "truth": truth}


def plot_log_bound(*, ax=None):
    r"""The inequality behind Gibbs: :math:`\ln x \le x - 1`, with equality only at :math:`x = 1`.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        ``"log"``, ``"line"`` and ``"touch"`` (the point (1, 0)).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_log_bound(ax=ax)
    >>> bool((artists["log"].get_ydata() <= artists["line"].get_ydata()).all())
    True
    """
    ax = get_ax(ax)
    x = np.linspace(0.05, 3.0, 300)
    (log,) = ax.plot(x, np.log(x), color=COLORS["blue"], label=r"$\ln x$")
    (line,) = ax.plot(x, x - 1, color=COLORS["orange"], linestyle="--", label=r"$x - 1$")
    (touch,) = ax.plot([1.0], [0.0], "o", color=COLORS["black"], label=_("equal only at x = 1"))
    ax.axhline(0.0, color=COLORS["grey"], linewidth=0.6)
    ax.set(
        xlabel=_(r"ratio $x = q_k / p_k$ (dimensionless)"),
        ylabel=_("value [nats]"),
        xlim=(0, 3),
        ylim=(-3, 2),
        title=r"$\ln x \leq x - 1$",
    )
    ax.legend(loc="lower right")
    return {"log": log, "line": line, "touch": touch}


def plot_divergence_pairs(p, q, *, ax=None):
    r"""One point per pair of distributions: :math:`D(p \| q)` across, :math:`D(q \| p)` up.

    Every point lies in the upper right quadrant (Gibbs: both are :math:`\ge 0`);
    points off the diagonal are pairs where the two directions differ.

    Parameters
    ----------
    p, q : array_like, shape (N, K)
        N pairs of distributions over K outcomes, with every entry > 0.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        ``"points"`` and ``"diagonal"``.

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_divergence_pairs([[0.5, 0.5], [0.9, 0.1]], [[0.9, 0.1], [0.5, 0.5]], ax=ax)
    >>> artists["points"].get_offsets().shape
    (2, 2)
    """
    p, q = _pair(p, q, ndim=2)
    forward, reverse = kl_divergence(p, q), kl_divergence(q, p)
    if not (np.isfinite(forward).all() and np.isfinite(reverse).all()):
        raise ValueError("some pair has a zero entry, so a divergence is infinite; expected > 0")
    ax = get_ax(ax, figsize=(4.8, 4.4))
    top = 1.05 * max(forward.max(), reverse.max())
    (diagonal,) = ax.plot(
        [0, top], [0, top], color=COLORS["grey"], linestyle=":", label=_("symmetric would be here")
    )
    points = ax.scatter(
        forward,
        reverse,
        s=8,
        color=COLORS["blue"],
        alpha=0.5,
        label=_("{n} random pairs").format(n=len(forward)),
    )
    ax.set(
        xlabel=_(r"$D(p\,\|\,q)$ [nats]"),
        ylabel=_(r"$D(q\,\|\,p)$ [nats]"),
        xlim=(0, top),
        ylim=(0, top),
        aspect="equal",
        title=_("Both directions, random pairs"),
    )
    ax.legend(loc="upper left")
    return {"points": points, "diagonal": diagonal}


def shown_length(value, limit):
    """Where to draw a value on an axis that ends at `limit` (infinite or larger: at the end)."""
    return limit if not np.isfinite(value) or value > limit else value


def format_nats(value):
    """A divergence as text: '∞' for infinity, else 3 decimals."""
    return "∞" if not np.isfinite(value) else f"{value:.3f}"


def place_label(label, value, limit):
    """Write `value` at the end of its bar: outside a short bar, inside a long one."""
    end = shown_length(value, limit)
    label.set_text(
        _("{value} nats").format(value=format_nats(value)) if np.isfinite(value) else "∞"
    )
    if end > 0.7 * limit:
        label.set(x=end - 0.02 * limit, ha="right", color="white", fontweight="bold")
    else:
        label.set(x=end + 0.02 * limit, ha="left", color=COLORS["black"], fontweight="normal")


def plot_divergence_bars(p, q, *, ax=None, xmax=3.0):
    r"""Two horizontal bars: :math:`D(p \| q)` and :math:`D(q \| p)`, with their values.

    Parameters
    ----------
    p, q : array_like
        Two distributions over the same outcomes.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    xmax : float, optional
        End of the horizontal axis, in nats; longer (or infinite) bars stop there.

    Returns
    -------
    dict
        ``"bars"`` (forward, reverse) and ``"labels"`` (their value texts).

    Examples
    --------
    >>> from lossedu.plots import new_figure
    >>> _, ax = new_figure()
    >>> artists = plot_divergence_bars([0.5, 0.5], [1.0, 0.0], ax=ax)
    >>> [label.get_text() for label in artists["labels"]]
    ['∞', '0.693 nats']
    """
    xmax = check_positive(xmax, "xmax")
    p, q = _pair(p, q)
    ax = get_ax(ax)
    values = [kl_divergence(p, q), kl_divergence(q, p)]
    bars = ax.barh(
        [1, 0],
        [shown_length(v, xmax) for v in values],
        height=0.55,
        color=[FORWARD_STYLE["color"], REVERSE_STYLE["color"]],
        edgecolor=COLORS["black"],
        linewidth=0.6,
    )
    bars[1].set_hatch("..")
    labels = [ax.text(0, y, "", va="center", fontsize="large") for y in (1, 0)]
    for label, value in zip(labels, values, strict=True):
        place_label(label, value, xmax)
    ax.set_yticks([1, 0], [r"$D(p\,\|\,q)$", r"$D(q\,\|\,p)$"])
    ax.set(
        xlabel=_("divergence [nats]"), xlim=(0, xmax), ylim=(-0.6, 1.6), title=_("Both directions")
    )
    return {"bars": bars, "labels": labels}
