"""Product pictures drawn with Pillow: the category's colours and the product's name."""

from __future__ import annotations

import io
import os
from functools import cache

from PIL import Image, ImageDraw, ImageFont

_CATEGORY_COLOURS = {
    "handicraft": ((176, 84, 48), (236, 190, 150)),
    "agro_aquatic": ((62, 130, 60), (196, 226, 140)),
    "processed_food": ((196, 128, 40), (250, 218, 150)),
    "beverage": ((110, 50, 90), (226, 170, 200)),
    "household": ((48, 110, 140), (170, 214, 226)),
}
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


@cache
def _font(size: int):
    for path in _FONTS:
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    return None  # no Vietnamese-capable font: draw the picture without a caption


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line][:3]


def _caption(draw: ImageDraw.ImageDraw, title: str, colour) -> None:
    font = _font(34)
    if font is None:
        return
    lines = _wrap(title, 34)
    top = 500 - 21 * (len(lines) - 1)
    for index, line in enumerate(lines):
        draw.text((400, top + 42 * index), line, font=font, fill=colour, anchor="mm")


def draw_product_image(title: str, category: str, variant: int = 0) -> bytes:
    """An 800×600 JPEG in the category's colours with the product's name."""
    dark, light = _CATEGORY_COLOURS.get(category, ((90, 90, 90), (210, 210, 210)))
    shade = sum(map(ord, title)) % 40 - 20
    background = tuple(max(0, min(255, c + shade)) for c in light)
    image = Image.new("RGB", (800, 600), background)
    draw = ImageDraw.Draw(image)
    radius = 150 + 25 * variant
    draw.ellipse((400 - radius, 250 - radius, 400 + radius, 250 + radius), fill=dark)
    draw.ellipse((330, 180, 470, 320), fill=background)
    draw.rounded_rectangle((40, 430, 760, 570), radius=24, fill=(255, 255, 255))
    _caption(draw, title, dark)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()
