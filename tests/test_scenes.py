"""Scenes: every one fits its explorer's controls, shows in one redraw, and shows what the
notebooks describe (the readout after choosing it)."""

import re

import ipywidgets
import pytest

from lossedu import widgets
from lossedu.widgets.classroom import COURSE
from lossedu.widgets.scenes import LABEL, PROMPT, SCENES

#: What the readout must say after each scene: the numbers the notebooks state.
READOUTS = {
    "information_explorer": {
        "China reaches the finals (p = 0.02)": ["I(0.020) = 5.644 bits = 3.912 nats"],
        "a fair coin lands heads: 1 bit": ["= 1.000 bits = 0.693 nats", "1.00 fair coin flips"],
        "the same coin in nats": ["= 1.000 bits = 0.693 nats"],
        "a certain event: no information": ["I(1.000) = 0.000 bits = 0.000 nats"],
    },
    "entropy_explorer": {
        "uniform: the maximum, log 3": ["H = 1.0986 nats, 100.0% of the maximum"],
        "uniform, in bits: 1.585": ["H = 1.5850 bits"],
        "a certain outcome: entropy 0": ["p = (1.000, 0.000, 0.000): H = 0.0000 nats"],
        "the computer: 0.8018 nats": ["p = (0.700, 0.200, 0.100): H = 0.8018 nats"],
    },
    "kl_explorer": {
        "q calls “explodes” impossible": ["D(p‖q) = ∞", "D(q‖p) = 0.290 nats"],
        "q = p: both directions 0": ["D(p‖q) = 0.000 nats &nbsp; D(q‖p) = 0.000 nats"],
        "the computer against uniform": ["D(p‖q) = 0.297 nats"],
    },
    "cross_entropy_explorer": {
        "two animals, softmax: never below ln 2": ["q = (0.000, 0.500, 0.500); loss = 0.693"],
        # The logits sit on the sliders' 0.01 steps: outputs 0.100, 0.701, 0.801 lose
        # 0.683 nats; notebook 04's exact outputs 0.1, 0.7, 0.8 lose 0.685.
        "frog and mouse, one sigmoid each": ["q = (0.100, 0.701, 0.801); loss = 0.683"],
        "a confident wrong answer": ["q = (0.998, 0.000, 0.002); loss = 12.002 nats"],
    },
    "loss_curves_explorer": {
        # x* = ln(c1 c2 / 2): ln 5 = 1.61 for c2 = 10.
        "c2 large: the flat region moves right": ["inflection at x = 1.61"],
        "the popular curves, c1 = 1, c2 = 2": ["inflection at x = 0.00", "for x < -2.97"],
        "c1 = 0: no inflection": ["inflection at x = none"],
        "the exact form": ["inflection at x = -0.69", "for x < -3.61"],
    },
    "slowdown_explorer": {
        "Nielsen's 0.82 start (w = 0.6, b = 0.9)": [
            "start: output 0.818 (w + b = 1.50)",
            "quadratic: 0.094 after 300 epochs, below 0.1 at epoch 273",
            "cross-entropy: 0.012 after 300 epochs, below 0.1 at epoch 41",
        ],
        "the saturated 0.98 start (w = b = 2)": [
            "start: output 0.982 (w + b = 4.00)",
            "quadratic: 0.203 after 300 epochs, not below 0.1",
            "cross-entropy: 0.012 after 300 epochs, below 0.1 at epoch 50",
        ],
        # Notebook 06's calibrated rate: the quadratic cost needs 72 epochs from 0.982.
        "the fair rate: quadratic at 0.975 from 0.98": ["quadratic: 0.033", "at epoch 72"],
        # Notebook 06: with the honest gradient at 0.005 the 0.98 start reaches 0.78.
        "the demo's rate 0.005, honest gradient": ["cross-entropy: 0.780 after 300 epochs"],
    },
}
#: Notebook 07's moments, by number (the readout's words follow the language): test
#: accuracy at the start and after 40 epochs, the epoch 90 % is first reached (None: never).
NETWORK = {
    # Saturated outputs under the quadratic cost: a plateau, 90 % only at epoch 36.
    "the plateau: saturated outputs, quadratic cost": (11.3, 94.2, 36),
    # The same start with cross-entropy: no plateau, 90 % at epoch 16.
    "the same start with binary cross-entropy": (11.3, 93.8, 16),
    # Hidden weights 40 times too large: softmax CE reaches 90 % at 16, not at 5.
    "a saturated hidden layer slows softmax CE too": (9.8, 88.7, 16),
    "a good start: softmax CE, scale 1, bias 0": (11.3, 96.2, 5),
}
READOUTS["network_explorer"] = {
    scene: [f"{start} %", f"{end} %", f" {epoch}"] for scene, (start, end, epoch) in NETWORK.items()
}

