"""Every notebook is stored as one clean top-to-bottom run in a fresh kernel.

nbval compares a fresh run with the stored outputs; these checks make sure the
stored side is itself sound: what a student opens on GitHub is what the code
produces, with its figures, and without errors or leftovers of an interactive
session.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ALL = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
#: Pages of the course that are not lessons: no exercises, no solutions notebook.
PRESENTATION = NOTEBOOKS / "classroom.ipynb"
LESSONS = [p for p in ALL if p.parent == NOTEBOOKS and p != PRESENTATION]
IDS = [str(p.relative_to(NOTEBOOKS)) for p in ALL]


def cells(path, kind):
    return [
        c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == kind
    ]


def source(cell):
    return "".join(cell["source"])


def test_course_has_lessons_and_solutions():
    assert LESSONS, "no notebooks found"
    for lesson in LESSONS:
        solution = NOTEBOOKS / "solutions" / f"{lesson.stem}_solutions.ipynb"
        assert solution.exists(), f"{lesson.name} has no solutions notebook"


def test_presentation_page_shows_the_classroom():
    # `make present` serves it with Voilà: a title, then one cell that builds every explorer.
    assert PRESENTATION.exists(), "notebooks/classroom.ipynb is the presentation page"
    markdown, code = cells(PRESENTATION, "markdown"), cells(PRESENTATION, "code")
    assert markdown and source(markdown[0]).lstrip().startswith("# "), "first cell: a title"
    assert len(code) == 1, "one code cell: the page shows no code, and needs only the classroom"
    assert re.search(r"\bwidgets\.classroom\(\)\s*$", source(code[0])), source(code[0])
    assert "nbval-ignore-output" in code[0].get("metadata", {}).get("tags", [])
    assert not re.search(r"\bcheck\(\d+,", source(code[0])), "no exercises on the page"


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_stored_as_one_clean_run(path):
    counts = [c["execution_count"] for c in cells(path, "code")]
    assert counts == list(range(1, len(counts) + 1)), (
        f"execution counts {counts}: re-run with `make notebooks`"
    )


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_no_errors_stored(path):
    for cell in cells(path, "code"):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"stored error: {output.get('ename')}"
            assert output.get("name") != "stderr", f"stored stderr: {''.join(output['text'])}"


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_figures_are_stored(path):
    images = [
        o for c in cells(path, "code") for o in c["outputs"] if "image/png" in o.get("data", {})
    ]
    assert images, "no figure in the stored outputs"


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_shape(path):
    code = cells(path, "code")
    markdown = cells(path, "markdown")
    assert markdown and source(markdown[0]).lstrip().startswith("# "), "first cell: a title"
    imports = [c for c in code if re.search(r"^\s*(import|from)\s", source(c), re.M)]
    assert len(imports) == 1, "all imports belong in one import cell"
    tags = [t for c in code for t in c.get("metadata", {}).get("tags", [])]
    assert "thumbnail" in tags, "tag the notebook's key figure cell 'thumbnail'"
    checks = [c for c in code if re.search(r"\bcheck\(\d+,", source(c))]
    assert 3 <= len(checks) <= 5, f"expected 3-5 self-checked exercises, found {len(checks)}"


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_explorer_cells_ignore_output(path):
    for cell in cells(path, "code"):
        if re.search(r"_explorer\(", source(cell)):
            tags = cell.get("metadata", {}).get("tags", [])
            assert "nbval-ignore-output" in tags, (
                "a cell that displays an explorer must carry the cell tag nbval-ignore-output"
            )
            assert "NBVAL" not in source(cell), (
                "nbval markers are cell tags, not comments the student reads in the code"
            )


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_no_stale_widget_views(path):
    # A stored widget view points at a model that lived only in the kernel that
    # made it: JupyterLab would show "Error displaying widget: model not found".
    metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert "widgets" not in metadata, "stored widget state: rebuild with `make notebooks`"
    for cell in cells(path, "code"):
        for output in cell["outputs"]:
            assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {}), (
                "stored widget view: rebuild with `make notebooks`"
            )
