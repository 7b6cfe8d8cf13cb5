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

Counts use Qt's plural forms: `translate("Claims", "%n claim(s)", None, n)`.
"""

from __future__ import annotations

# Re-exported so modules take all three spellings from one place.
from PySide6.QtCore import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None,
              n: int = -1) -> str:
    """`QCoreApplication.translate` under the name lupdate looks for."""
    return QCoreApplication.translate(context, text, disambiguation, n)
