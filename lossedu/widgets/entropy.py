"""Explorer for notebook 02: the entropy of a distribution over three outcomes."""

import numpy as np

from .. import entropy
from .._validation import as_names, as_probabilities, check_ndim
from ..i18n import N_, _
from ..plots import new_figure, plot_distribution, plot_entropy_gauge, plot_entropy_simplex
from ..plots.entropy import simplex_point
from ..plots.information import UNITS, nats_per_unit, unit_base
from ._explorer import Explorer, choice, float_slider

#: The outcomes of the computer example (marked for the catalog; shown translated).
DEFAULT_LABELS = (N_("starts"), N_("fails"), N_("explodes"))


def entropy_explorer(weights=(0.7, 0.2, 0.1), labels=DEFAULT_LABELS, unit="nats"):
    """Set three weights and see the distribution they make, its entropy and the maximum log 3.

    The sliders are weights in [0, 1]; the distribution is the weights divided
    by their sum, so it is always normalised and every distribution over three
    outcomes can be reached (weights 1, 1, 1 give the uniform one).

    Parameters
    ----------
    weights : sequence of 3 floats in [0, 1]
        Starting weights; the default is the computer that starts, fails to
        start or explodes with probabilities 0.7, 0.2 and 0.1.
    labels : sequence of 3 str
        Names of the outcomes.
    unit : {"nats", "bits"}
        Starting unit.

    Returns
    -------
    Explorer
        Controls ``w1``, ``w2``, ``w3`` and ``unit``.

    Examples
    --------
    >>> explorer = entropy_explorer()
    >>> explorer.sliders["w1"].value = 0.1  # weights 0.1, 0.2, 0.1
    >>> explorer.readout.value.startswith("p = (0.250, 0.500, 0.250)")
    True
    """
    weights = as_probabilities(weights, "weights", min_ndim=1)
    check_ndim(weights, 1, "weights")
    if weights.size != 3 or weights.sum() == 0:
        raise ValueError(f"weights must be 3 numbers in [0, 1], not all 0; got {weights.tolist()}")
    labels = [_(label) for label in as_names(labels, 3, "labels", "outcomes")]
    unit_base(unit)

    fig, (ax_bars, ax_gauge, ax_simplex) = new_figure(
        1, 3, figsize=(10.5, 3.9), gridspec_kw={"width_ratios": [3.0, 1.3, 3.6]}
    )
    fig.set_dpi(90)
    p0 = weights / weights.sum()
    bars = plot_distribution(p0, labels, ax=ax_bars)
    gauge = plot_entropy_gauge(p0, unit=unit, ax=ax_gauge)
    simplex = plot_entropy_simplex(p0, labels, unit=unit, ax=ax_simplex)
    state = {"unit": unit}
    # Text is what costs most in a redraw: keep only the labels that carry meaning.
    for ax in (ax_bars, ax_gauge, ax_simplex):
        ax.get_legend().remove()
    ax_bars.set(yticks=[0.0, 0.5, 1.0], title=_("Distribution (dashed: uniform)"))
    ax_gauge.set_title(_("Entropy"))
    ax_simplex.set_title(_("Where p sits (star: uniform, the maximum)"))
    # A slider move redraws the moving artists and whatever is drawn above them: lift the
    # bars above the axes' ticks and labels, and put the static corner labels underneath.
    for artist in (*bars["bars"], gauge["bar"]):
        artist.set_zorder(2.6)
    for artist in (bars["uniform"], gauge["maximum"]):
        artist.set_zorder(2.7)
    for text in ax_simplex.texts:
        text.set_zorder(1.5)
    # The gauge bar takes the colour of p's point in the triangle, so it doubles as
    # the colour scale: one fewer axes to draw.
    simplex["colorbar"].remove()
    colormap = simplex["image"].get_cmap()

    def set_unit(unit):
        per = nats_per_unit(unit)
        top = np.log(3.0) / per
        gauge["maximum"].set_ydata([top, top])
        ax_gauge.set(ylim=(0, 1.3 * top), yticks=[0, top], yticklabels=["0", f"log 3\n= {top:.3f}"])
        ax_gauge.set_ylabel(_("entropy [{unit}]").format(unit=_(unit)))
        state["unit"] = unit

    set_unit(unit)

    def update(w1, w2, w3, unit):
        if unit != state["unit"]:
            set_unit(unit)
        w = np.array([w1, w2, w3])
        total = w.sum()
        if total == 0:
            for bar, text in zip(bars["bars"], bars["values"], strict=True):
                bar.set_height(0.0)
                text.set_text("")
            gauge["bar"].set_height(0.0)
            gauge["value"].set_text("")
            simplex["marker"].set_visible(False)
            return _("All three weights are 0: raise one to make a distribution.")
        p = w / total
        H = entropy(p, base=UNITS[unit])
        top = np.log(3.0) / nats_per_unit(unit)
        for bar, text, pk in zip(bars["bars"], bars["values"], p, strict=True):
            bar.set_height(pk)
            text.set_y(pk + 0.02)
            text.set_text(f"{pk:.2f}")
        gauge["bar"].set_height(H)
        gauge["bar"].set_color(colormap(H / top))
        gauge["value"].set_y(H + 0.02 * top)
        gauge["value"].set_text(f"{H:.3f}")
        simplex["marker"].set_data(*([c] for c in simplex_point(p)))
        simplex["marker"].set_visible(True)
        shown = ", ".join(f"{pk:.3f}" for pk in p)
        return _("p = ({p}): H = {H} {unit}, {share} of the maximum log 3 = {top} {unit}").format(
            p=shown, H=f"{H:.4f}", unit=_(unit), share=f"{H / top:.1%}", top=f"{top:.4f}"
        )

    sliders = {
        f"w{k + 1}": float_slider(
            _("weight of '{label}'").format(label=label), float(wk), 0.0, 1.0, 0.01
        )
        for k, (label, wk) in enumerate(zip(labels, weights, strict=True))
    }
    sliders["unit"] = choice(_("unit"), list(UNITS)[::-1], unit)
    return Explorer(fig, sliders, update, title=_("Entropy of a distribution over three outcomes"))
