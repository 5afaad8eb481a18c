"""The KL divergence figures draw the right numbers, and the KL explorer keeps them in step."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lossedu as le
from lossedu.plots import divergence as dv
from lossedu.widgets import kl_explorer
from lossedu.widgets.kl import normalise

P, Q = [0.7, 0.2, 0.1], [1 / 3, 1 / 3, 1 / 3]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def heights(bars):
    return np.array([b.get_height() for b in bars])


# plot_distributions


def test_distributions_bars_are_p_and_q():
    bars = dv.plot_distributions(P, Q, outcomes=["a", "b", "c"])
    np.testing.assert_allclose(heights(bars["p"]), P)
    np.testing.assert_allclose(heights(bars["q"]), Q)


def test_distributions_axes_are_labelled_with_units():
    _, ax = plt.subplots()
    dv.plot_distributions(P, Q, ax=ax)
    assert ax.get_ylabel() == "probability" and ax.get_xlabel() == "outcome"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["p, the truth", "q, the model"]


def test_distributions_refuse_unnormalised_input_and_wrong_names():
    with pytest.raises(ValueError, match="q must sum to 1"):
        dv.plot_distributions(P, [0.5, 0.5, 0.5])
    with pytest.raises(ValueError, match="outcomes must name 3 outcomes"):
        dv.plot_distributions(P, Q, outcomes=["a", "b"])


# plot_kl_terms


def test_kl_terms_sum_to_the_divergence():
    artists = dv.plot_kl_terms(P, Q)
    terms = heights(artists["bars"])
    assert terms.sum() == pytest.approx(le.kl_divergence(P, Q))
    assert artists["total"].get_ydata()[0] == pytest.approx(le.kl_divergence(P, Q))


def test_kl_terms_can_be_negative_and_zero_where_p_is_zero():
    terms = heights(dv.plot_kl_terms([0.0, 0.5, 0.5], [0.2, 0.2, 0.6])["bars"])
    assert terms[0] == 0.0 and terms[2] < 0


def test_kl_terms_refuse_an_infinite_divergence():
    with pytest.raises(ValueError, match="infinite"):
        dv.plot_kl_terms(P, [0.5, 0.5, 0.0])


# plot_kl_directions


def test_kl_directions_curves_are_both_directions_and_meet_zero_at_p():
    artists = dv.plot_kl_directions(0.3)
    grid = artists["forward"].get_xdata()
    i = np.argmin(np.abs(grid - 0.3))
    q = np.column_stack([grid, 1 - grid])
    p = np.broadcast_to([0.3, 0.7], q.shape)
    np.testing.assert_allclose(artists["forward"].get_ydata(), le.kl_divergence(p, q))
    np.testing.assert_allclose(artists["reverse"].get_ydata(), le.kl_divergence(q, p))
    assert artists["forward"].get_ydata()[i] == pytest.approx(0.0, abs=1e-9)
    assert not np.allclose(artists["forward"].get_ydata(), artists["reverse"].get_ydata())


def test_kl_directions_refuse_a_certain_truth():
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        dv.plot_kl_directions(1.0)


# plot_log_bound


def test_log_bound_curve_lies_below_the_line():
    artists = dv.plot_log_bound()
    gap = artists["line"].get_ydata() - artists["log"].get_ydata()
    assert gap.min() >= 0
    assert tuple(artists["touch"].get_xydata()[0]) == (1.0, 0.0)


# plot_divergence_pairs


def test_divergence_pairs_points_are_both_directions():
    rng = np.random.default_rng(0)
    p, q = rng.dirichlet([2, 2, 2], size=50), rng.dirichlet([2, 2, 2], size=50)
    offsets = dv.plot_divergence_pairs(p, q)["points"].get_offsets()
    np.testing.assert_allclose(offsets[:, 0], le.kl_divergence(p, q))
    np.testing.assert_allclose(offsets[:, 1], le.kl_divergence(q, p))
    assert (offsets >= 0).all()


def test_divergence_pairs_refuse_zero_entries_and_1d_input():
    with pytest.raises(ValueError, match="infinite"):
        dv.plot_divergence_pairs([[0.5, 0.5]], [[1.0, 0.0]])
    with pytest.raises(ValueError, match="2-D"):
        dv.plot_divergence_pairs([0.5, 0.5], [0.4, 0.6])


# plot_divergence_bars


def test_divergence_bars_stop_at_the_axis_end_for_infinity():
    artists = dv.plot_divergence_bars([0.5, 0.5], [1.0, 0.0], xmax=3.0)
    widths = [bar.get_width() for bar in artists["bars"]]
    assert widths == [3.0, pytest.approx(np.log(2))]
    assert artists["labels"][0].get_text() == "∞"


# kl_explorer


def test_normalise_turns_weights_into_a_distribution():
    np.testing.assert_allclose(normalise([2.0, 1.0, 1.0]), [0.5, 0.25, 0.25])
    np.testing.assert_allclose(normalise([0.0, 0.0, 0.0]), [1 / 3] * 3)


def test_kl_explorer_bars_follow_the_sliders_normalised():
    explorer = kl_explorer()
    explorer.sliders["p1"].value = 0.4  # weights 0.4, 0.2, 0.1
    p_bars = explorer.figure.axes[0].containers[0]
    np.testing.assert_allclose(heights(p_bars), np.array([0.4, 0.2, 0.1]) / 0.7)


def test_kl_explorer_reports_both_directions():
    explorer = kl_explorer()
    forward, reverse = le.kl_divergence(P, Q), le.kl_divergence(Q, P)
    assert f"D(p‖q) = {forward:.3f} nats" in explorer.readout.value
    assert f"D(q‖p) = {reverse:.3f} nats" in explorer.readout.value


def test_kl_explorer_shows_infinity_when_q_rules_out_an_outcome():
    explorer = kl_explorer()
    explorer.sliders["q3"].value = 0.0
    assert "D(p‖q) = ∞" in explorer.readout.value
    assert "D(q‖p) = ∞" not in explorer.readout.value


def test_kl_explorer_refuses_bad_weights():
    with pytest.raises(ValueError, match=r"p must hold probabilities in \[0, 1\]"):
        kl_explorer(p=(2.0, 0.0, 0.0))
    with pytest.raises(ValueError, match="q must hold 3 weights"):
        kl_explorer(q=(0.5, 0.5))
