"""Explorer for notebook 07: a small network learns the handwritten digits with one cost."""

import functools

import numpy as np

from .._validation import check_choice, check_count, check_in_range
from ..digits import load_digits_split
from ..i18n import N_, _
from ..network import COSTS, continue_training, init_network, train_network
from ..plots import new_figure
from ..plots.network import NETWORK_LABELS, NETWORK_STYLE, plot_learning_curves
from ._explorer import Explorer, choice, float_slider, int_slider
from ._training_ahead import RunCache
from .scenes import SCENES

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
#: Slider steps. Every stop is a binary fraction, so a value sent by the browser is
#: exactly a stop, the same key as the run trained ahead for it.
STEPS = {"hidden_scale": 0.5, "output_bias": 0.25, "eta": 0.5, "epochs": 5}
#: Runs kept (about 20 kB each), so that going back to a setting answers at once.
CACHED_RUNS = 256
#: The tracks trained ahead whole after the settings one step away: the output bias
#: (the start notebook 07 is about), then the rate. The hidden scale has 100 stops,
#: too many to train for a move that may never come; its neighbours are trained.
WHOLE_TRACKS = ("output_bias", "eta")
#: Stops of a moving slider trained before anything else: a drag's next figures.
AHEAD_STOPS = 2
_RANGES = {"hidden_scale": HIDDEN_SCALE_RANGE, "output_bias": OUTPUT_BIAS_RANGE, "eta": ETA_RANGE}


@functools.cache
def _data():
    return load_digits_split()


def _train(setting, run, epochs):
    """The run of `setting` = (cost, hidden_scale, output_bias, eta) to `epochs` epochs,
    continuing `run` when it is a shorter run of the same setting."""
    data = _data()
    if run is not None:
        return continue_training(
            run,
            data.X_train,
            data.y_train,
            epochs=epochs - run.epochs_trained,
            X_test=data.X_test,
            labels_test=data.y_test,
        )
    cost, hidden_scale, output_bias, eta = setting
    net = init_network(*SIZES, hidden_scale=hidden_scale, output_bias=output_bias, seed=0)
    return train_network(
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


#: Every network explorer of a kernel shares the runs: they depend on the setting only.
_RUNS = RunCache(_train, capacity=CACHED_RUNS)


def _track(name, value):
    """The stops of slider `name` other than `value`, nearest first (below before above)."""
    lo, hi = _RANGES[name]
    step = STEPS[name]
    stops = [lo + k * step for k in range(round((hi - lo) / step) + 1)]
    return sorted((s for s in stops if s != value), key=lambda s: (abs(s - value), s))


def _plan(cost, hidden_scale, output_bias, eta, epochs, *, moving=None):
    """What to train ahead after showing this setting, the most likely next move first.

    `moving` is ``(name, +1 or -1)`` when the last move was slider `name` going up or
    down: a drag goes on that way, so that track's next stops come first, and the rest
    of it after the settings one step away.
    """
    here = {"cost": cost, "hidden_scale": hidden_scale, "output_bias": output_bias, "eta": eta}

    def setting(**change):
        values = {**here, **change}
        return (values["cost"], values["hidden_scale"], values["output_bias"], values["eta"])

    tracks = {name: _track(name, here[name]) for name in _RANGES}
    ahead = []  # the rest of a moving slider's track, the way it moves, nearest first
    if moving is not None and moving[0] in tracks:
        name, way = moving
        ahead = [(setting(**{name: s}), epochs) for s in tracks[name] if (s - here[name]) * way > 0]
    # The next two stops of a moving slider (a drag, or an arrow key pressed again), then
    # one step along every control, then the rest of the moving track.
    plan = ahead[:AHEAD_STOPS]
    plan.append((setting(), min(epochs + STEPS["epochs"], EPOCHS_RANGE[1])))
    plan += [(setting(cost=other), epochs) for other in COSTS if other != cost]
    for way in (-1, 1):
        plan += [
            (setting(**{name: here[name] + way * STEPS[name]}), epochs)
            for name in tracks
            if here[name] + way * STEPS[name] in tracks[name][:2]
        ]
    plan += ahead[AHEAD_STOPS:]
    for scene in SCENES["network_explorer"].values():
        plan.append((setting(**{k: v for k, v in scene.items() if k != "epochs"}), scene["epochs"]))
    for name in WHOLE_TRACKS:
        plan += [(setting(**{name: s}), epochs) for s in tracks[name]]
    seen = set()
    return [(s, e) for s, e in plan if not (s in seen or seen.add(s))]


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


def network_explorer(
    cost="quadratic", hidden_scale=1.0, output_bias=8.0, eta=3.0, epochs=20, *, train_ahead=None
):
    r"""Train the 64–30–10 network of notebook 07 on the digits, and show how it learns.

    Every move trains the network from its starting weights (seed 0) with
    mini-batches of 100 and redraws the cost on the training set, the accuracy on
    the test set and the size of the gradient at each layer, epoch by epoch. Runs
    are kept, so returning to a setting answers at once; and while the kernel is
    idle, the runs one step away along every control, the scenes and the whole
    output-bias and rate tracks are trained ahead, so that the next move or a drag
    finds its run made (a run takes about 0.1 s).

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
    train_ahead : bool, optional
        Train the likely next settings on a background thread while idle (see
        :mod:`lossedu.widgets._training_ahead`). By default, only inside a kernel.

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
    if train_ahead is not None and not isinstance(train_ahead, bool):
        raise ValueError(f"train_ahead must be True, False or None; got {train_ahead!r}")

    runs = _RUNS
    fig, axes = new_figure(1, 3, figsize=(12.0, 3.7))
    fig.set_dpi(90)
    first = runs.get((cost, hidden_scale, output_bias, eta), epochs)
    artists = plot_learning_curves({"run": first}, ax=axes)
    lines = artists["run"]
    loss_ax, gradient_ax = axes[0], axes[2]
    epoch_grid = np.arange(EPOCHS_RANGE[1] + 1)
    (hidden_line,) = gradient_ax.plot(
        epoch_grid[: epochs + 1],
        first.hidden_gradient[: epochs + 1],
        lw=1.5,
        linestyle=":",
        color="black",
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

    shown = {"hidden_scale": hidden_scale, "output_bias": output_bias, "eta": eta}

    def update(cost, hidden_scale, output_bias, eta, epochs):
        run = runs.get((cost, hidden_scale, output_bias, eta), epochs)
        now = {"hidden_scale": hidden_scale, "output_bias": output_bias, "eta": eta}
        moved = [name for name in now if now[name] != shown[name]]
        moving = (
            (moved[0], 1 if now[moved[0]] > shown[moved[0]] else -1) if len(moved) == 1 else None
        )
        shown.update(now)
        if train_ahead is not False:
            plan = _plan(cost, hidden_scale, output_bias, eta, epochs, moving=moving)
            runs.ahead(plan, threaded=train_ahead)
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
            _("hidden weight scale"),
            hidden_scale,
            *HIDDEN_SCALE_RANGE,
            STEPS["hidden_scale"],
            readout_format=".1f",
        ),
        "output_bias": float_slider(
            _("starting output bias"),
            output_bias,
            *OUTPUT_BIAS_RANGE,
            STEPS["output_bias"],
            readout_format=".2f",
        ),
        "eta": float_slider(
            _("learning rate eta"), eta, *ETA_RANGE, STEPS["eta"], readout_format=".1f"
        ),
        "epochs": int_slider(_("epochs"), epochs, *EPOCHS_RANGE, STEPS["epochs"]),
    }
    return Explorer(fig, sliders, update, title=_("A 64–30–10 network learns the digits"))
