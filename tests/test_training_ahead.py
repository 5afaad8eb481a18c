"""Runs trained ahead: the network explorer's cache and its background thread."""

import threading

import numpy as np
import pytest

from lossedu import widgets
from lossedu.widgets import network as explorer_module
from lossedu.widgets._training_ahead import RunCache
from lossedu.widgets.network import (
    _RANGES,
    EPOCHS_RANGE,
    STEPS,
    WHOLE_TRACKS,
    _plan,
    network_explorer,
)
from lossedu.widgets.scenes import SCENES


class Run:
    """A stand-in for a NetworkHistory: the epochs it went through, in order."""

    def __init__(self, setting, epochs):
        self.setting, self.epochs = setting, list(epochs)

    @property
    def epochs_trained(self):
        return len(self.epochs)


def counting_train(calls, *, gate=None):
    def train(setting, run, epochs):
        if gate is not None:
            gate.wait()
        calls.append((setting, epochs))
        if setting == "diverges":
            raise ValueError("training diverged")
        done = run.epochs if run is not None else []
        return Run(setting, done + list(range(len(done) + 1, epochs + 1)))

    return train


@pytest.fixture
def fresh_runs():
    """The explorers' shared runs, emptied before and after a test."""
    explorer_module._RUNS.clear()
    yield explorer_module._RUNS
    explorer_module._RUNS.wait_ahead(60)
    explorer_module._RUNS.clear()


def test_a_run_is_made_once_and_continued_not_retrained():
    calls = []
    runs = RunCache(counting_train(calls), capacity=4)
    first = runs.get("a", 3)
    assert runs.get("a", 2) is first and calls == [("a", 3)]
    longer = runs.get("a", 5)
    assert longer.epochs == [1, 2, 3, 4, 5] and calls[-1] == ("a", 5)
    assert runs.trained_on_demand == 5 and runs.trained_ahead == 0


def test_the_least_recently_used_run_goes_first():
    runs = RunCache(counting_train([]), capacity=2)
    runs.get("a", 1)
    runs.get("b", 1)
    runs.get("a", 1)  # a is now the more recent
    runs.get("c", 1)
    assert runs.peek("b") is None and runs.peek("a") is not None and len(runs) == 2


def test_training_ahead_needs_a_kernel_or_a_request():
    calls = []
    runs = RunCache(counting_train(calls), capacity=8)
    runs.ahead([("a", 2)])  # no kernel here: nothing happens
    runs.ahead([("a", 2)], threaded=False)
    assert calls == [] and runs.pending() == 1


def test_the_thread_trains_the_plan_one_epoch_at_a_time_in_order():
    calls = []
    runs = RunCache(counting_train(calls), capacity=8)
    runs.ahead([("a", 2), ("b", 1), ("a", 2)], threaded=True)
    assert runs.wait_ahead(10)
    assert calls == [("a", 1), ("a", 2), ("b", 1)]
    assert runs.peek("a").epochs == [1, 2] and runs.trained_ahead == 3
    assert runs.trained_on_demand == 0 and runs.get("a", 2) is runs.peek("a")


def test_a_new_plan_replaces_the_old_and_keeps_what_was_made():
    calls = []
    gate = threading.Event()
    runs = RunCache(counting_train(calls, gate=gate), capacity=8)
    runs.ahead([("a", 3), ("b", 3)], threaded=True)
    runs.ahead([("c", 1)], threaded=True)
    gate.set()
    assert runs.wait_ahead(10)
    assert runs.peek("c") is not None and runs.peek("b") is None
    # At most the one epoch of "a" already under way when the plan changed was made.
    assert [s for s, _ in calls if s == "a"] in ([], ["a"])


def test_a_move_takes_over_a_run_the_thread_has_begun():
    calls = []
    runs = RunCache(counting_train(calls), capacity=8)
    runs.ahead([("a", 1)], threaded=True)
    assert runs.wait_ahead(10)
    run = runs.get("a", 4)  # one epoch made ahead, three on demand
    assert run.epochs == [1, 2, 3, 4] and calls[-1] == ("a", 4)
    assert runs.trained_ahead == 1 and runs.trained_on_demand == 3


def test_a_setting_that_fails_ahead_is_dropped_and_fails_when_asked_for():
    calls = []
    runs = RunCache(counting_train(calls), capacity=8)
    runs.ahead([("diverges", 2), ("b", 1)], threaded=True)
    assert runs.wait_ahead(10)
    assert runs.peek("diverges") is None and runs.peek("b") is not None
    with pytest.raises(ValueError, match="diverged"):
        runs.get("diverges", 2)


