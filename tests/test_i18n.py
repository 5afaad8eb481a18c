"""The package speaks English and Simplified Chinese from one gettext catalog per language.

Every message the reader sees is extracted from the source (Babel) and must have a Chinese
translation; no reader-facing literal may bypass ``_()``; after ``set_language("zh")`` every
figure, explorer and self-check speaks Chinese, with every glyph drawn, and
``set_language("en")`` brings English back.
"""

import ast
import importlib
import io
import logging
import pkgutil
import re
import string
import warnings
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import lossedu as le
from lossedu import exercises, i18n, plots, widgets

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

PACKAGE = Path(le.__file__).resolve().parent
LOCALE = PACKAGE / "locale"
PO = LOCALE / "zh" / "LC_MESSAGES" / "lossedu.po"
MO = PO.with_suffix(".mo")
POT = LOCALE / "lossedu.pot"
#: The modules whose text a reader sees (new modules in these folders are included).
READER_FACING = ("plots", "widgets", "exercises")
CJK = re.compile(r"[\u4e00-\u9fff]")
REMAKE = "run `make translations`, translate the new messages in the .po, run it again"


@pytest.fixture
def chinese():
    """Chinese for one test, English again afterwards whatever happens."""
    le.set_language("zh")
    try:
        yield
    finally:
        le.set_language("en")
        plt.close("all")


# -- the catalog --------------------------------------------------------------------------


def _source_messages():
    """Message ids of every _() and N_() call in the package, as Babel extracts them."""
    found = extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}
    )
    return {message for _, _, message, _, _ in found}


@pytest.fixture(scope="module")
def zh_catalog():
    with PO.open("rb") as f:
        return read_po(f)


def _fields(text):
    try:
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:  # a label with LaTeX braces, never formatted
        return None


def test_every_message_has_a_chinese_translation(zh_catalog):
    messages = _source_messages()
    assert len(messages) > 200
    problems = []
    for message in sorted(messages):
        entry = zh_catalog.get(message)
        if entry is None:
            problems.append(f"not in the zh catalog: {message!r}")
        elif not entry.string or not entry.string.strip():
            problems.append(f"no translation: {message!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy translation: {message!r}")
        elif _fields(message) != _fields(entry.string):
            problems.append(f"placeholders differ: {message!r} -> {entry.string!r}")
    assert not problems, f"{len(problems)} problems ({REMAKE}):\n" + "\n".join(problems)


def test_catalog_has_no_fuzzy_or_obsolete_entries(zh_catalog):
    assert not zh_catalog.fuzzy, "the catalog header is marked fuzzy"
    assert not [m.id for m in zh_catalog if m.id and m.fuzzy]
    assert not zh_catalog.obsolete, f"obsolete messages: {list(zh_catalog.obsolete)} ({REMAKE})"


