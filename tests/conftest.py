"""Fixtures shared by the test modules."""

import importlib
import os

import pytest

try:
    from hypothesis import settings
except ImportError:  # the property tests import hypothesis themselves and say so
    settings = None

if settings is not None:
    # Fast and reproducible: the same examples on every run, no example database on disk.
    settings.register_profile(
        "lossedu", max_examples=60, deadline=None, derandomize=True, database=None
    )
    # A deeper random search, by hand: HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py
    settings.register_profile("thorough", max_examples=2000, deadline=None, database=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "lossedu"))


def require(module_name):
    """Import a reference library, or skip; on CI (LOSSEDU_REQUIRE_REFERENCES=1) fail instead."""
    try:
        return importlib.import_module(module_name)
    except ImportError as exc:
        if os.environ.get("LOSSEDU_REQUIRE_REFERENCES") == "1":
            pytest.fail(f"{module_name} is required here (LOSSEDU_REQUIRE_REFERENCES=1): {exc}")
        pytest.skip(f"{module_name} is not installed; `make test` installs it")


# -- browser: one Chromium for the session, shared by every browser test ----------------
# (Playwright's sync API runs one event loop: a second instance in the same process fails.)


def unavailable(reason):
    if os.environ.get("LOSSEDU_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (LOSSEDU_REQUIRE_BROWSER=1 requires the browser tests)")
    pytest.skip(f"{reason}; install it with `apt-get install chromium` to run the browser tests")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, launched once for the session by Playwright."""
    from browser.lab import CHROMIUM, CHROMIUM_ARGS

    if not os.path.exists(CHROMIUM):
        unavailable(f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (`make install` installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


# -- browser: where the browser tests (tests/test_browser.py) put screenshots and timings --


def pytest_terminal_summary(terminalreporter, config):
    from browser import SUMMARY

    lines = config.stash.get(SUMMARY, [])
    if lines:
        terminalreporter.section("browser")
        for line in lines:
            terminalreporter.write_line(line)
