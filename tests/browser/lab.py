"""A notebook in JupyterLab, used as a person would: open it, run it, move every control.

:class:`NotebookPage` opens one notebook in a fresh workspace, clears its stored
outputs and runs all cells from the menus, waits until the kernel has run every cell,
then finds the displayed explorers (the ``lossedu-explorer`` boxes). :meth:`move`
moves one control as a person does (keyboard on a slider's handle, a click on a toggle
button, another option in a drop-down) until the explorer's figure, screenshotted in
the page, changes visibly. Each redraw is timed in the page, from the key press
or click to the ``load`` event of the new figure image. The page reads and clicks
JupyterLab's own words (menus, kernel status) in the interface's language
(:data:`INTERFACE`).
"""

import io
import re
import time
from collections import Counter
from dataclasses import dataclass

import numpy as np
from PIL import Image

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Run in every page before JupyterLab loads: remember when the last key press, pointer
#: press or input happened, and when each image finished loading (capture phase, so no
#: widget can hide the events); tell the text of an open dialog.
INSTRUMENT = r"""
window.__lossedu = {
  action: null,
  // A dialog over the notebook (a person would have to answer it): its text, else null.
  dialog: () => {
    const dialog = document.querySelector(".jp-Dialog");
    return dialog ? "a dialog asks: " + dialog.innerText.replace(/\s+/g, " ").trim() : null;
  },
};
for (const type of ["keydown", "pointerdown", "input"]) {
  document.addEventListener(type, (e) => { window.__lossedu.action = e.timeStamp; }, true);
}
document.addEventListener("load", (e) => {
  const img = e.target;
  if (img instanceof HTMLImageElement) (img.__losseduLoads ||= []).push(e.timeStamp);
}, true);
"""

#: The words of JupyterLab's own interface the page reads or clicks, by interface language
#: (zh: the jupyterlab-language-pack-zh-CN translations).
INTERFACE = {
    "en": {
        "File": "File",
        "Edit": "Edit",
        "Run": "Run",
        "No Kernel": "No Kernel",
        "Idle": "Idle",
        "log entries": r"(\d+) log entries",
    },
    "zh": {
        "File": "文件",
        "Edit": "编辑",
        "Run": "运行",
        "No Kernel": "无内核",
        "Idle": "空闲",
        "log entries": r"(\d+) 个日志条目",
    },
}

#: What matplotlib says when a font lacks a glyph (a warning, or a mathtext log message).
MISSING_GLYPH = re.compile(r"Glyph \d+ .*missing|does not have a glyph")

NOTEBOOK = ".jp-NotebookPanel .jp-Notebook"
EXPLORER = ".lossedu-explorer"
FIGURE = "img.widget-image"
WIDGET_ERRORS = ".jupyter-widgets-error-widget"
WIDGET_FAILED = '.jp-OutputArea-output:has-text("Error displaying widget")'

#: A figure has changed visibly when some pixel's colour channel moved by more than this.
VISIBLE = 16
LOG_ERRORS = (
    '.jp-OutputArea-child:has(.jp-OutputArea-prompt[data-log-level="error"]) .jp-OutputArea-output'
)

#: True once the notebook's kernel is connected and idle (or the text of a dialog);
#: `words` are the interface's words (:data:`INTERFACE`).
KERNEL_READY = r"""
(words) => {
  const dialog = window.__lossedu.dialog();
  if (dialog) return dialog;
  const status = [...document.querySelectorAll('.jp-StatusBar-TextItem')]
    .map((item) => item.textContent.trim()).find((text) => text.includes(' | '));
  const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return !!status && !status.startsWith(words['No Kernel'])
    && status.endsWith('| ' + words['Idle'])
    && !!indicator && indicator.dataset.status === 'idle';
}
"""

