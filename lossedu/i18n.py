"""The language lossedu speaks to a reader: English by default, or Simplified Chinese.

Every string a reader sees — figure titles, axis labels and legends, explorer
controls and readouts, exercise verdicts and hints — is looked up by its
English text (the message id) in a gettext catalog, in one place: :func:`_`.
The catalogs live in ``lossedu/locale/<language>/LC_MESSAGES/lossedu.po``
(compiled to ``.mo`` beside them); code never branches on the language.
``ValueError`` messages stay in English.

Examples
--------
>>> set_language("en")
>>> get_language()
'en'
>>> _("correct ✓")
'correct ✓'
"""

import gettext
from pathlib import Path

#: The languages the course speaks, by code, with their own names.
LANGUAGES = {"en": "English", "zh": "简体中文"}

#: Other spellings accepted for a language code.
ALIASES = {"zh_CN": "zh", "zh-CN": "zh", "zh_Hans": "zh", "zh-Hans": "zh", "en_US": "en"}

DOMAIN = "lossedu"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_state = {"language": "en", "translation": gettext.NullTranslations()}


def set_language(language):
    """Choose the language of everything lossedu shows: ``"en"`` (default) or ``"zh"``.

    Figures and explorers made after the call speak the new language.

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
    >>> _("correct ✓")
    '正确 ✓'
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


def get_language():
    """The code of the language lossedu speaks now.

    Examples
    --------
    >>> get_language()
    'en'
    """
    return _state["language"]


def _(message):
    """`message` (its English text) in the current language."""
    return _state["translation"].gettext(message)


def ngettext(singular, plural, n):
    """The singular or plural form of a message for the count `n`, in the current language."""
    return _state["translation"].ngettext(singular, plural, n)