def test_the_thread_waits_while_a_notebook_cell_runs():
    calls = []
    runs = RunCache(counting_train(calls), capacity=8)
    runs._cell_starts()
    runs.ahead([("a", 1)], threaded=True)
    assert not runs.wait_ahead(0.3) and calls == []
    runs._cell_ends()
    assert runs.wait_ahead(10) and calls == [("a", 1)]


@pytest.mark.parametrize("moving", [None, ("output_bias", -1), ("eta", 1), ("hidden_scale", -1)])
def test_every_planned_setting_is_a_stop_of_the_explorers_controls(moving):
    plan = _plan("quadratic", 1.0, 8.0, 3.0, 20, moving=moving)
    settings = [s for s, _ in plan]
    assert len(settings) == len(set(settings)), "a setting is planned twice"
    for (cost, *values), epochs in plan:
        assert cost in ("quadratic", "binary_cross_entropy", "categorical_cross_entropy")
        assert EPOCHS_RANGE[0] <= epochs <= EPOCHS_RANGE[1]
        for name, value in zip(("hidden_scale", "output_bias", "eta"), values, strict=True):
            lo, hi = _RANGES[name]
            stops = (value - lo) / STEPS[name]
            assert lo <= value <= hi and stops == round(stops), f"{name}={value} is not a stop"


def test_the_plan_follows_a_drag_then_covers_every_next_step_and_scene():
    plan = [s for s, _ in _plan("quadratic", 1.0, 8.0, 3.0, 20, moving=("output_bias", -1))]
    # A drag down the output bias: its next two stops come first, then every setting one
    # step away, then the rest of the track, nearest first.
    below = [("quadratic", 1.0, 0.25 * k, 3.0) for k in range(31, -1, -1)]
    assert plan[:2] == below[:2]
    one_step = [
        ("quadratic", 1.0, 8.0, 3.0),
        ("binary_cross_entropy", 1.0, 8.0, 3.0),
        ("categorical_cross_entropy", 1.0, 8.0, 3.0),
        ("quadratic", 0.5, 8.0, 3.0),
        ("quadratic", 1.5, 8.0, 3.0),
        ("quadratic", 1.0, 8.25, 3.0),
        ("quadratic", 1.0, 8.0, 2.5),
        ("quadratic", 1.0, 8.0, 3.5),
    ]
    assert set(plan[2 : 2 + len(one_step)]) == set(one_step)
    rest = [plan.index(s) for s in below[2:]]
    assert rest == sorted(rest) and rest[0] == 2 + len(one_step)
    for scene in SCENES["network_explorer"].values():
        key = (scene["cost"], scene["hidden_scale"], scene["output_bias"], scene["eta"])
        assert key in plan
    for name in WHOLE_TRACKS:
        lo, hi = _RANGES[name]
        assert sum(1 for s in plan if s[0] == "quadratic" and s[1] == 1.0) >= 1
        count = round((hi - lo) / STEPS[name]) + 1
        index = {"output_bias": 2, "eta": 3}[name]
        others = [i for i in (1, 2, 3) if i != index]
        on_track = {
            s[index]
            for s in plan
            if s[0] == "quadratic" and all(s[i] == (1.0, 8.0, 3.0)[i - 1] for i in others)
        }
        assert len(on_track) == count, f"the {name} track is not planned whole"


def test_runs_made_ahead_are_the_runs_made_on_demand(fresh_runs):
    explorer = network_explorer(epochs=5, train_ahead=True)
    assert fresh_runs.wait_ahead(120)
    made_ahead = fresh_runs.peek(("quadratic", 1.0, 7.75, 3.0))
    assert made_ahead is not None and fresh_runs.trained_ahead > 0
    demand = fresh_runs.trained_on_demand
    explorer.sliders["output_bias"].value = 7.75  # a step: answered from the run made ahead
    assert fresh_runs.trained_on_demand == demand
    shown = explorer.readout.value
    assert fresh_runs.wait_ahead(120)
    fresh_runs.clear()
    twin = network_explorer(output_bias=7.75, epochs=5, train_ahead=False)
    assert twin.readout.value == shown
    made_now = fresh_runs.peek(("quadratic", 1.0, 7.75, 3.0))
    for name in ("train_loss", "test_accuracy", "output_gradient", "hidden_gradient"):
        assert np.array_equal(getattr(made_ahead, name)[:6], getattr(made_now, name)[:6]), name


def test_a_revisited_scene_trains_nothing(fresh_runs):
    explorer = widgets.network_explorer(train_ahead=False)
    for scene in SCENES["network_explorer"]:
        explorer.show_scene(scene)
    made = fresh_runs.trained_on_demand
    for scene in SCENES["network_explorer"]:
        explorer.show_scene(scene)
    assert fresh_runs.trained_on_demand == made
