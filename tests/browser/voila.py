"""The presentation page (``notebooks/classroom.ipynb``) served by Voilà, driven in Chromium.

:class:`Voila` runs ``voila`` the way ``make present`` does (127.0.0.1, a token, no
code), on a free port, with fresh Jupyter directories. :class:`PresentationPage` opens
the page and moves its explorers' controls with the same code that moves them in
JupyterLab (:class:`browser.lab.NotebookPage`). :func:`drag` drags a slider's handle
across its range with the mouse and times the figures that follow it.
"""

import base64
import socket
import sys
import time

from .jupyterlab import JupyterLab
from .lab import INSTRUMENT, WIDGET_ERRORS, BrowserTestFailure, NotebookPage

#: Remembers when the mouse was released (capture phase, like INSTRUMENT).
RELEASE = r"""
document.addEventListener("pointerup", (e) => { window.__losseduReleased = e.timeStamp; }, true);
"""

PAGE = ".lossedu-classroom"
TAB = ".lossedu-classroom .lm-TabBar-tab"

#: The figure image's current bytes, as base64 (its src is a blob: URL).
IMAGE_BYTES = """
async (img) => {
  const buffer = await (await fetch(img.src)).arrayBuffer();
  let text = "";
  for (const byte of new Uint8Array(buffer)) text += String.fromCharCode(byte);
  return btoa(text);
}
"""


class Voila(JupyterLab):
    """``voila <notebook>`` on 127.0.0.1, a free port and a random token.

    Parameters
    ----------
    notebook : path
        The notebook to serve (a temporary copy of the presentation page).
    home : path
        An empty folder for the server's Jupyter directories and its log.
    """

    def __init__(self, notebook, home):
        super().__init__(notebook.parent, home)
        self.notebook = notebook
        self.log_path = self.home / "voila.log"

    def command(self):
        return [
            sys.executable,
            "-m",
            "voila",
            str(self.notebook),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--port={self.port}",
            f"--token={self.token}",
            "--strip_sources=True",
            "--show_tracebacks=True",
        ]

    @property
    def page_url(self):
        return f"{self.url}/?token={self.token}"

    NAME = "Voilà"

    def prepare(self):
        """Voilà needs no settings written."""

    def answer(self):
        """Return once Voilà's port accepts connections."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=1):
            pass

    def shutdown_sessions(self):
        """Voilà ends its kernel with the page; nothing to do."""


class PresentationPage(NotebookPage):
    """The presentation page open in its own browser context."""

    def __init__(self, browser, voila):
        self.lab = voila
        self.notebook = voila.notebook.name
        self.kernel_id = None  # Voilà has no sessions API: wait for images only
        self.context = browser.new_context(viewport={"width": 1600, "height": 1200})
        self.context.add_init_script(INSTRUMENT)
        self.context.add_init_script(RELEASE)
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.page_errors, self.console_errors = [], []
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        self.page.goto(voila.page_url, timeout=120_000)
        error = "[data-mime-type='application/vnd.jupyter.stderr']"
        self.page.locator(f"{PAGE}, {error}").first.wait_for(timeout=120_000)
        if not self.page.locator(PAGE).count():
            shown = self.page.locator(error).first.inner_text()
            raise BrowserTestFailure(f"the page shows an error instead:\n{shown[-1500:]}")

    def explorer(self, index):
        return self.page.locator(f"{PAGE} .lossedu-explorer").nth(index)

    def show_tab(self, index):
        """Click tab `index`; wait until its explorer's figure has loaded."""
        self.page.locator(TAB).nth(index).click()
        explorer = self.explorer(index)
        explorer.wait_for(state="visible")
        explorer.locator("img.widget-image").first.evaluate(
            "img => img.complete && img.naturalWidth > 0 ? 1 : new Promise("
            "(ok) => img.addEventListener('load', ok, { once: true }))"
        )
        return explorer

    def _timed(self, figure, act, timeout, *, quiet=3.0):
        """As in JupyterLab, but Voilà has no kernel status to ask: a move that brings no
        new image within `quiet` seconds left the figure's bytes unchanged (None)."""
        loads_before = figure.evaluate("img => (img.__losseduLoads || []).length")
        act()
        action = self.page.evaluate("() => window.__lossedu.action")
        deadline = time.monotonic() + min(timeout, quiet)
        while time.monotonic() < deadline:
            loaded = figure.evaluate(
                "(img, n) => (img.__losseduLoads || [])[n] ?? null", loads_before
            )
            if loaded is not None:
                return loaded - action
            time.sleep(0.03)
        return None

    def kernel_log_errors(self):
        return []  # Voilà shows no log console; widget errors show on the page

    def tracebacks(self):
        texts = self.page.locator(".jp-OutputArea-output").all_inner_texts()
        return [t for t in texts if "Traceback" in t or "Error" in t.split("\n", 1)[0]]

    def problems(self):
        found = [f"page error: {error}" for error in self.page_errors]
        # Voilà's template asks a CDN for icon fonts; a machine offline cannot resolve it.
        # The page is served from 127.0.0.1, so a name that does not resolve is external.
        found += [
            f"console error: {text}"
            for text in self.console_errors
            if not text.startswith("Failed to load resource: net::ERR_NAME_NOT_RESOLVED")
        ]
        found += [
            f"widget error view: {text.strip()[:200]!r}"
            for text in self.page.locator(WIDGET_ERRORS).all_inner_texts()
        ]
        found += [
            f"shown on the page: {text.strip()[:200]!r}"
            for text in self.page.locator(':text("Error displaying widget")').all_inner_texts()
        ]
        found += [f"an output shows an error:\n{text[-1500:]}" for text in self.tracebacks()]
        return found

    def figure_bytes(self, explorer):
        figure = explorer.locator("img.widget-image").first
        return base64.b64decode(figure.evaluate(IMAGE_BYTES))


