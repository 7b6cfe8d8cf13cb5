"""Python's garbage collector stays off while the application starts.

Start-up builds ~300,000 objects (modules, classes, PySide6's enums, widgets' wrappers)
and keeps nearly all of them until exit; meanwhile the collector's full passes walk
everything built so far, ~15 ms before the sign-in screen is painted on the slow
machine class. The entry points (`desktop.__main__.run`, the bundle's entry) pause it
before importing the application; `app.launch` resumes it once the first frame is on
screen, after freezing what start-up built (`gc.freeze`: kept out of later passes).

Only `pause()` switches it off, so a process that imports the application without
running it (tests, tools) keeps its collector as it was.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Switch the collector off until `resume()` (if it is on)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what exists and switch the collector back on, if `pause()` switched it off."""
    global _paused
    gc.freeze()
    if _paused:
        _paused = False
        gc.enable()


def paused() -> bool:
    return _paused
