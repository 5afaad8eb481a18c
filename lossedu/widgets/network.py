"""Explorer for notebook 07: a small network learns the handwritten digits with one cost."""

import functools
from collections import OrderedDict

import numpy as np

from .._validation import check_choice, check_count, check_in_range
from ..digits import load_digits_split
from ..i18n import N_, _
from ..network import COSTS, continue_training, init_network, train_network
from ..plots import new_figure
from ..plots.network import NETWORK_LABELS, NETWORK_STYLE, plot_learning_curves
from ._explorer import Explorer, choice, float_slider, int_slider

SIZES = (64, 30, 10)
BATCH_SIZE = 100
HIDDEN_SCALE_RANGE = (0.5, 50.0)
OUTPUT_BIAS_RANGE = (0.0, 10.0)
ETA_RANGE = (0.5, 10.0)
EPOCHS_RANGE = (5, 40)
ACCURACY_LEVEL = 0.9
#: Fixed axes, so that a move (even of the epochs) redraws the curves and not the layout.
LOSS_LIM = (1e-3, 1e3)
GRADIENT_LIM = (1e-7, 1.0)
#: Runs kept, so that going back to a setting answers at once.
CACHED_RUNS = 64


@functools.cache
def _data():
    return load_digits_split()


class _Runs:
    """Training runs by setting, the most recent :data:`CACHED_RUNS` of them."""

    def __init__(self):
        self._runs = OrderedDict()

    def get(self, cost, hidden_scale, output_bias, eta, epochs):
        key = (cost, hidden_scale, output_bias, eta)
        run = self._runs.get(key)
        data = _data()
        if run is not None and run.epochs_trained < epochs:
            # More epochs of a run already made: train only the new ones.
            run = continue_training(
                run,
                data.X_train,
                data.y_train,
                epochs=epochs - run.epochs_trained,
                X_test=data.X_test,
                labels_test=data.y_test,
            )
            self._runs[key] = run
        elif run is None:
            net = init_network(*SIZES, hidden_scale=hidden_scale, output_bias=output_bias, seed=0)
            run = train_network(
                net,
                data.X_train,
                data.y_train,
                cost=cost,
                eta=eta,
                epochs=epochs,
                batch_size=BATCH_SIZE,
                seed=0,
                X_test=data.X_test,
                labels_test=data.y_test,
            )
            self._runs[key] = run
        self._runs.move_to_end(key)
        while len(self._runs) > CACHED_RUNS:
            self._runs.popitem(last=False)
        return run


def _summary(run, epochs, cost):
    """The readout: accuracy and cost at the start and the end, and when 90 % was reached."""
    accuracy = 100.0 * run.test_accuracy[: epochs + 1]
    loss = run.train_loss[: epochs + 1]
    reached = np.flatnonzero(accuracy >= 100.0 * ACCURACY_LEVEL)
    level = f"{100 * ACCURACY_LEVEL:.0f} %"
    when = (
        _("{level} first at epoch {epoch}").format(level=level, epoch=reached[0])
        if reached.size
        else _("not {level} within {epochs} epochs").format(level=level, epochs=epochs)
    )
    parts = [
        _(
            "<b>{cost}</b>: test accuracy {start} % at the start, {end} % after {epochs} "
            "epochs; {when}"
        ).format(
            cost=_(NETWORK_LABELS[cost]),
            start=f"{accuracy[0]:.1f}",
            end=f"{accuracy[-1]:.1f}",
            epochs=epochs,
            when=when,
        ),
        _("training cost {start} → {end}").format(start=f"{loss[0]:.3g}", end=f"{loss[-1]:.3g}"),
    ]
    if loss[-1] > loss[0]:
        parts.append(_("the cost rose: this learning rate is too large for this start"))
    return "<br>".join(parts)


