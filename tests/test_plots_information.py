"""Figures of notebook 01: the information curve, marked events, candidate measures."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lossedu as le
from lossedu.plots import COLORS, new_figure, plot_information, plot_information_candidates
from lossedu.widgets import information_explorer


@pytest.fixture
def ax():
    _, ax = new_figure()
    return ax


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# plot_information


@pytest.mark.parametrize("unit, base", [("bits", 2), ("nats", None)])
def test_information_curve_is_minus_log_in_its_unit(ax, unit, base):
    curve = plot_information(unit=unit, ax=ax)["curve"]
    x, y = curve.get_data()
    np.testing.assert_allclose(y, le.information(x, base=base))
    assert ax.get_ylabel() == f"information I(p) [{unit}]"
    assert ax.get_xlabel() == "probability p of the event"


def test_information_marker_sits_on_the_curve(ax):
    marker = plot_information(0.125, unit="bits", ax=ax)["marker"]
    assert marker.get_xdata()[0] == 0.125
    assert marker.get_ydata()[0] == pytest.approx(3.0)


def test_information_without_p_has_no_marker(ax):
    assert plot_information(ax=ax)["marker"] is None


def test_information_events_are_marked_and_listed_in_the_legend(ax):
    events = {"Brazil": 0.95, "China": 0.02}
    points = plot_information(unit="bits", events=events, ax=ax)["events"]
    assert [pt.get_xdata()[0] for pt in points] == [0.95, 0.02]
    np.testing.assert_allclose(
        [pt.get_ydata()[0] for pt in points], le.information([0.95, 0.02], base=2)
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Brazil: p = 0.95, I = 0.074 bits" in legend
    assert "China: p = 0.02, I = 5.644 bits" in legend


def test_information_events_differ_in_colour_and_shape(ax):
    points = plot_information(events={"a": 0.1, "b": 0.5, "c": 0.9}, ax=ax)["events"]
    assert len({pt.get_color() for pt in points}) == 3
    assert len({pt.get_marker() for pt in points}) == 3


@pytest.mark.parametrize(
    "unit, other, factor", [("bits", "nats", np.log(2)), ("nats", "bits", le.BITS_PER_NAT)]
)
def test_information_other_unit_axis_shows_the_same_range_converted(ax, unit, other, factor):
    secondary = plot_information(unit=unit, other_unit=True, ax=ax)["secondary"]
    ax.figure.canvas.draw()
    assert other in secondary.get_ylabel()
    np.testing.assert_allclose(secondary.get_ylim(), np.array(ax.get_ylim()) * factor)


def test_information_refuses_unknown_unit(ax):
    with pytest.raises(ValueError, match="unit must be one of 'bits', 'nats'"):
        plot_information(unit="bans", ax=ax)


def test_information_refuses_impossible_probability(ax):
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        plot_information(1.5, ax=ax)


def test_information_without_ax_uses_a_new_pyplot_figure():
    artists = plot_information(0.5)
    assert artists["curve"].axes.figure is plt.gcf()


# plot_information_candidates


def test_candidates_are_the_three_measures(ax):
    artists = plot_information_candidates(ax=ax)
    x, y = artists["log"].get_data()
    np.testing.assert_allclose(y, -np.log2(x))
    np.testing.assert_allclose(artists["complement"].get_ydata(), 1 - x)
    np.testing.assert_allclose(artists["reciprocal"].get_ydata(), 1 / x)


def test_candidates_use_distinct_palette_colours_and_styles(ax):
    artists = plot_information_candidates(ax=ax)
    colors = {a.get_color() for a in artists.values()}
    assert colors <= set(COLORS.values()) and len(colors) == 3
    assert len({a.get_linestyle() for a in artists.values()}) == 3


# information_explorer


def test_information_explorer_marks_p_and_reads_out_both_units():
    explorer = information_explorer(p=0.5, unit="bits")
    assert explorer.readout.value.startswith("I(0.500) = 1.000 bits = 0.693 nats")
    explorer.sliders["p"].value = 0.25
    assert "2.000 bits" in explorer.readout.value
    assert "2.00 fair coin flips" in explorer.readout.value


def test_information_explorer_unit_switch_rescales_the_axis():
    explorer = information_explorer(p=0.5, unit="bits")
    ax = explorer.figure.axes[0]
    explorer.sliders["unit"].value = "nats"
    assert ax.get_ylabel() == "information I(p) [nats]"
    assert ax.get_ylim()[1] == pytest.approx(le.information(1e-3))
    curve = ax.get_lines()[0]
    np.testing.assert_allclose(curve.get_ydata(), le.information(curve.get_xdata()))


@pytest.mark.parametrize("unit", ["bits", "nats"])
@pytest.mark.parametrize("p", [0.001, 0.02, 0.5, 0.95, 1.0])
def test_information_explorer_value_label_stays_inside_the_axes(p, unit):
    explorer = information_explorer(p=p, unit=unit)
    fig = explorer.figure
    ax = fig.axes[0]
    fig.canvas.draw()
    label = next(t for t in ax.texts if t.get_text().endswith(unit))
    inside = ax.get_window_extent().expanded(1.01, 1.01)
    box = label.get_window_extent()
    assert inside.x0 <= box.x0 and box.x1 <= inside.x1, label.get_text()
    assert inside.y0 <= box.y0 and box.y1 <= inside.y1, label.get_text()
