"""The machinery every explorer shares: controls that redraw one figure in place.

An :class:`Explorer` owns a matplotlib figure that lives outside pyplot and an
``ipywidgets.Image`` that shows it. Moving a control calls the explorer's
``update`` function, which changes the data of the existing artists; the
figure is then rendered once (Agg) and the image's bytes are swapped. No new
figure is made per move, so nothing flickers and memory stays flat.

Rendering is incremental: after the first move has shown which artists an
update changes, later moves restore a cached image of everything drawn beneath
them and redraw only those artists and whatever lies above them, unless the
axes' limits, labels or layout changed, in which case the whole figure is drawn.
"""

import base64
import contextlib
import functools
import struct
import zlib

import ipywidgets as widgets
import numpy as np
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.spines import Spine
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FixedLocator, FuncFormatter

from .._validation import as_mapping, check_text
from ..i18n import _

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def encode_png(rgba):
    """PNG bytes of an (height, width, 4) uint8 RGBA image.

    Opaque images are stored as RGB. Rows are not filtered and zlib runs at
    level 1: the bytes go over a local socket, not to disk, and this encodes a
    figure about three times faster than Pillow's PNG writer for a few per cent
    more bytes.
    """
    height, width, _ = rgba.shape
    opaque = bool(rgba[:, :, 3].min() == 255)
    channels = 3 if opaque else 4
    rows = np.empty((height, width * channels + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "none" for every row
    rows[:, 1:].reshape(height, width, channels)[...] = rgba[:, :, :channels]
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6, 0, 0, 0)
    return b"".join(
        [
            _PNG_SIGNATURE,
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)),
            _png_chunk(b"IEND", b""),
        ]
    )


def _canvas_png(canvas):
    return encode_png(np.asarray(canvas.buffer_rgba()))


def render_png(figure):
    """Draw `figure` with Agg and return it as PNG bytes."""
    canvas = figure.canvas
    canvas.draw()
    return _canvas_png(canvas)


