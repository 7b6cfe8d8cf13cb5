"""The one place that decides how Claims Desktop looks: schemes, tones, roles, the app style.

Why one module: colours used to be hex strings in a dozen screens, each picked by eye,
and none followed the OS dark or high-contrast setting. Screens now say *what* a
widget is (an error, a notice, a heading) or *which tone* a status has, and this module
decides the colours, sizes and focus rings for the scheme in use. Every colour pair here
is held to WCAG 2.2 AA by a test (4.5:1 for text, 3:1 for focus rings and borders); colour
is never the only signal (words always come too).

Use:
- `mark(widget, Role.ERROR)` instead of `setStyleSheet("color: ...")`;
- `mark_tone(label, Tone.BAD)` for a coloured chip (status, deadline);
- `tone_colours(Tone.BAD)` -> (background, ink) `QColor`s for painted cells (cached);
- `gap(widget)` for layout spacing that grows with the font, not fixed pixels;
- `apply(app)` once, in `app.launch`: it picks the scheme from the OS (dark, high
  contrast) and follows it when the OS setting changes.

Sizes in the sheet are in `em` (the widget's font) or derived from the application font,
so the look stays in proportion at 100%, 150% and 200% scaling and with large OS fonts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # Qt 6.10 and later only; the package allows 6.7
    from PySide6.QtGui import QAccessibilityHints


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
    HEADING = "heading"    # a screen's title (type scale step 2)
    SUBHEADING = "subheading"  # a section title inside a screen (type scale step 1)
    DANGER = "danger"      # a confirmation of something that cannot be undone
    MUTED = "muted"        # secondary text: hints, "no search yet"


class Scheme(Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


@dataclass(frozen=True)
class Colours:
    """A scheme's palette: the colours the sheet and the `QPalette` are built from."""

    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    border: str
    focus: str
    error: str
    success: str
    notice_bg: str
    notice_ink: str
    notice_border: str
    disabled: str


PALETTES: dict[Scheme, Colours] = {
    Scheme.LIGHT: Colours(
        window="#f4f5f7", base="#ffffff", alt_base="#f2f4f7", text="#1b1f24",
        muted="#545b66", button="#e8ebef", button_text="#1b1f24", highlight="#0b5cad",
        highlighted_text="#ffffff", link="#0a549c", border="#737b87", focus="#0b5cad",
        error="#a00000", success="#14622a", notice_bg="#fff4ce", notice_ink="#3b2f00",
        notice_border="#8a6d00", disabled="#8b919a"),
    Scheme.DARK: Colours(
        window="#1f2227", base="#16181c", alt_base="#1d2025", text="#e7e9ec",
        muted="#aab1bb", button="#2d3239", button_text="#e7e9ec", highlight="#2f6fb3",
        highlighted_text="#ffffff", link="#8cc4ff", border="#7f8894", focus="#6cb4ff",
        error="#ff8f87", success="#7fdc92", notice_bg="#3a3000", notice_ink="#ffe58a",
        notice_border="#b89a2a", disabled="#737a84"),
    Scheme.HIGH_CONTRAST: Colours(
        window="#000000", base="#000000", alt_base="#0d0d0d", text="#ffffff",
        muted="#e6e6e6", button="#000000", button_text="#ffffff", highlight="#1aebff",
        highlighted_text="#000000", link="#ffff00", border="#ffffff", focus="#ffff00",
        error="#ff7070", success="#3ff23f", notice_bg="#000000", notice_ink="#ffff00",
        notice_border="#ffff00", disabled="#a6a6a6"),
}

