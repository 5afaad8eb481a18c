"""Explorer for notebook 03: two distributions and both directions of the KL divergence."""

import numpy as np

from .. import kl_divergence
from .._validation import as_names, as_probabilities, check_ndim, check_positive
from ..i18n import N_, _
from ..plots import new_figure
from ..plots.divergence import place_label, plot_distributions, plot_divergence_bars, shown_length
from ._explorer import Explorer, float_slider

#: The outcomes of the computer example of notebook 02.
OUTCOMES = (N_("starts"), N_("fails"), N_("explodes"))


def normalise(weights):
    """Weights -> a distribution; all-zero weights give the uniform distribution."""
    w = np.asarray(weights, dtype=float)
    total = w.sum()
    return np.full(w.size, 1.0 / w.size) if total == 0 else w / total


def _weights(w, name):
    w = as_probabilities(w, name, min_ndim=1)
    check_ndim(w, 1, name)
    if w.size != 3:
        raise ValueError(f"{name} must hold 3 weights in [0, 1]; got {w.size}")
    return w


def kl_explorer(p=(0.7, 0.2, 0.1), q=(1 / 3, 1 / 3, 1 / 3), *, outcomes=OUTCOMES, xmax=3.0):
    r"""Move the weights of two distributions and watch both directions of the KL divergence.

    Each slider sets an outcome's weight; a distribution is its weights divided
    by their sum, so it stays normalised whatever the sliders say. Set a weight
    of `q` to 0 where `p` has weight to see :math:`D(p \| q) = \infty`.

    Parameters
    ----------
    p, q : sequence of 3 floats
        Starting weights, each in [0, 1] (they need not sum to 1).
    outcomes : sequence of 3 str
        Names of the outcomes.
    xmax : float
        End of the divergence axis, in nats.

    Returns
    -------
    Explorer
        Controls ``p1``, ``p2``, ``p3``, ``q1``, ``q2``, ``q3``.

    Examples
    --------
    >>> explorer = kl_explorer()
    >>> explorer.sliders["q3"].value = 0.0  # q now calls "explodes" impossible
    >>> explorer.readout.value.count("∞")
    1
    """
    p, q = _weights(p, "p"), _weights(q, "q")
    outcomes = [_(outcome) for outcome in as_names(outcomes, 3, "outcomes", "outcomes")]
    xmax = check_positive(xmax, "xmax")
    fig, (ax_bars, ax_div) = new_figure(1, 2, figsize=(9.6, 3.6), width_ratios=(1.3, 1.0))
    fig.set_dpi(100)
    p0, q0 = normalise(p), normalise(q)
    bars = plot_distributions(p0, q0, outcomes=outcomes, ax=ax_bars)
    div = plot_divergence_bars(p0, q0, ax=ax_div, xmax=xmax)
    # Fewer tick labels: text is most of the cost of a redraw.
    ax_bars.set_yticks([0.0, 0.5, 1.0])
    ax_div.set_xticks(np.arange(0.0, xmax + 1e-9, 1.0))

    def update(p1, p2, p3, q1, q2, q3):
        pn, qn = normalise([p1, p2, p3]), normalise([q1, q2, q3])
        for bar, h in zip(bars["p"], pn, strict=True):
            bar.set_height(h)
        for bar, h in zip(bars["q"], qn, strict=True):
            bar.set_height(h)
        values = (kl_divergence(pn, qn), kl_divergence(qn, pn))
        for bar, label, v in zip(div["bars"], div["labels"], values, strict=True):
            bar.set_width(shown_length(v, xmax))
            place_label(label, v, xmax)

        def fmt(dist):
            return "(" + ", ".join(f"{x:.3f}" for x in dist) + ")"

        def nats(v):
            return "∞" if not np.isfinite(v) else _("{value} nats").format(value=f"{v:.3f}")

        return (
            f"p = {fmt(pn)} &nbsp; q = {fmt(qn)}<br>"
            f"D(p‖q) = {nats(values[0])} &nbsp; D(q‖p) = {nats(values[1])}"
        )

    sliders = {}
    for name, start in (("p", p), ("q", q)):
        for k, (weight, outcome) in enumerate(zip(start, outcomes, strict=True), start=1):
            sliders[f"{name}{k}"] = float_slider(
                _("{name} weight of “{outcome}”").format(name=name, outcome=outcome),
                float(weight),
                0.0,
                1.0,
                0.01,
            )
    return Explorer(
        fig, sliders, update, title=_("KL divergence in both directions (weights are normalised)")
    )
