"""Entropy figures: one outcome's term, entropy as an area, the binary curve, the simplex, codes."""

import numpy as np

from .. import binary_entropy, block_distribution, entropy, huffman_code_lengths, information
from .._validation import (
    as_distribution,
    as_float_array,
    as_mapping,
    as_names,
    as_number,
    check_count,
    check_flag,
    check_ndim,
)
from ..i18n import _
from ..information import xlogy
from ._style import COLORS, get_ax
from .information import add_other_unit_axis, nats_per_unit, unit_base

#: One colour per outcome, in order (Okabe–Ito).
OUTCOME_COLORS = [
    COLORS[name] for name in ("blue", "orange", "green", "purple", "sky", "vermillion", "yellow")
]

#: Most codewords :func:`plot_code_lengths` builds for its longest block, ``K**max_block``:
#: a Huffman code over them takes well under a second.
MAX_CODED_OUTCOMES = 2**16

#: Finest grid :func:`simplex_entropy_grid` computes (4 million points).
MAX_SIMPLEX_RESOLUTION = 2001

#: Corners of the probability simplex of three outcomes (an equilateral triangle).
SIMPLEX_CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, np.sqrt(3.0) / 2.0]])


def _distribution(p):
    p = as_distribution(p, "p")
    check_ndim(p, 1, "p")
    return p


def _labels(labels, k):
    if labels is None:
        return [_("outcome {number}").format(number=i + 1) for i in range(k)]
    return [_(label) for label in as_names(labels, k, "labels", "outcomes")]


def plot_entropy_term(*, unit="nats", ax=None):
    r"""Plot one outcome's term of the entropy, :math:`-p \log p`, over [0, 1].

    Parameters
    ----------
    unit : {"nats", "bits"}
        Unit of the vertical axis.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"curve"``, ``"peak"`` (the maximum, at p = 1/e) and
        ``"limit"`` (the point p = 0, where the term tends to 0).

    Notes
    -----
    .. math:: \lim_{p \to 0} p \log p = 0, \qquad
              \max_p (-p \ln p) = 1/e \text{ nats, at } p = 1/e.

    Examples
    --------
    >>> artists = plot_entropy_term()
    >>> round(float(artists["peak"].get_xdata()[0]), 4)
    0.3679
    """
    ax = get_ax(ax)
    per = nats_per_unit(unit)
    grid = np.linspace(0.0, 1.0, 501)
    (curve,) = ax.plot(
        grid, -xlogy(grid, grid) / per, color=COLORS["blue"], linewidth=2, label=r"$-p\,\log\,p$"
    )
    p_peak = np.exp(-1.0)
    (peak,) = ax.plot(
        [p_peak],
        [p_peak / per],
        "o",
        color=COLORS["vermillion"],
        label=_("maximum at p = 1/e: {peak} {unit}").format(
            peak=f"{p_peak / per:.3f}", unit=_(unit)
        ),
    )
    (limit,) = ax.plot(
        [0.0],
        [0.0],
        "s",
        color=COLORS["green"],
        markersize=8,
        clip_on=False,
        label=_(r"$0 \cdot \log 0 = 0$ (the limit $p \to 0$)"),
    )
    ax.set(
        xlabel=_("probability p of one outcome"),
        ylabel=_("contribution $-p\\,\\log\\,p$ [{unit}]").format(unit=_(unit)),
        xlim=(0, 1),
        ylim=(0, 1.25 * p_peak / per),
        title=_("One outcome's share of the entropy"),
    )
    ax.legend(loc="upper right")
    return {"curve": curve, "peak": peak, "limit": limit}