def network_explorer(cost="quadratic", hidden_scale=1.0, output_bias=8.0, eta=3.0, epochs=20):
    r"""Train the 64–30–10 network of notebook 07 on the digits, and show how it learns.

    Every move trains the network from its starting weights (seed 0) with
    mini-batches of 100 and redraws the cost on the training set, the accuracy on
    the test set and the size of the gradient at each layer, epoch by epoch. Runs
    are kept, so returning to a setting answers at once.

    Parameters
    ----------
    cost : {"quadratic", "binary_cross_entropy", "categorical_cross_entropy"}
        The output units and cost (see :mod:`lossedu.network`).
    hidden_scale : float
        Scale of the hidden layer's starting weights (1: fan-in scaling), in
        [0.5, 50]. Large values saturate the hidden units.
    output_bias : float
        Starting bias of every output unit, in [0, 10]: 8 starts each sigmoid
        output at 0.9997, saturated and wrong for nine classes of ten.
    eta : float
        Learning rate, in [0.5, 10].
    epochs : int
        Passes over the 1,347 training images, in [5, 40].

    Returns
    -------
    Explorer
        Controls ``cost``, ``hidden_scale``, ``output_bias``, ``eta`` and ``epochs``.

    Examples
    --------
    >>> explorer = network_explorer(epochs=5)
    >>> print(explorer.readout.value.split("<br>")[0])
    <b>sigmoid + quadratic ½‖a − y‖²</b>: test accuracy 11.3 % at the start, 11.3 % after 5
    epochs; not 90 % within 5 epochs
    >>> explorer.sliders["output_bias"].value = 0.0
    >>> explorer.redraws
    2
    """
    check_choice(cost, "cost", COSTS)
    check_in_range(hidden_scale, "hidden_scale", *HIDDEN_SCALE_RANGE)
    check_in_range(output_bias, "output_bias", *OUTPUT_BIAS_RANGE)
    check_in_range(eta, "eta", *ETA_RANGE)
    check_in_range(check_count(epochs, "epochs"), "epochs", *EPOCHS_RANGE)

    runs = _Runs()
    fig, axes = new_figure(1, 3, figsize=(12.0, 3.7))
    fig.set_dpi(90)
    first = runs.get(cost, hidden_scale, output_bias, eta, epochs)
    artists = plot_learning_curves({"run": first}, ax=axes)
    lines = artists["run"]
    loss_ax, gradient_ax = axes[0], axes[2]
    epoch_grid = np.arange(EPOCHS_RANGE[1] + 1)
    (hidden_line,) = gradient_ax.plot(
        epoch_grid[: epochs + 1], first.hidden_gradient, lw=1.5, linestyle=":", color="black"
    )
    lines["hidden_gradient"] = hidden_line
    loss_ax.get_legend().remove()
    # The output line takes the cost's colour, so a legend handle would go stale: say it in words.
    gradient_ax.set(
        title=_("gradients, hidden layer dotted"),
        ylabel=_("mean |∂C/∂W| (log scale)"),
    )
    loss_ax.set_ylim(*LOSS_LIM)
    gradient_ax.set_ylim(*GRADIENT_LIM)
    # The longest run fits; a shorter one ends early, on the same scale as the others.
    for ax in axes:
        ax.set_xlim(0, EPOCHS_RANGE[1])

    def update(cost, hidden_scale, output_bias, eta, epochs):
        run = runs.get(cost, hidden_scale, output_bias, eta, epochs)
        x = epoch_grid[: epochs + 1]
        for panel, line in lines.items():
            values = getattr(run, panel)[: epochs + 1]
            line.set_data(x, 100.0 * values if panel == "test_accuracy" else values)
            if panel != "hidden_gradient":
                line.set(**NETWORK_STYLE[cost])
        loss_ax.set_title(_("training cost, η = {eta}").format(eta=f"{eta:g}"))
        return _summary(run, epochs, cost)

    sliders = {
        "cost": choice(
            _("cost"),
            [
                (N_("quadratic"), "quadratic"),
                (N_("binary CE"), "binary_cross_entropy"),
                (N_("softmax CE"), "categorical_cross_entropy"),
            ],
            cost,
        ),
        "hidden_scale": float_slider(
            _("hidden weight scale"), hidden_scale, *HIDDEN_SCALE_RANGE, 0.5, readout_format=".1f"
        ),
        "output_bias": float_slider(
            _("starting output bias"), output_bias, *OUTPUT_BIAS_RANGE, 0.5, readout_format=".1f"
        ),
        "eta": float_slider(_("learning rate eta"), eta, *ETA_RANGE, 0.5, readout_format=".1f"),
        "epochs": int_slider(_("epochs"), epochs, *EPOCHS_RANGE, 5),
    }
    return Explorer(fig, sliders, update, title=_("A 64–30–10 network learns the digits"))
