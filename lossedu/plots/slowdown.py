"""The learning-slowdown experiment: training curves of one neuron, and the map of epochs needed."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize
from matplotlib.patches import Patch

from .._validation import (
    as_float_array,
    as_grid,
    as_mapping,
    as_names,
    as_probabilities,
    check_count,
    check_ndim,
    check_positive,
    check_text,
)
from ..i18n import N_, _
from ..neuron import MAX_EPOCHS, TrainingHistory
from ._style import COLORS, COST_STYLE, get_ax, get_axes

COSTS = ("quadratic", "cross_entropy")
#: Cost axis (log scale): from a well-trained neuron to a badly saturated one.
COST_LIM = (1e-4, 20.0)
COST_LABEL = N_("cost C (log scale)")
#: Each cost's name in legends and titles, with the unit of its values.
LABELS = {"quadratic": N_("quadratic ½(y − a)²"), "cross_entropy": N_("cross-entropy")}
UNITS = {"quadratic": N_("probability²"), "cross_entropy": N_("nats")}
OUTPUT_LABEL = N_("output a (probability)")
#: A sequential map readable with every common colour-vision deficiency.
MAP_CMAP = "viridis"
#: Epoch counts labelled on the maps, so that the colours can be read as numbers.
CONTOUR_LEVELS = (10, 25, 50, 100, 200)
#: Most starts :func:`plot_training_curves` draws, one row of panels each.
MAX_CURVE_ROWS = 12
#: A contour is drawn only if this share of the cells lies between it and the one below.
MIN_CONTOUR_SHARE = 0.01


def _contour_levels(needed, levels, budget):
    """The `levels` below `budget` that have cells of their own.

    A level is kept when at least :data:`MIN_CONTOUR_SHARE` of the cells lie between
    it and the last level kept (0 to begin with). Where the count jumps, say from
    0 epochs (already below the threshold) to 30, several levels would otherwise
    pile up on the one edge between neighbouring cells, with no cell to match them.

    Examples
    --------
    >>> _contour_levels(np.array([0.0, 0.0, 30.0, 30.0, 60.0, np.inf]), (10, 25, 50), 300)
    [50]
    """
    needed = np.asarray(needed, dtype=float)
    kept, below = [], 0.0
    for level in levels:
        if level < budget and np.mean((needed > below) & (needed <= level)) >= MIN_CONTOUR_SHARE:
            kept.append(level)
            below = level
    return kept


def _histories(histories):
    """A dict of TrainingHistory by cost, all from the same starts and epochs."""
    histories = as_mapping(histories, "histories", "TrainingHistory by cost", allowed=COSTS)
    shape = None
    for cost, history in histories.items():
        if not isinstance(history, TrainingHistory):
            raise ValueError(
                f"histories[{cost!r}] must be a TrainingHistory (from lossedu.train_neuron); "
                f"got {history!r}"
            )
        if shape is not None and history.output.shape != shape:
            raise ValueError(
                "histories must come from the same starts and epochs; got outputs of shapes "
                f"{shape} and {history.output.shape}"
            )
        shape = history.output.shape
    starts = int(np.prod(shape[1:]))
    if starts > MAX_CURVE_ROWS:
        raise ValueError(
            f"histories hold {starts} starts, more than the {MAX_CURVE_ROWS} rows of panels "
            "drawn at most; train fewer starts (plot_slowdown_map shows a whole grid)"
        )
    return histories


def plot_training_curves(histories, *, threshold=0.1, ax=None, titles=None):
    """Output and cost against epoch, for both costs together, one row per start.

    Parameters
    ----------
    histories : dict of str to TrainingHistory
        One history per cost (``"quadratic"``, ``"cross_entropy"``), trained from
        the same starts: a single start, or a 1-D grid of them (one row each).
    threshold : float, optional
        Output level drawn as a dotted line (the map counts epochs to get below it).
    ax : array of matplotlib.axes.Axes, shape (2,) or (rows, 2), optional
        Output axes and cost axes per row; a new figure when omitted.
    titles : list of str, optional
        One title per row (default: the start's w, b and output).

    Returns
    -------
    dict
        ``artists[row][cost]`` is ``{"output": Line2D, "cost": Line2D}``;
        ``artists["axes"]`` the axes, shape (rows, 2).

    Notes
    -----
    Each row's legend sits in the lower left of its cost panel, which the
    decreasing costs leave free; the output panel has no corner that every run
    leaves free. The threshold line is labelled where it starts, on the left,
    below the line, where runs that start above it have not yet come.

    Examples
    --------
    >>> from lossedu import train_neuron
    >>> histories = {c: train_neuron([0.6, 2.0], [0.9, 2.0], cost=c) for c in COSTS}
    >>> artists = plot_training_curves(histories)
    >>> artists["axes"].shape
    (2, 2)
    >>> len(artists[1]["quadratic"]["output"].get_xdata())  # epochs 0..300
    301
    """
    histories = _histories(histories)
    threshold = check_positive(threshold, "threshold", below=1.0)
    first = next(iter(histories.values()))
    outputs = {c: np.asarray(h.output).reshape(len(h.output), -1) for c, h in histories.items()}
    rows = outputs[next(iter(outputs))].shape[1]
    if titles is not None:
        titles = [_(t) for t in as_names(titles, rows, "titles", "row (start)")]
    ax = get_axes(ax, rows, 2, figsize=(10.0, 3.3 * rows))
    epochs = np.arange(len(first.output))
    w0 = np.ravel(first.w[0])
    b0 = np.ravel(first.b[0])
    artists = {"axes": ax}
    for row in range(rows):
        out_ax, cost_ax = ax[row]
        artists[row] = {}
        for cost, history in histories.items():
            cost_values = np.asarray(history.cost).reshape(len(history.cost), -1)[:, row]
            style = COST_STYLE[cost]
            label = _("{cost}, in {unit}").format(cost=_(LABELS[cost]), unit=_(UNITS[cost]))
            artists[row][cost] = {
                "output": out_ax.plot(epochs, outputs[cost][:, row], lw=2, label=label, **style)[0],
                "cost": cost_ax.plot(epochs, cost_values, lw=2, label=label, **style)[0],
            }
        out_ax.axhline(threshold, color=COLORS["grey"], linestyle=":")
        out_ax.text(
            0.01,
            threshold,
            f"a = {threshold:g}",
            transform=out_ax.get_yaxis_transform(),
            color=COLORS["grey"],
            fontsize="small",
            va="top",
        )
        a0 = outputs[next(iter(outputs))][0, row]
        title = (
            titles[row]
            if titles is not None
            else _("start w = {w}, b = {b} (output {a0})").format(
                w=f"{w0[row]:.2f}", b=f"{b0[row]:.2f}", a0=f"{a0:.2f}"
            )
        )
        out_ax.set(
            xlim=(0, epochs[-1]),
            ylim=(0, 1),
            xlabel=_("epoch"),
            ylabel=_(OUTPUT_LABEL),
            title=_("output, {title}").format(title=title),
        )
        cost_ax.set(
            xlim=(0, epochs[-1]),
            ylim=COST_LIM,
            yscale="log",
            xlabel=_("epoch"),
            ylabel=_(COST_LABEL),
            title=_("cost, η = {eta}").format(eta=f"{first.eta:g}"),
        )
        cost_ax.legend(loc="lower left", fontsize="small")
    return artists


def plot_slowdown_map(w, b, epochs_needed, *, budget, threshold=0.1, starts=None, ax=None):
    """Two heat maps side by side: epochs each cost needs to bring the output below `threshold`.

    Parameters
    ----------
    w, b : array_like, 1-D
        The grid of starting weights (columns) and biases (rows).
    epochs_needed : dict of str to ndarray, shape (len(b), len(w))
        Per cost, the epoch at which the output first fell below `threshold`
        (:func:`lossedu.epochs_to_reach`), ``inf`` where it never did.
    budget : int
        Epochs trained: the top of the colour scale.
    threshold : float, optional
        The output level, for the labels.
    starts : dict of str to (float, float), optional
        Starting points to mark, by label.
    ax : pair of matplotlib.axes.Axes, optional
        A new figure when omitted.

    Returns
    -------
    dict
        ``"images"`` (one per cost), ``"contours"`` (labelled epoch counts, per
        cost that has a level with cells of its own),
        ``"never"`` (the hatched overlays),
        ``"colorbar"`` and ``"axes"``.

    Notes
    -----
    Cells whose output never got below `threshold` within `budget` epochs are
    left out of the colour scale, drawn white with black hatching and named in
    the legend, so they cannot be mistaken for a slow but finite count.

    Examples
    --------
    >>> w = b = np.linspace(-2.0, 4.0, 5)
    >>> grid = np.add.outer(b, w)
    >>> needed = {"quadratic": np.where(grid > 3, np.inf, 10.0), "cross_entropy": grid * 0}
    >>> artists = plot_slowdown_map(w, b, needed, budget=300)
    >>> artists["colorbar"].ax.get_ylabel()
    'epochs to reach output < 0.1 [epochs]'
    """
    w = as_grid(w, "w")
    b = as_grid(b, "b")
    epochs_needed = as_mapping(
        epochs_needed, "epochs_needed", "epoch counts by cost", required=COSTS, allowed=COSTS
    )
    for cost in COSTS:
        name = f"epochs_needed[{cost!r}]"
        needed = as_float_array(epochs_needed[cost], name, allow_inf=True)
        if needed.shape != (b.size, w.size):
            raise ValueError(
                f"{name} must have one count per start, shape (len(b), len(w)) = "
                f"({b.size}, {w.size}); got shape {needed.shape}"
            )
        if (needed < 0).any():
            raise ValueError(f"{name} must hold epoch counts >= 0 (inf for never)")
        epochs_needed[cost] = needed
    budget = check_count(
        budget, "budget", minimum=1, maximum=MAX_EPOCHS, why=", the most epochs trained"
    )
    threshold = check_positive(threshold, "threshold", below=1.0)
    starts = {} if starts is None else as_mapping(starts, "starts", "(w, b) points by label")
    for label, point in starts.items():
        point = as_float_array(point, f"starts[{label!r}]")
        if point.shape != (2,):
            raise ValueError(
                f"starts[{label!r}] must be a point (w, b) of 2 numbers; got shape {point.shape}"
            )
    ax = get_axes(ax, 1, 2, figsize=(10.5, 4.4), sharey=True).ravel()
    cmap = plt.get_cmap(MAP_CMAP).with_extremes(bad="white")
    norm = Normalize(0, budget)
    extent = (w[0], w[-1], b[0], b[-1])
    artists = {"axes": ax, "images": {}, "never": {}, "contours": {}}
    for axes, cost in zip(ax, COSTS, strict=True):
        needed = np.asarray(epochs_needed[cost], dtype=float)
        never = ~np.isfinite(needed)
        artists["images"][cost] = axes.imshow(
            np.ma.masked_where(never, needed),
            origin="lower",
            extent=extent,
            aspect="auto",
            cmap=cmap,
            norm=norm,
            interpolation="nearest",
        )
        levels = _contour_levels(needed, CONTOUR_LEVELS, budget)
        if levels:
            artists["contours"][cost] = axes.contour(
                w,
                b,
                np.ma.masked_where(never, needed),
                levels=levels,
                colors="white",
                linewidths=0.8,
            )
            axes.clabel(artists["contours"][cost], fmt="%d", fontsize="small")
        if never.any():
            artists["never"][cost] = axes.contourf(
                w, b, never.astype(float), levels=[0.5, 1.5], colors="none", hatches=["///"]
            )
        for k, (label, (w_s, b_s)) in enumerate(starts.items()):
            axes.plot(
                [w_s],
                [b_s],
                marker="os^D"[k % 4],
                markersize=9,
                color=COLORS["vermillion"],
                markeredgecolor="white",
                linestyle="none",
                label=_(label),
            )
        reached = np.isfinite(needed).mean()
        name = _(LABELS[cost])
        axes.set(
            xlabel=_("starting weight w"),
            title=_("{name}: {share} of starts reach a < {threshold}").format(
                name=name, share=f"{100 * reached:.0f}%", threshold=f"{threshold:g}"
            ),
        )
    ax[0].set_ylabel(_("starting bias b"))
    handles, _labels = ax[0].get_legend_handles_labels()
    handles.append(
        Patch(
            facecolor="white",
            edgecolor="black",
            hatch="///",
            label=_("never below {threshold} within {budget} epochs").format(
                threshold=f"{threshold:g}", budget=budget
            ),
        )
    )
    ax[0].legend(handles=handles, loc="upper right", fontsize="small", framealpha=0.95)
    artists["colorbar"] = ax[0].figure.colorbar(
        artists["images"][COSTS[0]],
        ax=list(ax),
        label=_("epochs to reach output < {threshold} [epochs]").format(threshold=f"{threshold:g}"),
    )
    return artists


#: Looks for :func:`plot_outputs`, distinct in colour and in line style.
_RUN_STYLES = (
    {"color": COLORS["blue"], "linestyle": "-"},
    {"color": COLORS["vermillion"], "linestyle": "--"},
    {"color": COLORS["green"], "linestyle": "-."},
    {"color": COLORS["purple"], "linestyle": ":"},
    {"color": COLORS["orange"], "linestyle": (0, (5, 1, 1, 1))},
)


def plot_outputs(outputs, *, threshold=0.1, title=None, ax=None):
    """Output against epoch for several training runs, one labelled line each.

    Parameters
    ----------
    outputs : dict of str to array_like
        Per run, its outputs at epochs 0, 1, 2, ... (e.g. ``history.output``).
    threshold : float, optional
        Output level drawn as a dotted line.
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        A new figure when omitted.

    Returns
    -------
    dict
        One Line2D per run, by label.

    Examples
    --------
    >>> from lossedu import train_neuron
    >>> runs = {f"eta = {eta}": train_neuron(2.0, 2.0, eta=eta).output for eta in (0.15, 0.6)}
    >>> sorted(plot_outputs(runs))
    ['eta = 0.15', 'eta = 0.6']
    """
    outputs = as_mapping(outputs, "outputs", "output arrays by label")
    for label, output in outputs.items():
        outputs[label] = as_probabilities(output, f"outputs[{label!r}]", min_ndim=1)
        check_ndim(outputs[label], 1, f"outputs[{label!r}]")
    threshold = check_positive(threshold, "threshold", below=1.0)
    title = check_text(title, "title")
    ax = get_ax(ax, figsize=(9.5, 4.0))
    lines = {}
    longest = 0
    for k, (label, output) in enumerate(outputs.items()):
        longest = max(longest, len(output) - 1)
        style = _RUN_STYLES[k % len(_RUN_STYLES)]
        (lines[label],) = ax.plot(np.arange(len(output)), output, lw=2, label=_(label), **style)
    ax.axhline(threshold, color=COLORS["grey"], linestyle=":", label=f"a = {threshold:g}")
    ax.set(
        xlim=(0, longest),
        ylim=(0, 1),
        xlabel=_("epoch"),
        ylabel=_(OUTPUT_LABEL),
        title=title and _(title),
    )
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small")
    return lines
