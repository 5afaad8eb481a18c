"""The one-neuron learning-slowdown experiment (COURSE.md, section 06) and its building blocks."""

import math

import numpy as np
import pytest

from lossedu import (
    TrainingHistory,
    epochs_to_reach,
    neuron_cost,
    neuron_delta,
    sigmoid,
    train_neuron,
)

COSTS = ["quadratic", "cross_entropy"]


# --- train_neuron: the course's numbers ----------------------------------------------------


@pytest.mark.parametrize(
    ("w", "b", "start", "end"), [(0.6, 0.9, 0.82, 0.09), (2.0, 2.0, 0.98, 0.20)]
)
def test_train_neuron_quadratic_replicates_the_course(w, b, start, end):
    h = train_neuron(w, b, eta=0.15, epochs=300, cost="quadratic")
    assert round(h.output[0], 2) == start
    assert round(h.output[-1], 2) == end


def test_train_neuron_quadratic_saturated_start_plateaus():
    h = train_neuron(2.0, 2.0, eta=0.15, epochs=300, cost="quadratic")
    # The long plateau: after a third of the run the output has barely moved.
    assert h.output[100] > 0.95
    assert epochs_to_reach(h.output) == math.inf


@pytest.mark.parametrize(("w", "b"), [(0.6, 0.9), (2.0, 2.0)])
def test_train_neuron_cross_entropy_reaches_about_one_percent(w, b):
    h = train_neuron(w, b, eta=0.15, epochs=300, cost="cross_entropy")
    assert round(h.output[-1], 2) == 0.01


def test_train_neuron_honest_cross_entropy_gradient_at_small_rate():
    h = train_neuron(2.0, 2.0, eta=0.005, epochs=300, cost="cross_entropy")
    assert round(h.output[-1], 2) == 0.78


def test_train_neuron_cross_entropy_learns_faster_from_saturation():
    quadratic = train_neuron(2.0, 2.0, cost="quadratic").output
    cross = train_neuron(2.0, 2.0, cost="cross_entropy").output
    assert epochs_to_reach(cross) < epochs_to_reach(quadratic)
    assert np.all(cross[1:] < quadratic[1:])


# --- train_neuron: the history -------------------------------------------------------------


def test_train_neuron_returns_training_history():
    h = train_neuron(0.6, 0.9, eta=0.1, epochs=5, x=2.0, y=0.25, cost="cross_entropy")
    assert isinstance(h, TrainingHistory)
    assert (h.eta, h.cost_name, h.x, h.y) == (0.1, "cross_entropy", 2.0, 0.25)


@pytest.mark.parametrize("epochs", [0, 1, 7])
def test_train_neuron_history_has_epochs_plus_one_states(epochs):
    h = train_neuron(0.6, 0.9, epochs=epochs)
    for name in ("w", "b", "output", "cost"):
        assert getattr(h, name).shape == (epochs + 1,), name


def test_train_neuron_zero_epochs_is_the_start():
    h = train_neuron(0.6, 0.9, epochs=0)
    assert h.w[0] == 0.6 and h.b[0] == 0.9
    assert h.output[0] == pytest.approx(sigmoid(1.5))


def test_train_neuron_first_state_is_the_start():
    h = train_neuron(0.6, 0.9, epochs=3)
    assert (h.w[0], h.b[0]) == (0.6, 0.9)


@pytest.mark.parametrize("cost", COSTS)
def test_train_neuron_output_and_cost_follow_the_weights(cost):
    h = train_neuron(0.6, 0.9, x=1.5, y=0.2, epochs=20, cost=cost)
    z = h.w * 1.5 + h.b
    np.testing.assert_allclose(h.output, sigmoid(z), rtol=1e-15)
    np.testing.assert_allclose(h.cost, neuron_cost(z, 0.2, cost), rtol=1e-15)


@pytest.mark.parametrize("cost", COSTS)
def test_train_neuron_steps_are_gradient_descent(cost):
    x, y, eta = 1.5, 0.2, 0.3
    h = train_neuron(0.6, 0.9, x=x, y=y, eta=eta, epochs=10, cost=cost)
    delta = neuron_delta(h.w[:-1] * x + h.b[:-1], y, cost)
    np.testing.assert_allclose(np.diff(h.w), -eta * delta * x, rtol=1e-12)
    np.testing.assert_allclose(np.diff(h.b), -eta * delta, rtol=1e-12)


@pytest.mark.parametrize("cost", COSTS)
def test_train_neuron_cost_decreases_at_small_rate(cost):
    h = train_neuron(0.6, 0.9, eta=0.05, epochs=100, cost=cost)
    assert np.all(np.diff(h.cost) < 0)


# --- train_neuron: grids -------------------------------------------------------------------


def test_train_neuron_grid_history_shape():
    w = np.linspace(-2, 2, 4)
    b = np.linspace(-1, 1, 3)
    h = train_neuron(*np.meshgrid(w, b), epochs=6)
    for name in ("w", "b", "output", "cost"):
        assert getattr(h, name).shape == (7, 3, 4), name


def test_train_neuron_grid_broadcasts_w_and_b():
    h = train_neuron([0.0, 1.0], [[0.0], [1.0], [2.0]], epochs=3)
    assert h.w.shape == (4, 3, 2)
    np.testing.assert_array_equal(h.w[0], [[0.0, 1.0]] * 3)
    np.testing.assert_array_equal(h.b[0], [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])


