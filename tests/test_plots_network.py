"""Figures and explorer of notebook 07: learning curves per cost, the digits, the readout."""

import numpy as np
import pytest

from lossedu.network import NetworkHistory
from lossedu.plots import NETWORK_STYLE, plot_digits, plot_learning_curves
from lossedu.widgets.network import _summary, network_explorer


def history(loss, accuracy, cost="quadratic"):
    n = len(loss)
    return NetworkHistory(
        np.asarray(loss, dtype=float),
        np.asarray(accuracy, dtype=float),
        np.linspace(0.1, 0.01, n),
        np.linspace(0.01, 0.001, n),
        None,
        cost,
        3.0,
        100,
    )


def test_each_cost_has_its_own_colour_and_line_style():
    looks = {(s["color"], s["linestyle"]) for s in NETWORK_STYLE.values()}
    assert len({c for c, _ in looks}) == len(looks) == len({ls for _, ls in looks}) == 3


def test_learning_curves_draw_one_line_per_run_and_panel():
    runs = {
        "quadratic": history([1.0, 0.5, 0.4], [0.1, 0.5, 0.8]),
        "categorical_cross_entropy": history([2.3, 1.0, 0.2], [0.1, 0.9, 0.95]),
    }
    artists = plot_learning_curves(runs, panels=("train_loss", "test_accuracy", "hidden_gradient"))
    axes = artists["axes"]
    assert len(axes) == 3 and axes[0].get_yscale() == "log" and axes[1].get_ylim() == (0, 100)
    line = artists["quadratic"]["test_accuracy"]
    assert line.get_ydata().tolist() == [10.0, 50.0, 80.0]
    assert line.get_color() == NETWORK_STYLE["quadratic"]["color"]
    assert all(ax.get_xlabel() == "epoch" and ax.get_ylabel() for ax in axes)
    labels = [t.get_text() for t in axes[0].get_legend().get_texts()]
    assert any("quadratic" in t for t in labels) and any("softmax" in t for t in labels)


def test_learning_curves_refuse_unknown_panels_and_wrong_axes():
    runs = {"quadratic": history([1.0, 0.5], [0.1, 0.5])}
    with pytest.raises(ValueError, match="panels must be among"):
        plot_learning_curves(runs, panels=("loss",))
    artists = plot_learning_curves(runs)
    with pytest.raises(ValueError, match="one axes per panel"):
        plot_learning_curves(runs, ax=artists["axes"][:2])


def test_learning_curves_say_what_a_run_did_not_record():
    light = history([1.0, 0.5], [0.1, 0.5])
    light = NetworkHistory(None, light.test_accuracy, None, None, None, "quadratic", 3.0, 100)
    assert plot_learning_curves({"quadratic": light}, panels=("test_accuracy",))
    with pytest.raises(ValueError, match="did not record train_loss"):
        plot_learning_curves({"quadratic": light})


def test_digits_in_one_picture_with_their_labels():
    shown = plot_digits(np.ones((4, 8, 8)), [3, 1, 4, 1])
    assert shown.get_array().shape == (8, 35)
    assert [t.get_text() for t in shown.axes.get_xticklabels()] == ["3", "1", "4", "1"]
    with pytest.raises(ValueError, match="one label each"):
        plot_digits(np.ones((4, 8, 8)), [3, 1])


def test_readout_explains_a_cost_that_rose():
    rising = history([1.0, 2.0, 3.0], [0.1, 0.1, 0.1])
    assert "too large" in _summary(rising, 2, "quadratic")
    falling = history([1.0, 0.5, 0.2], [0.1, 0.5, 0.95])
    text = _summary(falling, 2, "quadratic")
    assert "too large" not in text and "90 % first at epoch 2" in text


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"cost": "mse"}, "cost must be one of"),
        ({"hidden_scale": 100.0}, "hidden_scale must be a number in"),
        ({"output_bias": -1.0}, "output_bias must be a number in"),
        ({"eta": 0.0}, "eta must be a number in"),
        ({"epochs": 50}, "epochs must be a number in"),
        ({"epochs": 10.5}, "epochs must be a non-negative integer"),
    ],
)
def test_explorer_refuses_values_outside_its_controls(kwargs, match):
    with pytest.raises(ValueError, match=match):
        network_explorer(**kwargs)


def test_explorer_answers_a_revisited_setting_from_its_cache():
    explorer = network_explorer(epochs=5)
    first = explorer.readout.value
    explorer.sliders["eta"].value = 4.0
    explorer.sliders["eta"].value = 3.0
    assert explorer.readout.value == first
    explorer.sliders["epochs"].value = 10
    explorer.sliders["epochs"].value = 5
    assert explorer.readout.value == first


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"histories": []}, "histories must be a non-empty dict"),
        ({"histories": {}}, "histories must be a non-empty dict"),
        ({"histories": {"quadratic": [0.1, 0.2]}}, r"histories\['quadratic'\] must be"),
        ({"title": 3}, "title must be a string"),
        ({"ax": "axes"}, "ax must be matplotlib Axes"),
        ({"panels": ["accuracy"]}, "panels must be among"),
    ],
)
def test_learning_curves_refuse_bad_input(kwargs, match):
    args = {"histories": {"quadratic": history([1.0, 0.5], [0.1, 0.5])}} | kwargs
    with pytest.raises(ValueError, match=match):
        plot_learning_curves(args.pop("histories"), **args)


@pytest.mark.parametrize(
    ("images", "labels", "match"),
    [
        (np.full((2, 8, 8), np.nan), [0, 1], "images contains NaN"),
        (np.ones((2, 64)), [0, 1], "images must have shape"),
        (np.full((2, 8, 8), 16.0), [0, 1], r"grey levels in \[0, 1\]"),
        (np.ones((2, 8, 8)), [0.5, 1.0], "labels must be integer class labels"),
        (np.ones((2, 8, 8)), [0, 1, 2], "one label each"),
    ],
)
def test_digits_refuse_bad_input(images, labels, match):
    with pytest.raises(ValueError, match=match):
        plot_digits(images, labels)