class _IncrementalRenderer:
    """Draws a figure whole, or only what changed since the last draw.

    matplotlib marks every artist it changes *stale* until it is drawn. The
    direct children of the axes that an update makes stale are remembered as
    the figure's moving parts. The figure is then drawn once without them and
    without everything drawn after them (spines, legends, texts: higher
    z-order), and that background is copied; each unchanging run of artists
    drawn after a moving part is rendered once onto a transparent layer. A
    later update that changes only moving parts restores the background and,
    in matplotlib's own drawing order, draws the moving parts and lays the
    cached layers over them, so the pixels match a full draw (to rounding of
    the alpha blend).

    A background belongs to one layout: limits, scales, ticks, axis labels. A
    control that switches between layouts (a unit, a scale) finds each one's
    background cached after its second visit; a layout seen for the first time
    is drawn whole. A change to anything else (a new moving part, the axes'
    background, spines, figure texts) empties the cache. Overlapping axes
    (insets, twins), rasterised layers, subfigures and see-through figures are
    always drawn whole.
    """

    CACHED_LAYOUTS = 8

    def __init__(self, figure):
        self.figure = figure
        self._moving = []
        self._cache = {}  # layout fingerprint -> (background, runs), oldest first
        self._seen = {}
        self._last = None
        self._undrawn = {}
        self._drawn = False
        self._drawing = False
        # A draw from elsewhere (savefig, render_png, the inline backend) marks
        # every artist fresh, hiding what changed: start again from a whole draw.
        figure.canvas.mpl_connect("draw_event", self._on_draw)

    def adopt_layout(self):
        """Take the figure's layout as drawn last as the current one (after freezing it)."""
        self._last = self._layout_fingerprint()

    def _on_draw(self, event):
        if not self._drawing:
            self._drawn = False

    def render(self):
        """Bring the figure's Agg canvas up to date; return its PNG bytes."""
        canvas = self.figure.canvas
        layout = self._layout_fingerprint()
        last, self._last = self._last, layout
        changed, other_changes = self._stale_children()
        if not self._drawn or not self._blittable():
            self._drawn = True
            self._cache.clear()
            return self._draw_whole()
        moving = set(map(id, self._moving))
        new = [a for a in changed if id(a) not in moving]
        if new or other_changes:
            # The cached backgrounds hold these artists as unchanging.
            self._cache.clear()
            present = {id(c) for ax in self.figure.axes for c in ax.get_children()}
            self._moving = [a for a in self._moving if id(a) in present] + new
        if layout in self._cache:
            background, runs = self._cache.pop(layout)
            self._cache[layout] = background, runs
            canvas.restore_region(background)
            self._draw_runs(runs)
            return _canvas_png(canvas)
        if layout != last and layout not in self._seen:
            # A layout seen for the first time (limits that follow the data change
            # on every move) is drawn whole: a background would never be reused.
            self._seen[layout] = True
            while len(self._seen) > 4 * self.CACHED_LAYOUTS:
                del self._seen[next(iter(self._seen))]
            return self._draw_whole()
        self._cache[layout] = self._draw_background()
        while len(self._cache) > self.CACHED_LAYOUTS:
            del self._cache[next(iter(self._cache))]
        return _canvas_png(self.figure.canvas)

    def _draw(self):
        self._drawing = True
        try:
            self.figure.canvas.draw()
        finally:
            self._drawing = False

    def _draw_whole(self):
        self._draw()
        self._note_undrawn()
        return _canvas_png(self.figure.canvas)

    def _layout_fingerprint(self):
        fig = self.figure
        parts = [tuple(fig.bbox.bounds), fig.dpi, len(fig.get_children())]
        for ax in fig.axes:
            parts.append(
                (
                    id(ax),
                    tuple(ax.get_position().bounds),
                    tuple(ax.viewLim.bounds),
                    ax.get_xscale(),
                    ax.get_yscale(),
                    ax.axison,
                    tuple((id(c), c.get_zorder()) for c in ax.get_children()),
                    tuple(
                        (
                            _ticker_key(axis.get_major_locator()),
                            _ticker_key(axis.get_major_formatter()),
                            _ticker_key(axis.get_minor_locator()),
                            _ticker_key(axis.get_minor_formatter()),
                            axis.label.get_text(),
                            axis.label.get_visible(),
                        )
                        for axis in ax._axis_map.values()
                    ),
                    # An annotation's anchor is a plain attribute: no stale flag.
                    tuple(tuple(np.ravel(a.xy)) for a in ax.texts if hasattr(a, "xy")),
                )
            )
        return tuple(parts)

    def _changed(self, artist):
        """Stale since the last draw. Artists a draw skips (empty texts, hidden ones)
        stay stale for ever; those count as changed only if shown or rewritten."""
        if not artist.stale:
            return False
        before = self._undrawn.get(id(artist))
        return before is None or before != _shown_state(artist)

    def _note_undrawn(self):
        self._undrawn = {id(a): _shown_state(a) for a in self.figure.findobj() if a.stale}

    def _stale_children(self):
        """Changed direct children of the axes, and whether anything else changed."""
        fig = self.figure
        changed, other = [], False
        for ax in fig.axes:
            for child in ax.get_children():
                if child is ax.patch or isinstance(child, Spine):
                    other |= self._changed(child)
                elif isinstance(child, Axis):
                    # Labels are part of the layout fingerprint; ticks follow the limits.
                    continue
                elif any(self._changed(a) for a in child.findobj()):
                    changed.append(child)
        other |= self._changed(fig.patch)
        for child in fig.get_children():
            if child is not fig.patch and child not in fig.axes:
                other |= any(self._changed(a) for a in child.findobj())
        return changed, other

    def _blittable(self):
        fig = self.figure
        if getattr(fig, "subfigs", None) or fig.patch.get_alpha() not in (None, 1):
            return False
        if fig.patch.get_facecolor()[3] < 1:
            return False
        boxes = [ax.get_position() for ax in fig.axes]
        for i, ax in enumerate(fig.axes):
            if ax.child_axes or ax.get_rasterization_zorder() is not None:
                return False
            for other in boxes[i + 1 :]:
                overlap = boxes[i].intersection(boxes[i], other)
                if overlap is not None and overlap.width > 0 and overlap.height > 0:
                    return False
        return True

    def _front_artists(self):
        """The moving artists and everything drawn after them, in drawing order."""
        moving = set(map(id, self._moving))
        front, lowest = [], None
        for ax in sorted(self.figure.axes, key=_zorder):
            children = [c for c in ax.get_children() if c is not ax.patch]
            if not (ax.axison and ax.get_frame_on()):
                children = [c for c in children if not isinstance(c, Spine)]
            if not ax.axison:
                children = [c for c in children if not isinstance(c, Axis)]
            children = sorted((c for c in children if not c.get_animated()), key=_zorder)
            first = next((i for i, c in enumerate(children) if id(c) in moving), None)
            if first is not None:
                front.extend(children[first:])
                lowest = ax.get_zorder() if lowest is None else min(lowest, ax.get_zorder())
        if lowest is not None:
            fig = self.figure
            extra = [
                c
                for c in fig.get_children()
                if c is not fig.patch and c not in fig.axes and not c.get_animated()
            ]
            front.extend(sorted((c for c in extra if c.get_zorder() >= lowest), key=_zorder))
        return front

    def _draw_background(self):
        """Draw everything beneath the moving parts and copy it; cache the layers above.

        Returns the background and the runs that complete a frame over it.
        """
        canvas = self.figure.canvas
        front = self._front_artists()
        for artist in front:
            artist.set_animated(True)
        try:
            self._draw()
        finally:
            for artist in front:
                artist.set_animated(False)
        background = canvas.copy_from_bbox(self.figure.bbox)
        # Split what lies in front into runs: moving artists are drawn every
        # time, each run of unchanging ones is rendered once onto a clear layer.
        moving = set(map(id, self._moving))
        runs = []
        for artist in front:
            kind = "draw" if id(artist) in moving else "layer"
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(artist)
            else:
                runs.append((kind, [artist]))
        renderer = canvas.get_renderer()
        pixels = np.asarray(canvas.buffer_rgba()).reshape(-1, 4)
        for i, (kind, artists) in enumerate(runs):
            if kind == "layer":
                renderer.clear()
                for artist in artists:
                    artist.draw(renderer)
                runs[i] = ("layer", _Layer(pixels))
        self._note_undrawn()
        canvas.restore_region(background)
        self._draw_runs(runs)
        return background, runs

    def _draw_runs(self, runs):
        canvas = self.figure.canvas
        renderer = canvas.get_renderer()
        pixels = None
        for kind, content in runs:
            if kind == "draw":
                for artist in content:
                    artist.draw(renderer)
            else:
                if pixels is None:
                    pixels = np.asarray(canvas.buffer_rgba()).reshape(-1, 4)
                content.over(pixels)


