"""Figures of notebook 02 and the entropy explorer."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex

import lossedu as le
from lossedu.plots import (
    COLORS,
    new_figure,
    plot_binary_entropy,
    plot_code_lengths,
    plot_distribution,
    plot_entropy_area,
    plot_entropy_gauge,
    plot_entropy_samples,
    plot_entropy_simplex,
    plot_entropy_term,
)
from lossedu.plots.entropy import simplex_entropy_grid, simplex_point
from lossedu.widgets import entropy_explorer

COMPUTER = [0.7, 0.2, 0.1]


@pytest.fixture
def ax():
    _, ax = new_figure()
    return ax


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# plot_entropy_term


@pytest.mark.parametrize("unit, per", [("nats", 1.0), ("bits", np.log(2))])
def test_entropy_term_curve_is_minus_p_log_p_with_zero_at_zero(ax, unit, per):
    curve = plot_entropy_term(unit=unit, ax=ax)["curve"]
    x, y = curve.get_data()
    assert x[0] == 0.0 and y[0] == 0.0
    np.testing.assert_allclose(y[1:], -x[1:] * np.log(x[1:]) / per, atol=1e-15)
    assert unit in ax.get_ylabel()


def test_entropy_term_peak_is_at_one_over_e(ax):
    artists = plot_entropy_term(ax=ax)
    x, y = artists["curve"].get_data()
    assert artists["peak"].get_xdata()[0] == pytest.approx(np.exp(-1))
    assert artists["peak"].get_ydata()[0] == pytest.approx(y.max(), abs=1e-5)


# plot_entropy_area


@pytest.mark.parametrize("unit, base", [("nats", None), ("bits", 2)])
def test_entropy_area_of_the_bars_is_the_entropy(ax, unit, base):
    artists = plot_entropy_area(COMPUTER, unit=unit, ax=ax)
    area = sum(b.get_width() * b.get_height() for b in artists["bars"])
    assert area == pytest.approx(le.entropy(COMPUTER, base=base))
    assert artists["entropy"].get_ydata()[0] == pytest.approx(area)


def test_entropy_area_bars_are_as_wide_as_p_and_as_tall_as_information(ax):
    bars = plot_entropy_area(COMPUTER, ["a", "b", "c"], ax=ax)["bars"]
    np.testing.assert_allclose([b.get_width() for b in bars], COMPUTER)
    np.testing.assert_allclose([b.get_x() for b in bars], [0.0, 0.7, 0.9])
    np.testing.assert_allclose([b.get_height() for b in bars], le.information(COMPUTER))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "a: p = 0.70, I = 0.357 nats" in legend
    assert "entropy H = 0.8018 nats (same total area)" in legend


def test_entropy_area_outcome_of_probability_zero_adds_nothing(ax):
    bars = plot_entropy_area([0.5, 0.0, 0.5], ax=ax)["bars"]
    assert bars[1].get_width() == 0.0 and bars[1].get_height() == 0.0


@pytest.mark.parametrize(
    "p, labels, match",
    [([0.5, 0.4], None, "sum to 1"), (COMPUTER, ["a", "b"], "labels must name 3 outcomes; got 2")],
)
def test_entropy_area_refuses_bad_input(ax, p, labels, match):
    with pytest.raises(ValueError, match=match):
        plot_entropy_area(p, labels, ax=ax)


# plot_binary_entropy


def test_binary_entropy_peak_is_one_bit_at_one_half(ax):
    artists = plot_binary_entropy(unit="bits", ax=ax)
    x, y = artists["curve"].get_data()
    assert x[np.argmax(y)] == 0.5
    assert (artists["peak"].get_xdata()[0], artists["peak"].get_ydata()[0]) == (0.5, 1.0)


def test_binary_entropy_in_nats_peaks_at_log_two(ax):
    artists = plot_binary_entropy(0.1, unit="nats", other_unit=True, ax=ax)
    assert artists["peak"].get_ydata()[0] == pytest.approx(np.log(2))
    assert artists["marker"].get_ydata()[0] == pytest.approx(le.binary_entropy(0.1))
    assert "bits" in artists["secondary"].get_ylabel()


# plot_entropy_samples


def test_entropy_samples_one_cloud_per_k_under_log_k(ax):
    samples = {2: [0.1, 0.6], 4: [0.5, 1.2, 1.3]}
    artists = plot_entropy_samples(samples, ax=ax)
    assert [len(p.get_ydata()) for p in artists["points"]] == [2, 3]
    x, y = artists["maximum"].get_data()
    np.testing.assert_allclose(y, np.log(x))
    assert list(ax.get_xticks()) == [2, 4]


def test_entropy_samples_refuse_nan(ax):
    with pytest.raises(ValueError, match="NaN"):
        plot_entropy_samples({3: [0.5, np.nan]}, ax=ax)


# plot_distribution and plot_entropy_gauge


def test_distribution_bars_values_and_uniform_line(ax):
    artists = plot_distribution(COMPUTER, ["starts", "fails", "explodes"], ax=ax)
    np.testing.assert_allclose([b.get_height() for b in artists["bars"]], COMPUTER)
    assert artists["uniform"].get_ydata()[0] == pytest.approx(1 / 3)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["starts", "fails", "explodes"]


def test_distribution_bars_use_the_palette(ax):
    bars = plot_distribution(COMPUTER, ax=ax)["bars"]
    palette = {to_hex(c) for c in COLORS.values()}
    assert {to_hex(b.get_facecolor()) for b in bars} <= palette


@pytest.mark.parametrize("unit, base", [("nats", None), ("bits", 2)])
def test_gauge_height_is_entropy_under_log_k(ax, unit, base):
    artists = plot_entropy_gauge(COMPUTER, unit=unit, ax=ax)
    assert artists["bar"].get_height() == pytest.approx(le.entropy(COMPUTER, base=base))
    top = np.log(3) if base is None else np.log2(3)
    assert artists["maximum"].get_ydata()[0] == pytest.approx(top)


# plot_entropy_simplex


def test_simplex_corners_are_certain_outcomes_and_centre_is_uniform():
    np.testing.assert_allclose(simplex_point([1, 0, 0]), [0, 0])
    np.testing.assert_allclose(simplex_point([0, 1, 0]), [1, 0])
    np.testing.assert_allclose(simplex_point([1 / 3, 1 / 3, 1 / 3]), [0.5, np.sqrt(3) / 6])


def test_simplex_grid_peaks_at_log_three_and_is_nan_outside():
    grid, extent = simplex_entropy_grid(101)
    assert np.nanmax(grid) <= np.log(3) + 1e-12
    assert np.nanmax(grid) == pytest.approx(np.log(3), abs=1e-3)
    assert np.isnan(grid[-1, 0]) and np.isnan(grid[-1, -1])  # top corners of the box
    assert extent == (0.0, 1.0, 0.0, np.sqrt(3) / 2)


def test_simplex_marks_p_and_scales_colour_to_log_three_in_unit(ax):
    artists = plot_entropy_simplex(COMPUTER, unit="bits", ax=ax)
    np.testing.assert_allclose(artists["marker"].get_xydata()[0], simplex_point(COMPUTER))
    assert artists["image"].get_clim() == pytest.approx((0.0, np.log2(3)))
    assert "bits" in artists["colorbar"].ax.get_ylabel()


def test_simplex_refuses_a_distribution_over_two_outcomes(ax):
    with pytest.raises(ValueError, match="3 outcomes"):
        plot_entropy_simplex([0.5, 0.5], ax=ax)


# plot_code_lengths


def test_code_lengths_lie_between_h_and_h_plus_one_over_n(ax):
    artists = plot_code_lengths(COMPUTER, max_block=4, ax=ax)
    per_outcome = artists["per_outcome"]
    H = le.entropy(COMPUTER, base=2)
    n = np.arange(1, 5)
    assert np.all(per_outcome >= H) and np.all(per_outcome < H + 1 / n)
    assert per_outcome[0] == pytest.approx(1.3)
    np.testing.assert_allclose(artists["lengths"].get_ydata(), per_outcome)
    assert artists["entropy"].get_ydata()[0] == pytest.approx(H)


def test_code_lengths_refuse_a_block_of_zero(ax):
    with pytest.raises(ValueError, match="max_block must be an integer >= 1; got 0"):
        plot_code_lengths(COMPUTER, max_block=0, ax=ax)


# entropy_explorer


def test_entropy_explorer_starts_on_the_computer_example():
    explorer = entropy_explorer()
    assert list(explorer.sliders) == ["w1", "w2", "w3", "unit"]
    assert explorer.readout.value.startswith("p = (0.700, 0.200, 0.100): H = 0.8018 nats")


def test_entropy_explorer_normalises_the_weights():
    explorer = entropy_explorer()
    for name in ("w1", "w2", "w3"):
        explorer.sliders[name].value = 0.6
    assert explorer.readout.value.startswith("p = (0.333, 0.333, 0.333): H = 1.0986 nats")
    assert "100.0% of the maximum" in explorer.readout.value
    bars = explorer.figure.axes[0].patches
    np.testing.assert_allclose([b.get_height() for b in bars], [1 / 3] * 3)


def test_entropy_explorer_in_bits():
    explorer = entropy_explorer(weights=(0.5, 0.5, 0.0), unit="bits")
    assert explorer.readout.value.startswith("p = (0.500, 0.500, 0.000): H = 1.0000 bits")
    explorer.sliders["unit"].value = "nats"
    assert "H = 0.6931 nats" in explorer.readout.value


def test_entropy_explorer_all_weights_zero_says_so():
    explorer = entropy_explorer()
    for name in ("w1", "w2", "w3"):
        explorer.sliders[name].value = 0.0
    assert "All three weights are 0" in explorer.readout.value
    explorer.sliders["w2"].value = 0.3
    assert explorer.readout.value.startswith("p = (0.000, 1.000, 0.000): H = 0.0000 nats")


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"weights": (0.0, 0.0, 0.0)}, "not all 0"),
        ({"weights": (0.5, 0.5)}, "3 numbers"),
        ({"weights": (1.5, 0.5, 0.0)}, r"\[0, 1\]"),
        ({"labels": ("a", "b")}, "labels must name 3 outcomes; got 2"),
        ({"unit": "bans"}, "unit must be one of"),
    ],
)
def test_entropy_explorer_refuses_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        entropy_explorer(**kwargs)
