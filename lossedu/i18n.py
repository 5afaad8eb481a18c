"""The language lossedu speaks to a reader: English by default, or Simplified Chinese.

Every string a reader sees — figure titles, axis labels and legends, explorer
controls and readouts, exercise verdicts and hints — is looked up by its
English text (the message id) in a gettext catalog, in one place: :func:`_`.
The catalogs live in ``lossedu/locale/<language>/LC_MESSAGES/lossedu.po``
(compiled to ``.mo`` beside them); code never branches on the language.
``ValueError`` messages stay in English. Module-level constants are marked
with :func:`N_` (so that the catalog tools find them) and looked up with
:func:`_` where they are shown, so they follow the language at call time.

Chinese text in figures needs a font with CJK glyphs: ``set_language("zh")``
sets matplotlib's ``font.family`` to the installed fonts of :data:`CJK_FONTS`
followed by DejaVu Sans (see :func:`cjk_font_family`), and ``set_language("en")``
restores the family it found. This is the one place lossedu changes a
matplotlib setting, and only on that explicit call; importing lossedu or
lossedu.plots changes nothing.

Examples
--------
>>> set_language("en")
>>> get_language()
'en'
>>> _("Entropy")
'Entropy'
"""

import gettext
from pathlib import Path

#: The languages the course speaks, by code, with their own names.
LANGUAGES = {"en": "English", "zh": "简体中文"}

#: Other spellings accepted for a language code.
ALIASES = {"zh_CN": "zh", "zh-CN": "zh", "zh_Hans": "zh", "zh-Hans": "zh", "en_US": "en"}

DOMAIN = "lossedu"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: Fonts with Simplified Chinese glyphs, in order of preference: Linux (Noto Sans
#: CJK, WenQuanYi, Source Han Sans), Windows (Microsoft YaHei, SimHei), macOS
#: (PingFang, Heiti). Each also has Latin letters and digits.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "WenQuanYi Zen Hei",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
)
LATIN_FONT = "DejaVu Sans"

_state = {"language": "en", "translation": gettext.NullTranslations(), "font_family": None}


def set_language(language):
    """Choose the language of everything lossedu shows: ``"en"`` (default) or ``"zh"``.

    Figures and explorers made after the call speak the new language. For
    ``"zh"`` matplotlib's ``font.family`` becomes :func:`cjk_font_family`;
    ``"en"`` puts back the family that was there before.

    Parameters
    ----------
    language : str
        A code from :data:`LANGUAGES` (``"zh_CN"`` and ``"zh-Hans"`` mean ``"zh"``).

    Raises
    ------
    ValueError
        For a language the course does not speak.

    Examples
    --------
    >>> set_language("zh")
    >>> _("Entropy")
    '熵'
    >>> set_language("en")
    """
    code = ALIASES.get(language, language) if isinstance(language, str) else language
    if code not in LANGUAGES:
        known = ", ".join(repr(k) for k in LANGUAGES)
        raise ValueError(f"language must be one of {known}; got {language!r}")
    if code == "en":
        translation = gettext.NullTranslations()
    else:
        translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])
    _state.update(language=code, translation=translation)
    _set_fonts(code)


def cjk_font_family():
    """``font.family`` for Chinese figures: the installed CJK fonts, then DejaVu Sans.

    matplotlib (>= 3.6) falls back glyph by glyph along ``font.family`` for
    plain text, so a glyph the CJK font lacks comes from DejaVu Sans. A label
    that contains math (``$...$``) is different: mathtext sets its plain words
    in the *first* family only, and its math in ``mathtext.fontset`` (DejaVu
    Sans by default, unchanged). So the CJK font comes first, or the Chinese
    words around a formula would be boxes. Only installed fonts are listed, so
    matplotlib logs no "font family not found"; with none installed, missing
    glyphs show up as matplotlib's "Glyph ... missing" warning.
    """
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [*(name for name in CJK_FONTS if name in installed), LATIN_FONT]


def _set_fonts(code):
    if code == "zh":
        import matplotlib

        if _state["font_family"] is None:
            _state["font_family"] = list(matplotlib.rcParams["font.family"])
        matplotlib.rcParams["font.family"] = cjk_font_family()
    elif _state["font_family"] is not None:
        import matplotlib

        matplotlib.rcParams["font.family"] = _state["font_family"]
        _state["font_family"] = None


def get_language():
    """The code of the language lossedu speaks now.

    Examples
    --------
    >>> get_language()
    'en'
    """
    return _state["language"]


def N_(message):
    """Mark `message` for the catalog without translating it (for module-level constants)."""
    return message


def _(message):
    """`message` (its English text) in the current language.

    The empty message stays empty (gettext would return the catalog's header).

    Examples
    --------
    >>> set_language("zh")
    >>> _(""), _("nats"), _("a name the catalog lacks")
    ('', '奈特', 'a name the catalog lacks')
    >>> set_language("en")
    """
    if not message:
        return message
    return _state["translation"].gettext(message)


def ngettext(singular, plural, n):
    """The singular or plural form of a message for the count `n`, in the current language."""
    return _state["translation"].ngettext(singular, plural, n)
