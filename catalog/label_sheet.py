"""The A4 sheet of QR labels as a PDF: the one module that imports reportlab.

Three columns of eight 70 × 37 mm labels, the common A4 sheet of 24 self-adhesive
labels; each shows the product's name, its price, its OCOP stars, the seller and
the QR code. The text is set
in DejaVu Sans from Debian's ``fonts-dejavu-core`` (scripts/fonts.sh installs it):
reportlab's own Vera font has no Vietnamese letters beyond Latin-1.
"""

import functools
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from catalog.labels import Label
from catalog.qr import qr_image

COLUMNS, ROWS = 3, 8
LABEL_WIDTH = A4[0] / COLUMNS
LABEL_HEIGHT = A4[1] / ROWS
PADDING = 3 * mm
QR_SIDE = 27 * mm
TEXT_X = PADDING + QR_SIDE + 2 * mm
TEXT_WIDTH = LABEL_WIDTH - TEXT_X - PADDING
GUIDE = Color(0.8, 0.8, 0.8)
REGULAR, BOLD = "LabelSans", "LabelSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


class LabelFontMissing(RuntimeError):
    """The font with Vietnamese letters is not installed on this machine."""


@functools.cache
def register_fonts(directory: str) -> None:
    """Register the label fonts of ``directory`` once per process (parsing a TTF
    takes a while)."""
    for name, filename in FONT_FILES.items():
        path = Path(directory) / filename
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (OSError, TTFError) as error:
            raise LabelFontMissing(
                f"{path}: install Debian's fonts-dejavu-core (scripts/fonts.sh) "
                "or set LABEL_FONT_DIR"
            ) from error


def _lines(text: str, font: str, size: float, max_lines: int) -> list[str]:
    """``text`` wrapped to the label's text column, cut with "…" past ``max_lines``."""
    lines = simpleSplit(text, font, size, TEXT_WIDTH)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and pdfmetrics.stringWidth(last + "…", font, size) > TEXT_WIDTH:
        last = last[:-1]
    kept[-1] = last.rstrip() + "…"
    return kept


def _stars_text(stars: int | None) -> str:
    if not stars:
        return ""
    return "★" * stars + " " + _("OCOP %(stars)d sao") % {"stars": stars}


def _draw_qr(canvas: Canvas, url: str, x: float, y: float) -> None:
    canvas.drawImage(ImageReader(qr_image(url)), x, y, QR_SIDE, QR_SIDE)


def _write(canvas: Canvas, x: float, y: float, lines: Sequence[str], font: str, size):
    """Lines from baseline ``y`` down at ``x``; returns the next line's baseline."""
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawString(x, y, line)
        y -= size * 1.2
    return y


def _draw_label(canvas: Canvas, label: Label, x: float, y: float) -> None:
    """One label with its bottom-left corner at ``(x, y)``."""
    canvas.setStrokeColor(GUIDE)
    canvas.setLineWidth(0.25)
    canvas.rect(x, y, LABEL_WIDTH, LABEL_HEIGHT, stroke=1, fill=0)
    _draw_qr(canvas, label.url, x + PADDING, y + (LABEL_HEIGHT - QR_SIDE) / 2)
    canvas.setFillColor(black)
    text_x = x + TEXT_X
    line = y + LABEL_HEIGHT - PADDING - 8
    line = _write(canvas, text_x, line, _lines(label.title, BOLD, 8.5, 3), BOLD, 8.5)
    price = _lines(label.price, REGULAR, 8, 2)  # a long unit wraps
    line = _write(canvas, text_x, line - 1, price, REGULAR, 8)
    if label.stars:
        line = _write(canvas, text_x, line, [_stars_text(label.stars)], BOLD, 8)
    seller = _lines(label.seller, REGULAR, 6.5, 2)
    _write(canvas, text_x, line - 1, seller, REGULAR, 6.5)


def _positions() -> Iterable[tuple[float, float]]:
    """Bottom-left corners of a page's labels, row by row from the top."""
    for row in range(ROWS):
        for column in range(COLUMNS):
            yield column * LABEL_WIDTH, A4[1] - (row + 1) * LABEL_HEIGHT


def label_sheet_pdf(labels: Sequence[Label]) -> bytes:
    """The PDF of ``labels``, 24 to an A4 page, in order."""
    register_fonts(str(settings.LABEL_FONT_DIR))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(_("Tem QR sản phẩm – Sàn OCOP Vĩnh Long"))
    canvas.setAuthor(_("Sàn OCOP Vĩnh Long"))
    per_page = COLUMNS * ROWS
    for start in range(0, len(labels), per_page):
        for label, (x, y) in zip(
            labels[start : start + per_page], _positions(), strict=False
        ):
            _draw_label(canvas, label, x, y)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
