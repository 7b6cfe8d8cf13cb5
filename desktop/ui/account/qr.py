"""The QR code of the authenticator set-up, drawn in the app from the portal's otpauth URI.

Why in the app and not an image from the portal: the URI holds the TOTP secret, and an
image fetched or rendered elsewhere would be one more place it travels. `segno` (pure
Python, maintained) makes the symbol; this module only paints its modules into a
QImage, with the quiet zone scanners need and whole pixels per module so it stays sharp.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

QUIET_ZONE = 4


def qr_modules(text: str) -> list[list[bool]]:
    """Dark (True) and light modules, quiet zone included, row by row."""
    # Loaded here, at the first set-up, not with the sign-in screen: segno's writers
    # import urllib.request, http.client and ssl (about 40 ms).
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def qr_image(text: str, module_px: int = 5) -> QImage:
    modules = qr_modules(text)
    size = len(modules) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        for y, row in enumerate(modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(x * module_px, y * module_px, module_px, module_px,
                                     Qt.GlobalColor.black)
    finally:
        painter.end()
    return image
