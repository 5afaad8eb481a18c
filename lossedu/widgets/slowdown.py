"""Explorer for notebook 06: one sigmoid neuron trained with each cost, side by side."""

import math

import numpy as np

from .. import epochs_to_reach, neuron_cost, preactivation_path, sigmoid, train_neuron
from .._validation import check_choice, check_count, check_in_range
from ..i18n import N_, _
from ..plots import new_figure
from ..plots.slowdown import COSTS, plot_training_curves
from ._explorer import Explorer, choice, float_slider, int_slider

#: What the ``cost`` control shows.
SHOW = ("both", *COSTS)
#: Initial output a0: 0.5, 0.82 and 0.98 lie exactly on the slider's grid.
A0_RANGE = (0.02, 0.995)
A0_STEP = 0.005
W_RANGE = (-3.0, 5.0)
W_STEP = 0.05
ETA_RANGE = (0.005, 3.0)
EPOCHS_RANGE = (10, 1000)
THRESHOLD = 0.1
#: The classic saturated start of the experiment, used when no start is given.
DEFAULT_W = DEFAULT_B = 2.0


def logit(a):
    """The pre-activation z with :math:`\\sigma(z) = a`, for 0 < a < 1."""
    return math.log(a) - math.log1p(-a)


def on_stops(value, lo, hi, step):
    """The stop of a slider on [lo, hi] with `step` nearest to `value`.

    The value is rounded to the step's decimals, as the browser's slider writes it:
    a slider set between its stops is snapped by the browser, which sends the
    snapped value back, a second change the kernel would answer with a second
    redraw.

    Examples
    --------
    >>> on_stops(1.9459, -3.0, 5.0, 0.05)
    1.95
    >>> on_stops(0.9820137900379085, 0.02, 0.995, 0.005)
    0.98
    """
    decimals = max(0, -math.floor(math.log10(step)) + 1)
    stop = lo + round((value - lo) / step) * step
    return round(min(max(stop, lo), hi), decimals)


def start_on_sliders(z0):
    """Stops of the w and b sliders whose sum is nearest to `z0`, split evenly.

    Examples
    --------
    >>> start_on_sliders(4.0)
    (2.0, 2.0)
    >>> start_on_sliders(logit(0.82))
    (0.75, 0.75)
    """
    w = on_stops(z0 / 2, *W_RANGE, W_STEP)
    return w, on_stops(z0 - w, *W_RANGE, W_STEP)


def output_on_slider(z0):
    """The stop of the ``a0`` slider nearest to the output σ(z0)."""
    return on_stops(float(sigmoid(z0)), *A0_RANGE, A0_STEP)


def _start(a0, w, b):
    """Check the arguments that set the start; return (a0, w, b) on their sliders and z0."""
    if a0 is None:
        w = DEFAULT_W if w is None else check_in_range(w, "w", *W_RANGE)
        b = DEFAULT_B if b is None else check_in_range(b, "b", *W_RANGE)
        return output_on_slider(w + b), w, b, w + b
    a0 = check_in_range(a0, "a0", *A0_RANGE)
    z0 = logit(a0)
    if w is None and b is None:
        return (a0, *start_on_sliders(z0), z0)
    if w is None or b is None:
        raise ValueError(
            "a0 sets the start with w and b together: give a0 alone, or w and b "
            f"(with or without a0); got a0 = {a0!r}, w = {w!r}, b = {b!r}"
        )
    # All three, as an explorer's `values` are: w and b set the start, and a0
    # must be what the a0 slider shows for it (within two of its steps).
    w = check_in_range(w, "w", *W_RANGE)
    b = check_in_range(b, "b", *W_RANGE)
    shown = min(max(float(sigmoid(w + b)), A0_RANGE[0]), A0_RANGE[1])
    if abs(shown - a0) > 2 * A0_STEP:
        raise ValueError(
            f"a0 must be the output σ(w + b) = {float(sigmoid(w + b)):.4g} of w = {w:g}, "
            f"b = {b:g} (to within {2 * A0_STEP:g}); got {a0!r}. Give a0, or w and b"
        )
    return a0, w, b, w + b


