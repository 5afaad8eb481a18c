"""Figures of notebook 06: training curves of one neuron, the slowdown map, the explorer."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import Normalize

import lossedu as le
from lossedu.plots import (
    COST_STYLE,
    new_figure,
    plot_outputs,
    plot_slowdown_map,
    plot_training_curves,
)
from lossedu.plots.slowdown import COSTS, MAP_CMAP
from lossedu.widgets import slowdown_explorer


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def histories():
    return {c: le.train_neuron([0.6, 2.0], [0.9, 2.0], cost=c) for c in COSTS}


# plot_training_curves


def test_training_curves_one_row_per_start_both_costs_together(histories):
    artists = plot_training_curves(histories)
    assert artists["axes"].shape == (2, 2)
    for row in range(2):
        for cost in COSTS:
            lines = artists[row][cost]
            np.testing.assert_allclose(lines["output"].get_ydata(), histories[cost].output[:, row])
            np.testing.assert_allclose(lines["cost"].get_ydata(), histories[cost].cost[:, row])
            assert lines["output"].get_color() == COST_STYLE[cost]["color"]
            assert lines["output"].axes is artists["axes"][row, 0]


def test_training_curves_are_labelled(histories):
    artists = plot_training_curves(histories)
    out_ax, cost_ax = artists["axes"][1]
    assert out_ax.get_xlabel() == cost_ax.get_xlabel() == "epoch"
    assert "probability" in out_ax.get_ylabel()
    assert "cost" in cost_ax.get_ylabel() and cost_ax.get_yscale() == "log"
    assert "(output 0.98)" in out_ax.get_title()
    labels = [t.get_text() for t in cost_ax.get_legend().get_texts()]
    assert labels == ["quadratic ½(y − a)², in probability²", "cross-entropy, in nats"]
    assert [t.get_text() for t in out_ax.texts] == ["a = 0.1"]


def test_training_curves_legend_leaves_every_curve_visible(histories):
    artists = plot_training_curves(histories)
    figure = artists["axes"][0, 0].figure
    figure.canvas.draw()
    for row in range(2):
        for panel in artists["axes"][row]:
            legend = panel.get_legend()
            if legend is None:
                continue
            box = legend.get_window_extent()
            for line in panel.get_lines():
                points = line.get_transform().transform(line.get_xydata())
                inside = (
                    (points[:, 0] > box.x0)
                    & (points[:, 0] < box.x1)
                    & (points[:, 1] > box.y0)
                    & (points[:, 1] < box.y1)
                )
                assert not inside.any(), (row, line.get_label())


def test_training_curves_single_start_on_given_axes():
    _, axes = new_figure(1, 2)
    histories = {c: le.train_neuron(2.0, 2.0, epochs=50, cost=c) for c in COSTS}
    artists = plot_training_curves(histories, ax=axes, titles=["saturated"])
    assert artists[0]["quadratic"]["output"].axes is axes[0]
    assert axes[0].get_title() == "output, saturated"
    assert axes[0].get_xlim() == (0.0, 50.0)


# plot_slowdown_map


@pytest.fixture
def small_map():
    w = b = np.linspace(-2.0, 4.0, 21)
    needed = {
        c: le.epochs_to_reach(le.train_neuron(w[None, :], b[:, None], epochs=120, cost=c).output)
        for c in COSTS
    }
    return w, b, needed


def test_slowdown_map_two_images_with_one_shared_scale(small_map):
    w, b, needed = small_map
    artists = plot_slowdown_map(w, b, needed, budget=120, starts={"classic": (2.0, 2.0)})
    images = artists["images"]
    assert [images[c].axes for c in COSTS] == list(artists["axes"])
    for cost in COSTS:
        norm = images[cost].norm
        assert isinstance(norm, Normalize) and (norm.vmin, norm.vmax) == (0, 120)
        assert images[cost].get_cmap().name == MAP_CMAP
        data = images[cost].get_array()
        np.testing.assert_array_equal(data.mask, ~np.isfinite(needed[cost]))
    assert artists["colorbar"].ax.get_ylabel() == "epochs to reach output < 0.1 [epochs]"


def test_slowdown_map_marks_never_reached_cells_distinctly(small_map):
    w, b, needed = small_map
    assert np.isinf(needed["quadratic"]).any() and np.isfinite(needed["cross_entropy"]).all()
    artists = plot_slowdown_map(w, b, needed, budget=120)
    assert "quadratic" in artists["never"] and "cross_entropy" not in artists["never"]
    cmap = artists["images"]["quadratic"].get_cmap()
    bad = cmap.get_bad()
    assert tuple(bad) == (1.0, 1.0, 1.0, 1.0)
    labels = [t.get_text() for t in artists["axes"][0].get_legend().get_texts()]
    assert labels[-1] == "never below 0.1 within 120 epochs"


def test_slowdown_map_labels(small_map):
    w, b, needed = small_map
    ax0, ax1 = plot_slowdown_map(w, b, needed, budget=120)["axes"]
    assert ax0.get_xlabel() == ax1.get_xlabel() == "starting weight w"
    assert ax0.get_ylabel() == "starting bias b"
    assert ax1.get_title().startswith("cross-entropy: 100% of starts")


# the explorer


def test_slowdown_explorer_curves_match_train_neuron():
    explorer = slowdown_explorer(w=1.0, b=1.5, eta=0.3, epochs=120)
    lines = [ln for ln in explorer.figure.axes[0].get_lines() if len(ln.get_xdata()) == 121]
    outputs = {c: le.train_neuron(1.0, 1.5, eta=0.3, epochs=120, cost=c).output for c in COSTS}
    for line, cost in zip(lines, COSTS, strict=True):
        np.testing.assert_allclose(line.get_ydata(), outputs[cost], rtol=1e-12)


def test_slowdown_explorer_epochs_rescale_the_time_axis():
    explorer = slowdown_explorer()
    explorer.sliders["epochs"].value = 700
    assert all(ax.get_xlim() == (0.0, 700.0) for ax in explorer.figure.axes)


def test_slowdown_explorer_cost_choice_hides_the_other_cost():
    explorer = slowdown_explorer()
    explorer.sliders["cost"].value = "cross_entropy"
    visible = {ln.get_color() for ln in explorer.figure.axes[0].get_lines() if ln.get_visible()}
    assert COST_STYLE["quadratic"]["color"] not in visible
    assert COST_STYLE["cross_entropy"]["color"] in visible


def test_slowdown_explorer_only_the_sum_w_plus_b_matters():
    a, b = slowdown_explorer(w=0.5, b=3.5), slowdown_explorer(w=3.0, b=1.0)
    assert a.readout.value.split("<br>")[1:] == b.readout.value.split("<br>")[1:]


def test_slowdown_explorer_rejects_values_off_its_sliders():
    with pytest.raises(ValueError, match=r"eta must be a number in \[0.005, 3\]"):
        slowdown_explorer(eta=10.0)
    with pytest.raises(ValueError, match="epochs must be a non-negative integer"):
        slowdown_explorer(epochs=2.5)
    with pytest.raises(ValueError, match="cost must be one of"):
        slowdown_explorer(cost="mse")


# plot_outputs


def test_plot_outputs_one_line_per_run_in_distinct_styles():
    runs = {
        f"eta = {eta}": le.train_neuron(2.0, 2.0, eta=eta, epochs=40).output for eta in (0.1, 1)
    }
    runs["longer"] = le.train_neuron(2.0, 2.0, epochs=80).output
    lines = plot_outputs(runs, title="runs")
    assert list(lines) == ["eta = 0.1", "eta = 1", "longer"]
    styles = {(ln.get_color(), ln.get_linestyle()) for ln in lines.values()}
    assert len(styles) == 3
    ax = lines["longer"].axes
    assert ax.get_xlim() == (0.0, 80.0) and ax.get_ylim() == (0.0, 1.0)
    assert ax.get_xlabel() == "epoch" and "probability" in ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["eta = 0.1", "eta = 1", "longer", "a = 0.1"]
