"""Where the main window opens, and its size and place kept between runs.

Why: the window used to open at a fixed 1200x800, so on a 1366x768 office laptop the
status bar (with the busy indicator) was below the bottom of the screen, and nothing
was remembered. The first run now opens sized to the screen's *available* geometry
(the part the task bar and panels leave free), centred; later runs restore the saved
geometry, but only if it still fits a screen that is attached now (a laptop taken off
its docking station must not open the window on a monitor that is gone).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from desktop.ui.viewstate import ViewState

GEOMETRY_KEY = "window/geometry"
#: Preferred client size on a large screen; smaller screens get what they have.
PREFERRED = QSize(1440, 900)
#: Smallest window the layout is built for: fits a 1024x600 netbook screen with a
#: task bar and the title bar (see `tests/ui/shell/test_window_geometry.py`).
MINIMUM = QSize(960, 480)
#: Room kept for the window manager's title bar and borders (not known before showing).
FRAME_ALLOWANCE = QSize(16, 48)
#: Share of the available width and height the first window takes on a screen smaller
#: than PREFERRED (at 1024 wide that leaves room for the Claims form's widest row).
FILL_W = 0.96
FILL_H = 0.94


def initial_geometry(available: QRect) -> QRect:
    """The client rectangle of a first-run window on a screen with `available` room:
    a sensible size that fits with its frame, centred."""
    room_w = available.width() - FRAME_ALLOWANCE.width()
    room_h = available.height() - FRAME_ALLOWANCE.height()
    width = max(min(MINIMUM.width(), room_w), min(PREFERRED.width(), int(room_w * FILL_W)))
    height = max(min(MINIMUM.height(), room_h), min(PREFERRED.height(), int(room_h * FILL_H)))
    left = available.left() + (available.width() - width) // 2
    # The title bar sits above the client area: centre the framed window as a whole.
    top = (available.top() + (available.height() - height - FRAME_ALLOWANCE.height()) // 2
           + FRAME_ALLOWANCE.height() - FRAME_ALLOWANCE.width() // 2)
    return QRect(left, top, width, height)


def fits_a_screen(rect: QRect, screens: list[QScreen] | None = None) -> bool:
    """Whether `rect` lies wholly inside the available area of an attached screen."""
    return any(screen.availableGeometry().contains(rect)
               for screen in (screens if screens is not None else QGuiApplication.screens()))


def _area(rect: QRect) -> int:
    return max(0, rect.width()) * max(0, rect.height())


def fit_into_screens(rect: QRect, screens: list[QScreen] | None = None) -> QRect | None:
    """`rect` kept on the attached screen that shows most of it, nudged and shrunk to
    fit there whole; None when no attached screen shows most of it (a monitor that is
    gone, a resolution much smaller than before)."""
    best: QRect | None = None
    for screen in screens if screens is not None else QGuiApplication.screens():
        room = screen.availableGeometry()
        if best is None or _area(room.intersected(rect)) > _area(best.intersected(rect)):
            best = room
    if best is None or _area(best.intersected(rect)) * 2 < _area(rect):
        return None
    width = min(rect.width(), best.width() - FRAME_ALLOWANCE.width())
    height = min(rect.height(), best.height() - FRAME_ALLOWANCE.height())
    left = min(max(rect.left(), best.left()), best.right() + 1 - width)
    top = min(max(rect.top(), best.top()), best.bottom() + 1 - height)
    return QRect(left, top, width, height)


def _screen_of(window: QWidget) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def place_window(window: QWidget, view: ViewState) -> bool:
    """Restore the saved geometry if it still fits an attached screen, else size the
    window to the screen; True if restored. Called before the window is first shown."""
    screen = _screen_of(window)
    room = screen.availableGeometry() if screen is not None else None
    if room is not None:  # a screen smaller than the minimum still gets the whole window
        window.setMinimumSize(min(MINIMUM.width(), room.width() - FRAME_ALLOWANCE.width()),
                              min(MINIMUM.height(), room.height() - FRAME_ALLOWANCE.height()))
    else:
        window.setMinimumSize(MINIMUM)
    saved = view.load_bytes(GEOMETRY_KEY)
    if saved is not None and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return True
        fitted = fit_into_screens(window.geometry())
        if fitted is not None:
            window.setGeometry(fitted)
            return True
    if room is not None:
        window.setGeometry(initial_geometry(room))
    return False


def keep_geometry(window: QWidget, view: ViewState) -> None:
    """Save the window's geometry and state (maximised or not) for the next run."""
    view.save_bytes(GEOMETRY_KEY, QByteArray(window.saveGeometry()))
