"""The slowdown explorer's start controls: the initial output a0 first, w and b kept in step."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lossedu as le
from lossedu.plots.slowdown import COSTS
from lossedu.widgets import slowdown_explorer
from lossedu.widgets.slowdown import A0_RANGE, A0_STEP, W_RANGE, W_STEP, on_stops


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def logit(a):
    return math.log(a / (1 - a))


def output_lines(explorer):
    epochs = explorer.sliders["epochs"].value
    lines = explorer.figure.axes[0].get_lines()
    return [ln for ln in lines if len(ln.get_xdata()) == epochs + 1]


def test_initial_output_is_the_first_control():
    assert list(slowdown_explorer().sliders) == ["a0", "w", "b", "eta", "epochs", "cost"]


@pytest.mark.parametrize("a0", [0.5, 0.82, 0.98])
def test_classroom_outputs_lie_on_the_slider_grid(a0):
    steps = (a0 - A0_RANGE[0]) / A0_STEP
    assert abs(steps - round(steps)) < 1e-9
    assert A0_RANGE[0] <= a0 <= A0_RANGE[1]


def start_output(explorer):
    """The first point of the output curves: the start the explorer trains from."""
    return [line.get_ydata()[0] for line in output_lines(explorer)]


@pytest.mark.parametrize("a0", [0.5, 0.82, 0.98])
def test_moving_a0_sets_the_start_and_w_b_to_their_stops_with_one_redraw(a0):
    explorer = slowdown_explorer(w=-1.0, b=-1.0)  # output 0.12
    redraws = explorer.redraws
    explorer.sliders["a0"].value = a0
    assert explorer.redraws == redraws + 1
    assert start_output(explorer) == pytest.approx([a0, a0], abs=1e-12)
    w, b = explorer.sliders["w"].value, explorer.sliders["b"].value
    assert (w, b) == (on_stops(w, *W_RANGE, W_STEP), on_stops(b, *W_RANGE, W_STEP))
    assert abs(w + b - logit(a0)) <= W_STEP / 2
    assert explorer.sliders["a0"].value == a0  # not rewritten by the w, b it set
    first = explorer.readout.value.split("<br>")[0]
    assert first == f"start: output {a0:.3f} (w + b = {logit(a0):.2f})"


def test_a0_from_the_browser_is_read_to_nine_decimals():
    explorer = slowdown_explorer()
    explorer.sliders["a0"].value = 0.02 + 160 * 0.005  # 0.8200000000000001 in floats
    assert start_output(explorer) == pytest.approx([0.82, 0.82], abs=1e-12)


@pytest.mark.parametrize("name", ["w", "b"])
def test_moving_w_or_b_sets_the_start_and_a0_to_its_stop_with_one_redraw(name):
    explorer = slowdown_explorer()
    redraws = explorer.redraws
    explorer.sliders[name].value = 0.5
    assert explorer.redraws == redraws + 1
    w, b = explorer.sliders["w"].value, explorer.sliders["b"].value
    assert {w, b} == {0.5, 2.0}  # the other slider is left alone
    assert start_output(explorer) == pytest.approx([float(le.sigmoid(2.5))] * 2, abs=1e-12)
    assert explorer.sliders["a0"].value == 0.925  # the stop nearest sigma(2.5) = 0.924


def test_a_browsers_echo_of_a_stop_redraws_nothing():
    explorer = slowdown_explorer()
    explorer.sliders["a0"].value = 0.82
    redraws = explorer.redraws
    explorer.sliders["w"].value = 0.75 + 1e-16 * 3  # what a browser may send back for 0.75
    explorer.sliders["a0"].value = 0.8200000000000001
    assert explorer.redraws == redraws


def test_classic_starts_are_reproduced_exactly():
    moderate = slowdown_explorer(w=0.6, b=0.9)
    assert moderate.sliders["a0"].value == 0.82
    assert start_output(moderate) == pytest.approx([float(le.sigmoid(1.5))] * 2, abs=1e-15)
    assert "quadratic: 0.094 after 300 epochs" in moderate.readout.value
    saturated = slowdown_explorer()
    assert (saturated.sliders["w"].value, saturated.sliders["b"].value) == (2.0, 2.0)
    assert saturated.sliders["a0"].value == 0.98
    assert "quadratic: 0.203 after 300 epochs" in saturated.readout.value


def test_curves_from_a0_match_train_neuron():
    explorer = slowdown_explorer(a0=0.9, eta=0.3, epochs=120)
    half = logit(0.9) / 2
    for line, cost in zip(output_lines(explorer), COSTS, strict=True):
        expected = le.train_neuron(half, half, eta=0.3, epochs=120, cost=cost).output
        np.testing.assert_allclose(line.get_ydata(), expected, rtol=1e-12)


def test_an_explorers_state_rebuilds_it():
    explorer = slowdown_explorer()
    explorer.sliders["a0"].value = 0.7
    explorer.sliders["b"].value = 1.2
    again = slowdown_explorer(**explorer.values)
    assert again.readout.value == explorer.readout.value


def test_outputs_beyond_the_slider_are_shown_at_its_end():
    explorer = slowdown_explorer(w=5.0, b=5.0)
    assert explorer.sliders["a0"].value == A0_RANGE[1]
    assert explorer.readout.value.startswith("start: output 1.000 (w + b = 10.00)")


def test_rejects_bad_starts_naming_the_argument():
    with pytest.raises(ValueError, match=r"a0 must be a number in \[0.02, 0.995\]"):
        slowdown_explorer(a0=1.0)
    with pytest.raises(ValueError, match=r"a0 must be a number in"):
        slowdown_explorer(a0="0.8")
    with pytest.raises(ValueError, match=r"a0 must be the output σ\(w \+ b\)"):
        slowdown_explorer(a0=0.5, w=2.0, b=2.0)
    with pytest.raises(ValueError, match=r"a0 sets the start with w and b together"):
        slowdown_explorer(a0=0.82, w=0.6)
    with pytest.raises(ValueError, match=rf"w must be a number in \[{W_RANGE[0]:g}, 5\]"):
        slowdown_explorer(w=7.0)
    with pytest.raises(ValueError, match=r"b must be a number in"):
        slowdown_explorer(b=float("nan"))