def test_train_neuron_scalar_and_array_start_broadcast():
    h = train_neuron(0.5, [0.0, 1.0, 2.0], epochs=2)
    assert h.output.shape == (3, 3)
    np.testing.assert_array_equal(h.w[0], [0.5, 0.5, 0.5])


@pytest.mark.parametrize("cost", COSTS)
def test_train_neuron_vectorised_grid_equals_loop_over_starts(cost):
    w, b = np.meshgrid(np.linspace(-3, 3, 5), np.linspace(-2, 4, 4))
    grid = train_neuron(w, b, eta=0.2, epochs=40, cost=cost)
    for i, j in np.ndindex(w.shape):
        one = train_neuron(w[i, j], b[i, j], eta=0.2, epochs=40, cost=cost)
        for name in ("w", "b", "output", "cost"):
            np.testing.assert_allclose(getattr(grid, name)[:, i, j], getattr(one, name), rtol=1e-14)


def test_train_neuron_does_not_modify_its_inputs():
    w = np.array([0.6, 2.0])
    b = np.array([0.9, 2.0])
    train_neuron(w, b, epochs=5)
    np.testing.assert_array_equal(w, [0.6, 2.0])
    np.testing.assert_array_equal(b, [0.9, 2.0])


def test_train_neuron_extreme_start_stays_finite():
    h = train_neuron([-1e4, 1e4], [1e4, -1e4], epochs=5, cost="cross_entropy")
    assert np.all(np.isfinite(h.cost)) and np.all(np.isfinite(h.w))


# --- neuron_cost ---------------------------------------------------------------------------


def test_neuron_cost_known_values():
    assert neuron_cost(0.0, 0.0, "quadratic") == 0.125
    assert neuron_cost(0.0, 0.0, "cross_entropy") == pytest.approx(math.log(2))


def test_neuron_cost_quadratic_is_half_squared_error():
    z = np.linspace(-5, 5, 11)
    np.testing.assert_allclose(neuron_cost(z, 0.3, "quadratic"), 0.5 * (sigmoid(z) - 0.3) ** 2)


def test_neuron_cost_cross_entropy_exact_when_output_rounds_to_one():
    # a = sigmoid(40) rounds to 1 in float64, yet the cost is 40 + log(1 + e^-40), not inf.
    assert neuron_cost(40.0, 0.0, "cross_entropy") == pytest.approx(40.0, rel=1e-15)
    assert neuron_cost(1e4, 0.0, "cross_entropy") == 1e4


@pytest.mark.parametrize("cost", COSTS)
def test_neuron_cost_smallest_at_target(cost):
    z = np.linspace(-6, 6, 1201)
    y = float(sigmoid(1.3))
    assert z[np.argmin(neuron_cost(z, y, cost))] == pytest.approx(1.3, abs=0.01)


# --- neuron_delta --------------------------------------------------------------------------


def test_neuron_delta_known_values():
    assert neuron_delta(0.0, 0.0, "quadratic") == 0.125
    assert neuron_delta(0.0, 0.0, "cross_entropy") == 0.5


def test_neuron_delta_quadratic_vanishes_when_saturated():
    assert neuron_delta(20.0, 0.0, "quadratic") < 1e-8
    assert neuron_delta(20.0, 0.0, "cross_entropy") == pytest.approx(1.0)


def test_neuron_delta_extreme_pre_activation_finite():
    z = np.array([-1e4, 1e4])
    for cost in COSTS:
        assert np.all(np.isfinite(neuron_delta(z, 1.0, cost)))
    np.testing.assert_array_equal(neuron_delta(z, 1.0, "cross_entropy"), [-1.0, 0.0])


@pytest.mark.parametrize("cost", COSTS)
def test_neuron_delta_is_derivative_of_cost(cost):
    z = np.linspace(-6, 6, 25)
    h = 1e-6
    numeric = (neuron_cost(z + h, 0.3, cost) - neuron_cost(z - h, 0.3, cost)) / (2 * h)
    np.testing.assert_allclose(neuron_delta(z, 0.3, cost), numeric, rtol=1e-6, atol=1e-10)


# --- epochs_to_reach -----------------------------------------------------------------------


def test_epochs_to_reach_course_start():
    assert epochs_to_reach(train_neuron(0.6, 0.9, epochs=300).output) == 273.0


def test_epochs_to_reach_first_epoch_below_threshold():
    assert epochs_to_reach([0.5, 0.3, 0.09, 0.2, 0.05]) == 2.0
    assert epochs_to_reach([0.05, 0.5]) == 0.0


def test_epochs_to_reach_inf_when_never():
    assert epochs_to_reach([0.5, 0.4, 0.3]) == math.inf


def test_epochs_to_reach_per_start_on_a_grid():
    h = train_neuron(np.array([[0.6, 2.0]]), np.array([[0.9, 2.0]]), epochs=300)
    assert h.output.shape == (301, 1, 2)
    np.testing.assert_array_equal(epochs_to_reach(h.output), [[273.0, math.inf]])
    half = epochs_to_reach(h.output, threshold=0.5)
    assert half.shape == (1, 2)
    for j in range(2):
        assert half[0, j] == epochs_to_reach(h.output[:, 0, j], threshold=0.5)
