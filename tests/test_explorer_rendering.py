"""The explorers' incremental redraw shows the same pixels as drawing the whole figure."""

import io

import ipywidgets
import numpy as np
import pytest
from PIL import Image

from lossedu import widgets
from lossedu.plots import new_figure
from lossedu.widgets._explorer import Explorer, encode_png, float_slider, render_png

FACTORIES = {name: getattr(widgets, name) for name in widgets.__all__ if name.endswith("_explorer")}
# Alpha blending of the cached layers rounds differently from Agg's: a level or two.
TOLERANCE = 3


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


def whole_draw(explorer):
    """The figure drawn from scratch, without the explorer noticing the draw."""
    renderer = explorer._renderer
    renderer._drawing = True
    try:
        return pixels(render_png(explorer.figure))
    finally:
        renderer._drawing = False


def values(control, n):
    if isinstance(control, (ipywidgets.FloatSlider, ipywidgets.IntSlider)):
        grid = np.linspace(control.min, control.max, n + 2)[1:-1]
        return [type(control.value)(v) for v in grid]
    options = [o[1] if isinstance(o, tuple) else o for o in control.options]
    return [options[i % len(options)] for i in range(1, n + 1)]


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_incremental_redraw_matches_a_whole_draw(name):
    explorer = FACTORIES[name]()
    controls = list(explorer.sliders.values())
    # Each control in turn, then back and forth between them, so layouts are revisited.
    moves = [(c, v) for c in controls for v in values(c, 3)]
    moves += [(c, v) for c in controls for v in values(c, 2)]
    for control, value in moves:
        if control.value == value:
            continue
        control.value = value
        difference = np.abs(pixels(explorer.image.value) - whole_draw(explorer)).max()
        assert difference <= TOLERANCE, f"{control.description} = {value!r}"


def test_a_draw_from_elsewhere_is_not_overwritten():
    fig, ax = new_figure(figsize=(3, 2))
    (line,) = ax.plot([0, 1], [0, 1])
    explorer = Explorer(
        fig, {"a": float_slider("a", 0.5, 0.0, 1.0, 0.1)}, lambda a: line.set_ydata([0, a])
    )
    for a in (0.1, 0.2, 0.3):
        explorer.sliders["a"].value = a
    ax.set_facecolor("black")  # a static change ...
    fig.savefig(io.BytesIO(), format="png")  # ... that another draw marks as drawn
    explorer.sliders["a"].value = 0.4
    assert np.abs(pixels(explorer.image.value) - whole_draw(explorer)).max() <= TOLERANCE


@pytest.mark.parametrize("alpha", [255, 128])
def test_encode_png_round_trips(alpha):
    rng = np.random.default_rng(0)
    rgba = rng.integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    rgba[:, :, 3] = alpha
    decoded = Image.open(io.BytesIO(encode_png(rgba)))
    assert decoded.mode == ("RGB" if alpha == 255 else "RGBA")
    np.testing.assert_array_equal(np.asarray(decoded.convert("RGBA")), rgba)
