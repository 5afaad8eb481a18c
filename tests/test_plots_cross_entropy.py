"""The cross-entropy figures draw the right numbers, and the explorer computes the right loss."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lossedu as le
from lossedu.plots import cross_entropy as ce
from lossedu.widgets import cross_entropy_explorer
from lossedu.widgets.cross_entropy import loss_terms


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def heights(bars):
    return np.array([b.get_height() for b in bars])


def logit(p):
    p = np.asarray(p, dtype=float)
    return np.log(p) - np.log1p(-p)


# plot_prediction


def test_prediction_bars_are_prediction_and_label():
    bars = ce.plot_prediction([0.3, 0.6, 0.1], [0, 1, 0])
    np.testing.assert_allclose(heights(bars["prediction"]), [0.3, 0.6, 0.1])
    np.testing.assert_allclose(heights(bars["label"]), [0, 1, 0])


def test_prediction_without_label_draws_no_label_bars():
    assert ce.plot_prediction([0.1, 0.7, 0.8])["label"] is None


def test_prediction_refuses_mismatched_label_and_wrong_class_names():
    with pytest.raises(ValueError, match="probs and target must have the same shape"):
        ce.plot_prediction([0.3, 0.6, 0.1], [0, 1])
    with pytest.raises(ValueError, match="classes must name 2 classes"):
        ce.plot_prediction([0.4, 0.6])


# plot_loss_terms


def test_loss_terms_cap_tall_bars_and_write_infinity():
    artists = ce.plot_loss_terms([0.5, 10.0, np.inf], ymax=4.0)
    np.testing.assert_allclose(heights(artists["bars"]), [0.5, 4.0, 4.0])
    assert [t.get_text() for t in artists["texts"]] == ["0.500", "10.000", "∞"]


def test_loss_terms_refuse_negative_terms():
    with pytest.raises(ValueError, match="terms must be >= 0"):
        ce.plot_loss_terms([0.5, -0.1, 0.2])


# plot_true_class_loss


def test_true_class_loss_marks_the_course_examples():
    artists = ce.plot_true_class_loss([0.5, 0.8, 0.6])
    np.testing.assert_allclose(artists["markers"].get_ydata(), -np.log([0.5, 0.8, 0.6]))


def test_true_class_loss_refuses_a_zero_probability():
    with pytest.raises(ValueError, match="q_true must be > 0"):
        ce.plot_true_class_loss([0.0])


# plot_cross_entropy_decomposition


def test_decomposition_gap_is_the_divergence_and_minimum_is_at_p():
    artists = ce.plot_cross_entropy_decomposition(0.7)
    q1 = artists["cross_entropy"].get_xdata()
    h_pq = artists["cross_entropy"].get_ydata()
    h_p = artists["entropy"].get_ydata()[0]
    q = np.column_stack([q1, 1 - q1])
    p = np.broadcast_to([0.7, 0.3], q.shape)
    np.testing.assert_allclose(h_pq - h_p, le.kl_divergence(p, q), atol=1e-12)
    assert q1[np.argmin(h_pq)] == pytest.approx(0.7)


def test_decomposition_for_a_hard_label_bottoms_out_at_zero():
    artists = ce.plot_cross_entropy_decomposition(1.0)
    assert artists["entropy"].get_ydata()[0] == 0.0


# clipping_curves, plot_clipped_loss, plot_clipped_gradient


def test_clipping_curves_cap_the_loss_and_zero_the_gradient():
    curves = ce.clipping_curves([-2000.0, -30.0, 0.0, 5.0])
    np.testing.assert_allclose(
        curves["exact_loss"], [2000.0, 30.0, np.log(2), np.log1p(np.exp(-5))]
    )
    np.testing.assert_allclose(curves["clipped_loss"][:2], -np.log(1e-10))
    np.testing.assert_allclose(curves["clipped_loss"][2:], curves["exact_loss"][2:])
    np.testing.assert_allclose(curves["clipped_grad"][:2], 0.0)
    np.testing.assert_allclose(curves["exact_grad"][:2], -1.0)
    np.testing.assert_allclose(curves["clipped_grad"][2:], curves["exact_grad"][2:], atol=1e-12)


def test_clipped_loss_figure_shows_the_cap():
    artists = ce.plot_clipped_loss(1e-10)
    assert artists["cap"].get_ydata()[0] == pytest.approx(23.02585, abs=1e-5)
    assert artists["exact"].get_ydata().max() == pytest.approx(40.0, abs=1e-9)


def test_clipped_gradient_figure_is_zero_left_of_the_cap():
    artists = ce.plot_clipped_gradient(1e-10)
    x, y = artists["clipped"].get_xdata(), artists["clipped"].get_ydata()
    assert np.all(y[x < -23.1] == 0.0)
    assert np.all(artists["exact"].get_ydata()[x < -23.1] < -0.99)


# plot_extra_softmax


def test_extra_softmax_never_reaches_below_its_floor():
    artists = ce.plot_extra_softmax(4)
    floor = np.log1p(3 / np.e)
    assert artists["floor"].get_ydata()[0] == pytest.approx(floor)
    assert artists["double"].get_ydata().min() >= floor - 1e-12
    assert artists["exact"].get_ydata().min() < 0.01


def test_extra_softmax_refuses_fewer_than_two_classes():
    with pytest.raises(ValueError, match="n_classes must be an integer >= 2"):
        ce.plot_extra_softmax(1)


# cross_entropy_explorer


def test_loss_terms_single_label_is_minus_log_q_true():
    q, target, terms = loss_terms(np.log([0.3, 0.6, 0.1]), "frog", "single-label")
    np.testing.assert_allclose(q, [0.3, 0.6, 0.1])
    assert terms.sum() == pytest.approx(-np.log(0.6))


def test_loss_terms_two_animals_in_single_label_mode_are_a_soft_target():
    _, target, terms = loss_terms([0.0, 30.0, 30.0], "frog + mouse", "single-label")
    np.testing.assert_allclose(target, [0.0, 0.5, 0.5])
    assert terms.sum() == pytest.approx(np.log(2))  # the floor H(p), not 0


def test_loss_terms_multi_label_is_the_sum_of_binary_cross_entropies():
    _, _, terms = loss_terms(logit([0.1, 0.7, 0.8]), "frog + mouse", "multi-label")
    np.testing.assert_allclose(terms, -np.log([0.9, 0.7, 0.8]))
    assert round(terms.sum(), 3) == 0.685


def test_cross_entropy_explorer_starts_on_the_cat_frog_mouse_example():
    explorer = cross_entropy_explorer()
    assert "q = (0.300, 0.600, 0.100); loss = 0.511 nats" in explorer.readout.value


def test_cross_entropy_explorer_mode_changes_the_loss_and_the_bars():
    explorer = cross_entropy_explorer(logits=tuple(logit([0.1, 0.7, 0.8])), label="frog + mouse")
    assert "Softmax assumes exactly one class" in explorer.readout.value
    explorer.sliders["mode"].value = "multi-label"
    assert "sigmoid outputs q = (0.100, 0.700, 0.800); loss = 0.685 nats" in explorer.readout.value
    pred_bars = explorer.figure.axes[0].containers[1]
    np.testing.assert_allclose(heights(pred_bars), [0.1, 0.7, 0.8])


def test_cross_entropy_explorer_refuses_bad_arguments():
    with pytest.raises(ValueError, match="logits must hold 3 values"):
        cross_entropy_explorer(logits=(0.0, 1.0))
    with pytest.raises(ValueError, match="label must be one of"):
        cross_entropy_explorer(label="dog")
    with pytest.raises(ValueError, match="mode must be one of"):
        cross_entropy_explorer(mode="multi-class")