def _zorder(artist):
    return artist.get_zorder()


class _Layer:
    """The visible pixels of artists drawn onto a clear canvas, to lay over another image."""

    def __init__(self, pixels):
        alpha = pixels[:, 3]
        self.index = np.flatnonzero(alpha)
        a = alpha[self.index].astype(np.uint32)[:, None]
        self.premultiplied = pixels[self.index, :3].astype(np.uint32) * a + 127
        self.keep = 255 - a

    def over(self, pixels):
        """Alpha-blend the layer over opaque RGBA `pixels` (flat, in place)."""
        below = pixels[self.index, :3].astype(np.uint32)
        pixels[self.index, :3] = (self.premultiplied + below * self.keep) // 255


def _ticker_key(ticker):
    """What a tick locator or formatter will produce: fixed ticks by value, others by identity."""
    if isinstance(ticker, FixedLocator):
        return "locs", tuple(np.ravel(ticker.locs)), ticker.nbins
    if isinstance(ticker, FixedFormatter):
        return "seq", tuple(ticker.seq), ticker.offset_string
    func = getattr(ticker, "func", None)
    if isinstance(ticker, FuncFormatter) and isinstance(func, functools.partial):
        # What set_ticklabels makes: a lookup of the labels by tick position.
        args = tuple(tuple(a.items()) if isinstance(a, dict) else a for a in func.args)
        key = "partial", func.func, args
        try:
            hash(key)
        except TypeError:
            return id(ticker)
        return key
    return id(ticker)