def drag(page, explorer, control, *, seconds=2.0, steps=120, settle=1.5, timeout=15):
    """Drag `control`'s handle across its range with the mouse in `seconds`.

    The handle is pressed, moved in `steps` even steps (one every seconds/steps) to
    the far end of its track, and released. Returns a dict: the figures shown per
    second while the mouse was down, the ms from the release to the last figure
    (0 when the last one came before it), the number of figures, and how long the
    drag took. The figure is settled once no new image arrived for `settle` s.
    """
    p = page.page
    figure = explorer.locator("img.widget-image").first
    handle = control.locator.locator(".noUi-handle").first
    track = control.locator.locator(".noUi-target").first
    handle.scroll_into_view_if_needed()
    h, t = handle.bounding_box(), track.bounding_box()
    y = h["y"] + h["height"] / 2
    x0 = h["x"] + h["width"] / 2
    right = x0 < t["x"] + t["width"] / 2
    x1 = t["x"] + t["width"] + 20 if right else t["x"] - 20
    before = figure.evaluate("img => (img.__losseduLoads || []).length")
    p.mouse.move(x0, y)
    p.mouse.down()
    pressed = p.evaluate("() => window.__lossedu.action")
    start = time.monotonic()
    for i in range(1, steps + 1):
        wait = start + seconds * i / steps - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        p.mouse.move(x0 + (x1 - x0) * i / steps, y)
    p.mouse.up()
    released = p.evaluate("() => window.__losseduReleased")
    deadline = time.monotonic() + timeout
    count, quiet_since = None, time.monotonic()
    while time.monotonic() < deadline:
        now = figure.evaluate("img => (img.__losseduLoads || []).length")
        if now != count:
            count, quiet_since = now, time.monotonic()
        elif time.monotonic() - quiet_since > settle:
            break
        time.sleep(0.05)
    loads = figure.evaluate("(img, n) => (img.__losseduLoads || []).slice(n)", before)
    during = [ts for ts in loads if pressed <= ts <= released]
    held = (released - pressed) / 1000
    last = max(loads) if loads else released
    return {
        "figures": len(loads),
        "figures_during_drag": len(during),
        "drag_s": round(held, 2),
        "figures_per_s": round(len(during) / held, 1) if held > 0 else 0.0,
        "final_after_release_ms": round(max(0.0, last - released), 1),
    }
