"""Slider update in process: an explorer's in-place redraw against rebuilding its figure.

For every explorer exported by :mod:`lossedu.widgets` (``__all__`` names ending in
``_explorer``), each slider is set from code through 50 values, as a drag in the
browser would set it; each assignment runs the explorer's update and renders the
figure once with Agg to PNG. That time is compared, in the same run, with what a
naive ``interact`` does on every move: build the figure anew and render it.
Discrete controls (a unit, a cost: toggle buttons) are switched 10 times and
reported beside the sliders, against the same target: a switch may change an
axis' scale or label, which a drag never does.

The rebuild is timed fairly by calling the explorer's own factory with the same
control values (figure, axes, artists, the constrained-layout solve and the first
render to PNG), minus the time spent constructing ipywidgets objects, which a
naive ``interact`` callback would not pay: that part is measured by wrapping
``ipywidgets.Widget.__init__`` and subtracted.
"""

import gc
import inspect
import math
import time

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import numpy as np  # noqa: E402
from _common import NOT_MEASURED, Row, main, median, ms, p95  # noqa: E402

from lossedu import widgets  # noqa: E402

UPDATES_PER_CONTROL = 50
SWITCHES_PER_CONTROL = 10
REBUILDS = 20
TARGET_RATIO = 0.25
#: Caches an explorer's factory shares with the explorers already built. A rebuild
#: must compute what the move to the same state computed: the network explorer's
#: runs are shared by every explorer of a process, so they are forgotten first.
SHARED_CACHES = {"network_explorer": lambda: widgets.network._RUNS.clear()}


def explorer_factories():
    """Every explorer factory exported by lossedu.widgets, by name."""
    names = sorted(n for n in widgets.__all__ if n.endswith("_explorer"))
    return {name: getattr(widgets, name) for name in names}


def is_slider(control):
    sliders = (ipywidgets.FloatSlider, ipywidgets.IntSlider, ipywidgets.FloatLogSlider)
    return isinstance(control, sliders)


def _options(control):
    return [o[1] if isinstance(o, tuple) else o for o in control.options]


def sweep_values(control, n=UPDATES_PER_CONTROL):
    """`n` values for `control`, each different from the one before, starting off its value."""
    if isinstance(control, ipywidgets.FloatLogSlider):
        exponents = np.linspace(control.min, control.max, n)
        values = [float(control.base**e) for e in exponents]
    elif isinstance(control, (ipywidgets.FloatSlider, ipywidgets.IntSlider)):
        lo, hi, step = control.min, control.max, control.step or 0
        grid = np.linspace(lo, hi, n)
        if step:
            grid = np.clip(lo + np.round((grid - lo) / step) * step, lo, hi)
        cast = int if isinstance(control, ipywidgets.IntSlider) else float
        values = [cast(v) for v in grid]
    elif hasattr(control, "options"):
        options = _options(control)
        values = [options[i % len(options)] for i in range(n)]
    elif isinstance(control.value, bool):
        values = [bool(i % 2) for i in range(n)]
    else:
        raise TypeError(f"cannot sweep a {type(control).__name__}")
    out, previous = [], control.value
    for v in values:
        if v != previous:
            out.append(v)
            previous = v
    return out


class WidgetClock:
    """Accumulates the time spent constructing ipywidgets objects (outermost calls only)."""

    def __init__(self):
        self.seconds = 0.0
        self._depth = 0
        self._original = ipywidgets.Widget.__init__

    def __enter__(self):
        clock, original = self, self._original

        def timed_init(widget, *args, **kwargs):
            clock._depth += 1
            start = time.perf_counter()
            try:
                original(widget, *args, **kwargs)
            finally:
                clock._depth -= 1
                if clock._depth == 0:
                    clock.seconds += time.perf_counter() - start

        ipywidgets.Widget.__init__ = timed_init
        return self

    def __exit__(self, *exc):
        ipywidgets.Widget.__init__ = self._original


