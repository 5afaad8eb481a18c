"""Which lesson notebooks build explorers, read from their source.

An explorer cell carries the cell tag ``nbval-ignore-output`` (its live widget
differs from run to run) and displays a ``widgets.<topic>_explorer(...)`` as its
last expression. Solutions notebooks repeat
the lessons' exercises and are left out.
"""

import json
import re
from pathlib import Path

MARK = "nbval-ignore-output"
EXPLORER_CALL = re.compile(r"\b(\w+_explorer)\s*\(")


def cell_source(cell):
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def explorer_cells(path):
    """The explorers `path` builds: a list of ``(cell index, explorer name)``.

    >>> import tempfile
    >>> cells = [
    ...     {"cell_type": "code", "source": "from lossedu import widgets"},
    ...     {
    ...         "cell_type": "code",
    ...         "metadata": {"tags": ["nbval-ignore-output"]},
    ...         "source": "widgets.kl_explorer(p=0.2)",
    ...     },
    ... ]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "03_kl.ipynb"
    ...     _ = path.write_text(json.dumps({"cells": cells}))
    ...     explorer_cells(path)
    [(1, 'kl_explorer')]
    """
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    found = []
    for index, cell in enumerate(notebook.get("cells", [])):
        source = cell_source(cell)
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") != "code" or MARK not in tags:
            continue
        calls = EXPLORER_CALL.findall(source)
        if calls:
            found.append((index, calls[-1]))
    return found


def lesson_notebooks(folder):
    """Every lesson notebook directly in `folder` (solutions live in a subfolder), sorted."""
    return sorted(Path(folder).glob("*.ipynb"))


def explorer_notebooks(folder):
    """``{notebook path: explorer cells}`` for the lessons in `folder` that build explorers."""
    found = {path: explorer_cells(path) for path in lesson_notebooks(folder)}
    return {path: cells for path, cells in found.items() if cells}