class _StartExplorer(Explorer):
    """An :class:`Explorer` whose ``a0`` control and ``w``/``b`` sliders follow each other.

    The start control moved last sets the start :math:`z_0 = w + b`: ``a0`` as
    logit(a0), ``w`` or ``b`` as their sum. The others are moved to their own
    sliders' nearest stops while their notifications are ignored, so one move of
    any control is one redraw. A change that does not change a value (a
    browser's echo of a stop) redraws nothing.
    """

    def __init__(self, figure, sliders, update, start, **kwargs):
        self._following = False
        self._start = start
        super().__init__(figure, sliders, update, **kwargs)

    def _on_change(self, change):
        if self._holding or self._following or _same(change["new"], change["old"]):
            return
        self._leave_scene()
        self._following = True
        try:
            sliders = self.sliders
            # The browser sends keyboard steps with rounding noise (1.5999999999999996).
            if change["owner"] is sliders["a0"]:
                self._start["z0"] = logit(round(change["new"], 9))
                sliders["w"].value, sliders["b"].value = start_on_sliders(self._start["z0"])
            elif change["owner"] in (sliders["w"], sliders["b"]):
                self._start["z0"] = round(sliders["w"].value + sliders["b"].value, 9)
                sliders["a0"].value = output_on_slider(self._start["z0"])
        finally:
            self._following = False
        self.redraw()

    def _check_scene(self, name, values):
        values = super()._check_scene(name, values)
        try:
            _start(values["a0"], values["w"], values["b"])
        except ValueError as error:
            raise ValueError(f"scenes[{name!r}]: {error}") from None
        return values

    def _set_values(self, values):
        # A scene gives a0, w and b together: w and b set the start, as in the factory.
        _, _, _, self._start["z0"] = _start(values["a0"], values["w"], values["b"])
        super()._set_values(values)

    def __repr__(self):
        # Displayed like every other explorer: the linking is an implementation detail.
        return super().__repr__().replace(type(self).__name__, "Explorer", 1)


def _same(new, old):
    if isinstance(new, float) and isinstance(old, float):
        return abs(new - old) <= 1e-9 * max(1.0, abs(old))
    return False


