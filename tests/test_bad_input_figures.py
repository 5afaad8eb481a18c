"""Every public function of lossedu.plots and lossedu.widgets checks what it is given.

Each function is called with valid arguments, then with one argument replaced by
a wrong kind of value (a list where a dict belongs, a dict without its keys, a
scalar, a string, None, NaN, a boolean, an axes of the wrong kind). The answer
must be a ``ValueError`` that names the argument: never an AttributeError,
KeyError, TypeError or IndexError from inside matplotlib or numpy, and never a
figure drawn from input it cannot have meant.
"""

import inspect
import math
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lossedu as le
from lossedu import plots, widgets
from lossedu.plots import cross_entropy as ce_plots
from lossedu.plots import curves as curve_plots
from lossedu.plots import entropy as entropy_plots
from lossedu.plots import information as information_plots


def _histories():
    return {c: le.train_neuron([0.6, 2.0], [0.9, 2.0], epochs=20, cost=c) for c in plots.COST_STYLE}


def _needed():
    w = b = np.linspace(-2.0, 4.0, 5)
    grid = np.add.outer(b, w)
    return {"quadratic": np.where(grid > 3, np.inf, 10.0), "cross_entropy": grid * 0 + 1.0}


W5 = np.linspace(-2.0, 4.0, 5)
DIST = [0.7, 0.2, 0.1]