def plot_entropy_area(p, labels=None, *, unit="nats", ax=None):
    r"""Draw entropy as an area: one bar per outcome, width p(x), height I(x).

    Parameters
    ----------
    p : array_like, shape (K,)
        A distribution.
    labels : sequence of str, optional
        A name per outcome.
    unit : {"nats", "bits"}
        Unit of the vertical axis.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"bars"`` (a BarContainer) and ``"entropy"`` (the line
        at height H, whose rectangle over [0, 1] has the bars' total area).

    Notes
    -----
    The area of bar x is :math:`p(x) I(x)`, so the bars' total area is
    :math:`\sum_x p(x) I(x) = H`: the entropy is the probability-weighted
    average height. Outcomes of probability 0 have no width and add nothing.

    Examples
    --------
    >>> artists = plot_entropy_area([0.7, 0.2, 0.1])
    >>> area = sum(b.get_width() * b.get_height() for b in artists["bars"])
    >>> round(float(area), 4)
    0.8018
    """
    ax = get_ax(ax)
    p = _distribution(p)
    labels = _labels(labels, p.size)
    base = unit_base(unit)
    info = np.where(p > 0, information(np.where(p > 0, p, 1.0), base=base), 0.0)
    H = entropy(p, base=base)
    lefts = np.cumsum(p) - p
    colors = [OUTCOME_COLORS[k % len(OUTCOME_COLORS)] for k in range(p.size)]
    bars = ax.bar(lefts, info, width=p, align="edge", color=colors, edgecolor="white", linewidth=2)
    for bar, label, pk, ik in zip(bars, labels, p, info, strict=True):
        bar.set_label(f"{label}: p = {pk:.2f}, I = {ik:.3f} {_(unit)}")
    (line,) = ax.plot(
        [0, 1],
        [H, H],
        color=COLORS["black"],
        linestyle="--",
        linewidth=2,
        label=_("entropy H = {H} {unit} (same total area)").format(H=f"{H:.4f}", unit=_(unit)),
    )
    ax.set(
        xlabel=_("probability (each bar is p(x) wide)"),
        ylabel=_("information I(x) = $-\\log p(x)$ [{unit}]").format(unit=_(unit)),
        xlim=(0, 1),
        ylim=(0, 1.45 * max(info.max(), H)),
        title=_("Entropy is the average information: the bars' total area"),
    )
    ax.legend(loc="upper left")
    return {"bars": bars, "entropy": line}


def plot_binary_entropy(p=None, *, unit="bits", other_unit=False, ax=None):
    """Plot the entropy of a coin with heads probability p, marking its maximum at 1/2.

    Parameters
    ----------
    p : float, optional
        A coin to mark on the curve.
    unit : {"bits", "nats"}
        Unit of the vertical axis.
    other_unit : bool
        Also label the right-hand axis in the other unit.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"curve"``, ``"peak"``, ``"marker"`` (None without `p`)
        and ``"secondary"`` (the right-hand axis, or None).

    Examples
    --------
    >>> artists = plot_binary_entropy()
    >>> float(artists["peak"].get_ydata()[0])
    1.0
    """
    if p is not None:
        p = as_number(p, "p", probability=True)
    other_unit = check_flag(other_unit, "other_unit")
    ax = get_ax(ax)
    base = unit_base(unit)
    grid = np.linspace(0.0, 1.0, 501)
    (curve,) = ax.plot(
        grid,
        binary_entropy(grid, base=base),
        color=COLORS["blue"],
        linewidth=2,
        label=r"$H(p) = -p \log p - (1-p) \log(1-p)$",
    )
    top = binary_entropy(0.5, base=base)
    (peak,) = ax.plot(
        [0.5],
        [top],
        "o",
        color=COLORS["vermillion"],
        markersize=8,
        label=_("maximum at p = 1/2: 1 bit = ln 2 nats"),
    )
    marker = None
    if p is not None:
        (marker,) = ax.plot(
            [p],
            [binary_entropy(p, base=base)],
            "s",
            color=COLORS["green"],
            markersize=8,
            label=f"p = {p:.3g}: {binary_entropy(p, base=base):.3f} {_(unit)}",
        )
    ax.set(
        xlabel=_("probability p of heads"),
        ylabel=_("entropy H(p) [{unit}]").format(unit=_(unit)),
        xlim=(0, 1),
        ylim=(0, 1.3 * top),
        title=_("A coin is most uncertain when it is fair"),
    )
    secondary = add_other_unit_axis(ax, unit) if other_unit else None
    ax.legend(loc="upper right", fontsize="small")
    return {"curve": curve, "peak": peak, "marker": marker, "secondary": secondary}