def time_rebuild(factory, values):
    """Seconds to build the explorer's figure from scratch and render it, without widgets."""
    params = inspect.signature(factory).parameters
    kwargs = {k: v for k, v in values.items() if k in params}
    gc.collect()
    with WidgetClock() as clock:
        start = time.perf_counter()
        explorer = factory(**kwargs)
        total = time.perf_counter() - start
    assert explorer.redraws == 1
    return total - clock.seconds, total, len(kwargs) == len(values)


def bench_explorer(name, factory):
    """Update and rebuild timings (seconds) for one explorer."""
    explorer = factory()
    factory()  # warm caches (fonts, text layout) before anything is timed
    updates, switches, rebuilds, totals, states = [], [], [], [], []
    missed, all_args = 0, True
    per_control = max(1, math.ceil(REBUILDS / len(explorer.sliders)))
    for control in explorer.sliders.values():
        start_value = control.value
        slider = is_slider(control)
        samples = updates if slider else switches
        gc.collect()
        for value in sweep_values(control, UPDATES_PER_CONTROL if slider else SWITCHES_PER_CONTROL):
            before = explorer.redraws
            t0 = time.perf_counter()
            control.value = value
            samples.append(time.perf_counter() - t0)
            missed += explorer.redraws != before + 1
            states.append(explorer.values)
        # Rebuild at states just visited, interleaved with the sweeps so noise hits both.
        picks = np.linspace(0, len(states) - 1, per_control + 2)[1:-1].round().astype(int)
        for i in picks:
            SHARED_CACHES.get(name, lambda: None)()
            bare, total, complete = time_rebuild(factory, states[i])
            rebuilds.append(bare)
            totals.append(total)
            all_args &= complete
        control.value = start_value
        states.clear()
    return {
        "name": name,
        "updates": updates,
        "switches": switches,
        "rebuilds": rebuilds,
        "totals": totals,
        "missed_redraws": missed,
        "factory_takes_all_values": all_args,
        "controls": list(explorer.sliders),
    }


def run(quick=False):
    global UPDATES_PER_CONTROL, SWITCHES_PER_CONTROL, REBUILDS
    if quick:
        UPDATES_PER_CONTROL, SWITCHES_PER_CONTROL, REBUILDS = 10, 4, 4
    factories = explorer_factories()
    if not factories:
        return [Row("slider update (in process)", "no explorers exported", "", NOT_MEASURED)], []
    rows, notes = [], []
    for name, factory in factories.items():
        r = bench_explorer(name, factory)
        rb = median(r["rebuilds"])
        headline = r["updates"] or r["switches"]
        up = median(headline)
        ratio = up / rb
        kind = "slider" if r["updates"] else "switch"
        measured = (
            f"{kind} {ms(up)} (p95 {ms(p95(headline))}) vs rebuild {ms(rb)} "
            f"(p95 {ms(p95(r['rebuilds']))}): {ratio:.2f}×"
        )
        ok = ratio <= TARGET_RATIO and r["missed_redraws"] == 0
        if r["updates"] and r["switches"]:
            sw = median(r["switches"])
            measured += f"; switch {ms(sw)} ({sw / rb:.2f}×)"
            ok &= sw / rb <= TARGET_RATIO
        if r["missed_redraws"]:
            measured += f"; {r['missed_redraws']} sets did not redraw once"
        rows.append(Row.check(f"slider update: {name}", measured, "≤ 0.25× rebuild", ok))
        widget_share = median(r["totals"]) - rb
        notes.append(
            f"{name}: {len(r['updates'])} slider moves and {len(r['switches'])} switches "
            f"over controls {', '.join(r['controls'])}; "
            f"{len(r['rebuilds'])} rebuilds; widget construction excluded from the rebuild: "
            f"{ms(widget_share)} median"
            + ("" if r["factory_takes_all_values"] else "; factory lacks some control arguments")
        )
    return rows, notes


if __name__ == "__main__":
    main(run)