#: name -> (function, valid keyword arguments)
VALID = {
    "plot_prediction": (
        plots.plot_prediction,
        {"probs": DIST, "target": [1.0, 0.0, 0.0], "classes": ["a", "b", "c"], "title": "t"},
    ),
    "plot_loss_terms": (plots.plot_loss_terms, {"terms": [0.1, 1.0, 5.0]}),
    "plot_true_class_loss": (plots.plot_true_class_loss, {"q_true": [0.5, 0.1]}),
    "plot_cross_entropy_decomposition": (plots.plot_cross_entropy_decomposition, {"p1": 0.3}),
    "clipping_curves": (ce_plots.clipping_curves, {"gaps": [-5.0, 0.0, 5.0], "eps": 1e-10}),
    "plot_clipped_loss": (plots.plot_clipped_loss, {"eps": 1e-10, "lo": -40.0, "hi": 10.0}),
    "plot_clipped_gradient": (plots.plot_clipped_gradient, {"eps": 1e-10, "lo": -40.0, "hi": 10.0}),
    "plot_extra_softmax": (plots.plot_extra_softmax, {"n_classes": 3, "lo": -10.0, "hi": 10.0}),
    "loss_curve_values": (
        curve_plots.loss_curve_values,
        {"form": "exact", "x": [0.0, 1.0], "c1": 1.0, "c2": 2.0, "s": 1.0},
    ),
    "mse_inflections": (curve_plots.mse_inflections, {"form": "exact", "c1": 1.0, "s": 1.0}),
    "mse_flat_edge": (curve_plots.mse_flat_edge, {"form": "exact", "c1": 1.0, "tol": 0.05}),
    "plot_loss_curves": (
        plots.plot_loss_curves,
        {"c1": 1.0, "c2": 2.0, "form": "simplified", "s": 1.0, "compare": True, "tol": 0.05},
    ),
    "plot_simplified_and_exact": (
        plots.plot_simplified_and_exact,
        {"c1": 1.0, "c2": 2.0, "s": 1.0},
    ),
    "plot_second_derivatives": (plots.plot_second_derivatives, {"c1": 1.0, "s": 1.0}),
    "plot_weight_line": (plots.plot_weight_line, {"t": [-1.0, 0.0, 1.0], "ends": 2.0}),
    "plot_distributions": (plots.plot_distributions, {"p": DIST, "q": [0.2, 0.3, 0.5]}),
    "plot_kl_terms": (plots.plot_kl_terms, {"p": DIST, "q": [0.2, 0.3, 0.5]}),
    "plot_kl_directions": (plots.plot_kl_directions, {"p1": 0.3, "ymax": 2.5}),
    "plot_log_bound": (plots.plot_log_bound, {}),
    "plot_divergence_pairs": (
        plots.plot_divergence_pairs,
        {"p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.4, 0.6], [0.5, 0.5]]},
    ),
    "plot_divergence_bars": (
        plots.plot_divergence_bars,
        {"p": DIST, "q": [0.2, 0.3, 0.5], "xmax": 3.0},
    ),
    "plot_entropy_term": (plots.plot_entropy_term, {"unit": "nats"}),
    "plot_entropy_area": (plots.plot_entropy_area, {"p": DIST, "labels": ["a", "b", "c"]}),
    "plot_binary_entropy": (
        plots.plot_binary_entropy,
        {"p": 0.3, "unit": "bits", "other_unit": True},
    ),
    "plot_entropy_samples": (plots.plot_entropy_samples, {"samples": {2: [0.1, 0.5], 3: [1.0]}}),
    "plot_distribution": (plots.plot_distribution, {"p": DIST, "labels": ["a", "b", "c"]}),
    "plot_entropy_gauge": (plots.plot_entropy_gauge, {"p": DIST, "unit": "bits"}),
    "simplex_point": (entropy_plots.simplex_point, {"p": DIST}),
    "simplex_entropy_grid": (entropy_plots.simplex_entropy_grid, {"resolution": 11}),
    "plot_entropy_simplex": (plots.plot_entropy_simplex, {"p": DIST, "unit": "bits"}),
    "plot_code_lengths": (plots.plot_code_lengths, {"p": DIST, "max_block": 2}),
    "unit_base": (information_plots.unit_base, {"unit": "bits"}),
    "plot_information": (
        plots.plot_information,
        {"p": 0.25, "unit": "bits", "events": {"coin": 0.5}, "other_unit": True},
    ),
    "plot_information_candidates": (plots.plot_information_candidates, {}),
    "plot_training_curves": (
        plots.plot_training_curves,
        {"histories": _histories(), "threshold": 0.1, "titles": ["one", "two"]},
    ),
    "plot_slowdown_map": (
        plots.plot_slowdown_map,
        {
            "w": W5,
            "b": W5,
            "epochs_needed": _needed(),
            "budget": 300,
            "threshold": 0.1,
            "starts": {"start": (2.0, 2.0)},
        },
    ),
    "plot_outputs": (
        plots.plot_outputs,
        {"outputs": {"run": [0.9, 0.5, 0.05]}, "threshold": 0.1, "title": "runs"},
    ),
    "information_explorer": (widgets.information_explorer, {"p": 0.25, "unit": "bits"}),
    "entropy_explorer": (
        widgets.entropy_explorer,
        {"weights": (0.7, 0.2, 0.1), "labels": ("a", "b", "c"), "unit": "nats"},
    ),
    "cross_entropy_explorer": (
        widgets.cross_entropy_explorer,
        {"logits": (1.0, 2.0, 0.0), "label": "frog", "mode": "single-label", "ymax": 4.0},
    ),
    "kl_explorer": (
        widgets.kl_explorer,
        {"p": (0.7, 0.2, 0.1), "q": (0.2, 0.3, 0.5), "outcomes": ("a", "b", "c"), "xmax": 3.0},
    ),
    "loss_curves_explorer": (
        widgets.loss_curves_explorer,
        {"c1": 1.0, "c2": 2.0, "form": "simplified", "s": 1.0},
    ),
}

#: Wrong values by kind of argument.
NUMBER = ["x", None, [1.0, 2.0], math.nan, math.inf, True, {}, 10**400]
ARRAY = ["x", None, {}, [True, False], [math.nan, 0.5], [], 3 + 1j]
DICT = [[1, 2], (0.5,), 3.0, "x", None, {}]
TEXT = [3, [1], {}]
NAMES = [3, 3.0, ["a"], None]
AXES = ["ax", 3, [1, 2]]
UNIT = ["bit", None, 2, True]
FORM = ["Exact", None, 1]
COUNT = [2.5, "3", None, True, -1, 10**9]

#: argument -> kind, per function where it differs from the default table below.
KINDS = {
    "probs": ARRAY,
    "terms": ARRAY,
    "q_true": ARRAY,
    "gaps": ARRAY,
    "x": ARRAY,
    "t": ARRAY,
    "p": ARRAY,
    "q": ARRAY,
    "w": ARRAY,
    "b": ARRAY,
    "p1": NUMBER,
    "eps": NUMBER,
    "lo": NUMBER,
    "hi": NUMBER,
    "c1": NUMBER,
    "c2": NUMBER,
    "s": NUMBER,
    "tol": NUMBER,
    "ends": NUMBER,
    "ymax": NUMBER,
    "xmax": NUMBER,
    "threshold": NUMBER,
    "budget": COUNT,
    "n_classes": COUNT,
    "max_block": COUNT,
    "resolution": COUNT,
    "target": ARRAY + [[0.0, 1.0], [[1.0, 0.0, 0.0]]],
    "classes": NAMES,
    "form": FORM,
    "unit": UNIT,
    "compare": [1, "yes", None],
    "other_unit": [1, "yes", None],
    "labels": NAMES,
    "outcomes": NAMES,
    "titles": NAMES + [["one"]],
    "title": TEXT,
    "events": DICT[:-1] + [{"coin": 2.0}, {"coin": "x"}],
    "samples": DICT[:-1] + [{2: "x"}, {"two": [0.1]}, {2: []}],
    "histories": DICT + [{"hinge": _histories()["quadratic"]}, {"quadratic": 3.0}],
    "epochs_needed": DICT
    + [{"quadratic": np.zeros((5, 5))}, {**_needed(), "quadratic": np.zeros((4, 5))}],
    "starts": DICT[:-1] + [{"s": (1.0,)}, {"s": "xy"}],
    "outputs": DICT + [{"run": "x"}, {"run": [2.0, 0.5]}],
    "weights": ARRAY,
    "logits": ARRAY + [[1.0, 2.0], [1.0, 2.0, 60.0]],
    "label": ["dog", None, 1],
    "mode": ["multi", None, True],
}

#: Optional arguments for which None is valid (the default, or "draw nothing").
NONE_IS_VALID = {
    ("plot_prediction", "target"),
    ("plot_prediction", "classes"),
    ("plot_prediction", "title"),
    ("plot_binary_entropy", "p"),
    ("plot_entropy_simplex", "p"),
    ("plot_information", "p"),
    ("plot_information", "events"),
    ("plot_weight_line", "t"),
    ("plot_training_curves", "titles"),
    ("plot_slowdown_map", "starts"),
    ("plot_outputs", "title"),
    ("plot_entropy_area", "labels"),
    ("plot_distribution", "labels"),
    ("plot_entropy_simplex", "labels"),
}

CASES = [
    (name, arg, bad)
    for name, (_, kwargs) in VALID.items()
    for arg in kwargs
    for bad in KINDS[arg]
    if not (bad is None and (name, arg) in NONE_IS_VALID)
    and not (name == "plot_true_class_loss" and isinstance(bad, list) and not bad)
]


def _call(name, **override):
    fn, kwargs = VALID[name]
    return fn(**{**kwargs, **override})


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", VALID)
def test_valid_arguments_work(name):
    _call(name)


@pytest.mark.parametrize(("name", "arg", "bad"), CASES, ids=lambda v: repr(v)[:30])
def test_wrong_argument_is_a_value_error_naming_it(name, arg, bad):
    with pytest.raises(ValueError, match=rf"\b{re.escape(arg)}\b"):
        _call(name, **{arg: bad})


AX_TAKERS = [name for name, (fn, _) in VALID.items() if "ax" in inspect.signature(fn).parameters]


@pytest.mark.parametrize("name", AX_TAKERS)
@pytest.mark.parametrize("bad", AXES, ids=repr)
def test_ax_must_be_matplotlib_axes(name, bad):
    with pytest.raises(ValueError, match=r"\bax must be"):
        _call(name, ax=bad)


def test_explorer_checks_its_parts():
    from lossedu.plots import new_figure

    fig, _ = new_figure()
    slider = widgets._explorer.float_slider("x", 0.5, 0.0, 1.0, 0.1)
    with pytest.raises(ValueError, match=r"figure must be a matplotlib Figure"):
        widgets.Explorer("fig", {"x": slider}, lambda x: None)
    with pytest.raises(ValueError, match=r"sliders must be a dict"):
        widgets.Explorer(fig, [slider], lambda x: None)
    with pytest.raises(ValueError, match=r"sliders must map names to ipywidgets controls"):
        widgets.Explorer(fig, {"x": 0.5}, lambda x: None)
    with pytest.raises(ValueError, match=r"update must be a function"):
        widgets.Explorer(fig, {"x": slider}, "update")
    with pytest.raises(ValueError, match=r"title must be a string or None"):
        widgets.Explorer(fig, {"x": slider}, lambda x: None, title=3)


def test_slowdown_map_refuses_a_count_grid_of_the_wrong_size():
    w, b = np.linspace(-2.0, 4.0, 5), np.linspace(-2.0, 4.0, 7)
    right = {cost: np.zeros((7, 5)) for cost in plots.COST_STYLE}
    plots.plot_slowdown_map(w, b, right, budget=300)
    for shape in [(5, 7), (7, 4), (35,), (1, 7, 5)]:
        wrong = {**right, "quadratic": np.zeros(shape)}
        with pytest.raises(ValueError, match=r"epochs_needed\['quadratic'\] must have one count"):
            plots.plot_slowdown_map(w, b, wrong, budget=300)
    with pytest.raises(ValueError, match=r"w must be strictly increasing"):
        plots.plot_slowdown_map(w[::-1], b, right, budget=300)


def test_numpy_scalars_and_0d_arrays_accepted_like_floats():
    assert plots.plot_kl_directions(np.array(0.3))["truth"].get_xdata()[0] == 0.3
    explorer = widgets.information_explorer(p=np.float32(0.25))
    assert explorer.sliders["p"].value == pytest.approx(0.25)
    explorer = widgets.loss_curves_explorer(c1=np.array(0.5), c2=np.float16(2.0), s=np.int64(1))
    assert explorer.sliders["c2"].value == 2.0
    plots.plot_code_lengths(DIST, max_block=np.array(2))
    plots.plot_extra_softmax(np.int32(3), lo=np.float32(-5.0), hi=np.array(5.0))
