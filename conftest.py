"""Test-session set-up shared by the unit tests, the doctests and nbval."""

import matplotlib
import pytest

# Figures in doctests and tests render off-screen. Only this pytest process is
# affected: nbval's kernels keep Jupyter's inline backend.
matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the pyplot figures a test or doctest opened, so they do not pile up."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def pytest_ignore_collect(collection_path, config):
    # Jupyter's autosave copies are not part of the course.
    return ".ipynb_checkpoints" in collection_path.parts or None
