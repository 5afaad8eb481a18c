"""Explorer for notebook 06: one sigmoid neuron trained with each cost, side by side."""

import math

import numpy as np

from .. import epochs_to_reach, neuron_cost, preactivation_path, sigmoid, train_neuron
from .._validation import check_choice, check_count, check_in_range
from ..plots import new_figure
from ..plots.slowdown import COSTS, plot_training_curves
from ._explorer import Explorer, choice, float_slider, int_slider

#: What the ``cost`` control shows.
SHOW = ("both", *COSTS)
#: Initial output a0: 0.5, 0.82 and 0.98 lie exactly on the slider's grid.
A0_RANGE = (0.02, 0.995)
A0_STEP = 0.005
W_RANGE = (-3.0, 5.0)
ETA_RANGE = (0.005, 3.0)
EPOCHS_RANGE = (10, 1000)
THRESHOLD = 0.1
#: The classic saturated start of the experiment, used when no start is given.
DEFAULT_W = DEFAULT_B = 2.0


def logit(a):
    """The pre-activation z with :math:`\\sigma(z) = a`, for 0 < a < 1."""
    return math.log(a) - math.log1p(-a)


def start_from_output(a0):
    """The start (w, b) with output `a0` for x = 1: w = b = logit(a0) / 2.

    Examples
    --------
    >>> start_from_output(0.5)
    (0.0, 0.0)
    >>> w, b = start_from_output(0.98)
    >>> round(w + b, 4)
    3.8918
    """
    half = logit(a0) / 2
    return half, half


def shown_output(w, b):
    """The initial output σ(w + b) as the ``a0`` control shows it: clipped to its range."""
    return min(max(float(sigmoid(w + b)), A0_RANGE[0]), A0_RANGE[1])


def _start(a0, w, b):
    """Check the arguments that set the start; return (a0 as shown, w, b)."""
    if a0 is None:
        w = DEFAULT_W if w is None else check_in_range(w, "w", *W_RANGE)
        b = DEFAULT_B if b is None else check_in_range(b, "b", *W_RANGE)
        return shown_output(w, b), w, b
    a0 = check_in_range(a0, "a0", *A0_RANGE)
    if w is None and b is None:
        return (a0, *start_from_output(a0))
    if w is None or b is None:
        # One of them given: the other makes up w + b = logit(a0).
        given, name = (w, "w") if b is None else (b, "b")
        check_in_range(given, name, *W_RANGE)
        other = logit(a0) - given
        other_name = "b" if name == "w" else "w"
        if not W_RANGE[0] <= other <= W_RANGE[1]:
            raise ValueError(
                f"a0 = {a0:g} with {name} = {given:g} needs {other_name} = {other:.3g}, outside "
                f"[{W_RANGE[0]:g}, {W_RANGE[1]:g}]; give a0 alone or a {name} closer to "
                f"logit(a0)/2 = {logit(a0) / 2:.3g}"
            )
        return (a0, given, other) if name == "w" else (a0, other, given)
    w = check_in_range(w, "w", *W_RANGE)
    b = check_in_range(b, "b", *W_RANGE)
    if abs(shown_output(w, b) - a0) > A0_STEP / 2:
        raise ValueError(
            f"a0 must be the output σ(w + b) = {float(sigmoid(w + b)):.4g} of w = {w:g}, "
            f"b = {b:g} (to within {A0_STEP / 2:g}); got {a0!r}. Give a0, or w and b, not both"
        )
    return a0, w, b


class _StartExplorer(Explorer):
    """An :class:`Explorer` whose ``a0`` control and ``w``/``b`` sliders follow each other.

    Moving ``a0`` sets ``w`` and ``b``; moving ``w`` or ``b`` sets ``a0``. The
    follower is set while its own notifications are ignored, so one move of any
    control is one redraw.
    """

    def __init__(self, *args, **kwargs):
        self._following = False
        super().__init__(*args, **kwargs)

    def _on_change(self, change):
        if self._following:
            return
        self._following = True
        try:
            sliders = self.sliders
            if change["owner"] is sliders["a0"]:
                # The browser may send 0.8200000000000001 for 0.82.
                w, b = start_from_output(round(change["new"], 9))
                sliders["w"].value, sliders["b"].value = w, b
            elif change["owner"] in (sliders["w"], sliders["b"]):
                sliders["a0"].value = shown_output(sliders["w"].value, sliders["b"].value)
        finally:
            self._following = False
        self.redraw()

    def __repr__(self):
        # Displayed like every other explorer: the linking is an implementation detail.
        return super().__repr__().replace(type(self).__name__, "Explorer", 1)