def plot_entropy_samples(samples, *, unit="nats", ax=None):
    """Entropies of many distributions over K outcomes, beside the maximum log K.

    Parameters
    ----------
    samples : dict of int to array_like
        For each number of outcomes K, the entropies (in `unit`) of some
        distributions over K outcomes, e.g. random ones.
    unit : {"nats", "bits"}
        Unit of the entropies and of the vertical axis.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"points"`` (one per K) and ``"maximum"`` (the curve log K).

    Examples
    --------
    >>> artists = plot_entropy_samples({2: [0.1, 0.5], 3: [0.9]})
    >>> len(artists["points"])
    2
    """
    samples = as_mapping(samples, "samples", "entropies keyed by the number of outcomes K")
    for k in samples:
        check_count(k, f"samples key {k!r}", minimum=1)
    samples = {
        int(k): as_float_array(values, f"samples[{k}]", min_ndim=1).ravel()
        for k, values in samples.items()
    }
    per = nats_per_unit(unit)
    ax = get_ax(ax)
    points = []
    for i, (k, values) in enumerate(sorted(samples.items())):
        # Spread the points sideways so they do not hide each other.
        x = k + np.linspace(-0.28, 0.28, values.size)
        (dots,) = ax.plot(
            x,
            values,
            ".",
            color=COLORS["blue"],
            alpha=0.25,
            markersize=3,
            label=_("random distributions") if i == 0 else None,
        )
        points.append(dots)
    ks = sorted(samples)
    grid = np.linspace(min(ks) - 0.4, max(ks) + 0.4, 200)
    (maximum,) = ax.plot(
        grid,
        np.log(grid) / per,
        color=COLORS["vermillion"],
        linewidth=2,
        label=_(r"$\log K$: the uniform distribution"),
    )
    ax.plot(ks, np.log(ks) / per, "o", color=COLORS["vermillion"])
    ax.set(
        xlabel=_("number of outcomes K"),
        ylabel=_("entropy H [{unit}]").format(unit=_(unit)),
        xticks=ks,
        ylim=(0, 1.1 * np.log(max(ks)) / per),
        title=_("No distribution has more entropy than the uniform one"),
    )
    ax.legend(loc="lower right")
    return {"points": points, "maximum": maximum}


def plot_distribution(p, labels=None, *, ax=None):
    """Bars of a distribution, with a dashed line at the uniform level 1/K.

    Parameters
    ----------
    p : array_like, shape (K,)
        A distribution.
    labels : sequence of str, optional
        A name per outcome.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"bars"``, ``"values"`` (the text above each bar) and
        ``"uniform"`` (the line at 1/K).

    Examples
    --------
    >>> artists = plot_distribution([0.7, 0.2, 0.1])
    >>> [t.get_text() for t in artists["values"]]
    ['0.70', '0.20', '0.10']
    """
    ax = get_ax(ax)
    p = _distribution(p)
    labels = _labels(labels, p.size)
    x = np.arange(p.size)
    colors = [OUTCOME_COLORS[k % len(OUTCOME_COLORS)] for k in range(p.size)]
    bars = ax.bar(x, p, color=colors, width=0.7)
    values = [
        ax.text(
            xk,
            pk + 0.02,
            f"{pk:.2f}",
            ha="center",
            va="bottom",
            zorder=3,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
        )
        for xk, pk in zip(x, p, strict=True)
    ]
    uniform = ax.axhline(
        1.0 / p.size,
        color=COLORS["grey"],
        linestyle="--",
        label=_("uniform: 1/{k}").format(k=p.size),
    )
    ax.set(
        xticks=x,
        xticklabels=labels,
        xlabel=_("outcome"),
        ylabel=_("probability"),
        ylim=(0, 1.12),
        title=_("The distribution"),
    )
    ax.legend(loc="upper right")
    return {"bars": bars, "values": values, "uniform": uniform}


