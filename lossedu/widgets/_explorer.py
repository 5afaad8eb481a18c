"""The machinery every explorer shares: controls that redraw one figure in place.

An :class:`Explorer` owns a matplotlib figure that lives outside pyplot and an
``ipywidgets.Image`` that shows it. Moving a control calls the explorer's
``update`` function, which changes the data of the existing artists; the
figure is then rendered once (Agg) and the image's bytes are swapped. No new
figure is made per move, so nothing flickers and memory stays flat.
"""

import base64
import io

import ipywidgets as widgets
from PIL import Image


def render_png(figure):
    """Draw `figure` with Agg and return it as PNG bytes.

    Fast PNG compression: the bytes go over a local socket, not to disk, and
    level 1 encodes several times faster than matplotlib's default for a few
    per cent more bytes.
    """
    canvas = figure.canvas
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    buffer = io.BytesIO()
    Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(
        buffer, format="png", compress_level=1
    )
    return buffer.getvalue()


class Explorer:
    """A figure driven by controls, displayable in Jupyter.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to update (make it with :func:`lossedu.plots.new_figure`).
    sliders : dict of str to ipywidgets.ValueWidget
        The controls, by short name, in display order.
    update : callable
        ``update(**values)`` changes the figure's artists for the controls'
        current values; it may return an HTML string shown under the figure.
    title : str, optional
        A line of HTML shown above the controls.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    sliders : dict of str to ipywidgets.ValueWidget
    widget : ipywidgets.VBox
        What is displayed: title, controls, the figure's image, the readout.
    redraws : int
        How many times the figure has been rendered (one per control change).

    Notes
    -----
    Setting ``explorer.sliders[name].value`` from code redraws synchronously,
    exactly as a move in the browser does, so tests and benchmarks can drive an
    explorer without one.
    """

    def __init__(self, figure, sliders, update, *, title=None):
        self.figure = figure
        self.sliders = dict(sliders)
        self._update = update
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.readout = widgets.HTML()
        self.redraws = 0
        controls = widgets.VBox(list(self.sliders.values()))
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        self.widget = widgets.VBox([*header, controls, self.image, self.readout])
        self.widget.add_class("lossedu-explorer")
        for control in self.sliders.values():
            control.observe(self._on_change, names="value")
        self.redraw()
        # The first draw has placed everything; freeze that layout so a slider
        # move redraws the artists without solving the layout again.
        self.figure.set_layout_engine("none")

    @property
    def values(self):
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.sliders.items()}

    def redraw(self):
        """Update the artists for the current values and render the figure once."""
        text = self._update(**self.values)
        if text is not None:
            self.readout.value = text
        self.image.value = render_png(self.figure)
        self.redraws += 1

    def _on_change(self, change):
        self.redraw()

    def _repr_mimebundle_(self, **kwargs):
        # The live widget for Jupyter, plus the current figure as a PNG for
        # viewers without a widget manager (GitHub, nbviewer, exported HTML).
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self):
        values = ", ".join(f"{name}={value!r}" for name, value in self.values.items())
        return f"<{type(self).__name__} {values}>"


def float_slider(description, value, lo, hi, step, *, readout_format=".3f"):
    """A float slider wide enough to read from the back of a classroom."""
    return widgets.FloatSlider(
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=description,
        readout_format=readout_format,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="480px"),
    )


def choice(description, options, value):
    """Toggle buttons for a small set of options (a unit, a cost)."""
    return widgets.ToggleButtons(
        options=options,
        value=value,
        description=description,
        style={"description_width": "initial"},
    )
