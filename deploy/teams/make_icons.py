"""Draw the Teams app icons: color.png (192x192) and outline.png (32x32).

Teams wants a full-colour icon and a white-on-transparent outline icon. Both
show a page of minutes: a sheet with a folded corner and lines of text. Plain
Python (zlib + struct) writes the PNGs, so no imaging library is needed.

    python deploy/teams/make_icons.py            # writes next to this file
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

Pixel = tuple[int, int, int, int]
ACCENT: Pixel = (0, 90, 156, 255)  # the manifest's accentColor, #005A9C
WHITE: Pixel = (255, 255, 255, 255)
CLEAR: Pixel = (0, 0, 0, 0)


def png(pixels: list[list[Pixel]]) -> bytes:
    """RGBA rows as a PNG file."""
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + b"".join(bytes(p) for p in row) for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def page(size: int, background: Pixel, ink: Pixel, outline_only: bool) -> list[list[Pixel]]:
    """A sheet of minutes drawn in `ink` on `background`, scaled to `size`.

    Filled, the sheet is solid with its text lines cut out; as an outline,
    only its edge, the fold and the text lines are drawn.
    """
    scale = 32 / size  # drawn on a 32-unit design grid
    left, right, top, bottom, fold = 7, 25, 4, 28, 6

    def inked(u: float, v: float) -> bool:
        if not (left <= u < right and top <= v < bottom) or u - (right - fold) > v - top:
            return False  # outside the sheet, or in the folded-off corner
        text_line = 11 <= u < 21 and any(line <= v < line + 2 for line in (12, 17, 22))
        if not outline_only:
            return not text_line
        edge = u < left + 2 or u >= right - 2 or v < top + 2 or v >= bottom - 2
        fold_edge = abs((u - (right - fold)) - (v - top)) < 1.5
        return edge or fold_edge or text_line

    return [
        [ink if inked((x + 0.5) * scale, (y + 0.5) * scale) else background for x in range(size)]
        for y in range(size)
    ]


def main(folder: Path) -> None:
    (folder / "color.png").write_bytes(png(page(192, ACCENT, WHITE, outline_only=False)))
    (folder / "outline.png").write_bytes(png(page(32, CLEAR, WHITE, outline_only=True)))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
