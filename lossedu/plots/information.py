"""Information content against probability."""

import numpy as np

from .. import information
from .._validation import as_mapping, as_number, check_choice, check_flag
from ..i18n import N_, _
from ._style import COLORS, get_ax

#: Each unit and the base of its logarithm (None: natural log).
UNITS = {N_("bits"): 2, N_("nats"): None}

#: Marked events, in turn: colour and marker shape both differ.
EVENT_STYLES = [
    (COLORS["vermillion"], "o"),
    (COLORS["green"], "s"),
    (COLORS["orange"], "^"),
    (COLORS["purple"], "D"),
]

#: The smallest probability drawn on the I(p) curve (I(0) is infinite).
P_MIN = 1e-3


def unit_base(unit):
    """The logarithm base of `unit` ("bits" or "nats"), refusing anything else."""
    return UNITS[check_choice(unit, "unit", tuple(UNITS))]


def nats_per_unit(unit):
    """How many nats one `unit` is: ln 2 for bits, 1 for nats."""
    base = unit_base(unit)
    return 1.0 if base is None else float(np.log(base))


def add_other_unit_axis(ax, unit):
    """Label the right-hand axis in the other unit; the curves stay in `unit`.

    Returns the secondary axis. A value y in `unit` is ``y * factor`` in the
    other unit, where the factor is ln 2 (bits to nats) or 1/ln 2.
    """
    other = "nats" if unit == "bits" else "bits"
    factor = nats_per_unit(unit) / nats_per_unit(other)
    secondary = ax.secondary_yaxis("right", functions=(lambda y: y * factor, lambda y: y / factor))
    secondary.set_ylabel(_("the same in {other}").format(other=_(other)), color=COLORS["grey"])
    secondary.tick_params(colors=COLORS["grey"])
    return secondary


def _event_probability(value, name):
    p = as_number(value, name, probability=True)
    if p == 0:
        raise ValueError(f"{name} must be > 0: an impossible event has infinite information")
    return p


def plot_information(p=None, *, unit="bits", events=None, other_unit=False, ax=None):
    """Plot I(p) = -log p over (0, 1], marking the event of probability `p`.

    Parameters
    ----------
    p : float, optional
        An event's probability to mark on the curve.
    unit : {"bits", "nats"}
        Unit of the vertical axis.
    events : dict of str to float, optional
        Named events and their probabilities, each marked and listed in the
        legend with its information content.
    other_unit : bool
        Also label the right-hand axis in the other unit.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The artists: ``"curve"``, ``"marker"`` (None without `p`), ``"events"``
        (one marker per named event) and ``"secondary"`` (the right-hand axis,
        or None).

    Examples
    --------
    >>> artists = plot_information(0.25, unit="bits")
    >>> float(artists["marker"].get_ydata()[0])
    2.0
    >>> artists = plot_information(events={"heads": 0.5}, unit="bits")
    >>> artists["events"][0].get_label()
    'heads: p = 0.5, I = 1.000 bits'
    """
    if p is not None:
        p = _event_probability(p, "p")
    events = {
        name: _event_probability(value, f"events[{name!r}]")
        for name, value in (
            {} if events is None else as_mapping(events, "events", "probabilities by event name")
        ).items()
    }
    other_unit = check_flag(other_unit, "other_unit")
    ax = get_ax(ax)
    base = unit_base(unit)
    grid = np.linspace(P_MIN, 1.0, 400)
    (curve,) = ax.plot(
        grid, information(grid, base=base), color=COLORS["blue"], label=r"$I(p) = -\log p$"
    )
    marker = None
    if p is not None:
        (marker,) = ax.plot(
            [p], [information(p, base=base)], "o", color=COLORS["vermillion"], label=_("the event")
        )
    marked = []
    for k, (name, p_event) in enumerate(events.items()):
        color, shape = EVENT_STYLES[k % len(EVENT_STYLES)]
        info = information(p_event, base=base)
        (point,) = ax.plot(
            [p_event],
            [info],
            shape,
            color=color,
            markersize=9,
            markeredgecolor="white",
            label=f"{_(name)}: p = {p_event:.3g}, I = {info:.3f} {_(unit)}",
        )
        ax.vlines(p_event, 0, info, color=color, linestyle=":", linewidth=1.2)
        marked.append(point)
    ax.set(
        xlabel=_("probability p of the event"),
        ylabel=_("information I(p) [{unit}]").format(unit=_(unit)),
        xlim=(0, 1),
        ylim=(0, information(P_MIN, base=base)),
        title=_("The rarer the event, the more information"),
    )
    secondary = add_other_unit_axis(ax, unit) if other_unit else None
    ax.legend(loc="upper right")
    return {"curve": curve, "marker": marker, "events": marked, "secondary": secondary}


def plot_information_candidates(ax=None):
    r"""Compare -log2 p with two other candidate measures of surprise, 1 - p and 1/p.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.

    Returns
    -------
    dict
        The three curves: ``"log"``, ``"complement"``, ``"reciprocal"``.

    Notes
    -----
    Only :math:`-\log p` is 0 for a certain event, unbounded as
    :math:`p \to 0` and additive over independent events: :math:`1 - p` never
    exceeds 1, and :math:`1/p` is 1 for a certain event and multiplies.

    Examples
    --------
    >>> artists = plot_information_candidates()
    >>> sorted(artists)
    ['complement', 'log', 'reciprocal']
    """
    ax = get_ax(ax)
    grid = np.linspace(0.01, 1.0, 400)
    (log,) = ax.plot(
        grid,
        information(grid, base=2),
        color=COLORS["blue"],
        linewidth=2.2,
        label=_(r"$-\log_2 p$ [bits]: 0 when certain, unbounded, adds up"),
    )
    (complement,) = ax.plot(
        grid,
        1.0 - grid,
        color=COLORS["orange"],
        linestyle="--",
        linewidth=2,
        label=_(r"$1 - p$: never above 1, does not add up"),
    )
    (reciprocal,) = ax.plot(
        grid,
        1.0 / grid,
        color=COLORS["green"],
        linestyle=":",
        linewidth=2.4,
        label=_(r"$1/p$: 1 when certain, multiplies"),
    )
    ax.axhline(0, color=COLORS["grey"], linewidth=0.8)
    ax.set(
        xlabel=_("probability p of the event"),
        ylabel=_("surprise (bits for $-\\log_2 p$)"),
        xlim=(0, 1),
        ylim=(-0.2, 7),
        title=_("Three candidate measures of surprise"),
    )
    ax.legend(loc="upper right")
    return {"log": log, "complement": complement, "reciprocal": reciprocal}