def _shown_state(artist):
    text = artist.get_text() if hasattr(artist, "get_text") else None
    return artist.get_visible(), text


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
    scenes : dict of str to dict
        Named settings of the controls (see :meth:`add_scenes`), by name.
    scene : ipywidgets.Dropdown or None
        The control that shows a scene in one click, once scenes are added; its
        value is the scene shown, or "" when a control has moved since.

    Notes
    -----
    Setting ``explorer.sliders[name].value`` from code redraws synchronously,
    exactly as a move in the browser does, so tests and benchmarks can drive an
    explorer without one. :meth:`show_scene` sets several controls and redraws
    once.
    """

    def __init__(self, figure, sliders, update, *, title=None):
        if not isinstance(figure, Figure):
            raise ValueError(
                f"figure must be a matplotlib Figure (see lossedu.plots.new_figure); got {figure!r}"
            )
        sliders = as_mapping(sliders, "sliders", "ipywidgets controls by name")
        for name, control in sliders.items():
            if not isinstance(name, str) or not isinstance(control, widgets.ValueWidget):
                raise ValueError(
                    f"sliders must map names to ipywidgets controls; got {name!r}: {control!r}"
                )
        if not callable(update):
            raise ValueError(f"update must be a function of the controls' values; got {update!r}")
        title = check_text(title, "title")
        self.figure = figure
        self.sliders = dict(sliders)
        self._update = update
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.readout = widgets.HTML()
        self.redraws = 0
        self.scenes = {}
        self.scene = None
        self._holding = False
        self._renderer = _IncrementalRenderer(figure)
        self._controls = widgets.VBox(list(self.sliders.values()))
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        self.widget = widgets.VBox([*header, self._controls, self.image, self.readout])
        self.widget.add_class("lossedu-explorer")
        for control in self.sliders.values():
            control.observe(self._on_change, names="value")
        self.redraw()
        # The first draw has placed everything; freeze that layout so a slider
        # move redraws the artists without solving the layout again.
        self.figure.set_layout_engine("none")
        self._prime()

    def _prime(self):
        """Render the current values once more, unseen, so that the first move is warm.

        The renderer takes the layout the first draw froze as its own, and learns from
        this render which artists an update changes, caching what lies beneath and
        above them (see :class:`_IncrementalRenderer`): a control's first move then
        costs what every later move costs. A text the update sets (a title that shows
        a value) counts as changed even when it is the same, as it will be on a move.
        The image keeps the first, whole draw.
        """
        self._renderer.adopt_layout()
        with _texts_set_are_changed():
            self._update(**self.values)
        self._renderer.render()

    @property
    def values(self):
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.sliders.items()}

    def redraw(self):
        """Update the artists for the current values and render the figure once."""
        text = self._update(**self.values)
        if text is not None:
            self.readout.value = text
        self.image.value = self._renderer.render()
        self.redraws += 1

    def _on_change(self, change):
        if self._holding:
            return
        self._leave_scene()
        self.redraw()

    # -- scenes: named settings of every control, shown in one click ------------------

    def add_scenes(self, scenes, *, label="scene", prompt="choose a scene"):
        """Offer named settings of the controls in a drop-down under them.

        Parameters
        ----------
        scenes : dict of str to dict
            For each scene's name, the value of every control, by the control's
            name. Each value must be one the control can show: within a slider's
            range and on its steps, or one of a choice's options.
        label, prompt : str
            The drop-down's label, and what it shows when no scene is chosen
            (after a control was moved by hand).

        Notes
        -----
        The drop-down shows the names, `label` and `prompt` in the current
        language (:func:`lossedu.i18n._`); its value stays the name as given, so
        code that chooses a scene by its name works in every language.

        Raises
        ------
        ValueError
            If a scene misses a control, names an unknown one, or gives a value
            the control cannot show.

        Examples
        --------
        >>> from lossedu.widgets import information_explorer
        >>> explorer = information_explorer()
        >>> explorer.add_scenes({"a fair coin": {"p": 0.5, "unit": "bits"}})
        >>> explorer.scene.value = "a fair coin"   # sets p and unit, redraws once
        >>> explorer.values, explorer.redraws
        ({'p': 0.5, 'unit': 'bits'}, 2)
        """
        scenes = as_mapping(scenes, "scenes", "scene names to control values")
        label = check_text(label, "label", optional=False)
        prompt = check_text(prompt, "prompt", optional=False)
        checked = {}
        for name, values in scenes.items():
            check_text(name, "scenes (a scene's name)", optional=False)
            checked[name] = self._check_scene(name, values)
        self.scenes = {**self.scenes, **checked}
        options = [(_(prompt), ""), *((_(name), name) for name in self.scenes)]
        if self.scene is None:
            self.scene = widgets.Dropdown(
                options=options,
                value="",
                description=_(label),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="480px"),
            )
            self.scene.add_class("lossedu-scene")
            self.scene.observe(self._on_scene, names="value")
            # Last, next to the figure: moving the controls from the opening state comes first.
            self._controls.children = (*self._controls.children, self.scene)
        else:
            self.scene.unobserve(self._on_scene, names="value")
            self.scene.options = options
            self.scene.value = ""
            self.scene.observe(self._on_scene, names="value")

    def _check_scene(self, name, values):
        values = as_mapping(values, f"scenes[{name!r}]", "control names to values")
        missing = [key for key in self.sliders if key not in values]
        unknown = [key for key in values if key not in self.sliders]
        if missing or unknown:
            raise ValueError(
                f"scenes[{name!r}] must give every control of the explorer, "
                f"{', '.join(self.sliders)}; missing {missing}, unknown {unknown}"
            )
        for key, value in values.items():
            _check_showable(self.sliders[key], value, f"scenes[{name!r}][{key!r}] is {value!r}")
        return dict(values)

    def show_scene(self, name):
        """Set every control to scene `name` and redraw the figure once.

        `name` is the scene's name as given to :meth:`add_scenes`, or its label
        as the drop-down shows it (in the language the explorer was built in).
        """
        if isinstance(name, str) and name and name not in self.scenes and self.scene is not None:
            name = {label: key for label, key in self.scene.options if key}.get(name, name)
        if not isinstance(name, str) or name not in self.scenes:
            options = ", ".join(repr(s) for s in self.scenes) or "none (add_scenes first)"
            raise ValueError(f"name must be one of the explorer's scenes, {options}; got {name!r}")
        if self.scene is not None and self.scene.value != name:
            self.scene.value = name  # shows it through _on_scene
            return
        self._holding = True
        try:
            self._set_values(self.scenes[name])
        finally:
            self._holding = False
        self.redraw()

    def _set_values(self, values):
        """Set the controls without redrawing (notifications are held)."""
        for key, value in values.items():
            self.sliders[key].value = value

    def _on_scene(self, change):
        if change["new"]:
            self.show_scene(change["new"])

    def _leave_scene(self):
        """A control moved by hand: the drop-down no longer names the figure shown."""
        if self.scene is not None and self.scene.value:
            self.scene.unobserve(self._on_scene, names="value")
            try:
                self.scene.value = ""
            finally:
                self.scene.observe(self._on_scene, names="value")

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


@contextlib.contextmanager
def _texts_set_are_changed():
    """Within: setting a text marks it stale even when the text stays the same.

    matplotlib marks a text stale only when its string changes, so an update run
    again with the same values would hide which texts it sets.
    """
    original = Text.set_text

    def set_text(self, s):
        original(self, s)
        self.stale = True

    Text.set_text = set_text
    try:
        yield
    finally:
        Text.set_text = original


def _check_showable(control, value, where):
    """Raise ``ValueError`` (starting with `where`) if `control` cannot show `value`."""
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise ValueError(f"{where}: expected a number")
        if isinstance(control, widgets.IntSlider) and int(value) != value:
            raise ValueError(f"{where}: expected a whole number")
        if not control.min <= value <= control.max:
            raise ValueError(f"{where}: expected a value in [{control.min}, {control.max}]")
        steps = (value - control.min) / control.step
        if abs(steps - round(steps)) > 1e-6:
            raise ValueError(
                f"{where}: expected a stop of the slider "
                f"(from {control.min} in steps of {control.step})"
            )
        return
    options = getattr(control, "options", None)
    if options is not None:
        allowed = [o[1] if isinstance(o, tuple) else o for o in options]
        if value not in allowed:
            raise ValueError(f"{where}: expected one of {', '.join(repr(o) for o in allowed)}")


def float_slider(description, value, lo, hi, step, *, readout_format=".3f"):
    """A float slider wide enough to read from the back of a classroom."""
    return _slider(widgets.FloatSlider, description, value, lo, hi, step, readout_format)


def int_slider(description, value, lo, hi, step):
    """An integer slider, as wide as :func:`float_slider`."""
    return _slider(widgets.IntSlider, description, value, lo, hi, step, "d")


def _slider(kind, description, value, lo, hi, step, readout_format):
    return kind(
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
    """Toggle buttons for a small set of options (a unit, a cost).

    `options` are values, or (label, value) pairs; each label (the value when
    there is none) is shown in the current language, the values stay as they are.
    """
    pairs = [option if isinstance(option, tuple) else (option, option) for option in options]
    return widgets.ToggleButtons(
        options=[(_(label), option) for label, option in pairs],
        value=value,
        description=description,
        style={"description_width": "initial"},
    )
