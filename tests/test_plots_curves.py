"""Figures of notebook 05: loss and gradient curves, curvature, a loss along a line of weights."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lossedu as le
from lossedu.plots import (
    COST_STYLE,
    new_figure,
    plot_loss_curves,
    plot_second_derivatives,
    plot_simplified_and_exact,
    plot_weight_line,
)
from lossedu.plots.curves import X_GRID, loss_curve_values, mse_flat_edge, set_loss_curves
from lossedu.widgets import loss_curves_explorer


@pytest.fixture
def axes():
    _, axes = new_figure(1, 2)
    return axes


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# loss_curve_values


def test_loss_curve_values_simplified_form():
    values = loss_curve_values("simplified", X_GRID, c1=0.7, c2=3.0)
    np.testing.assert_allclose(values["quadratic"][0], le.simplified_mse(X_GRID, c1=0.7, c2=3.0))
    np.testing.assert_allclose(values["cross_entropy"][0], np.log(3.0) - X_GRID)
    np.testing.assert_array_equal(values["cross_entropy"][1], -1.0)


def test_loss_curve_values_exact_form():
    values = loss_curve_values("exact", X_GRID, c1=0.7, s=3.0)
    np.testing.assert_allclose(values["quadratic"][1], le.grad_exact_mse(X_GRID, c1=0.7, s=3.0))
    np.testing.assert_allclose(values["cross_entropy"][1], le.exact_output(X_GRID, s=3.0) - 1)


def test_loss_curve_values_rejects_unknown_form():
    with pytest.raises(ValueError, match="form must be one of 'simplified', 'exact'"):
        loss_curve_values("approximate", X_GRID)


# mse_flat_edge


def test_mse_flat_edge_is_the_closed_form_of_each_form():
    assert mse_flat_edge("simplified", c1=0.6, c2=5.0) == le.flat_edge_simplified_mse(
        c1=0.6, c2=5.0
    )
    assert mse_flat_edge("exact", c1=0.6, s=5.0) == le.flat_edge_exact_mse(c1=0.6, s=5.0)


# plot_loss_curves


@pytest.mark.parametrize("form", ["simplified", "exact"])
def test_loss_curves_draw_both_costs_in_the_chosen_form(axes, form):
    artists = plot_loss_curves(0.8, 3.0, form=form, s=1.5, ax=axes)
    values = loss_curve_values(form, X_GRID, c1=0.8, c2=3.0, s=1.5)
    for cost in ("quadratic", "cross_entropy"):
        np.testing.assert_allclose(artists["loss"][cost].get_ydata(), values[cost][0])
        np.testing.assert_allclose(artists["grad"][cost].get_ydata(), values[cost][1])
        assert artists["loss"][cost].get_color() == COST_STYLE[cost]["color"]
        assert not artists["ghost_loss"][cost].get_visible()


def test_loss_curves_mark_the_simplified_inflection_on_both_panels(axes):
    artists = plot_loss_curves(1.0, 4.0, ax=axes)
    loss_marker, grad_marker = artists["inflection"]
    assert loss_marker.get_xdata()[0] == pytest.approx(np.log(2.0))
    assert loss_marker.get_ydata()[0] == pytest.approx(le.simplified_mse(np.log(2.0), c2=4.0))
    # the loss's inflection is the extreme point of its gradient
    assert grad_marker.get_ydata()[0] == pytest.approx(
        le.grad_simplified_mse(X_GRID, c2=4.0).min(), rel=1e-4
    )


@pytest.mark.parametrize("form", ["simplified", "exact"])
def test_loss_curves_shade_the_flat_region_in_both_panels(axes, form):
    artists = plot_loss_curves(form=form, ax=axes)
    edge = mse_flat_edge(form)
    for span in artists["flat"]:
        assert span.get_x() == X_GRID[0]
        assert span.get_x() + span.get_width() == pytest.approx(edge)


def test_loss_curves_readout_names_a_slope_that_never_gets_steep(axes):
    artists = plot_loss_curves(ax=axes)
    summary = set_loss_curves(artists, 1.0, 2.0, form="exact", tol=0.3)
    assert summary.endswith("MSE flat (|slope| < 0.3) everywhere")
    for span in artists["flat"]:
        assert span.get_x() + span.get_width() == X_GRID[-1]


def test_loss_curves_compare_shows_the_other_form_in_grey(axes):
    artists = plot_loss_curves(form="exact", compare=True, ax=axes)
    ghost = artists["ghost_loss"]["cross_entropy"]
    assert ghost.get_visible()
    np.testing.assert_allclose(ghost.get_ydata(), le.simplified_cross_entropy(X_GRID))
    assert "(grey: simplified)" in artists["titles"][0].get_text()


def test_loss_curves_are_labelled_with_units_and_a_legend(axes):
    plot_loss_curves(ax=axes)
    loss_ax, grad_ax = axes
    assert "nats" in loss_ax.get_ylabel()
    assert "logit" in loss_ax.get_xlabel() and "logit" in grad_ax.get_xlabel()
    assert "gradient" in grad_ax.get_ylabel()
    labels = [t.get_text() for t in loss_ax.get_legend().get_texts()]
    assert labels == ["MSE flat: |slope| < 0.05", "MSE", "cross-entropy", "MSE inflection"]


def test_set_loss_curves_updates_in_place_without_new_artists(axes):
    artists = plot_loss_curves(ax=axes)
    before = [len(ax.get_children()) for ax in axes]
    line = artists["loss"]["quadratic"]
    set_loss_curves(artists, 0.5, 2.0, form="exact", s=2.0, compare=True)
    assert artists["loss"]["quadratic"] is line
    assert [len(ax.get_children()) for ax in axes] == before
    np.testing.assert_allclose(line.get_ydata(), le.exact_mse(X_GRID, c1=0.5, s=2.0))
    assert len(artists["inflection"][0].get_xdata()) == 2


def test_set_loss_curves_hides_the_inflection_when_there_is_none(axes):
    artists = plot_loss_curves(ax=axes)
    text = set_loss_curves(artists, 0.0, 2.0, form="simplified")
    assert len(artists["inflection"][0].get_xdata()) == 0
    assert text.startswith("MSE inflection at x = none")


def test_plot_loss_curves_makes_its_own_figure_without_ax():
    artists = plot_loss_curves()
    assert len(artists["axes"]) == 2
    assert artists["axes"][0].figure is artists["axes"][1].figure


# plot_simplified_and_exact


def test_simplified_and_exact_rows():
    rows = plot_simplified_and_exact(1.0, 2.0, 1.0)
    simplified, exact = rows["simplified"], rows["exact"]
    assert simplified["axes"][0].figure is exact["axes"][0].figure
    np.testing.assert_allclose(
        exact["loss"]["cross_entropy"].get_ydata(), le.exact_cross_entropy(X_GRID)
    )
    assert exact["ghost_loss"]["cross_entropy"].get_visible()
    assert not simplified["ghost_loss"]["cross_entropy"].get_visible()


# plot_second_derivatives


def test_second_derivatives_show_convex_cross_entropy_and_non_convex_mse():
    artists = plot_second_derivatives()
    assert artists["cross_entropy"].get_ydata().min() >= 0
    mse = artists["quadratic"].get_ydata()
    assert mse.min() < 0 < mse.max()
    assert artists["inflection"].get_xdata()[0] == pytest.approx(-np.log(2.0))
    ax = artists["quadratic"].axes
    assert "second derivative" in ax.get_ylabel()
    assert ax.get_legend() is not None


# plot_weight_line


def test_weight_line_chord_lies_below_the_midpoint():
    artists = plot_weight_line()
    chord = artists["chord"].get_ydata()
    assert chord[0] == chord[1] == pytest.approx(le.one_hidden_unit_loss(2.0, 2.0))
    t, loss = artists["cross_entropy"].get_data()
    assert loss[np.argmin(np.abs(t))] > chord[0]
    np.testing.assert_allclose(loss, loss[::-1])  # (w, v) and (-w, -v): same loss


# the explorer


def test_loss_curves_explorer_greys_out_s_in_the_simplified_form():
    explorer = loss_curves_explorer()
    assert explorer.sliders["s"].disabled
    explorer.sliders["form"].value = "exact"
    assert not explorer.sliders["s"].disabled


def test_loss_curves_explorer_slider_ranges_and_defaults():
    sliders = loss_curves_explorer().sliders
    assert (sliders["c1"].min, sliders["c1"].max, sliders["c1"].value) == (0.0, 1.0, 1.0)
    assert sliders["c2"].min > 0 and sliders["c2"].value == 2.0


def test_loss_curves_explorer_rejects_values_off_its_sliders():
    with pytest.raises(ValueError, match=r"c2 must be a number in \[0.1, 10\]"):
        loss_curves_explorer(c2=50.0)
    with pytest.raises(ValueError, match="form must be one of"):
        loss_curves_explorer(form="both")
