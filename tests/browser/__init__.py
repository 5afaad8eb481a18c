"""Driving the course's explorers in JupyterLab with Chromium (used by tests/test_browser.py).

- :mod:`browser.jupyterlab` starts and stops a JupyterLab server for a test session.
- :mod:`browser.notebooks` finds the lesson notebooks that build explorers.
- :mod:`browser.lab` opens a notebook in a page, runs it and moves the explorers' controls.

Playwright is imported only where a browser is driven, so these modules import (and
their doctests run) on a machine without it.
"""

import pytest

#: Lines for pytest's terminal summary (where the screenshots and timings went).
SUMMARY = pytest.StashKey[list]()