# (background, ink) per tone; the ink has at least 4.5:1 on its background.
TONES: dict[Scheme, dict[Tone, tuple[str, str]]] = {
    Scheme.LIGHT: {
        Tone.GOOD: ("#e3f4e6", "#14491a"),
        Tone.BAD: ("#fde7e9", "#7d1414"),
        Tone.WARN: ("#fff1dc", "#6b3900"),
        Tone.CAUTION: ("#fff6cf", "#4d3b00"),
        Tone.INFO: ("#e6f0fb", "#0f3866"),
        Tone.SPECIAL: ("#efe7fb", "#3f2473"),
        Tone.NEUTRAL: ("#ececec", "#262626"),
    },
    Scheme.DARK: {
        Tone.GOOD: ("#173b20", "#b9ecc4"),
        Tone.BAD: ("#4a1a1d", "#ffc9c9"),
        Tone.WARN: ("#4a2c0b", "#ffd7a3"),
        Tone.CAUTION: ("#3d3410", "#f5e39a"),
        Tone.INFO: ("#15314f", "#bcd9fa"),
        Tone.SPECIAL: ("#33234f", "#dccbfa"),
        Tone.NEUTRAL: ("#33363b", "#e3e3e3"),
    },
    Scheme.HIGH_CONTRAST: {
        Tone.GOOD: ("#000000", "#3ff23f"),
        Tone.BAD: ("#000000", "#ff9a9a"),
        Tone.WARN: ("#000000", "#ffb84d"),
        Tone.CAUTION: ("#000000", "#ffff00"),
        Tone.INFO: ("#000000", "#1aebff"),
        Tone.SPECIAL: ("#000000", "#e0b3ff"),
        Tone.NEUTRAL: ("#000000", "#ffffff"),
    },
}

#: Type scale: a role's font size as a multiple of the application font.
TYPE_SCALE: dict[Role, float] = {Role.HEADING: 1.5, Role.SUBHEADING: 1.2}


class _Hints(Protocol):
    """What `detect` reads of `QStyleHints` (a protocol so tests can hand in their own)."""

    def colorScheme(self) -> Qt.ColorScheme: ...


class SchemeNotifier(QObject):
    """Says when the scheme changed (the OS switched to dark or high contrast)."""

    changed = Signal(object)  # Scheme


_scheme = Scheme.LIGHT
_cache: dict[Tone, tuple[QColor, QColor]] = {}
_notifier: SchemeNotifier | None = None
_followed: set[int] = set()


def scheme() -> Scheme:
    """The scheme `apply` chose (light until it has run)."""
    return _scheme


def colours(which: Scheme | None = None) -> Colours:
    return PALETTES[which or _scheme]


def notifier() -> SchemeNotifier:
    """The object whose `changed` signal fires after a scheme change has been applied."""
    global _notifier
    if _notifier is None:
        _notifier = SchemeNotifier()
    return _notifier


def tone_colours(tone: Tone) -> tuple[QColor, QColor]:
    """(background, ink) for a tone in the current scheme.

    Called for every painted cell, so it is a dictionary look-up; the cache holds the
    current scheme's colours only and is emptied when the scheme changes.
    """
    pair = _cache.get(tone)
    if pair is None:
        bg, ink = TONES[_scheme][tone]
        pair = _cache[tone] = (QColor(bg), QColor(ink))
    return pair


def tone_hex(tone: Tone) -> tuple[str, str]:
    """The same as hex strings, for rich text (PDF, printed pages)."""
    return TONES[_scheme][tone]


_POLISHED = Qt.WidgetAttribute.WA_WState_Polished


def mark(widget: QWidget, role: Role | None) -> None:
    """Give a widget a role (or none) and re-polish it so the style takes effect."""
    _set_property(widget, "role", role.value if role else "")


def mark_tone(widget: QWidget, tone: Tone | None) -> None:
    """Colour a widget (a chip, a deadline) with a tone's pair, or take it off."""
    _set_property(widget, "tone", tone.value if tone else "")


