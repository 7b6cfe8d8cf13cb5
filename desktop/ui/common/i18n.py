"""Every string a user reads goes through Qt's translation.

Why: an office in Puerto Rico or a clerk who reads Spanish best should be able to get
a translated build without touching the code, and Qt Linguist's `.ts` catalogue is the
format translators already use. `pyside6-lupdate` collects three spellings, so use
only these:

- `self.tr("Sign in")` inside a QObject subclass (the context is the class name);
- `translate("ClaimDetail", "Paid {amount}").format(amount=...)` anywhere else: the
  first argument is the context, a literal; never an f-string as the text;
- `QT_TRANSLATE_NOOP("Context", "text")` for module-level constants, translated
  with `translate("Context", constant)` where shown.

Counts use Qt's plural forms through `self.tr` on a QObject, which lupdate marks as
plural (it does not for `translate(ctx, text, None, n)`), finished by
`formats.plural` for a build without a catalogue:
`plural(self.tr("%Ln claim(s)", None, n), n)`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a constant for the catalogue; show it later with `translate(context, it)`.

    PySide6's own is typed as returning `object`, which made every tuple of marked
    words a type error; lupdate finds the mark by its name, so this one works the same.
    """
    del context
    return text


def translate(context: str, text: str, disambiguation: str | None = None,
              n: int = -1) -> str:
    """`QCoreApplication.translate` under the name lupdate looks for."""
    return QCoreApplication.translate(context, text, disambiguation, n)


# --- The shipped catalogues -------------------------------------------------------------
#
# `resources/i18n/claims_desktop_<lang>.ts` are the catalogues translators edit; `make ts`
# regenerates them with pyside6-lupdate over desktop/ and compiles each to the `.qm` beside
# it with pyside6-lrelease. The `.qm` files are committed (a checkout runs translated with
# no build step) and tests/unit/test_i18n.py fails when either is stale. The PyInstaller
# bundle carries them as data under `resources/i18n/` inside its folder (`sys._MEIPASS`).

#: The catalogue's file name before `_<lang>.qm`.
CATALOGUE = "claims_desktop"
#: The source strings are English; its catalogue holds only the English plural forms.
SOURCE_LANGUAGE = "en"

log = logging.getLogger(__name__)


def translations_dir() -> Path:
    """Where the `.qm` files are: in the bundle's folder when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources" / "i18n"
    return Path(__file__).resolve().parents[3] / "resources" / "i18n"


def install_translator(app: QCoreApplication, locale: QLocale | None = None,
                       directory: Path | None = None) -> list[QTranslator]:
    """Install the catalogues for `locale` (the system's by default) on `app`.

    The English catalogue goes in first, always: it holds the English plural forms
    ("1 claim", "3 claims" for "%n claim(s)"), and Qt falls back to it for whatever the
    user's language lacks. The user's language (es_PR, then es) goes in on top when a
    catalogue for it ships. Returns the installed translators; nothing shipped, nothing
    installed (and the English source text shows).
    """
    where = translations_dir() if directory is None else directory
    wanted = QLocale.system() if locale is None else locale
    installed: list[QTranslator] = []
    english = QTranslator(app)
    if english.load(QLocale(QLocale.Language.English), CATALOGUE, "_", str(where)):
        app.installTranslator(english)
        installed.append(english)
    if wanted.language() not in (QLocale.Language.English, QLocale.Language.C):
        native = QTranslator(app)
        if native.load(wanted, CATALOGUE, "_", str(where)):
            app.installTranslator(native)
            installed.append(native)
        else:
            log.info("no catalogue for %s in the bundle; English is shown", wanted.name())
    if not installed:
        log.warning("no translation catalogue found; plural forms show as written")
    return installed


def plural(text: str, n: int) -> str:
    """Finish a translated `%n ...(s)` text when no catalogue gave its plural forms.

    Qt picks the plural form from the loaded translation; with none loaded (English, the
    source language) it leaves `1 claim(s)`, which a clerk should not read. English has
    two forms, so `(s)` goes for one and becomes `s` for any other count.
    """
    return text.replace("(s)", "" if abs(n) == 1 else "s")