def test_template_is_up_to_date():
    with POT.open("rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    assert template == _source_messages(), f"lossedu.pot is out of date: {REMAKE}"


def test_committed_mo_is_compiled_from_the_po(zh_catalog):
    compiled = io.BytesIO()
    write_mo(compiled, zh_catalog)
    assert MO.read_bytes() == compiled.getvalue(), f"lossedu.mo is out of date: {REMAKE}"


def test_catalog_is_packaged():
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in pyproject


def test_course_texts_are_still_in_the_notebooks():
    """The texts marked for the notebooks' figures are what the notebooks' code passes."""
    import json

    from lossedu.plots._course_texts import COURSE_TEXTS

    notebooks = sorted((PACKAGE.parent / "notebooks").glob("*.ipynb"))
    code = "\n".join(
        "".join(cell["source"])
        for path in notebooks
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
    )
    stale = [text for text in COURSE_TEXTS if repr(text) not in code and f'"{text}"' not in code]
    assert not stale, f"no notebook passes these texts any more (remove them): {stale}"


def test_a_notebook_text_reaches_the_figure_in_chinese(chinese):
    runs = {"quadratic, rate 0.15": np.linspace(0.98, 0.2, 50)}
    title = "From output 0.98: honest gradients against the demo's"
    lines = plots.plot_outputs(runs, title=title)
    assert lines["quadratic, rate 0.15"].get_label() == "二次代价，学习率 0.15"
    assert plt.gca().get_title() == "从输出 0.98 出发：正确的梯度与那个演示的梯度对比"


# -- no reader-facing literal bypasses _() --------------------------------------------------

#: Calls whose positional text arguments a reader sees.
TEXT_CALLS = {
    "set_title",
    "set_xlabel",
    "set_ylabel",
    "set_text",
    "text",
    "annotate",
    "suptitle",
    "set_label",
    "float_slider",
    "int_slider",
    "choice",
    "print",
    "HTML",
}
#: Keyword arguments a reader sees (labels, titles, control descriptions, hints).
TEXT_KEYWORDS = {"label", "title", "xlabel", "ylabel", "description", "hint", "text"}
_MATH = re.compile(r"\$[^$]*\$")
_MARKUP = re.compile(r"&\w+;|<[^>]*>")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _has_words(text):
    """True for text with a word in it, outside formulas ($...$) and HTML markup."""
    return bool(_WORD.search(_MARKUP.sub("", _MATH.sub("", text))))


def _literals(node):
    """The string literals `node` evaluates to directly (a call, such as _(), hides them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node, node.value
    elif isinstance(node, ast.JoinedStr):
        yield node, "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value)


def _literal_option_labels(node):
    """The literal labels in a list of options: each string, or each pair's first item."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return
    for item in node.elts:
        if isinstance(item, ast.Tuple) and item.elts:
            item = item.elts[0]
        yield from _literals(item)


def _call_name(func):
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def unwrapped_text(source):
    """(line, text) of each reader-facing literal in `source` that is not wrapped in _().

    Text arguments of the calls in TEXT_CALLS, the keywords in TEXT_KEYWORDS, the
    labels of a literal list of options (``choice(...)``, ``options=``), and returned
    strings (readouts, messages); not ``raise`` statements (errors stay English) and
    not a returned single word (a value such as an answer "same").
    """
    tree = ast.parse(source)
    in_raise = {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) for n in ast.walk(r)}
    found = []
    for node in ast.walk(tree):
        candidates = []
        if isinstance(node, ast.Call):
            if _call_name(node.func) in TEXT_CALLS:
                candidates += list(node.args)
            candidates += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
            literals = [lit for arg in candidates for lit in _literals(arg)]
            options = [k.value for k in node.keywords if k.arg == "options"]
            if _call_name(node.func) == "choice" and len(node.args) > 1:
                options.append(node.args[1])
            literals += [lit for arg in options for lit in _literal_option_labels(arg)]
        elif isinstance(node, ast.Return) and node.value is not None:
            literals = [
                (lit, text)
                for lit, text in _literals(node.value)
                if not re.fullmatch(r"[\w-]*", text)
            ]
        else:
            continue
        found += [
            (lit.lineno, text)
            for lit, text in literals
            if id(lit) not in in_raise and _has_words(text)
        ]
    return found


def _reader_facing_modules():
    for folder in READER_FACING:
        yield from sorted((PACKAGE / folder).glob("*.py"))