def _set_property(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if not widget.testAttribute(_POLISHED):
        return  # not shown yet: its first polish reads the property (and no QStyle needed)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def gap(widget: QWidget, steps: float = 1.0) -> int:
    """Layout spacing of `steps` half-lines of the widget's font (grows with the font)."""
    return max(2, round(widget.fontMetrics().height() * 0.5 * steps))


def detect(hints: _Hints, high_contrast: bool) -> Scheme:
    """The scheme the OS asks for: high contrast wins over dark, dark over light."""
    if high_contrast:
        return Scheme.HIGH_CONTRAST
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return Scheme.DARK
    return Scheme.LIGHT


def _accessibility(hints: QStyleHints) -> QAccessibilityHints | None:
    """`QStyleHints.accessibility()` came with Qt 6.10; the package allows 6.7 and up."""
    getter = getattr(hints, "accessibility", None)
    return getter() if getter is not None else None


def os_scheme(app: QApplication) -> Scheme:
    hints = app.styleHints()
    access = _accessibility(hints)
    high = access is not None and (
        access.contrastPreference() == Qt.ContrastPreference.HighContrast)
    return detect(hints, high)


def palette(which: Scheme) -> QPalette:
    """A `QPalette` from the scheme's colours, for everything the sheet does not touch."""
    c = PALETTES[which]
    pal = QPalette()
    role = QPalette.ColorRole
    for r, value in ((role.Window, c.window), (role.WindowText, c.text),
                     (role.Base, c.base), (role.AlternateBase, c.alt_base),
                     (role.Text, c.text), (role.PlaceholderText, c.muted),
                     (role.Button, c.button), (role.ButtonText, c.button_text),
                     (role.Highlight, c.highlight),
                     (role.HighlightedText, c.highlighted_text),
                     (role.Link, c.link), (role.LinkVisited, c.link),
                     (role.ToolTipBase, c.base), (role.ToolTipText, c.text),
                     (role.BrightText, c.error), (role.Mid, c.border),
                     (role.Dark, c.border), (role.Shadow, c.border),
                     (role.Accent, c.focus)):
        pal.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(c.disabled))
    return pal


def sheet(which: Scheme, base_pt: float) -> str:
    """The application style sheet: roles, tones, borders and focus rings.

    Every focusable kind of widget has a 2-px ring in the focus colour (at least 3:1 on
    the window and the field background); the unfocused border is 1 px plus 1 px of
    margin (or padding), so focusing never shifts the layout.
    """
    c = PALETTES[which]
    head = base_pt * TYPE_SCALE[Role.HEADING]
    sub = base_pt * TYPE_SCALE[Role.SUBHEADING]
    tones = "\n".join(
        f'QLabel[tone="{t.value}"], QFrame[tone="{t.value}"] {{ background: {bg}; '
        f"color: {ink}; border: 1px solid {ink}; border-radius: 0.25em; "
        "padding: 0.3em 0.5em; }"
        for t, (bg, ink) in TONES[which].items())
    return f"""
QLabel[role="error"] {{ color: {c.error}; }}
QLabel[role="success"] {{ color: {c.success}; font-weight: bold; }}
QLabel[role="danger"] {{ color: {c.error}; font-weight: bold; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="heading"] {{ font-size: {head:.1f}pt; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {sub:.1f}pt; font-weight: bold; }}
QFrame[role="notice"], QLabel[role="notice"], QLabel[role="banner"] {{
    background: {c.notice_bg}; border: 1px solid {c.notice_border};
    color: {c.notice_ink}; padding: 0.4em; }}
QFrame[role="notice"] QLabel {{ color: {c.notice_ink}; background: transparent;
    border: none; }}
{tones}
QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView {{
    border: 1px solid {c.border}; padding: 1px; }}
QLineEdit, QAbstractSpinBox, QComboBox {{ border-radius: 0.2em; padding: 0.15em 0.3em;
    margin: 1px; }}
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{
    border: 2px solid {c.focus}; margin: 0px; }}
QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus {{
    border: 2px solid {c.focus}; padding: 0px; }}
QPushButton, QToolButton {{
    background: {c.button}; color: {c.button_text}; border: 1px solid {c.border};
    border-radius: 0.25em; padding: 0.3em 0.9em; }}
QPushButton:hover, QToolButton:hover {{ border-color: {c.text}; }}
QPushButton:pressed, QToolButton:pressed {{ background: {c.alt_base}; }}
QPushButton:default {{ border: 2px solid {c.border}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {c.disabled}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {c.focus}; }}
QPushButton::menu-indicator {{ subcontrol-origin: padding;
    subcontrol-position: center right; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 0.2em;
    padding: 0.1em; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c.focus}; }}
QTabBar::tab:focus {{ border: 2px solid {c.focus}; }}
{_scroll_bars(c)}
{"" if which is Scheme.LIGHT else _indicators(c)}"""


