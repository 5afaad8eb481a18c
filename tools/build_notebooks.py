"""Re-execute the course notebooks top to bottom in a fresh kernel and store them.

Usage: ``python tools/build_notebooks.py [NOTEBOOK ...]`` (default: every notebook
under ``notebooks/``). Each notebook is run in its own new kernel from the
current environment, so the stored outputs are exactly what a student sees
after "Restart kernel and run all", with execution counts 1, 2, 3, ...

Explorers are stored as the PNG of their figure, without the live widget view
or widget state: a view refers to a model that lives only in the kernel that
made it, so JupyterLab would show "Error displaying widget: model not found"
until the cell is run again, and its random model id would change the file on
every run. The PNG reads the same in JupyterLab, on GitHub, in nbviewer and in
exported HTML; running the cell brings the live explorer back.

The image output of the cell tagged ``thumbnail`` in each notebook is written
to ``docs/thumbnails/<notebook>.png`` for the README's course map; a notebook of
another edition (``notebooks/zh/...``) writes to ``docs/thumbnails/zh/<notebook>.png``,
so the Chinese figure never replaces the English one.
"""

import base64
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
THUMBNAILS = ROOT / "docs" / "thumbnails"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: Folders of notebooks/ that hold another language's edition of the course.
EDITIONS = ("zh",)


def course_notebooks():
    """Every notebook of the course, lessons first, then solutions."""
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def execute(path):
    """Run `path` in a fresh kernel and write it back with its outputs."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=900,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,  # see the module docstring
    )
    client.execute()
    # How printed text is split into stream outputs depends on timing; merged,
    # the stored notebook is the same on every run.
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    strip_widget_views(nb)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return nb


def strip_widget_views(nb):
    """Keep each widget output's PNG and text, drop the view of its kernel-side model."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                if "image/png" not in data:
                    raise SystemExit("a widget output without a PNG fallback would store nothing")
                del data[WIDGET_VIEW]


def thumbnail_path(path):
    """Where the thumbnail of `path` goes: docs/thumbnails/[<edition>/]<stem>.png."""
    try:
        first = path.resolve().relative_to(NOTEBOOKS).parts[0]
    except ValueError:  # a notebook outside notebooks/
        first = None
    folder = THUMBNAILS / first if first in EDITIONS else THUMBNAILS
    return folder / f"{path.stem}.png"


def write_thumbnail(path, nb):
    """Save the figure of the cell tagged ``thumbnail``, if there is one."""
    for cell in nb.cells:
        if "thumbnail" not in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                target = thumbnail_path(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(png))
                return target
        raise SystemExit(f"{path}: the cell tagged 'thumbnail' has no image output")
    return None


def main(argv):
    paths = [Path(a).resolve() for a in argv] or course_notebooks()
    for path in paths:
        print(f"executing {path.relative_to(ROOT)}", flush=True)
        nb = execute(path)
        thumb = write_thumbnail(path, nb)
        if thumb:
            print(f"  thumbnail {thumb.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