def slowdown_explorer(a0=None, w=None, b=None, eta=0.15, epochs=300, cost="both"):
    r"""Train one neuron :math:`a = \sigma(wx + b)`, x = 1, towards y = 0, with each cost.

    Every move retrains from the start (w, b) at rate `eta` for `epochs`
    updates, and redraws the output and the cost against the epoch. With the
    quadratic cost the gradient carries :math:`\sigma'(z)`, tiny when the neuron
    starts saturated (output near 1): a long plateau. Cross-entropy's gradient
    :math:`a - y` has no such factor.

    The first control is the initial output `a0`, the number instructors think
    in (0.5, 0.82, 0.98 are stops of its slider). With x = 1 both parameters take
    the same step, so the run depends on the start only through
    :math:`z_0 = w + b` (see :func:`lossedu.preactivation_path`); the readout
    shows it. The start control moved last sets :math:`z_0`: `a0` as
    :math:`\operatorname{logit}(a_0)`, ``w`` or ``b`` as their sum. The others
    follow to the nearest stop of their own slider: moving `a0` splits
    :math:`z_0` evenly, w = b = z_0/2 (any split gives the same curves; the even
    one keeps both sliders inside their range for every `a0`), and moving ``w``
    or ``b`` moves `a0` to the stop nearest :math:`\sigma(w + b)`. A slider can
    only rest on its stops: the browser snaps a value set between them and sends
    it back. So the classic starts are given as `w` and `b`, exactly: w = 0.6,
    b = 0.9 (output 0.8176, shown as 0.82) and w = b = 2 (output 0.982, shown as
    0.98), the default. The slider's own 0.98 is :math:`z_0 = 3.89`, a little
    less saturated.

    Parameters
    ----------
    a0 : float, optional
        Initial output :math:`\sigma(w + b)`, in [0.02, 0.995] (slider step
        0.005). Alone, it sets :math:`z_0 = \operatorname{logit}(a_0)`. With
        `w` and `b` (an explorer's ``values``), those set the start and `a0`
        must be their output to within two steps.
    w, b : float, optional
        Starting weight and bias, each in [-3, 5] (step 0.05); 2 each by
        default (output 0.982).
    eta : float
        Learning rate, in [0.005, 3].
    epochs : int
        Number of updates, in [10, 1000].
    cost : {"both", "quadratic", "cross_entropy"}
        Which cost's curves to show.

    Returns
    -------
    Explorer
        Controls ``a0``, ``w``, ``b``, ``eta``, ``epochs`` and ``cost``.

    Raises
    ------
    ValueError
        If an argument is off its slider, `a0` comes with only one of `w`,
        `b`, or `a0` disagrees with `w` and `b`.

    Examples
    --------
    >>> explorer = slowdown_explorer()
    >>> print(explorer.readout.value)
    start: output 0.982 (w + b = 4.00)<br>quadratic: 0.203 after 300 epochs, not below 0.1
    within them<br>cross-entropy: 0.012 after 300 epochs, below 0.1 at epoch 50
    >>> explorer.sliders["a0"].value = 0.82
    >>> explorer.sliders["w"].value, explorer.sliders["b"].value
    (0.75, 0.75)
    >>> print(explorer.readout.value.split("<br>")[0])
    start: output 0.820 (w + b = 1.52)
    >>> explorer.redraws
    2
    """
    a0, w, b, z0 = _start(a0, w, b)
    start = {"z0": z0}
    check_in_range(eta, "eta", *ETA_RANGE)
    check_in_range(check_count(epochs, "epochs"), "epochs", *EPOCHS_RANGE)
    check_choice(cost, "cost", SHOW)

    fig, axes = new_figure(1, 2, figsize=(10.0, 3.9))
    fig.set_dpi(100)
    histories = {c: train_neuron(0.0, z0, eta=eta, epochs=epochs, cost=c) for c in COSTS}
    lines = plot_training_curves(histories, threshold=THRESHOLD, ax=axes)[0]
    out_ax, cost_ax = axes
    grid = np.arange(EPOCHS_RANGE[1] + 1)

    def update(a0, w, b, eta, epochs, cost):
        # The start is z0 = w + b as the control moved last set it (see _StartExplorer).
        z0 = start["z0"]
        output0 = float(sigmoid(z0))
        parts = [_("start: output {a0} (w + b = {z0})").format(a0=f"{output0:.3f}", z0=f"{z0:.2f}")]
        for name in COSTS:
            z = preactivation_path(0.0, z0, eta=eta, epochs=epochs, cost=name)
            output = sigmoid(z)
            lines[name]["output"].set_data(grid[: epochs + 1], output)
            lines[name]["cost"].set_data(grid[: epochs + 1], neuron_cost(z, 0.0, name))
            for line in lines[name].values():
                line.set_visible(cost in ("both", name))
            reached = epochs_to_reach(output, THRESHOLD)
            when = (
                _("below {threshold} at epoch {epoch}").format(
                    threshold=f"{THRESHOLD:g}", epoch=f"{reached:.0f}"
                )
                if np.isfinite(reached)
                else _("not below {threshold} within them").format(threshold=f"{THRESHOLD:g}")
            )
            label = _("quadratic") if name == "quadratic" else _("cross-entropy")
            parts.append(
                _("{cost}: {output} after {epochs} epochs, {when}").format(
                    cost=label, output=f"{output[-1]:.3f}", epochs=epochs, when=when
                )
            )
        for ax in axes:
            ax.set_xlim(0, epochs)
        out_ax.set_title(
            _("output, start a0 = {a0} (w + b = {z0})").format(a0=f"{output0:.3f}", z0=f"{z0:.2f}")
        )
        cost_ax.set_title(_("cost, η = {eta}").format(eta=f"{eta:g}"))
        return "<br>".join(parts)

    sliders = {
        "a0": float_slider(_("initial output a0"), a0, *A0_RANGE, A0_STEP),
        "w": float_slider(_("starting weight w"), w, *W_RANGE, W_STEP, readout_format=".2f"),
        "b": float_slider(_("starting bias b"), b, *W_RANGE, W_STEP, readout_format=".2f"),
        "eta": float_slider(_("learning rate eta"), eta, *ETA_RANGE, 0.005),
        "epochs": int_slider(_("epochs"), epochs, *EPOCHS_RANGE, 10),
        "cost": choice(
            _("cost"),
            [
                (N_("both"), "both"),
                (N_("quadratic"), "quadratic"),
                (N_("cross-entropy"), "cross_entropy"),
            ],
            cost,
        ),
    }
    return _StartExplorer(
        fig, sliders, update, start, title=_("The learning slowdown of one sigmoid neuron")
    )