@pytest.mark.parametrize("path", list(_reader_facing_modules()), ids=lambda p: p.stem)
def test_no_reader_facing_literal_bypasses_the_catalog(path):
    found = unwrapped_text(path.read_text(encoding="utf-8"))
    listing = "\n".join(f"{path.name}:{line}: {text!r}" for line, text in found)
    assert not found, f"wrap these in _() (or mark a constant with N_()):\n{listing}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('ax.set_title("Entropy")', 1),
        ('ax.set_title(_("Entropy"))', 0),
        ('ax.set(xlabel=f"probability [{unit}]")', 1),
        ('ax.set(xlabel=_("probability [{unit}]").format(unit=_(unit)))', 0),
        ('ax.plot(x, y, label="MSE" if a else "cross-entropy")', 2),
        ('ax.plot(x, y, label=r"$-\\ln q$")', 0),
        ('float_slider("target c1", 1.0, 0, 1, 0.1)', 1),
        ('print(f"{label}: correct")', 1),
        ("Exercise(hint=N_('Use the natural log.'))", 0),
        ('def f():\n    return "same"', 0),
        ('def f():\n    return f"{v} nats"', 1),
        ('raise ValueError(f"p must be > 0; got {p}")', 0),
        ('choice(_("cost"), [("both", "both"), (N_("quadratic"), "quadratic")], c)', 1),
        ('widgets.Dropdown(options=["the classic start", N_("saturated")])', 1),
        ('widgets.Dropdown(options=list(SCENES), description=_("scene"))', 0),
        ('return_value = "<br>".join(parts)', 0),
    ],
)
def test_the_literal_check_finds_what_it_should(source, expected):
    assert len(unwrapped_text(source)) == expected


# -- figures, explorers and self-checks in Chinese ------------------------------------------


def _histories():
    return {
        cost: le.train_neuron([0.6, 2.0], [0.9, 2.0], eta=0.15, epochs=60, cost=cost)
        for cost in plots.slowdown.COSTS
    }


def _slowdown_map(ax=None):
    w, b = np.linspace(-2.0, 4.0, 5), np.linspace(-2.0, 4.0, 7)
    needed = {cost: np.linspace(1.0, 400.0, 35).reshape(7, 5) for cost in plots.COST_STYLE}
    needed["quadratic"][0, 0] = np.inf
    return plots.plot_slowdown_map(w, b, needed, budget=300, starts={"0.98": (2.0, 2.0)})


def _network_histories():
    """Two short runs: one named by its cost, one by a label of its own."""
    history = le.NetworkHistory(
        np.array([1.0, 0.5]),
        np.array([0.1, 0.8]),
        np.array([0.1, 0.01]),
        np.array([0.01, 0.001]),
        None,
        "quadratic",
        3.0,
        100,
    )
    return {"quadratic": history, "softmax CE, hidden scale 40": history}


