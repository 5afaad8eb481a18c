"""Colours, line styles and figure set-up shared by every plot."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: The Okabe–Ito palette, readable with every common colour-vision deficiency.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#999999",
}

#: One look per cost, used in every figure that compares them: colour *and*
#: line style differ, so the curves stay apart in greyscale too.
COST_STYLE = {
    "quadratic": {"color": COLORS["vermillion"], "linestyle": "--"},
    "cross_entropy": {"color": COLORS["blue"], "linestyle": "-"},
}


def new_figure(nrows=1, ncols=1, *, figsize=(6.4, 4.0), **subplot_kw):
    """A figure outside pyplot, for explorers: Jupyter never auto-displays it.

    Returns the figure and its axes (an array when there are several). The
    layout is computed on the first draw and then frozen, so that redraws
    caused by a slider do not recompute it.
    """
    fig = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    return fig, axes


def _check_axes_object(ax, name, expected):
    if not isinstance(ax, Axes):
        raise ValueError(f"{name} must be {expected} or None for a new figure; got {ax!r}")
    return ax


def get_ax(ax, *, figsize=(6.4, 4.0)):
    """Return `ax`, or the axes of a new pyplot figure when `ax` is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return _check_axes_object(ax, "ax", "a matplotlib Axes")


def get_axes(ax, nrows, ncols, *, figsize, **subplot_kw):
    """Return `ax` as an array of shape (nrows, ncols) of Axes, or new ones when `ax` is None."""
    if ax is None:
        _, ax = plt.subplots(
            nrows, ncols, figsize=figsize, layout="constrained", squeeze=False, **subplot_kw
        )
        return ax
    expected = f"{nrows * ncols} matplotlib Axes (shape ({nrows}, {ncols}))"
    if isinstance(ax, Axes) or isinstance(ax, (str, bytes)):
        raise ValueError(f"ax must be {expected} or None for a new figure; got {ax!r}")
    try:
        arr = np.asarray(ax, dtype=object)
    except ValueError as exc:
        raise ValueError(f"ax must be {expected} or None for a new figure; got {ax!r}") from exc
    if arr.size != nrows * ncols:
        raise ValueError(f"ax must be {expected} or None for a new figure; got {ax!r}")
    for item in arr.flat:
        _check_axes_object(item, "ax", expected)
    return arr.reshape(nrows, ncols)
