"""A JupyterLab server for one test session, started from the project's environment.

The server listens on 127.0.0.1, on a free port, behind a random token, and serves a
temporary copy of the notebooks (running them in the browser never touches the course's
stored outputs). Its Jupyter directories (config, data, runtime, settings, workspaces)
are fresh temporary ones, so a person's own Jupyter set-up cannot change what is tested:
the kernel is the ``python3`` kernel of this interpreter, autosave is off, every cell
stays in the page (no windowing), and no news or update notices pop up. Only the
configuration folders given as `config_path` are read (as ``make lab-zh`` reads
jupyter-config/zh: JupyterLab's interface in Chinese).
"""

import contextlib
import json
import os
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

#: JupyterLab user settings, by plugin (``<package>/<plugin>.jupyterlab-settings``).
SETTINGS = {
    # Never write the notebook back, not even the temporary copy.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # Keep every cell attached to the page so every explorer can be found.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # No "Would you like to receive official Jupyter news?" toast over the notebook.
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_settings(settings_dir):
    """Write :data:`SETTINGS` as JupyterLab user settings under `settings_dir`."""
    for plugin, values in SETTINGS.items():
        path = Path(settings_dir) / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


class JupyterLab:
    """A running ``jupyter lab`` process serving `root_dir`.

    Parameters
    ----------
    root_dir : path
        The folder JupyterLab serves (a temporary copy of the notebooks).
    home : path
        An empty folder for the server's own Jupyter directories and its log.
    extra_args : list of str, optional
        More command-line options for ``jupyter lab``.
    config_path : list of path, optional
        Configuration folders for ``JUPYTER_CONFIG_PATH`` (none by default).

    Notes
    -----
    Use :meth:`start` and :meth:`stop` (or the instance as a context manager). ``stop``
    ends the server by its process id: SIGTERM, a bounded wait, then SIGKILL.
    """

    def __init__(self, root_dir, home, extra_args=(), config_path=()):
        self.root_dir = Path(root_dir)
        self.home = Path(home)
        self.extra_args = list(extra_args)
        self.config_path = [str(Path(folder).resolve()) for folder in config_path]
        self.port = None
        self.token = secrets.token_hex(24)
        self.process = None
        self.log_path = self.home / "jupyterlab.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self):
        args = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            # A server left behind by a crashed run ends itself.
            "--ServerApp.shutdown_no_activity_timeout=900",
            *self.extra_args,
        ]
        if hasattr(os, "getuid") and os.getuid() == 0:
            args.append("--allow-root")
        return args

    def environment(self):
        env = dict(os.environ)
        for name, folder in {
            "JUPYTER_CONFIG_DIR": "config",
            "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime",
            "JUPYTERLAB_SETTINGS_DIR": "settings",
            "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
            "IPYTHONDIR": "ipython",
        }.items():
            path = self.home / folder
            path.mkdir(parents=True, exist_ok=True)
            env[name] = str(path)
        env.pop("JUPYTER_PATH", None)
        env.pop("JUPYTER_CONFIG_PATH", None)
        if self.config_path:
            env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(self.config_path)
        return env

    #: The server's name in errors.
    NAME = "JupyterLab"

    def prepare(self):
        """Write what the server reads when it starts: its settings."""
        write_settings(self.home / "settings")

    def answer(self):
        """Return once the server answers; raise OSError while it does not."""
        self.api("GET", "/api/status", timeout=2)

    def start(self, timeout=90):
        """Start the server on a free port and wait until it answers (:meth:`answer`)."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.prepare()
        self.port = free_port()
        log = open(self.log_path, "wb")  # noqa: SIM115 - closed by the process's end
        self.process = subprocess.Popen(
            self.command(),
            cwd=self.root_dir,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.NAME} exited with code {self.process.returncode} before answering:\n"
                    + self.log_tail()
                )
            try:
                self.answer()
                return self
            except OSError:  # urllib's URLError included
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(
                    f"{self.NAME} did not answer on {self.url} within {timeout} s:\n"
                    + self.log_tail()
                )
            time.sleep(0.25)

    @contextlib.contextmanager
    def running(self, log_copy):
        """Start the server; stop it whatever happens, and keep its log at `log_copy`."""
        try:
            self.start()
            yield self
        finally:
            self.stop()
            if self.log_path.exists():
                shutil.copy(self.log_path, log_copy)

    def api(self, method, path, timeout=10):
        """Call the server's REST API with the token; return the decoded JSON (or None)."""
        request = urllib.request.Request(
            self.url + path, method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def lab_url(self, notebook, workspace):
        """The address that opens `notebook` (relative to the root) in a fresh workspace."""
        return f"{self.url}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={self.token}"

    def kernel_of(self, notebook):
        """The id of the kernel of the session for `notebook`, or None."""
        for session in self.api("GET", "/api/sessions"):
            if session.get("path") == str(notebook) and session.get("kernel"):
                return session["kernel"]["id"]
        return None

    def kernel_idle_since(self, kernel_id, since):
        """True when the kernel is idle and has said something after `since` (epoch s).

        The server follows every status message of its kernels, including those of
        widget messages, so this tells when the kernel has finished with a slider move.
        """
        kernel = self.api("GET", f"/api/kernels/{kernel_id}")
        last = datetime.fromisoformat(kernel["last_activity"].replace("Z", "+00:00"))
        return kernel["execution_state"] == "idle" and last.timestamp() >= since

    def shutdown_sessions(self):
        """End every notebook session and its kernel (best effort)."""
        try:
            for session in self.api("GET", "/api/sessions"):
                self.api("DELETE", f"/api/sessions/{session['id']}", timeout=30)
        except (OSError, urllib.error.URLError, ValueError):
            pass

    def stop(self, timeout=20):
        """Stop the server by its process id: terminate, wait, then kill."""
        if self.process is None or self.process.poll() is not None:
            return
        self.shutdown_sessions()
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=timeout)

    def log_tail(self, lines=40):
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def copy_notebooks(source, target):
    """Copy the notebooks folder to `target`, without Jupyter's checkpoint folders."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return Path(target)


def extra_args_from_environment():
    """Extra ``jupyter lab`` options from ``LOSSEDU_BROWSER_LAB_ARGS`` (shell syntax).

    >>> os.environ["LOSSEDU_BROWSER_LAB_ARGS"] = "--LabApp.labextensions_path='[]'"
    >>> extra_args_from_environment()
    ['--LabApp.labextensions_path=[]']
    >>> del os.environ["LOSSEDU_BROWSER_LAB_ARGS"]
    """
    return shlex.split(os.environ.get("LOSSEDU_BROWSER_LAB_ARGS", ""))
