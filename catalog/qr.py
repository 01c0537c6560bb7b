"""QR codes of product labels: the one module that imports segno."""

import io

import segno
from PIL import Image

# Medium error correction: a label survives a scratch or a crease, and the code of
# a product URL stays small enough to print at 2-3 cm.
ERROR_LEVEL = "m"
# The quiet zone scanners need around the code, in modules (the standard's minimum).
BORDER = 4
PNG_SCALE = 10  # pixels per module: about 410 px wide, sharp when printed
SVG_SCALE = 4


def _code(text: str) -> segno.QRCode:
    # Never a Micro QR: phone cameras do not read them.
    return segno.make(text, error=ERROR_LEVEL, micro=False)


def qr_png(text: str, scale: int = PNG_SCALE) -> bytes:
    """A black-on-white PNG of the QR code of ``text``."""
    out = io.BytesIO()
    _code(text).save(out, kind="png", scale=scale, border=BORDER)
    return out.getvalue()


def qr_svg(text: str, title: str = "") -> bytes:
    """A standalone SVG document of the QR code of ``text``."""
    out = io.BytesIO()
    _code(text).save(
        out,
        kind="svg",
        scale=SVG_SCALE,
        border=BORDER,
        xmldecl=True,
        svgns=True,
        title=title or None,
        encoding="utf-8",
    )
    return out.getvalue()


def qr_image(text: str) -> Image.Image:
    """The code of ``text`` as a grayscale image of one pixel per module, quiet
    zone included, for the label sheet to scale up without smoothing.

    Drawn as an image rather than one vector square per module: a 100-label sheet
    takes a fraction of the time, and at 0.5 mm per module it prints as sharply.
    """
    rows = list(_code(text).matrix_iter(border=BORDER))
    size = len(rows)
    pixels = bytes(0 if dark else 255 for row in rows for dark in row)
    return Image.frombytes("L", (size, size), pixels)
