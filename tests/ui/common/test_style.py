"""The look: every colour pair of every scheme passes WCAG 2.2 AA, each scheme applies its
own palette and sheet, the OS setting picks the scheme, tone colours follow a change."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from desktop.ui.common import style
from desktop.ui.common.style import Role, Scheme, Tone
from tests.ui.common.looks import restore_look  # noqa: F401 (a fixture)

#: Every test here may apply a scheme; the look is put back after each.
pytestmark = pytest.mark.usefixtures("restore_look")


def luminance(hex_colour: str) -> float:
    """WCAG 2.2 relative luminance, computed here (not by the module under test)."""
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


TEXT = 4.5
UI = 3.0
#: (ink, backgrounds it is drawn on, minimum ratio)
PALETTE_PAIRS = [
    ("text", ("window", "base", "alt_base"), TEXT),
    ("muted", ("window", "base"), TEXT),
    ("button_text", ("button",), TEXT),
    ("highlighted_text", ("highlight",), TEXT),
    ("link", ("window", "base"), TEXT),
    ("error", ("window", "base"), TEXT),
    ("success", ("window", "base"), TEXT),
    ("notice_ink", ("notice_bg",), TEXT),
    ("focus", ("window", "base", "button"), UI),
    ("border", ("window", "base", "button"), UI),
    ("notice_border", ("window", "notice_bg"), UI),
]


def test_the_contrast_formula_is_wcags() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#767676", "#ffffff") >= 4.5  # the well-known AA grey


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_palette_pair_passes_aa(scheme: Scheme) -> None:
    c = style.PALETTES[scheme]
    failures = [f"{ink} on {bg}: {contrast(getattr(c, ink), getattr(c, bg)):.2f}"
                for ink, bgs, minimum in PALETTE_PAIRS for bg in bgs
                if contrast(getattr(c, ink), getattr(c, bg)) < minimum]
    assert not failures, failures


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_tone_pair_passes_aa_and_its_border_shows(scheme: Scheme) -> None:
    tones, c = style.TONES[scheme], style.PALETTES[scheme]
    assert set(tones) == set(Tone)
    for tone, (bg, ink) in tones.items():
        assert contrast(ink, bg) >= TEXT, (scheme, tone)
        # a chip's border is its ink: it must stand out from the field it sits on
        assert contrast(ink, c.base) >= UI, (scheme, tone)


def test_a_failing_pair_would_be_caught() -> None:
    assert contrast("#a0a0a0", "#ffffff") < TEXT  # the test can fail


@pytest.mark.parametrize("scheme", list(Scheme))
def test_each_scheme_applies_its_own_palette_sheet_and_tones(qapp: QApplication,
                                                             scheme: Scheme) -> None:
    old_sheet, old_palette = qapp.styleSheet(), qapp.palette()
    try:
        assert style.apply(qapp, scheme) is scheme
        c = style.PALETTES[scheme]
        assert style.scheme() is scheme
        pal = qapp.palette()
        assert pal.color(QPalette.ColorRole.Window).name() == c.window
        assert pal.color(QPalette.ColorRole.Text).name() == c.text
        assert pal.color(QPalette.ColorRole.Highlight).name() == c.highlight
        sheet = qapp.styleSheet()
        assert f"border: 2px solid {c.focus}" in sheet
        assert c.error in sheet
        bg, ink = style.tone_colours(Tone.BAD)
        assert (bg.name(), ink.name()) == style.TONES[scheme][Tone.BAD]
        assert style.tone_hex(Tone.GOOD) == style.TONES[scheme][Tone.GOOD]
    finally:
        style.apply(qapp, Scheme.LIGHT)
        qapp.setStyleSheet(old_sheet)
        qapp.setPalette(old_palette)


def test_tone_colours_are_cached_and_the_cache_follows_a_scheme_change(
        qapp: QApplication) -> None:
    old_sheet = qapp.styleSheet()
    try:
        style.apply(qapp, Scheme.LIGHT)
        first = style.tone_colours(Tone.WARN)
        assert style.tone_colours(Tone.WARN) is first  # no new QColor per painted cell
        seen: list[Scheme] = []
        style.notifier().changed.connect(seen.append)
        style.apply(qapp, Scheme.DARK)
        dark = style.tone_colours(Tone.WARN)
        assert dark[0].name() == style.TONES[Scheme.DARK][Tone.WARN][0] != first[0].name()
        assert seen == [Scheme.DARK]
        style.notifier().changed.disconnect(seen.append)
    finally:
        style.apply(qapp, Scheme.LIGHT)
        qapp.setStyleSheet(old_sheet)


class Hints:
    def __init__(self, scheme: Qt.ColorScheme) -> None:
        self._scheme = scheme

    def colorScheme(self) -> Qt.ColorScheme:
        return self._scheme


@pytest.mark.parametrize(("os_scheme", "high", "expected"), [
    (Qt.ColorScheme.Light, False, Scheme.LIGHT),
    (Qt.ColorScheme.Unknown, False, Scheme.LIGHT),
    (Qt.ColorScheme.Dark, False, Scheme.DARK),
    (Qt.ColorScheme.Dark, True, Scheme.HIGH_CONTRAST),
    (Qt.ColorScheme.Light, True, Scheme.HIGH_CONTRAST),
])
def test_the_os_setting_picks_the_scheme(os_scheme: Qt.ColorScheme, high: bool,
                                         expected: Scheme) -> None:
    assert style.detect(Hints(os_scheme), high) is expected


def test_the_os_scheme_is_read_from_qt(qapp: QApplication) -> None:
    # offscreen reports no preference: light, and the accessibility hints exist in 6.11
    assert qapp.styleHints().accessibility() is not None
    assert style.os_scheme(qapp) in (Scheme.LIGHT, Scheme.DARK, Scheme.HIGH_CONTRAST)


def test_roles_and_the_type_scale(qtbot, qapp: QApplication) -> None:
    old_sheet = qapp.styleSheet()
    try:
        style.apply(qapp, Scheme.LIGHT)
        parent = QWidget()
        qtbot.addWidget(parent)
        body, title, error = QLabel("Body", parent), QLabel("Title", parent), QLabel("x",
                                                                                      parent)
        style.mark(title, Role.HEADING)
        style.mark(error, Role.ERROR)
        parent.show()
        base = body.font().pointSizeF()
        assert title.font().pointSizeF() == pytest.approx(base * 1.5, abs=0.15)
        assert title.font().bold()
        assert error.palette().color(QPalette.ColorRole.WindowText).name() == \
            style.PALETTES[Scheme.LIGHT].error
        style.mark(error, None)
        assert error.palette().color(QPalette.ColorRole.WindowText).name() != \
            style.PALETTES[Scheme.LIGHT].error
    finally:
        qapp.setStyleSheet(old_sheet)


def test_a_tone_chip_takes_the_tones_colours(qtbot, qapp: QApplication) -> None:
    old_sheet = qapp.styleSheet()
    try:
        style.apply(qapp, Scheme.DARK)
        chip = QLabel("Denied")
        qtbot.addWidget(chip)
        style.mark_tone(chip, Tone.BAD)
        chip.show()
        bg, ink = style.TONES[Scheme.DARK][Tone.BAD]
        assert chip.palette().color(QPalette.ColorRole.WindowText).name() == ink
        assert chip.palette().color(QPalette.ColorRole.Window).name() == bg
    finally:
        style.apply(qapp, Scheme.LIGHT)
        qapp.setStyleSheet(old_sheet)


def test_focus_rings_cover_every_focusable_kind_and_do_not_shift_layout(
        qtbot, qapp: QApplication) -> None:
    sheet = style.sheet(Scheme.LIGHT, 10.0)
    focused = set(re.findall(r"(Q\w+(?:::\w+)?):focus", sheet))
    for kind in ("QLineEdit", "QAbstractSpinBox", "QComboBox", "QPlainTextEdit",
                 "QTextEdit", "QAbstractItemView", "QPushButton", "QToolButton",
                 "QCheckBox", "QRadioButton", "QTabBar::tab"):
        assert kind in focused, kind
    old_sheet = qapp.styleSheet()
    try:
        style.apply(qapp, Scheme.LIGHT)
        box = QWidget()
        qtbot.addWidget(box)
        a, b = QLineEdit(box), QLineEdit(box)
        b.move(0, 60)
        box.show()
        qtbot.waitExposed(box)
        before = a.sizeHint()
        a.setFocus()
        assert a.sizeHint() == before
    finally:
        qapp.setStyleSheet(old_sheet)


def test_no_pixel_font_sizes_in_the_sheet() -> None:
    """Sizes follow the font (em, pt from the app font), so 150%/200% stays in proportion."""
    sheet = style.sheet(Scheme.LIGHT, 9.0)
    assert not re.search(r"font-size:\s*\d+px", sheet)
    assert re.search(r"font-size:\s*13\.5pt", sheet)  # 9 pt x 1.5 for a heading
    assert "padding: 0.3em 0.9em" in sheet


def test_an_os_change_is_followed(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """`apply(app)` without a scheme listens to the OS: dark, then high contrast."""
    style.apply(qapp)
    hints = qapp.styleHints()
    monkeypatch.setattr(style, "os_scheme", lambda _app: Scheme.DARK)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert style.scheme() is Scheme.DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == \
        style.PALETTES[Scheme.DARK].window
    monkeypatch.setattr(style, "os_scheme", lambda _app: Scheme.HIGH_CONTRAST)
    access = hints.accessibility()
    assert access is not None
    access.contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert style.scheme() is Scheme.HIGH_CONTRAST
    assert style.tone_colours(Tone.GOOD)[1].name() == \
        style.TONES[Scheme.HIGH_CONTRAST][Tone.GOOD][1]


@pytest.mark.parametrize("scheme", [Scheme.DARK, Scheme.HIGH_CONTRAST])
def test_dark_schemes_draw_check_and_radio_boxes_that_show(scheme: Scheme) -> None:
    """Fusion's indicators are drawn darker than the window: invisible on dark or black."""
    sheet = style.sheet(scheme, 10.0)
    c = style.PALETTES[scheme]
    assert "QCheckBox::indicator" in sheet and f"border: 2px solid {c.border}" in sheet
    assert "QRadioButton::indicator:checked" in sheet
    assert contrast(c.border, c.window) >= UI and contrast(c.text, c.base) >= UI
    assert "::indicator" not in style.sheet(Scheme.LIGHT, 10.0)  # native marks kept there


def test_a_qt_without_accessibility_hints_still_starts(qapp: QApplication,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The package allows PySide6 6.7; `QStyleHints.accessibility()` came with 6.10."""

    class OldHints:
        def colorScheme(self) -> Qt.ColorScheme:
            return Qt.ColorScheme.Dark

    monkeypatch.setattr(qapp, "styleHints", lambda: OldHints())
    assert style.os_scheme(qapp) is Scheme.DARK


@pytest.mark.parametrize("scheme", list(Scheme))
def test_scroll_bar_handle_shows_against_its_groove(qtbot, qapp: QApplication,
                                                     scheme: Scheme) -> None:
    """At the top of a list the handle used to be white on a lavender groove; rendered
    here, the handle's pixels must differ from the groove's by at least 3:1."""
    from PySide6.QtWidgets import QScrollBar

    style.apply(qapp, scheme)
    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 400)
    bar.setPageStep(100)
    bar.resize(bar.sizeHint().width(), 300)
    image = bar.grab().toImage()
    x = image.width() // 2
    handle = image.pixelColor(x, 20).name()   # the handle sits at the top (value 0)
    groove = image.pixelColor(x, 280).name()  # the empty groove below it
    assert contrast(handle, groove) >= UI, (handle, groove)