def plot_entropy_gauge(p, *, unit="nats", ax=None):
    """One bar, the entropy of `p`, under a line at the maximum log K.

    Parameters
    ----------
    p : array_like, shape (K,)
        A distribution.
    unit : {"nats", "bits"}
        Unit of the vertical axis.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"bar"`` (a Rectangle), ``"maximum"`` (the line at
        log K) and ``"value"`` (the text above the bar).

    Examples
    --------
    >>> artists = plot_entropy_gauge([0.5, 0.5], unit="bits")
    >>> float(artists["bar"].get_height())
    1.0
    """
    ax = get_ax(ax, figsize=(2.0, 4.0))
    p = _distribution(p)
    base = unit_base(unit)
    H, top = entropy(p, base=base), np.log(p.size) / nats_per_unit(unit)
    (bar,) = ax.bar([0], [H], width=0.6, color=COLORS["blue"])
    maximum = ax.axhline(
        top,
        color=COLORS["vermillion"],
        linestyle="--",
        linewidth=2,
        label=_("max log {k}").format(k=p.size),
    )
    # A white box keeps the value readable where it crosses the line at log K.
    value = ax.text(
        0,
        H + 0.02 * top,
        f"{H:.3f}",
        ha="center",
        va="bottom",
        zorder=3,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
    )
    ax.set(
        xticks=[0],
        xticklabels=["H(p)"],
        xlim=(-0.6, 0.6),
        ylim=(0, 1.3 * top),
        ylabel=_("entropy [{unit}]").format(unit=_(unit)),
        title=_("Entropy"),
    )
    ax.legend(loc="upper center", fontsize="small")
    return {"bar": bar, "maximum": maximum, "value": value}


def simplex_point(p):
    """Where the 3-outcome distribution `p` sits in the triangle of :data:`SIMPLEX_CORNERS`.

    Examples
    --------
    >>> simplex_point([0.0, 0.0, 1.0]).round(3)
    array([0.5  , 0.866])
    """
    p = _distribution(p)
    if p.size != 3:
        raise ValueError(f"p must be a distribution over 3 outcomes; got {p.size}")
    return p @ SIMPLEX_CORNERS


def simplex_entropy_grid(resolution=201):
    """Entropy in nats over a grid covering the triangle; NaN outside it.

    Returns the grid (rows: height, columns: width) and its extent for ``imshow``.
    """
    resolution = check_count(
        resolution,
        "resolution",
        minimum=2,
        maximum=MAX_SIMPLEX_RESOLUTION,
        why=", so that the grid fits in memory",
    )
    height = SIMPLEX_CORNERS[2, 1]
    x, y = np.meshgrid(np.linspace(0, 1, resolution), np.linspace(0, height, resolution))
    p3 = y / height
    p2 = x - p3 / 2.0
    p1 = 1.0 - p2 - p3
    probs = np.stack([p1, p2, p3], axis=-1)
    inside = (probs >= -1e-12).all(axis=-1)
    probs = np.clip(probs, 0.0, 1.0)
    H = -xlogy(probs, probs).sum(axis=-1)
    return np.where(inside, H, np.nan), (0.0, 1.0, 0.0, height)


def plot_entropy_simplex(p=None, labels=None, *, unit="nats", ax=None):
    r"""Every distribution over 3 outcomes as a point of a triangle, coloured by its entropy.

    Parameters
    ----------
    p : array_like, shape (3,), optional
        A distribution to mark.
    labels : sequence of 3 str, optional
        A name per outcome, written at its corner (where it is certain).
    unit : {"nats", "bits"}
        Unit of the colour scale.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"image"``, ``"colorbar"``, ``"uniform"`` (the centre,
        the maximum), ``"marker"`` (None without `p`) and ``"entropy_nats"``
        (the grid of entropies in nats, to rescale the image to another unit).

    Notes
    -----
    The point for :math:`(p_1, p_2, p_3)` is :math:`\sum_k p_k c_k` for the
    corners :math:`c_k`: corners are certain outcomes (H = 0), the centre is
    the uniform distribution (H = log 3).

    Examples
    --------
    >>> artists = plot_entropy_simplex([0.7, 0.2, 0.1])
    >>> artists["marker"].get_xydata().round(3)
    array([[0.25 , 0.087]])
    """
    ax = get_ax(ax, figsize=(5.0, 4.0))
    labels = _labels(labels, 3)
    per = nats_per_unit(unit)
    grid, extent = simplex_entropy_grid()
    image = ax.imshow(
        grid / per,
        extent=extent,
        origin="lower",
        cmap="viridis",
        vmin=0.0,
        vmax=np.log(3.0) / per,
        interpolation="bilinear",
    )
    outline = np.vstack([SIMPLEX_CORNERS, SIMPLEX_CORNERS[:1]])
    ax.plot(outline[:, 0], outline[:, 1], color=COLORS["black"], linewidth=1)
    offsets = [(-0.04, -0.07, "right"), (1.04, -0.07, "left"), (0.5, 0.9, "center")]
    for (x, y, ha), label in zip(offsets, labels, strict=True):
        ax.text(
            x,
            y,
            _("{label}\n(certain)").format(label=label)
            if ha != "center"
            else _("{label} (certain)").format(label=label),
            ha=ha,
        )
    (uniform,) = ax.plot(
        *simplex_point(np.full(3, 1 / 3)),
        "*",
        color="white",
        markersize=13,
        markeredgecolor=COLORS["black"],
        label=_("uniform: maximum"),
    )
    marker = None
    if p is not None:
        p = _distribution(p)
        if p.size != 3:
            raise ValueError(f"p must be a distribution over 3 outcomes; got {p.size}")
        (marker,) = ax.plot(
            *simplex_point(p),
            "o",
            color=COLORS["vermillion"],
            markersize=10,
            markeredgecolor="white",
            label=_("the distribution p"),
        )
    colorbar = ax.figure.colorbar(
        image, ax=ax, shrink=0.8, label=_("entropy [{unit}]").format(unit=_(unit))
    )
    ax.set(
        xlim=(-0.3, 1.3), ylim=(-0.15, 1.0), aspect="equal", title=_("All 3-outcome distributions")
    )
    ax.set_axis_off()
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=2, fontsize="small", frameon=False
    )
    return {
        "image": image,
        "colorbar": colorbar,
        "uniform": uniform,
        "marker": marker,
        "entropy_nats": grid,
    }