def slowdown_explorer(a0=None, w=None, b=None, eta=0.15, epochs=300, cost="both"):
    r"""Train one neuron :math:`a = \sigma(wx + b)`, x = 1, towards y = 0, with each cost.

    Every move retrains from the start (w, b) at rate `eta` for `epochs`
    updates, and redraws the output and the cost against the epoch. With the
    quadratic cost the gradient carries :math:`\sigma'(z)`, tiny when the neuron
    starts saturated (output near 1): a long plateau. Cross-entropy's gradient
    :math:`a - y` has no such factor.

    The first control is the initial output `a0`, the number instructors think
    in (0.5, 0.82, 0.98). With x = 1 both parameters take the same step, so the
    run depends on the start only through :math:`z_0 = w + b = \operatorname{logit}(a_0)`
    (see :func:`lossedu.preactivation_path`): how `a0` is split between w and b
    changes nothing in the curves. Moving `a0` sets :math:`w = b = z_0/2`, which
    keeps both sliders inside their range for every `a0` and gives the classic
    saturated start w = b = 2 for :math:`a_0 = \sigma(4)`. The ``w`` and ``b``
    sliders stay below it for starts given as parameters (w = 0.6, b = 0.9 is
    the classic output 0.8176); moving either sets `a0` to :math:`\sigma(w + b)`.
    The slider's 0.98 is :math:`z_0 = 3.89`, a little less saturated than the
    classic :math:`\sigma(4) = 0.982`.

    Parameters
    ----------
    a0 : float, optional
        Initial output :math:`\sigma(w + b)`, in [0.02, 0.995] (slider step
        0.005). Alone, it sets w = b = logit(a0)/2; with one of `w`, `b`, the
        other makes up logit(a0); with both, it must be their output (to within
        half a step). By default the start is `w`, `b`.
    w, b : float, optional
        Starting weight and bias, each in [-3, 5]; 2 each by default (output
        0.982).
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
        If an argument is off its slider, or `a0` disagrees with `w` and `b`.

    Examples
    --------
    >>> explorer = slowdown_explorer()
    >>> print(explorer.readout.value)
    start: output 0.982 (w + b = 4.00)<br>quadratic: 0.203 after 300 epochs, not below 0.1
    within them<br>cross-entropy: 0.012 after 300 epochs, below 0.1 at epoch 50
    >>> explorer.sliders["a0"].value = 0.82
    >>> explorer.sliders["w"].value == explorer.sliders["b"].value
    True
    >>> print(explorer.readout.value.split("<br>")[0])
    start: output 0.820 (w + b = 1.52)
    >>> explorer.redraws
    2
    """
    a0, w, b = _start(a0, w, b)
    check_in_range(eta, "eta", *ETA_RANGE)
    check_in_range(check_count(epochs, "epochs"), "epochs", *EPOCHS_RANGE)
    check_choice(cost, "cost", SHOW)

    fig, axes = new_figure(1, 2, figsize=(10.0, 3.9))
    fig.set_dpi(100)
    histories = {c: train_neuron(w, b, eta=eta, epochs=epochs, cost=c) for c in COSTS}
    lines = plot_training_curves(histories, threshold=THRESHOLD, ax=axes)[0]
    out_ax, cost_ax = axes
    grid = np.arange(EPOCHS_RANGE[1] + 1)

    def update(a0, w, b, eta, epochs, cost):
        start = float(sigmoid(w + b))
        parts = [f"start: output {start:.3f} (w + b = {w + b:.2f})"]
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
        out_ax.set_title(f"output, start a0 = {start:.3f} (w + b = {w + b:.2f})")
        cost_ax.set_title(f"cost, η = {eta:g}")
        return "<br>".join(parts)

    sliders = {
        "a0": float_slider("initial output a0", a0, *A0_RANGE, A0_STEP),
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
    return _StartExplorer(fig, sliders, update, title="The learning slowdown of one sigmoid neuron")