CASES = [(explorer, scene) for explorer, scenes in SCENES.items() for scene in scenes]


def factory(name):
    return getattr(widgets, name)


def test_scenes_name_exported_explorers():
    exported = {name for name in widgets.__all__ if name.endswith("_explorer")}
    assert set(SCENES) <= exported
    assert set(SCENES) == exported, f"explorers without scenes: {sorted(exported - set(SCENES))}"


def test_every_scene_has_its_expected_readout():
    assert {(e, s) for e, s in CASES} == {(e, s) for e, r in READOUTS.items() for s in r}


@pytest.mark.parametrize("name", sorted(SCENES))
def test_scene_values_fit_the_controls(name):
    explorer = factory(name)()
    for scene, values in SCENES[name].items():
        assert set(values) == set(explorer.sliders), f"{scene}: must set every control"
        for key, value in values.items():
            control = explorer.sliders[key]
            if isinstance(control, (ipywidgets.FloatSlider, ipywidgets.IntSlider)):
                assert control.min <= value <= control.max, f"{scene}: {key} = {value}"
                steps = (value - control.min) / control.step
                assert abs(steps - round(steps)) < 1e-9, f"{scene}: {key} off the steps"
            else:
                options = [o[1] if isinstance(o, tuple) else o for o in control.options]
                assert value in options, f"{scene}: {key} = {value!r}"


@pytest.mark.parametrize(("name", "scene"), CASES, ids=[f"{e}-{s}" for e, s in CASES])
def test_scene_redraws_once_and_shows_what_the_notebook_says(name, scene):
    explorer = factory(name)()
    assert explorer.scene.description == LABEL
    assert explorer.scene.value == "" and explorer.scene.label == PROMPT
    redraws, figure = explorer.redraws, explorer.figure
    explorer.scene.value = scene
    assert explorer.redraws == redraws + 1, "choosing a scene must redraw exactly once"
    assert explorer.figure is figure
    for key, value in SCENES[name][scene].items():
        assert explorer.sliders[key].value == value, f"{key} not set"
    for text in READOUTS[name][scene]:
        assert text in explorer.readout.value, f"{scene}: {explorer.readout.value}"


OPENINGS = [(f.__name__, kwargs) for _, f, kwargs in COURSE] + [
    (name, {}) for name in sorted(SCENES)
]


@pytest.mark.parametrize(("name", "kwargs"), OPENINGS, ids=[f"{n}-{k}" for n, k in OPENINGS])
def test_first_scene_changes_the_opening_figure(name, kwargs):
    # The browser tests choose the first scene: it must show something new, whether the
    # explorer opens as its notebook and the classroom build it or with its defaults.
    explorer = factory(name)(**kwargs)
    before = bytes(explorer.image.value)
    explorer.scene.value = next(iter(SCENES[name]))
    assert bytes(explorer.image.value) != before


def test_moving_a_control_leaves_the_scene():
    explorer = widgets.information_explorer()
    explorer.scene.value = "a fair coin lands heads: 1 bit"
    explorer.sliders["p"].value = 0.25
    assert explorer.scene.value == "", "the drop-down must not name a scene no longer shown"
    redraws = explorer.redraws
    explorer.scene.value = "a fair coin lands heads: 1 bit"  # the same scene again
    assert explorer.redraws == redraws + 1 and explorer.sliders["p"].value == 0.5


def test_slowdown_scene_sets_the_start_from_w_and_b():
    explorer = widgets.slowdown_explorer(a0=0.5)
    explorer.show_scene("Nielsen's 0.82 start (w = 0.6, b = 0.9)")
    assert explorer.values["w"] == 0.6 and explorer.values["b"] == 0.9
    assert explorer.values["a0"] == 0.82
    assert explorer.scene.value == "Nielsen's 0.82 start (w = 0.6, b = 0.9)"