def plot_code_lengths(p, *, max_block=6, ax=None):
    r"""Average Huffman code length per outcome, coding blocks of 1, 2, ... outcomes.

    Parameters
    ----------
    p : array_like, shape (K,)
        The distribution of one outcome; blocks are independent outcomes.
    max_block : int
        The longest block coded (K**max_block codewords).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"lengths"``, ``"entropy"`` and ``"bound"`` (the band
        from H to H + 1/n), and ``"per_outcome"``, the lengths drawn.

    Notes
    -----
    For blocks of n outcomes the best code spends
    :math:`n H \le L_n < n H + 1` bits, so :math:`L_n / n` is squeezed
    between H and H + 1/n.

    Examples
    --------
    >>> artists = plot_code_lengths([0.7, 0.2, 0.1], max_block=2)
    >>> artists["per_outcome"].round(3)
    array([1.3  , 1.165])
    """
    ax = get_ax(ax)
    p = _distribution(p)
    max_block = check_count(max_block, "max_block", minimum=1)
    if max_block * np.log2(p.size) > np.log2(MAX_CODED_OUTCOMES):
        raise ValueError(
            f"max_block={max_block} asks for a code of {p.size}**{max_block} codewords, more "
            f"than the cap of {MAX_CODED_OUTCOMES:_} (2**16); use a smaller max_block"
        )
    n = np.arange(1, max_block + 1)
    per_outcome = np.empty(n.size)
    for i, size in enumerate(n):
        joint = block_distribution(p, int(size))
        per_outcome[i] = np.dot(joint, huffman_code_lengths(joint)) / size
    H = entropy(p, base=2)
    fine = np.linspace(1, max_block, 200)
    bound = ax.fill_between(
        fine,
        H,
        H + 1.0 / fine,
        color=COLORS["sky"],
        alpha=0.3,
        label=_("guaranteed range: H to H + 1/n"),
    )
    (entropy_line,) = ax.plot(
        [1, max_block],
        [H, H],
        color=COLORS["vermillion"],
        linestyle="--",
        linewidth=2,
        label=_("entropy H = {H} bits").format(H=f"{H:.3f}"),
    )
    (lengths,) = ax.plot(
        n,
        per_outcome,
        "o-",
        color=COLORS["blue"],
        linewidth=2,
        label=_("Huffman code for blocks of n outcomes"),
    )
    ax.set(
        xlabel=_("block size n (outcomes coded together)"),
        ylabel=_("average code length [bits per outcome]"),
        xticks=n,
        xlim=(0.8, max_block + 0.2),
        ylim=(min(H, per_outcome.min()) - 0.1, H + 1.1),
        title=_("Coding longer blocks approaches the entropy"),
    )
    ax.legend(loc="upper right")
    return {"lengths": lengths, "entropy": entropy_line, "bound": bound, "per_outcome": per_outcome}