P, Q = [0.7, 0.2, 0.1], [0.5, 0.3, 0.2]
#: One call of every plot function, with arguments that draw all its text.
PLOT_CALLS = {
    "plot_information": lambda: plots.plot_information(0.25, events={"x": 0.5}, other_unit=True),
    "plot_information_candidates": lambda: plots.plot_information_candidates(),
    "plot_binary_entropy": lambda: plots.plot_binary_entropy(0.2, other_unit=True),
    "plot_code_lengths": lambda: plots.plot_code_lengths(P, max_block=3),
    "plot_distribution": lambda: plots.plot_distribution(P),
    "plot_entropy_area": lambda: plots.plot_entropy_area(P, ["starts", "fails", "explodes"]),
    "plot_entropy_gauge": lambda: plots.plot_entropy_gauge(P),
    "plot_entropy_samples": lambda: plots.plot_entropy_samples({2: [0.5, 0.6], 3: [0.9, 1.0]}),
    "plot_entropy_simplex": lambda: plots.plot_entropy_simplex(P),
    "plot_entropy_term": lambda: plots.plot_entropy_term(unit="bits"),
    "plot_clipped_gradient": lambda: plots.plot_clipped_gradient(),
    "plot_clipped_loss": lambda: plots.plot_clipped_loss(),
    "plot_cross_entropy_decomposition": lambda: plots.plot_cross_entropy_decomposition(0.7),
    "plot_distributions": lambda: plots.plot_distributions(P, Q),
    "plot_divergence_bars": lambda: plots.plot_divergence_bars(P, [0.5, 0.5, 0.0]),
    "plot_divergence_pairs": lambda: plots.plot_divergence_pairs(
        np.array([P, Q]), np.array([Q, P])
    ),
    "plot_extra_softmax": lambda: plots.plot_extra_softmax(),
    "plot_kl_directions": lambda: plots.plot_kl_directions(0.7),
    "plot_kl_terms": lambda: plots.plot_kl_terms(P, Q),
    "plot_log_bound": lambda: plots.plot_log_bound(),
    "plot_loss_terms": lambda: plots.plot_loss_terms([0.1, 0.5, 0.2]),
    "plot_prediction": lambda: plots.plot_prediction([0.3, 0.6, 0.1], [0.0, 1.0, 0.0]),
    "plot_true_class_loss": lambda: plots.plot_true_class_loss([0.1, 0.9]),
    "plot_loss_curves": lambda: plots.plot_loss_curves(form="exact", compare=True),
    "plot_outputs": lambda: plots.plot_outputs(
        {"eta = 0.15": _histories()["quadratic"].output[:, 0]}
    ),
    "plot_second_derivatives": lambda: plots.plot_second_derivatives(),
    "plot_simplified_and_exact": lambda: plots.plot_simplified_and_exact(),
    "plot_slowdown_map": _slowdown_map,
    "plot_training_curves": lambda: plots.plot_training_curves(_histories()),
    "plot_weight_line": lambda: plots.plot_weight_line(),
    "plot_digits": lambda: plots.plot_digits(np.zeros((3, 8, 8)), [0, 1, 2]),
    "plot_learning_curves": lambda: plots.plot_learning_curves(
        _network_histories(), panels=list(plots.network.PANELS), title="title"
    ),
}


def test_every_plot_function_is_exercised():
    public = {name for name in plots.__all__ if name.startswith("plot_")}
    assert public == set(PLOT_CALLS)


def _texts(figure):
    """Every piece of text drawn in `figure`, tick labels included."""
    return [t.get_text() for t in figure.findobj(matplotlib.text.Text) if t.get_visible()]


def _draw_without_missing_glyphs(figure, caplog):
    """Render `figure`; fail on a missing glyph (a warning, or mathtext's log message)."""
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="matplotlib"), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph .* missing")
        figure.savefig(io.BytesIO(), format="png")
    missing = [r.getMessage() for r in caplog.records if "glyph" in r.getMessage().lower()]
    assert not missing, missing


@pytest.mark.parametrize("name", sorted(PLOT_CALLS))
def test_plot_speaks_chinese_with_every_glyph_drawn(name, chinese, caplog):
    PLOT_CALLS[name]()
    figure = plt.gcf()
    _draw_without_missing_glyphs(figure, caplog)
    assert any(CJK.search(text) for text in _texts(figure)), _texts(figure)


@pytest.mark.parametrize("name", sorted(PLOT_CALLS))
def test_plot_speaks_english_again_after_set_language_en(name, chinese):
    le.set_language("en")
    PLOT_CALLS[name]()
    texts = _texts(plt.gcf())
    assert texts and not any(CJK.search(text) for text in texts), texts


EXPLORERS = sorted(name for name in widgets.__all__ if name.endswith("_explorer"))


def _other_value(control):
    options = [o[1] if isinstance(o, tuple) else o for o in getattr(control, "options", ())]
    if options:
        return options[(options.index(control.value) + 1) % len(options)]
    step = control.step
    return control.value - step if control.value + step > control.max else control.value + step


def _explorer_text(explorer):
    labels = [label for c in explorer.sliders.values() for label in _option_labels(c)]
    header = [child.value for child in explorer.widget.children if hasattr(child, "value")]
    descriptions = [c.description for c in explorer.sliders.values()]
    return [*header[:1], explorer.readout.value, *descriptions, *labels]


def _option_labels(control):
    return list(getattr(control, "_options_labels", ()))


