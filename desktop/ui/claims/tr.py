"""Translation helpers the claims screens need beyond `common.i18n`.

- `QT_TRANSLATE_NOOP`: the typed one from `common.i18n`, re-exported.
- `counted(tr("%n claim(s)", None, n), n, fmt)`: Qt replaces `%n` but leaves the
  source's "(s)" when no catalogue is loaded (the English build has none yet), and
  writes the number without grouping in a "C" system locale. This finishes the
  English plural (`common.formats.plural`) and writes the number the way
  `Formats` does ("1,234 claims").
  The text is still translated at the call site, so lupdate collects it there.
"""

from __future__ import annotations

from desktop.ui.common.formats import Formats, plural
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP


def counted(text: str, n: int, fmt: Formats | None = None) -> str:
    """A `%n` text from `tr`, with the English plural and the number in `fmt`'s locale."""
    text = plural(text, n)
    digits = str(n)
    if fmt is not None and digits in text:
        text = text.replace(digits, fmt.count(n), 1)
    return text