#: True once every non-empty code cell has an execution count (or one raised) and the
#: kernel is idle (or the text of a dialog).
EXECUTED = r"""
() => {
  const dialog = window.__lossedu.dialog();
  if (dialog) return dialog;
  const nb = document.querySelector('.jp-NotebookPanel .jp-Notebook');
  if (!nb) return false;
  const cells = [...nb.querySelectorAll('.jp-CodeCell')].filter(
    (c) => (c.querySelector('.cm-content')?.textContent ?? '').trim() !== '');
  const prompts = cells.map((c) => c.querySelector('.jp-InputPrompt')?.textContent ?? '');
  if (prompts.some((p) => p.includes('*'))) return false;
  const raised = [...nb.querySelectorAll('.jp-OutputArea-output')].some(
    (o) => o.textContent.includes('Traceback (most recent call last)'));
  const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
  const idle = !indicator || indicator.dataset.status === 'idle';
  return idle && (raised || prompts.every((p) => /\[\d+\]/.test(p)));
}
"""

#: The explorers in the notebook once at least `expected` are shown with their figure
#: loaded: for each, the index of its cell and its title.
EXPLORERS_READY = """
(expected) => {
  const nb = document.querySelector('.jp-NotebookPanel .jp-Notebook');
  const roots = [...nb.querySelectorAll('.lossedu-explorer')];
  if (roots.length < expected) return false;
  for (const root of roots) {
    const img = root.querySelector('img.widget-image');
    if (!img || !img.complete || img.naturalWidth === 0) return false;
  }
  const cells = [...nb.querySelectorAll('.jp-Cell')];
  return roots.map((root) => ({
    cell: cells.indexOf(root.closest('.jp-Cell')),
    title: root.querySelector('.widget-html-content b')?.textContent ?? '',
  }));
}
"""

#: Control kinds, by the CSS class of an ipywidgets control's root element.
CONTROL_KINDS = {
    "widget-slider": "slider",
    "widget-toggle-buttons": "toggle-buttons",
    "widget-dropdown": "dropdown",
    "widget-radio": "radio",
    "widget-checkbox": "checkbox",
}

#: The controls of one explorer, in page order: the CSS class of each and its label.
CONTROLS = """
(root, classes) => [...root.querySelectorAll(classes.map((c) => '.' + c).join(', '))].map(
  (el) => ({
    cls: classes.find((c) => el.classList.contains(c)),
    label: (el.querySelector('.widget-label')?.textContent ?? '').trim(),
  }))
"""

#: Whether a person can use a control now: shown, and not disabled.
MOVABLE = """
(el) => el.getClientRects().length > 0 && !el.querySelector('[disabled]')
"""

SLIDER_STATE = """
(handle) => {
  const target = handle.closest('.noUi-target');
  const values = [].concat(target.noUiSlider.get(true)).map(Number);
  const index = Number(handle.dataset.handle || 0);
  return { value: values[index], min: target.noUiSlider.options.range.min,
           max: target.noUiSlider.options.range.max,
           vertical: handle.getAttribute('aria-orientation') === 'vertical' };
}
"""


class BrowserTestFailure(AssertionError):
    """What a person would have seen go wrong, in words."""


@dataclass(eq=False)
class Control:
    """One control of an explorer: its kind, its label and where it is in the page."""

    kind: str
    label: str
    locator: object


def pixel_difference(png_a, png_b):
    """The largest difference of one colour channel between two PNGs, in 0..255.

    255 when the sizes differ. A moved curve or marker changes some pixels by far more
    than :data:`VISIBLE`; redrawing the same state with a different drawing order (the
    explorers draw only what changed) changes some by a unit or two.

    >>> def png(colour):
    ...     buffer = io.BytesIO()
    ...     Image.new("RGB", (4, 4), colour).save(buffer, format="png")
    ...     return buffer.getvalue()
    >>> pixel_difference(png((10, 10, 10)), png((12, 10, 10)))
    2
    >>> pixel_difference(png((10, 10, 10)), png((10, 10, 200)))
    190
    """
    if png_a == png_b:
        return 0
    a, b = (
        np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"), dtype=int) for png in (png_a, png_b)
    )
    if a.shape != b.shape:
        return 255
    return int(np.abs(a - b).max())


def playwright_timeout():
    """Playwright's TimeoutError (imported only when a browser is driven)."""
    from playwright.sync_api import TimeoutError

    return TimeoutError


