"""Explorer for notebook 06: one sigmoid neuron trained with each cost, side by side."""

import numpy as np

from .. import epochs_to_reach, neuron_cost, preactivation_path, sigmoid, train_neuron
from .._validation import check_choice, check_count, check_in_range
from ..plots import new_figure
from ..plots.slowdown import COSTS, plot_training_curves
from ._explorer import Explorer, choice, float_slider, int_slider

#: What the ``cost`` control shows.
SHOW = ("both", *COSTS)
W_RANGE = (-3.0, 5.0)
ETA_RANGE = (0.005, 3.0)
EPOCHS_RANGE = (10, 1000)
THRESHOLD = 0.1


def slowdown_explorer(w=2.0, b=2.0, eta=0.15, epochs=300, cost="both"):
    r"""Train one neuron :math:`a = \sigma(wx + b)`, x = 1, towards y = 0, with each cost.

    Every move retrains from the start (w, b) at rate `eta` for `epochs`
    updates, and redraws the output and the cost against the epoch. With the
    quadratic cost the gradient carries :math:`\sigma'(z)`, tiny when the neuron
    starts saturated (output near 1): a long plateau. Cross-entropy's gradient
    :math:`a - y` has no such factor.

    Parameters
    ----------
    w, b : float
        Starting weight and bias, each in [-3, 5]. Only :math:`z_0 = w + b`
        matters: both move by the same step (see :func:`lossedu.preactivation_path`).
    eta : float
        Learning rate, in [0.005, 3].
    epochs : int
        Number of updates, in [10, 1000].
    cost : {"both", "quadratic", "cross_entropy"}
        Which cost's curves to show.

    Returns
    -------
    Explorer
        Controls ``w``, ``b``, ``eta``, ``epochs`` and ``cost``.

    Examples
    --------
    >>> explorer = slowdown_explorer()
    >>> print(explorer.readout.value)
    start: output 0.982<br>quadratic: 0.203 after 300 epochs, not below 0.1 within
    them<br>cross-entropy: 0.012 after 300 epochs, below 0.1 at epoch 50
    >>> explorer.sliders["epochs"].value = 600
    >>> explorer.redraws
    2
    """
    for value, name, (lo, hi) in ((w, "w", W_RANGE), (b, "b", W_RANGE), (eta, "eta", ETA_RANGE)):
        check_in_range(value, name, lo, hi)
    check_in_range(check_count(epochs, "epochs"), "epochs", *EPOCHS_RANGE)
    check_choice(cost, "cost", SHOW)

    fig, axes = new_figure(1, 2, figsize=(10.0, 3.9))
    fig.set_dpi(100)
    histories = {c: train_neuron(w, b, eta=eta, epochs=epochs, cost=c) for c in COSTS}
    lines = plot_training_curves(histories, threshold=THRESHOLD, ax=axes)[0]
    out_ax, cost_ax = axes
    grid = np.arange(EPOCHS_RANGE[1] + 1)

    def update(w, b, eta, epochs, cost):
        parts = [f"start: output {float(sigmoid(w + b)):.3f}"]
        for name in COSTS:
            z = preactivation_path(w, b, eta=eta, epochs=epochs, cost=name)
            output = sigmoid(z)
            lines[name]["output"].set_data(grid[: epochs + 1], output)
            lines[name]["cost"].set_data(grid[: epochs + 1], neuron_cost(z, 0.0, name))
            for line in lines[name].values():
                line.set_visible(cost in ("both", name))
            reached = epochs_to_reach(output, THRESHOLD)
            when = (
                f"below {THRESHOLD:g} at epoch {reached:.0f}"
                if np.isfinite(reached)
                else f"not below {THRESHOLD:g} within them"
            )
            label = "quadratic" if name == "quadratic" else "cross-entropy"
            parts.append(f"{label}: {output[-1]:.3f} after {epochs} epochs, {when}")
        for ax in axes:
            ax.set_xlim(0, epochs)
        out_ax.set_title(f"output, start w = {w:.2f}, b = {b:.2f} (output {sigmoid(w + b):.2f})")
        cost_ax.set_title(f"cost, η = {eta:g}")
        return "<br>".join(parts)

    sliders = {
        "w": float_slider("starting weight w", w, *W_RANGE, 0.05, readout_format=".2f"),
        "b": float_slider("starting bias b", b, *W_RANGE, 0.05, readout_format=".2f"),
        "eta": float_slider("learning rate eta", eta, *ETA_RANGE, 0.005),
        "epochs": int_slider("epochs", epochs, *EPOCHS_RANGE, 10),
        "cost": choice(
            "cost",
            [("both", "both"), ("quadratic", "quadratic"), ("cross-entropy", "cross_entropy")],
            cost,
        ),
    }
    return Explorer(fig, sliders, update, title="The learning slowdown of one sigmoid neuron")
