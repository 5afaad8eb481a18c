"""The Chinese edition (notebooks/zh) is kept in step with the English one.

For every English notebook, lessons and solutions, the Chinese twin at the same path
under notebooks/zh/ exists; its code cells are the English ones, with one exception,
the language line ``le.set_language("zh")`` directly after ``import lossedu as le``;
its cells are of the same kinds, in the same order, with the same ids and tags; its
headings have the same levels in the same order, each translated; and it calls the
same exercise checks. nbval runs both editions (pytest's testpaths include notebooks/,
recursively), and tests/test_notebooks_stored.py checks both as stored runs.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ZH = NOTEBOOKS / "zh"
IMPORT_LINE = "import lossedu as le"
LANGUAGE_LINE = 'le.set_language("zh")'
#: Every English notebook: the lessons and their solutions (and any other page in notebooks/).
ENGLISH = sorted([*NOTEBOOKS.glob("*.ipynb"), *(NOTEBOOKS / "solutions").glob("*.ipynb")])
IDS = [str(p.relative_to(NOTEBOOKS)) for p in ENGLISH]
CJK = re.compile(r"[\u4e00-\u9fff]")
CHECK_CALL = re.compile(r"\bcheck\(\s*(\d+)\s*,")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"])


def twin_of(english):
    twin = ZH / english.relative_to(NOTEBOOKS)
    if not twin.exists():
        pytest.fail(
            f"no Chinese twin for notebooks/{english.relative_to(NOTEBOOKS)}: "
            f"expected {twin.relative_to(NOTEBOOKS.parent)}"
        )
    return twin


def without_language_line(code):
    """`code` with the language line removed where the contract puts it, and where it was."""
    lines = code.split("\n")
    found = [
        i
        for i, line in enumerate(lines)
        if line == LANGUAGE_LINE and i > 0 and lines[i - 1] == IMPORT_LINE
    ]
    for i in reversed(found):
        del lines[i]
    return "\n".join(lines), len(found)


def headings(markdown):
    """(level, text) of each ATX heading (#, ##, ...) outside fenced code."""
    found, fenced = [], False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else re.match(r"(#{1,6})\s+(.*)", line)
        if match:
            found.append((len(match.group(1)), match.group(2).strip()))
    return found


def test_there_are_english_notebooks_to_mirror():
    assert any(p.parent == NOTEBOOKS for p in ENGLISH), "no lessons found"
    assert any(p.parent.name == "solutions" for p in ENGLISH), "no solutions found"


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_twin_has_the_same_code_apart_from_the_language_line(english):
    en, zh = load(english), load(twin_of(english))
    en_code = [source(c) for c in en if c["cell_type"] == "code"]
    zh_code = [source(c) for c in zh if c["cell_type"] == "code"]
    assert len(zh_code) == len(en_code), "a different number of code cells"
    total = 0
    for k, (en_src, zh_src) in enumerate(zip(en_code, zh_code, strict=True), start=1):
        stripped, lines = without_language_line(zh_src)
        total += lines
        assert stripped == en_src, f"code cell {k} differs from the English one"
    assert total == 1, (
        f"the language line {LANGUAGE_LINE!r} must appear once, on its own line directly "
        f"after {IMPORT_LINE!r}; found {total} times"
    )
    assert LANGUAGE_LINE not in "\n".join(en_code), "the English notebook sets a language"


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_twin_has_the_same_cells_ids_and_tags(english):
    en, zh = load(english), load(twin_of(english))
    assert [c["cell_type"] for c in zh] == [c["cell_type"] for c in en], (
        "cells of other kinds or in another order (markdown is translated one for one)"
    )
    assert [c.get("id") for c in zh] == [c.get("id") for c in en], "cell ids differ"
    en_tags = [c["metadata"].get("tags", []) for c in en]
    zh_tags = [c["metadata"].get("tags", []) for c in zh]
    assert zh_tags == en_tags, "cell tags differ (thumbnail, nbval-ignore-output, ...)"


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_twin_has_the_same_headings_each_translated(english):
    en, zh = load(english), load(twin_of(english))
    en_md = [source(c) for c in en if c["cell_type"] == "markdown"]
    zh_md = [source(c) for c in zh if c["cell_type"] == "markdown"]
    assert len(zh_md) == len(en_md), "a different number of markdown cells"
    for k, (en_src, zh_src) in enumerate(zip(en_md, zh_md, strict=True), start=1):
        en_levels = [level for level, _ in headings(en_src)]
        zh_levels = [level for level, _ in headings(zh_src)]
        assert zh_levels == en_levels, (
            f"markdown cell {k}: heading levels {zh_levels} != {en_levels}"
        )
        for level, text in headings(zh_src):
            assert CJK.search(text), f"markdown cell {k}: heading {'#' * level} {text} untranslated"


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_twin_calls_the_same_exercise_checks(english):
    def checks(path):
        return [
            int(n)
            for c in load(path)
            if c["cell_type"] == "code"
            for n in CHECK_CALL.findall(source(c))
        ]

    assert checks(twin_of(english)) == checks(english)


def test_no_chinese_notebook_without_an_english_one():
    if not ZH.exists():
        pytest.skip("no Chinese notebooks yet")
    english = {p.relative_to(NOTEBOOKS) for p in ENGLISH}
    orphans = [
        str(p.relative_to(NOTEBOOKS))
        for p in ZH.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts and p.relative_to(ZH) not in english
    ]
    assert not orphans, f"Chinese notebooks with no English original: {orphans}"


def test_language_line_is_recognised_only_where_the_contract_puts_it():
    code = f"import numpy as np\n\n{IMPORT_LINE}\n{LANGUAGE_LINE}\nfrom lossedu import plots"
    assert without_language_line(code) == (
        f"import numpy as np\n\n{IMPORT_LINE}\nfrom lossedu import plots",
        1,
    )
    assert without_language_line(f"{LANGUAGE_LINE}\n{IMPORT_LINE}")[1] == 0
    assert without_language_line(f"{IMPORT_LINE}\n{LANGUAGE_LINE}  # zh")[1] == 0