def last_line(text):
    """The last non-blank line of `text` (of a traceback: the exception and its message).

    >>> last_line("Traceback ...\\n  File x\\nValueError: p must be in (0, 1]\\n")
    'ValueError: p must be in (0, 1]'
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def slug(text):
    """A file-name-safe form of `text`.

    >>> slug("probability p (true class)")
    'probability-p-true-class'
    >>> slug("初始输出 a0")
    '初始输出-a0'
    """
    return re.sub(r"[^A-Za-z0-9\u4e00-\u9fff]+", "-", text).strip("-").lower() or "control"


class NotebookPage:
    """One notebook open in JupyterLab in its own browser context.

    Parameters
    ----------
    browser : playwright.sync_api.Browser
    lab : browser.jupyterlab.JupyterLab
    notebook : str
        The notebook's path relative to the server's root.
    workspace : str
        A fresh workspace name (the page opens it with ``?reset``).
    interface : {"en", "zh"}
        The language of JupyterLab's own interface (its menus and status bar).
    """

    def __init__(self, browser, lab, notebook, workspace, interface="en"):
        self.lab = lab
        self.notebook = notebook
        self.words = INTERFACE[interface]
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.add_init_script(INSTRUMENT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.page_errors = []
        self.console_errors = []
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        self.kernel_id = None
        self.page.goto(lab.lab_url(notebook, workspace), timeout=90_000)
        self.page.locator(NOTEBOOK).wait_for(timeout=90_000)

    def close(self):
        self.context.close()

    # -- running the notebook ---------------------------------------------------------

    def menu(self, title, command):
        """Choose a menu entry: the menu bar's `title` (its English name, shown in the
        interface's language), then the item for `command`."""
        shown = re.escape(self.words[title])
        self.page.locator(".lm-MenuBar-item").filter(has_text=re.compile(f"^{shown}$")).click()
        self.page.locator(f'.lm-Menu-item[data-command="{command}"]').click()

    def menu_titles(self):
        """The titles of the menu bar, as shown."""
        return [text.strip() for text in self.page.locator(".lm-MenuBar-item").all_inner_texts()]

    def wait(self, script, what, timeout, arg=None):
        """Wait until `script` is true in the page; fail early if a dialog opens."""
        try:
            result = self.page.wait_for_function(
                script, arg=arg, timeout=timeout * 1000, polling=200
            )
        except playwright_timeout() as error:
            raise BrowserTestFailure(
                f"{self.notebook}: {what} within {timeout} s (kernel: {self.kernel_status()})"
                + self.problems_text()
            ) from error
        value = result.json_value()
        if isinstance(value, str):
            raise BrowserTestFailure(f"{self.notebook}: {what}: {value}")

    def run_all(self, timeout=300):
        """Clear the stored outputs, run all cells, wait until the kernel ran them all."""
        self.wait(KERNEL_READY, "the kernel was not ready", timeout=120, arg=self.words)
        self.menu("Edit", "editmenu:clear-all")
        self.menu("Run", "runmenu:run-all")
        self.wait(EXECUTED, "the kernel did not run every cell", timeout)
        self.kernel_id = self.lab.kernel_of(self.notebook)

    def kernel_status(self):
        items = self.page.locator(".jp-StatusBar-TextItem").all_inner_texts()
        return next((item for item in items if "|" in item), "unknown")

    def tracebacks(self):
        """The text of every output that shows a Python traceback."""
        outputs = self.page.locator(f"{NOTEBOOK} .jp-OutputArea-output").all_inner_texts()
        return [text for text in outputs if "Traceback (most recent call last)" in text]

    def wait_for_explorers(self, cells, timeout=30):
        """Wait until the explorers of `cells` show a figure; return their cells and titles.

        `cells` lists ``(cell index, explorer name)`` as read from the notebook's source.
        """
        try:
            handle = self.page.wait_for_function(
                EXPLORERS_READY, arg=len(cells), timeout=timeout * 1000, polling=200
            )
        except playwright_timeout() as error:
            shown = self.page.locator(f"{NOTEBOOK} {EXPLORER}").count()
            seen = "".join(
                f"\n  - cell {index + 1} ({name}) shows {self.cell_output(index)}"
                for index, name in cells
            )
            raise BrowserTestFailure(
                f"{self.notebook}: {shown} explorer(s) rendered within {timeout} s after the"
                f" kernel went idle, expected {len(cells)}.{seen}{self.problems_text()}"
            ) from error
        return handle.json_value()

    def cell_output(self, index):
        """What a person sees as the output of cell `index`, in words."""
        output = self.page.locator(f"{NOTEBOOK} .jp-Cell").nth(index).locator(".jp-OutputArea")
        if output.locator(".jupyter-widgets").count():
            return f"a widget: {output.inner_text().strip()[:200]!r}"
        if output.locator('[data-mime-type="image/png"] img').count():
            return (
                "only the static PNG fallback, no live widget: is the JupyterLab extension"
                " @jupyter-widgets/jupyterlab-manager installed and enabled?"
            )
        text = output.inner_text().strip() if output.count() else ""
        return f"{text[:300]!r}" if text else "no output"

    def explorer(self, index):
        return self.page.locator(f"{NOTEBOOK} {EXPLORER}").nth(index)

    # -- what went wrong --------------------------------------------------------------

    def problems(self):
        """Everything on the page a person would call broken, as short lines."""
        found = [f"page error: {error}" for error in self.page_errors]
        found += [f"console error: {text}" for text in self.console_errors]
        shown = self.page.locator(f"{NOTEBOOK} {WIDGET_FAILED}").all_inner_texts()
        found += [f"shown in the notebook: {text.strip()[:200]!r}" for text in shown]
        found += [
            f"widget error view: {text.strip()[:200]!r}"
            for text in self.page.locator(WIDGET_ERRORS).all_inner_texts()
        ]
        found += [f"a cell raised:\n{text[-1500:]}" for text in self.tracebacks()]
        errors = self.kernel_log_errors()
        if errors:
            found.append(
                f"the kernel reported {len(errors)} error(s) outside cells (JupyterLab's log"
                f" console), the last: {last_line(errors[-1])}"
            )
        return found

    def kernel_log_errors(self):
        """Errors the kernel raised outside any cell, e.g. in a widget callback.

        JupyterLab shows them in its log console and flashes a count in the status bar;
        this clicks that count, as a person would, and reads the error entries.
        """
        item = self.page.locator(".jp-LogConsoleStatusItem [title]")
        if not item.count():
            return []
        entries = re.search(self.words["log entries"], item.first.get_attribute("title") or "")
        if not entries or entries.group(1) == "0":
            return []
        panel = self.page.locator(".jp-LogConsolePanel")
        if not panel.count():
            item.first.click()
            panel.first.wait_for()
        return panel.first.locator(LOG_ERRORS).all_inner_texts()

    def missing_glyphs(self):
        """matplotlib's messages about glyphs its fonts lack, in cell outputs or the log."""
        outputs = self.page.locator(f"{NOTEBOOK} .jp-OutputArea-output").all_inner_texts()
        return [
            line
            for text in [*outputs, *self.kernel_log_errors()]
            for line in text.splitlines()
            if MISSING_GLYPH.search(line)
        ]

    def problems_text(self):
        counts = Counter(self.problems())
        return "".join(
            f"\n  - {line}" + (f" (x{n})" if n > 1 else "") for line, n in counts.items()
        )

    # -- moving controls --------------------------------------------------------------

    def controls(self, explorer):
        """The explorer's controls, in page order, as :class:`Control`."""
        found, seen = [], {}
        for item in explorer.evaluate(CONTROLS, list(CONTROL_KINDS)):
            kind = CONTROL_KINDS[item["cls"]]
            index = seen[kind] = seen.get(kind, -1) + 1
            locator = explorer.locator(f".{item['cls']}").nth(index)
            found.append(Control(kind, item["label"] or f"{kind} {index + 1}", locator))
        return found

    def move_every_control(self, explorer, screenshot):
        """Move each control of `explorer` in turn (see :meth:`move`).

        A control that is hidden or disabled is tried again after the others have moved
        (one may enable it). Calls ``screenshot(control)`` after each move. Returns the
        redraw times by control and the controls that never became usable.
        """
        timings, pending = {}, self.controls(explorer)
        if not pending:
            raise BrowserTestFailure("the explorer shows no control")
        while pending:
            waiting = []
            for control in pending:
                if not control.locator.evaluate(MOVABLE):
                    waiting.append(control)
                    continue
                try:
                    timings[control.label] = (control.kind, self.move(explorer, control))
                except BrowserTestFailure as failure:
                    raise BrowserTestFailure(
                        f"control {control.label!r} ({control.kind}): {failure}"
                    ) from None
                screenshot(control)
            if len(waiting) == len(pending):
                break
            pending = waiting
        return timings, [control.label for control in pending]

    def move(self, explorer, control, *, samples=3, max_moves=20, timeout=15):
        """Move `control` until the figure changes visibly; return the redraw times (ms).

        A slider is moved with the arrow keys on its focused handle, one step per press,
        towards the end with more room; a step too small to change the figure visibly is
        followed by another. A choice is changed to another option. After the first
        visible change a slider is moved on until `samples` redraws have been timed.
        """
        kind, control = control.kind, control.locator
        figure = explorer.locator(FIGURE).first
        before = figure.screenshot()
        timings, largest = [], 0

        def redrawn(latency):
            nonlocal largest
            timings.append(latency)
            largest = max(largest, pixel_difference(before, figure.screenshot()))

        if kind == "slider":
            handle = control.locator(".noUi-handle").first
            state = handle.evaluate(SLIDER_STATE)
            up = state["value"] - state["min"] <= state["max"] - state["value"]
            key = {
                (False, True): "ArrowRight",
                (False, False): "ArrowLeft",
                (True, True): "ArrowUp",
                (True, False): "ArrowDown",
            }[(state["vertical"], up)]
            for _ in range(max_moves):
                start = handle.evaluate(SLIDER_STATE)["value"]
                latency = self._timed(figure, lambda key=key: handle.press(key), timeout)
                now = handle.evaluate(SLIDER_STATE)["value"]
                if now == start:
                    raise BrowserTestFailure(
                        f"{key} on the focused handle did not move the slider (value stays {now})"
                    )
                if latency is not None:
                    redrawn(latency)
                elif self.kernel_log_errors():
                    raise BrowserTestFailure(f"after {key}, the kernel raised instead of redrawing")
                if largest > VISIBLE and len(timings) >= samples:
                    break
        else:
            latency = self._timed(figure, lambda: self._choose_other(kind, control), timeout)
            if latency is not None:
                redrawn(latency)
        if not timings:
            raise BrowserTestFailure(
                "moving it did not redraw the figure (no new image arrived and the kernel"
                " went idle)"
            )
        if largest <= VISIBLE:
            raise BrowserTestFailure(
                f"the figure was redrawn {len(timings)} time(s) but did not change visibly"
                f" (largest pixel difference {largest}/255)"
            )
        return timings

    def _choose_other(self, kind, control):
        if kind == "toggle-buttons":
            control.locator("button.widget-toggle-button:not(.mod-active)").first.click()
        elif kind == "dropdown":
            select = control.locator("select")
            current = select.input_value()
            values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
            select.select_option(next(v for v in values if v != current))
        elif kind == "radio":
            control.locator("input[type=radio]:not(:checked)").first.click()
        else:
            control.locator("input[type=checkbox]").click()

    def _timed(self, figure, act, timeout):
        """Do `act`; return ms from it to the next new figure image, or None.

        None means the kernel answered and went idle, and no new image followed within
        half a second: the move left the figure's bytes unchanged (the kernel sends an
        image only when its bytes differ).
        """
        loads_before = figure.evaluate("img => (img.__losseduLoads || []).length")
        wall = time.time()
        act()
        action = self.page.evaluate("() => window.__lossedu.action")
        deadline = time.monotonic() + timeout
        idle_since = None
        while time.monotonic() < deadline:
            loaded = figure.evaluate(
                "(img, n) => (img.__losseduLoads || [])[n] ?? null", loads_before
            )
            if loaded is not None:
                return loaded - action
            if self.kernel_id and self.lab.kernel_idle_since(self.kernel_id, wall):
                idle_since = idle_since or time.monotonic()
                if time.monotonic() - idle_since > 0.5:
                    return None
            time.sleep(0.03)
        raise BrowserTestFailure(
            f"no new figure within {timeout} s and the kernel did not go idle"
            f" (status: {self.kernel_status()})"
        )
