"""Training runs by setting, trained when a move asks for them or ahead of it, while idle.

A run of the digits network takes about a tenth of a second, too long for a slider
that must answer at once. :class:`RunCache` keeps the runs it has made, and can
train a list of settings ahead of time on a background thread: the settings one
step away from the current one, then whole slider tracks, so that the next move,
or a drag along a track, finds its run made.

The thread never competes with the kernel: it trains one epoch at a time and
waits while a move is being answered or a notebook cell is running. A run
trained ahead is the same run, bit for bit, as one trained on demand, because
:func:`lossedu.network.continue_training` continues a run exactly.
"""

import sys
import threading
import time
from collections import OrderedDict

#: How long a thread that has nothing to train waits before it ends (s).
IDLE_EXIT_S = 30.0
#: How long the thread stays quiet after a move was answered (s): the figure is drawn,
#: encoded and sent after the run is found, and must not share the CPU either.
QUIET_S = 0.05
#: Python's GIL switch interval while the thread lives (s). At the default 5 ms, every
#: time the kernel's own thread lets go of the GIL (to read a message, to compress the
#: figure) it could wait 5 ms to get it back from the thread.
SWITCH_INTERVAL_S = 0.0005


def _in_kernel():
    """The running IPython kernel's shell, or None outside a kernel (scripts, tests)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    shell = get_ipython()
    return shell if shell is not None and getattr(shell, "kernel", None) is not None else None


class RunCache:
    """The most recent runs, by setting; trained on demand or ahead.

    Parameters
    ----------
    train : callable
        ``train(setting, run, epochs)`` returns the run of `setting` trained for
        `epochs` epochs, continuing `run` (a shorter run of that setting) when it
        is not None. Runs have an ``epochs_trained`` attribute.
    capacity : int
        Runs kept; the least recently used go first.

    Notes
    -----
    :meth:`get` answers a move: it returns at once what is made, waits at most one
    epoch for the thread, and trains the rest itself. :meth:`ahead` replaces the
    list of settings to train ahead. The thread starts with the first
    :meth:`ahead` call that has work (only inside a kernel, unless
    ``threaded=True``) and ends after :data:`IDLE_EXIT_S` s with nothing to do.
    """

    def __init__(self, train, *, capacity):
        self._train = train
        self.capacity = capacity
        self._runs = OrderedDict()
        self._queue = []
        self._cond = threading.Condition()
        self._answering = 0  # moves being answered: the thread waits
        self._cells = 0  # notebook cells running: the thread waits
        self._busy = None  # the setting the thread is training an epoch of
        self._answered_at = float("-inf")
        self._thread = None
        self._hooked = False
        #: Epochs trained on demand (a move waited for them) and ahead (nobody waited).
        self.trained_on_demand = 0
        self.trained_ahead = 0

    def __len__(self):
        with self._cond:
            return len(self._runs)

    def peek(self, setting):
        """The run of `setting` made so far, or None; nothing is trained."""
        with self._cond:
            return self._runs.get(setting)

    def get(self, setting, epochs):
        """The run of `setting`, trained for at least `epochs` epochs."""
        with self._cond:
            self._answering += 1
            while self._busy == setting:
                self._cond.wait()  # the thread is one epoch into this run: take it from there
            run = self._runs.get(setting)
        try:
            if run is None or run.epochs_trained < epochs:
                before = 0 if run is None else run.epochs_trained
                run = self._train(setting, run, epochs)
                with self._cond:
                    self.trained_on_demand += run.epochs_trained - before
            with self._cond:
                self._keep(setting, run)  # also marks it the most recently used
            return run
        finally:
            with self._cond:
                self._answering -= 1
                self._answered_at = time.monotonic()
                self._cond.notify_all()

    def ahead(self, plan, *, threaded=None):
        """Train the ``(setting, epochs)`` pairs of `plan` in order while idle, instead
        of what was planned before. `threaded` None: only inside a kernel."""
        plan = list(plan)[: self.capacity // 2]
        with self._cond:
            self._queue = [
                (s, e) for s, e in plan if s not in self._runs or self._runs[s].epochs_trained < e
            ]
            if not self._queue:
                return
            if threaded is None:
                threaded = _in_kernel() is not None
            if threaded and (self._thread is None or not self._thread.is_alive()):
                self._hook_cells()
                self._thread = threading.Thread(
                    target=self._work, name="lossedu-train-ahead", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def clear(self):
        """Forget every run and every plan (a run being trained ahead is still kept)."""
        with self._cond:
            self._runs.clear()
            self._queue = []

    def pending(self):
        """How many settings are still to be trained ahead."""
        with self._cond:
            return len(self._queue)

    def wait_ahead(self, timeout):
        """Wait until everything planned is trained (or `timeout` s); True if it is."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and self._busy is None, timeout)

    # -- the thread -----------------------------------------------------------------

    def _keep(self, setting, run):
        kept = self._runs.get(setting)
        if kept is None or kept.epochs_trained <= run.epochs_trained:
            self._runs[setting] = run
        self._runs.move_to_end(setting)
        while len(self._runs) > self.capacity:
            self._runs.popitem(last=False)

    def _next(self):
        """The next (setting, run, epochs) to train one epoch of; None after a long idle."""
        with self._cond:
            while True:
                while self._queue:
                    setting, epochs = self._queue[0]
                    run = self._runs.get(setting)
                    if run is None or run.epochs_trained < epochs:
                        break
                    self._queue.pop(0)
                else:
                    self._cond.notify_all()  # for wait_ahead
                    if not self._cond.wait(IDLE_EXIT_S) and not self._queue:
                        self._thread = None
                        return None
                    continue
                if self._answering or self._cells:
                    self._cond.wait()
                    continue
                quiet = self._answered_at + QUIET_S - time.monotonic()
                if quiet > 0:
                    self._cond.wait(quiet)
                    continue
                self._busy = setting
                return setting, run, (run.epochs_trained if run is not None else 0) + 1

    def _work(self):
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
        try:
            self._train_ahead()
        finally:
            if sys.getswitchinterval() == min(interval, SWITCH_INTERVAL_S):
                sys.setswitchinterval(interval)

    def _train_ahead(self):
        while (job := self._next()) is not None:
            setting, run, epochs = job
            try:
                run = self._train(setting, run, epochs)
            except Exception:  # noqa: BLE001 - a move to this setting will raise it itself
                with self._cond:
                    self._queue = [item for item in self._queue if item[0] != setting]
                    run = None
            with self._cond:
                if run is not None:
                    self._keep(setting, run)
                    self.trained_ahead += 1
                self._busy = None
                self._cond.notify_all()

    def _hook_cells(self):
        """Wait while a cell runs: Run All must not share the CPU with training ahead."""
        shell = _in_kernel()
        if shell is None or self._hooked:
            return
        self._hooked = True
        shell.events.register("pre_run_cell", self._cell_starts)
        shell.events.register("post_run_cell", self._cell_ends)

    def _cell_starts(self, *args):
        with self._cond:
            self._cells += 1

    def _cell_ends(self, *args):
        with self._cond:
            self._cells = max(0, self._cells - 1)
            self._cond.notify_all()
