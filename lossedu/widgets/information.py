"""Explorer for notebook 01: the information content of one event."""

from .. import information
from .._validation import check_in_range
from ..i18n import _
from ..plots import new_figure, plot_information
from ..plots.information import UNITS
from ._explorer import Explorer, choice, float_slider

#: The range of the probability slider.
P_RANGE = (0.001, 1.0)


def information_explorer(p=0.25, unit="bits"):
    """Move `p` and see I(p) = -log p, in bits or nats.

    Parameters
    ----------
    p : float
        Starting probability of the event, in (0, 1].
    unit : {"bits", "nats"}
        Starting unit.

    Returns
    -------
    Explorer
        Controls ``p`` and ``unit``.

    Examples
    --------
    >>> explorer = information_explorer(p=0.5)
    >>> explorer.sliders["p"].value = 0.25  # redraws the same figure
    >>> explorer.redraws
    2
    """
    p = check_in_range(p, "p", *P_RANGE)
    fig, ax = new_figure(figsize=(7.0, 3.6))
    fig.set_dpi(100)
    artists = plot_information(p, unit=unit, ax=ax)
    curve, marker = artists["curve"], artists["marker"]
    x_grid = curve.get_xdata()
    drop = ax.plot([p, p], [0, 0], ":", color=marker.get_color(), linewidth=1.2)[0]
    value = ax.text(p, 0, "", va="bottom", fontsize="large", color=marker.get_color())
    state = {"unit": unit}

    def update(p, unit):
        bits, nats = information(p, base=2), information(p)
        shown = bits if unit == "bits" else nats
        marker.set_data([p], [shown])
        drop.set_data([p, p], [0, shown])
        if unit != state["unit"]:
            base = UNITS[unit]
            curve.set_ydata(information(x_grid, base=base))
            ax.set_ylim(0, information(x_grid[0], base=base))
            ax.set_ylabel(_("information I(p) [{unit}]").format(unit=_(unit)))
            state["unit"] = unit
        # Label the point on the side away from the steep end of the curve, inside the axes.
        top = ax.get_ylim()[1]
        if p < 0.5:
            value.set_position((p + 0.015, min(shown + 0.1, 0.9 * top)))
            value.set_horizontalalignment("left")
        else:
            value.set_position((min(p, 0.99), shown + 0.25))
            value.set_horizontalalignment("center" if p < 0.9 else "right")
        value.set_text(f"{shown:.2f} {_(unit)}")
        return _(
            "I({p}) = {bits} bits = {nats} nats: as surprising as "
            "{flips} fair coin flips in a row all landing heads"
        ).format(p=f"{p:.3f}", bits=f"{bits:.3f}", nats=f"{nats:.3f}", flips=f"{bits:.2f}")

    sliders = {
        "p": float_slider(_("probability p"), p, *P_RANGE, 0.001),
        "unit": choice(_("unit"), list(UNITS), unit),
    }
    return Explorer(fig, sliders, update, title=_("Information content of one event"))
