"""Every explorer honours the contract: each control, set from code, redraws the same figure."""

import ipywidgets
import pytest

from lossedu import widgets

FACTORIES = {name: getattr(widgets, name) for name in widgets.__all__ if name.endswith("_explorer")}


def other_value(control):
    """A value different from the control's current one, inside its range."""
    if isinstance(control, (ipywidgets.FloatSlider, ipywidgets.IntSlider)):
        lo, hi = control.min, control.max
        return lo + 0.37 * (hi - lo) if control.value > (lo + hi) / 2 else hi - 0.29 * (hi - lo)
    options = [o[1] if isinstance(o, tuple) else o for o in control.options]
    return next(o for o in options if o != control.value)


def snapshot(explorer):
    return bytes(explorer.image.value)


@pytest.fixture(params=sorted(FACTORIES), ids=sorted(FACTORIES))
def explorer(request):
    return FACTORIES[request.param]()


def test_explorers_exist():
    assert "information_explorer" in FACTORIES


def test_explorer_exposes_sliders_and_figure(explorer):
    from matplotlib.figure import Figure

    assert isinstance(explorer.figure, Figure)
    assert explorer.sliders, "an explorer needs at least one control"
    for name, control in explorer.sliders.items():
        assert isinstance(name, str) and isinstance(control, ipywidgets.ValueWidget)


def test_every_control_redraws_the_same_figure_in_place(explorer):
    figure = explorer.figure
    for name, control in explorer.sliders.items():
        before, redraws = snapshot(explorer), explorer.redraws
        control.value = other_value(control)
        assert explorer.redraws == redraws + 1, f"{name}: expected exactly one redraw"
        assert explorer.figure is figure, f"{name}: a new figure was made"
        assert snapshot(explorer) != before, f"{name}: the figure did not change"


def test_explorer_displays_widget_and_png_fallback(explorer):
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"]
    assert bundle["text/plain"].startswith("<Explorer")