def test_show_scene_rejects_unknown_names():
    explorer = widgets.kl_explorer()
    with pytest.raises(ValueError, match="name must be one of the explorer's scenes"):
        explorer.show_scene("no such scene")


@pytest.mark.parametrize(
    ("scenes", "message"),
    [
        ({"x": {"p": 0.5}}, r"scenes\['x'\] must give every control.*missing \['unit'\]"),
        ({"x": {"p": 0.5, "unit": "bits", "q": 1}}, r"unknown \['q'\]"),
        ({"x": {"p": 2.0, "unit": "bits"}}, r"scenes\['x'\]\['p'\] is 2.0: expected a value in"),
        ({"x": {"p": 0.0005, "unit": "bits"}}, r"expected a value in"),
        ({"x": {"p": 0.5, "unit": "hartleys"}}, r"\['unit'\] is 'hartleys': expected one of"),
        ({"x": {"p": "half", "unit": "bits"}}, r"expected a number"),
        ([("x", {})], r"scenes must be a dict"),
        ({}, r"scenes is empty"),
    ],
)
def test_add_scenes_rejects_scenes_the_controls_cannot_show(scenes, message):
    explorer = widgets.information_explorer()
    with pytest.raises(ValueError, match=message):
        explorer.add_scenes(scenes)


def test_slowdown_scene_must_agree_on_the_start():
    explorer = widgets.slowdown_explorer()
    bad = dict(SCENES["slowdown_explorer"]["the saturated 0.98 start (w = b = 2)"], a0=0.5)
    with pytest.raises(ValueError, match=r"scenes\['bad'\]: a0 must be the output"):
        explorer.add_scenes({"bad": bad})


def test_slider_off_its_steps_is_refused():
    explorer = widgets.slowdown_explorer()
    bad = dict(SCENES["slowdown_explorer"]["the saturated 0.98 start (w = b = 2)"], eta=0.1234)
    with pytest.raises(ValueError, match="expected a stop of the slider"):
        explorer.add_scenes({"bad": bad})


def test_with_scenes_needs_a_factory():
    from lossedu.widgets.scenes import with_scenes

    with pytest.raises(ValueError, match="factory must be an explorer's factory function"):
        with_scenes("slowdown_explorer")


def _network_numbers(readout):
    """(start %, end %, epoch 90 % was first reached or None) from the readout's numbers."""
    start, end, epochs, *rest = re.findall(r"\d+(?:\.\d+)?", readout.split("<br>")[0])
    return float(start), float(end), (int(rest[1]) if len(rest) > 1 else None)


@pytest.mark.parametrize("scene", list(NETWORK))
def test_network_scene_shows_the_notebooks_numbers(scene):
    explorer = widgets.network_explorer()
    explorer.show_scene(scene)
    assert _network_numbers(explorer.readout.value) == NETWORK[scene]


def test_network_scenes_tell_the_story_in_order():
    plateau, binary, hidden, good = (NETWORK[s] for s in SCENES["network_explorer"])
    assert binary[2] < plateau[2], "cross-entropy leaves the plateau sooner"
    assert good[2] < hidden[2], "a saturated hidden layer slows cross-entropy too"


def test_scenes_are_listed_in_chinese_and_chosen_by_name_in_both_languages():
    import lossedu as le

    le.set_language("zh")
    try:
        explorer = widgets.network_explorer()
    finally:
        le.set_language("en")
    scene = "the same start with binary cross-entropy"
    labels = dict((value, label) for label, value in explorer.scene.options)
    assert explorer.scene.description == "场景"
    assert re.search(r"[\u4e00-\u9fff]", labels[""]) and re.search(
        r"[\u4e00-\u9fff]", labels[scene]
    )
    explorer.show_scene(scene)  # by its name, as code does
    assert explorer.scene.value == scene and explorer.values["cost"] == "binary_cross_entropy"
    explorer.show_scene(labels["a good start: softmax CE, scale 1, bias 0"])  # by its label
    assert explorer.scene.value == "a good start: softmax CE, scale 1, bias 0"
    assert explorer.values["output_bias"] == 0.0