def _scroll_bars(c: Colours) -> str:
    """Once any item view is styled, Qt draws scroll bars from the sheet, and left alone
    they came out as a white handle on a dotted lavender groove: at the top of a list
    the handle was invisible. The handle is the border colour (3:1 on the groove)."""
    return f"""
QScrollBar:vertical {{ background: {c.alt_base}; width: 0.9em; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: {c.alt_base}; height: 0.9em; margin: 0; border: none; }}
QScrollBar::handle {{ background: {c.border}; border-radius: 0.25em; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 2em; }}
QScrollBar::handle:horizontal {{ min-width: 2em; }}
QScrollBar::handle:hover {{ background: {c.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def _indicators(c: Colours) -> str:
    """Fusion draws check and radio boxes darker than the window: on a dark or black
    window they vanish. Those schemes draw them here: a box in the border colour (3:1),
    filled with the text colour when checked."""
    return f"""
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {{
    width: 0.9em; height: 0.9em; border: 2px solid {c.border}; background: {c.base}; }}
QRadioButton::indicator {{ border-radius: 0.55em; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked,
QAbstractItemView::indicator:checked {{ background: {c.text}; }}
QCheckBox::indicator:indeterminate {{ background: {c.muted}; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
    border-color: {c.disabled}; }}
"""


#: Set on a QApplication built with Fusion (`make_application`): asking `app.style()` would
#: hand a QStyle to Python, whose ~20 enums (pixel metrics, primitives...) are then built
#: before the first frame.
FUSION_FROM_START = "claimsDesktopFusion"


def make_application(argv0: str) -> QApplication:
    """The QApplication, with Fusion chosen as it is built (the `-style` argument)."""
    app = QApplication([argv0, "-style", "Fusion"])
    if not os.environ.get("QT_STYLE_OVERRIDE"):  # which would win over the argument
        app.setProperty(FUSION_FROM_START, True)
    return app


def apply(app: QApplication, which: Scheme | None = None) -> Scheme:
    """Set the application-wide style for the OS scheme (or `which`); follow OS changes.

    Fusion draws every control from the palette on every OS, so dark and high contrast
    look the same on Windows, macOS and Linux.
    """
    global _scheme
    chosen = which or os_scheme(app)
    if not app.property(FUSION_FROM_START) and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    _scheme = chosen
    _cache.clear()
    app.setPalette(palette(chosen))
    app.setStyleSheet(sheet(chosen, _base_points(app.font())))
    if which is None:
        _follow(app)
    notifier().changed.emit(chosen)
    return chosen


def _base_points(font: QFont) -> float:
    if font.pointSizeF() > 0:
        return font.pointSizeF()
    return font.pixelSize() * 0.75  # 96 px per inch, 72 pt per inch


def _follow(app: QApplication) -> None:
    """Re-apply when the OS colour scheme or contrast preference changes (once per app)."""
    if id(app) in _followed:
        return
    _followed.add(id(app))
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _s: apply(app))
    access = _accessibility(hints)
    if access is not None:
        access.contrastPreferenceChanged.connect(lambda _p: apply(app))


def colour_fields() -> tuple[str, ...]:
    """The names of a palette's colours (for tests and the style guide)."""
    return tuple(f.name for f in fields(Colours))