@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_speaks_chinese_with_every_glyph_drawn(name, chinese, caplog):
    explorer = getattr(widgets, name)()
    for control in explorer.sliders.values():
        control.value = _other_value(control)
        _draw_without_missing_glyphs(explorer.figure, caplog)
    texts = _explorer_text(explorer)
    assert CJK.search(texts[0]), f"title: {texts[0]!r}"
    assert CJK.search(texts[1]), f"readout: {texts[1]!r}"
    for text in texts[2:]:
        assert CJK.search(text), f"control or option label in English: {text!r}"
    assert any(CJK.search(text) for text in _texts(explorer.figure))


@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_speaks_english_again_after_set_language_en(name, chinese):
    le.set_language("en")
    explorer = getattr(widgets, name)()
    texts = [*_explorer_text(explorer), *_texts(explorer.figure)]
    assert not any(CJK.search(text) for text in texts), texts


def _exercise_modules():
    for info in pkgutil.iter_modules(exercises.__path__):
        module = importlib.import_module(f"lossedu.exercises.{info.name}")
        if hasattr(module, "EXERCISES"):
            yield module


def test_exercise_checks_speak_chinese(chinese, capsys):
    from lossedu.exercises import nb01

    assert nb01.check(1, None) is None
    assert nb01.check(1, 2.0) is False
    assert nb01.check(1, "2.58") is False
    assert nb01.check(1, [1.0, 2.0]) is False
    assert nb01.check(1, 2.58) is True
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "练习 1：尚未作答。把 None 换成你的答案。",
        "练习 1：还不对。均匀骰子掷出六点的概率是 1/6；用 I = -log2 p 计算。",
        "练习 1：还不对。答案是字符串（引号中的文本）；写数字时不要加引号。",
        "练习 1：还不对。答案给出了 2 个数；本练习要求一个数。",
        "练习 1：正确 ✓",
    ]
    assert exercises.precision_rule() == "答案精确到三位有效数字即算正确。"


def test_every_exercise_hint_is_translated(chinese):
    modules = list(_exercise_modules())
    assert len(modules) >= 7
    for module in modules:
        for number, exercise in module.EXERCISES.exercises.items():
            assert exercise.hint, f"{module.__name__} exercise {number} has no hint"
            translated = i18n._(exercise.hint)
            assert CJK.search(translated), f"{module.__name__} exercise {number}: {translated!r}"


def test_exercise_checks_speak_english_by_default(capsys):
    from lossedu.exercises import nb01

    nb01.check(1, None)
    assert (
        capsys.readouterr().out == "Exercise 1: not answered yet. Replace None with your answer.\n"
    )
    assert exercises.precision_rule() == exercises.PRECISION_RULE


# -- the language switch and the fonts ------------------------------------------------------


def test_set_language_zh_puts_a_cjk_font_first_and_en_restores_the_family():
    before = list(matplotlib.rcParams["font.family"])
    le.set_language("zh")
    try:
        family = list(matplotlib.rcParams["font.family"])
        assert family[0] in i18n.CJK_FONTS, f"no CJK font installed? font.family = {family}"
        assert family[-1] == "DejaVu Sans"
        le.set_language("zh")  # twice: still restores the original family
    finally:
        le.set_language("en")
    assert list(matplotlib.rcParams["font.family"]) == before
    assert le.get_language() == "en"


def test_cjk_family_lists_only_installed_fonts():
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    assert set(i18n.cjk_font_family()) <= installed


def test_importing_plots_changes_no_matplotlib_setting():
    assert matplotlib.rcParams["font.family"] == matplotlib.rcParamsOrig["font.family"]


def test_unknown_language_is_refused_and_the_language_kept():
    with pytest.raises(ValueError, match=r"language must be one of 'en', 'zh'; got 'fr'"):
        le.set_language("fr")
    assert le.get_language() == "en"
