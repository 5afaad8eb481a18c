"""Information content against probability."""

import numpy as np

from .. import information
from ._style import COLORS, get_ax

UNITS = {"bits": 2, "nats": None}


def plot_information(p=None, *, unit="bits", ax=None):
    """Plot I(p) = -log p over (0, 1], marking the event of probability `p`.

    Parameters
    ----------
    p : float, optional
        An event's probability to mark on the curve.
    unit : {"bits", "nats"}
        Unit of the vertical axis.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"curve"`` and ``"marker"`` (None without `p`).

    Examples
    --------
    >>> artists = plot_information(0.25, unit="bits")
    >>> float(artists["marker"].get_ydata()[0])
    2.0
    """
    ax = get_ax(ax)
    base = UNITS[unit]
    grid = np.linspace(1e-3, 1.0, 400)
    (curve,) = ax.plot(
        grid, information(grid, base=base), color=COLORS["blue"], label=r"$I(p) = -\log p$"
    )
    marker = None
    if p is not None:
        (marker,) = ax.plot(
            [p], [information(p, base=base)], "o", color=COLORS["vermillion"], label="the event"
        )
    ax.set(
        xlabel="probability p of the event",
        ylabel=f"information I(p) [{unit}]",
        xlim=(0, 1),
        ylim=(0, information(1e-3, base=base)),
    )
    ax.legend(loc="upper right")
    return {"curve": curve, "marker": marker}
