"""Product pictures drawn with Pillow: what the product is, in its category's colours.

The kind of thing (a jar, a bag of rice, a bottle, fruit...) comes from the
product's name (``kinds``); each kind has its own drawing (``drawings``). The
background and labels take the category's colours, and a random source seeded by
the product's name and picture number moves, scales and tints the drawing, so
neighbouring cards differ while the same product always gets the same picture.
These only fill in for rows without a photo: a real ``image`` cell always wins.
"""

from __future__ import annotations

import io
import random
import zlib
from functools import cache

from PIL import Image, ImageDraw

from catalog.demo.drawings import DRAWINGS, Look, shade
from catalog.demo.kinds import fold_has, fruit_colour, kind_of

SIZE = (800, 600)
GROUND = 520
# category → (background, accent)
CATEGORY_COLOURS = {
    "handicraft": ((244, 226, 206), (160, 70, 40)),
    "agro_aquatic": ((224, 240, 210), (50, 120, 60)),
    "processed_food": ((252, 236, 204), (204, 104, 30)),
    "beverage": ((242, 224, 236), (120, 46, 96)),
    "household": ((216, 234, 240), (36, 100, 130)),
}
_NEUTRAL = ((230, 230, 226), (90, 90, 90))
# The thing's own colour by kind; fruit takes the fruit's.
_KIND_COLOURS = {
    "jar": (196, 120, 50),
    "sauce": (150, 70, 30),
    "drink": (240, 190, 80),
    "oil": (240, 220, 140),
    "pump": (120, 190, 200),
    "tea": (120, 150, 60),
    "candy": (236, 210, 160),
    "snack": (200, 110, 140),
    "package": (210, 180, 120),
    "rice": (245, 242, 232),
    "plant": (240, 200, 40),
    "eggs": (236, 206, 170),
    "fish": (150, 150, 160),
    "dried_fish": (190, 150, 100),
    "cake": (226, 176, 100),
    "crackers": (240, 226, 190),
    "noodles": (240, 240, 236),
    "roll": (236, 180, 170),
    "vase": (184, 86, 52),
    "frame": (170, 80, 50),
    "mat": (190, 160, 100),
    "cloth": (160, 40, 50),
    "soap": (236, 220, 180),
    "incense": (180, 140, 90),
}
_RICE_COLOURS = (("tim", (90, 40, 80)), ("cam", (70, 30, 60)), ("lut", (170, 110, 70)))


def _main_colour(kind: str, name: str, rng: random.Random) -> tuple[int, int, int]:
    if kind == "fruit":
        colour = fruit_colour(name)
    elif kind == "rice":
        colour = next(
            (c for word, c in _RICE_COLOURS if fold_has(name, (word,))),
            _KIND_COLOURS["rice"],
        )
    else:
        colour = _KIND_COLOURS.get(kind, (190, 130, 80))
    return shade(colour, rng.uniform(0.9, 1.1))


@cache
def _background(category: str, tone: int) -> Image.Image:
    """The category's backdrop in one of four tones: a wall and a table."""
    wall, accent = CATEGORY_COLOURS.get(category, _NEUTRAL)
    wall = shade(wall, 0.94 + 0.03 * tone)
    image = Image.new("RGB", SIZE, wall)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, GROUND - 30, SIZE[0], SIZE[1]), fill=shade(wall, 0.9))
    draw.rectangle((0, SIZE[1] - 18, SIZE[0], SIZE[1]), fill=accent)
    return image


def _decorate(draw: ImageDraw.ImageDraw, rng: random.Random, colour) -> None:
    """A few soft dots or a band on the wall, so two pictures of a kind differ."""
    style = rng.randrange(3)
    if style == 0:
        for _ in range(5):
            x, y, r = rng.uniform(40, 760), rng.uniform(30, 380), rng.uniform(14, 40)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    elif style == 1:
        top = rng.uniform(60, 200)
        draw.rectangle((0, top, SIZE[0], top + rng.uniform(30, 80)), fill=colour)


def _rng(title: str, variant: int) -> random.Random:
    seed = zlib.crc32(f"{title}|{variant}".encode())
    return random.Random(seed)  # noqa: S311 - reproducible pictures, not secrets


def draw_picture(
    title: str, category: str, variant: int = 0, product_type: str = ""
) -> Image.Image:
    """The picture as a Pillow image (800×600, RGB)."""
    name = product_type or title
    kind = kind_of(name)
    rng = _rng(title, variant)
    image = _background(category, rng.randrange(4)).copy()
    draw = ImageDraw.Draw(image)
    wall, accent = CATEGORY_COLOURS.get(category, _NEUTRAL)
    _decorate(draw, rng, shade(wall, 0.88))
    scale = rng.uniform(1.12, 1.28)
    cx = 400 + rng.uniform(-30, 30)
    draw.ellipse(
        (cx - 240 * scale, GROUND - 22, cx + 240 * scale, GROUND + 22),
        fill=shade(wall, 0.78),
    )
    look = Look(
        draw=draw,
        rng=rng,
        cx=cx,
        ground=GROUND,
        scale=scale,
        main=_main_colour(kind, name, rng),
        accent=shade(accent, rng.uniform(0.85, 1.15)),
        name=name,
    )
    DRAWINGS[kind](look)
    return image


def draw_product_image(
    title: str, category: str, variant: int = 0, product_type: str = ""
) -> bytes:
    """An 800×600 JPEG of the product (see the module's docstring)."""
    buffer = io.BytesIO()
    draw_picture(title, category, variant, product_type).save(
        buffer, "JPEG", quality=82, optimize=False
    )
    return buffer.getvalue()
