"""Render the application icon's PNG sizes and the Windows .ico from the SVG source.

The PNGs and the .ico are committed, so packaging needs neither Qt nor an SVG
tool; run this after editing ``icons/claims-desktop.svg``:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/render_icons.py

Qt's own SVG renderer (QtSvg ships in PySide6-Essentials) draws each size
separately, so small sizes are rasterised at their size rather than scaled
down from a big bitmap. The .ico holds every size as a PNG entry, which
Windows has read since Vista and which keeps the file small.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / "claims-desktop.svg"
HICOLOR = HERE / "icons" / "hicolor"
ICO = HERE / "icons" / "claims-desktop.ico"
NAME = "claims-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs say bytes
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_bytes(entries: list[tuple[int, bytes]]) -> bytes:
    """An ICONDIR with one PNG-compressed ICONDIRENTRY per size (0 in a byte means 256)."""
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory = b""
    blobs = b""
    for size, blob in entries:
        edge = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + directory + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    rendered = {size: png_bytes(render(renderer, size)) for size in set(PNG_SIZES + ICO_SIZES)}
    for size in PNG_SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rendered[size])
    ICO.write_bytes(ico_bytes([(size, rendered[size]) for size in ICO_SIZES]))
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs under {HICOLOR} and {ICO}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
