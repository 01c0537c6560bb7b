"""One small drawing per kind of product, on an 800×600 canvas.

Each function draws one thing standing on the ground line of a ``Look``: its
centre, scale, colours and random source. Coordinates are given relative to the
thing's foot (x to the right, y upwards) and mapped by ``Look.box``/``Look.pts``,
so every drawing can be moved and scaled for variety.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import ImageDraw

from catalog.demo.kinds import SPIKY_FRUITS, fold_has

RGB = tuple[int, int, int]
WHITE = (250, 248, 242)
TERRACOTTA = (184, 86, 52)
STRAW = (206, 164, 92)
WOOD = (150, 100, 60)
LEAF = (70, 140, 60)


def shade(colour: RGB, factor: float) -> RGB:
    """Darker below 1, lighter above (towards white)."""
    if factor <= 1:
        return tuple(int(c * factor) for c in colour)
    return tuple(int(c + (255 - c) * (factor - 1)) for c in colour)


@dataclass
class Look:
    draw: ImageDraw.ImageDraw
    rng: random.Random
    cx: float
    ground: float
    scale: float
    main: RGB  # the thing's own colour
    accent: RGB  # the category's colour (labels, lids, ribbons)
    name: str

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple:
        s = self.scale
        return (
            self.cx + x0 * s,
            self.ground - y1 * s,
            self.cx + x1 * s,
            self.ground - y0 * s,
        )

    def pts(self, *points: tuple[float, float]) -> list[tuple[float, float]]:
        s = self.scale
        return [(self.cx + x * s, self.ground - y * s) for x, y in points]

    def w(self, width: float) -> int:
        return max(1, round(width * self.scale))


def _label(look: Look, x0, y0, x1, y1) -> None:
    d = look.draw
    d.rounded_rectangle(look.box(x0, y0, x1, y1), radius=look.w(10), fill=WHITE)
    stripe = (y1 - y0) / 4
    d.rectangle(look.box(x0, y1 - stripe, x1, y1 - stripe * 0.6), fill=look.accent)
    mid = (x0 + x1) / 2
    r = min(x1 - x0, y1 - y0) / 5
    d.ellipse(
        look.box(mid - r, y0 + stripe, mid + r, y0 + stripe + 2 * r), fill=look.main
    )


def _shine(look: Look, x0, y0, x1, y1) -> None:
    look.draw.rounded_rectangle(
        look.box(x0, y0, x1, y1), radius=look.w(6), fill=shade(look.main, 1.45)
    )


# ---------------------------------------------------------------- containers


def jar(look: Look) -> None:
    d = look.draw
    d.rounded_rectangle(look.box(-110, 0, 110, 250), radius=look.w(40), fill=look.main)
    d.rounded_rectangle(
        look.box(-100, 240, 100, 295), radius=look.w(10), fill=look.accent
    )
    _shine(look, -90, 40, -70, 210)
    _label(look, -85, 60, 85, 180)


def honey(look: Look) -> None:
    look.main = (226, 150, 30)
    jar(look)
    d = look.draw
    d.line(look.pts((150, 10), (150, 230)), fill=WOOD, width=look.w(12))
    for y in (20, 40, 60):
        d.ellipse(look.box(125, y, 175, y + 16), fill=shade(WOOD, 1.2))


def _bottle(look: Look, width: float, height: float, neck: float, glass: RGB) -> None:
    d = look.draw
    shoulder = height * 0.62
    d.rounded_rectangle(
        look.box(-width, 0, width, shoulder), radius=look.w(24), fill=glass
    )
    d.polygon(
        look.pts(
            (-width, shoulder - 10),
            (width, shoulder - 10),
            (neck, height * 0.85),
            (-neck, height * 0.85),
        ),
        fill=glass,
    )
    d.rectangle(look.box(-neck, height * 0.8, neck, height), fill=glass)
    d.rounded_rectangle(
        look.box(-neck - 4, height - 6, neck + 4, height + 34),
        radius=look.w(6),
        fill=look.accent,
    )
    d.rounded_rectangle(
        look.box(-width + 18, 20, -width + 34, shoulder - 20),
        radius=look.w(6),
        fill=shade(glass, 1.4),
    )


def sauce(look: Look) -> None:
    _bottle(look, 70, 330, 24, shade(look.main, 0.9))
    _label(look, -60, 60, 60, 170)


def wine(look: Look) -> None:
    glass = look.rng.choice(((60, 90, 50), (110, 40, 50), (210, 220, 215)))
    _bottle(look, 62, 380, 18, glass)
    _label(look, -52, 70, 52, 190)
    cup = look.box(100, 0, 170, 70)
    look.draw.rounded_rectangle(cup, radius=look.w(10), fill=shade(TERRACOTTA, 1.1))


def drink(look: Look) -> None:
    d = look.draw
    _bottle(look, 66, 320, 26, shade(look.main, 1.25))
    for y in (40, 70, 230):
        d.line(
            look.pts((-60, y), (60, y)), fill=shade(look.main, 0.85), width=look.w(4)
        )
    d.rectangle(look.box(-66, 100, 66, 190), fill=look.accent)
    d.ellipse(look.box(-30, 115, 30, 175), fill=WHITE)


def oil(look: Look) -> None:
    _bottle(look, 55, 230, 20, (176, 110, 40))
    d = look.draw
    d.ellipse(look.box(-24, 262, 24, 300), fill=(40, 40, 40))
    _label(look, -45, 40, 45, 120)
    d.ellipse(look.box(90, 0, 150, 40), fill=shade(look.main, 1.3))


def pump(look: Look) -> None:
    _bottle(look, 72, 300, 22, shade(look.main, 1.2))
    d = look.draw
    d.rectangle(look.box(-8, 330, 8, 370), fill=WHITE)
    d.rectangle(look.box(-8, 360, 60, 376), fill=WHITE)
    _label(look, -60, 50, 60, 160)


def _box(look: Look, x0, x1, height, colour: RGB) -> None:
    d = look.draw
    depth = 30
    d.polygon(
        look.pts(
            (x0, height),
            (x0 + depth, height + depth),
            (x1 + depth, height + depth),
            (x1, height),
        ),
        fill=shade(colour, 1.25),
    )
    d.polygon(
        look.pts(
            (x1, 0), (x1 + depth, depth), (x1 + depth, height + depth), (x1, height)
        ),
        fill=shade(colour, 0.75),
    )
    d.rectangle(look.box(x0, 0, x1, height), fill=colour)


def tea(look: Look) -> None:
    _box(look, -100, 80, 260, look.accent)
    d = look.draw
    d.ellipse(look.box(-70, 80, 50, 200), fill=WHITE)
    d.ellipse(look.box(-45, 110, 25, 170), fill=LEAF)
    d.line(look.pts((-45, 110), (25, 170)), fill=shade(LEAF, 0.6), width=look.w(4))
    cup = look.box(130, 0, 210, 60)
    d.chord((cup[0], cup[1] - 40, cup[2], cup[3]), 0, 180, fill=WHITE)
    d.ellipse((cup[0], cup[1] - 30, cup[2], cup[1] + 4), fill=look.main)


def _sweet(look: Look, x: float, y: float, colour: RGB) -> None:
    """One wrapped candy: a bar with a twist at each end."""
    d = look.draw
    for side in (-1, 1):
        tip, neck = x + side * 46, x + side * 30
        d.polygon(look.pts((tip, y + 30), (neck, y + 16), (tip, y + 2)), fill=colour)
    d.rounded_rectangle(
        look.box(x - 32, y, x + 32, y + 32), radius=look.w(10), fill=colour
    )


def candy(look: Look) -> None:
    wrappers = (WHITE, shade(look.main, 0.75), shade(look.accent, 1.5))
    _box(look, -170, 150, 110, look.accent)
    look.draw.rectangle(look.box(-170, 40, 150, 70), fill=WHITE)
    for row, y in enumerate((112, 146)):
        for col in range(4 - row):
            x = -110 + col * 84 + row * 42
            _sweet(look, x, y, wrappers[(row + col) % 3])
    _sweet(look, 230, 0, wrappers[1])


def snack(look: Look) -> None:
    d = look.draw
    d.polygon(look.pts((-120, 0), (120, 0), (100, 320), (-100, 320)), fill=look.accent)
    d.rectangle(look.box(-100, 290, 100, 305), fill=shade(look.accent, 0.7))
    d.ellipse(look.box(-70, 60, 70, 220), fill=WHITE)
    for _ in range(7):
        x, y = look.rng.uniform(-45, 30), look.rng.uniform(85, 180)
        d.ellipse(look.box(x, y, x + 22, y + 16), fill=look.main)


def package(look: Look) -> None:
    _box(look, -130, 110, 200, look.main)
    d = look.draw
    d.rectangle(look.box(-20, 0, 10, 200), fill=look.accent)
    d.polygon(look.pts((15, 230), (-5, 215), (-25, 230), (-5, 200)), fill=look.accent)
    d.ellipse(look.box(-60, 200, -5, 245), outline=look.accent, width=look.w(10))
    d.ellipse(look.box(-5, 200, 50, 245), outline=look.accent, width=look.w(10))


def rice(look: Look) -> None:
    d = look.draw
    sack = shade(look.main, 1.6)
    d.rounded_rectangle(look.box(-120, 0, 120, 270), radius=look.w(40), fill=sack)
    d.polygon(look.pts((-60, 260), (60, 260), (90, 330), (-90, 330)), fill=sack)
    d.rectangle(look.box(-65, 255, 65, 275), fill=look.accent)
    _label(look, -85, 60, 85, 200)
    for _ in range(14):
        x, y = look.rng.uniform(130, 220), look.rng.uniform(0, 30)
        d.ellipse(look.box(x, y, x + 14, y + 8), fill=look.main)


# ---------------------------------------------------------------- produce


def _round_fruit(look: Look, x: float, r: float, spiky: bool) -> None:
    d = look.draw
    d.ellipse(look.box(x - r, 0, x + r, 2 * r), fill=look.main)
    d.ellipse(
        look.box(x - r * 0.5, r * 1.1, x - r * 0.1, r * 1.6),
        fill=shade(look.main, 1.35),
    )
    if spiky:
        for angle in range(0, 360, 40):
            px = x + math.cos(math.radians(angle)) * r * 0.6
            py = r + math.sin(math.radians(angle)) * r * 0.6
            d.regular_polygon(
                (*look.pts((px, py))[0], look.w(9)), 3, fill=shade(look.main, 0.7)
            )
    d.ellipse(look.box(x - 4, 2 * r - 6, x + 34, 2 * r + 18), fill=LEAF)


def _bananas(look: Look) -> None:
    d = look.draw
    for index in range(4):
        x = -100 + index * 35
        d.chord(
            look.box(x - 40, 0 + index * 8, x + 160, 220 + index * 8),
            90,
            220,
            fill=shade(look.main, 1 - 0.06 * index),
        )
    d.rectangle(look.box(-60, 200, -30, 250), fill=shade(LEAF, 0.8))


def fruit(look: Look) -> None:
    if fold_has(look.name, ("chuoi",)):
        _bananas(look)
        return
    spiky = fold_has(look.name, SPIKY_FRUITS)
    count = look.rng.choice((1, 2, 3))
    r = (110, 90, 70)[count - 1]
    for index in range(count):
        _round_fruit(look, (index - (count - 1) / 2) * r * 1.8, r, spiky)


def plant(look: Look) -> None:
    d = look.draw
    d.polygon(look.pts((-80, 0), (80, 0), (100, 110), (-100, 110)), fill=TERRACOTTA)
    d.rectangle(look.box(-108, 100, 108, 125), fill=shade(TERRACOTTA, 0.85))
    d.line(look.pts((0, 120), (0, 220)), fill=WOOD, width=look.w(14))
    for x, y, r in ((-70, 250, 70), (60, 260, 75), (0, 320, 85)):
        d.ellipse(
            look.box(x - r, y - r, x + r, y + r),
            fill=shade(LEAF, 0.9 + look.rng.random() * 0.3),
        )
    for _ in range(6):
        x, y = look.rng.uniform(-110, 110), look.rng.uniform(210, 360)
        d.ellipse(look.box(x, y, x + 22, y + 22), fill=look.main)


def mushroom(look: Look) -> None:
    d = look.draw
    for x, h in ((-110, 120), (0, 170), (100, 100)):
        d.rounded_rectangle(
            look.box(x - 22, 0, x + 22, h), radius=look.w(12), fill=(236, 226, 206)
        )
        d.chord(look.box(x - 75, h - 50, x + 75, h + 70), 180, 360, fill=(110, 90, 80))


def eggs(look: Look) -> None:
    d = look.draw
    d.rounded_rectangle(
        look.box(-200, 0, 200, 60), radius=look.w(12), fill=shade(STRAW, 1.2)
    )
    for row in range(2):
        for col in range(5):
            x, y = -160 + col * 80 + row * 20, 40 + row * 50
            d.ellipse(
                look.box(x - 30, y, x + 30, y + 80),
                fill=shade(look.main, 1.0 + 0.1 * row),
            )


def _fish_shape(look: Look, x: float, y: float, length: float, colour: RGB) -> None:
    d = look.draw
    d.polygon(
        look.pts(
            (x + length * 0.4, y),
            (x + length * 0.6, y + 35),
            (x + length * 0.6, y - 35),
        ),
        fill=shade(colour, 0.85),
    )
    d.ellipse(
        look.box(x - length * 0.5, y - 38, x + length * 0.45, y + 38), fill=colour
    )
    d.ellipse(
        look.box(x - length * 0.38, y + 4, x - length * 0.3, y + 14), fill=(30, 30, 30)
    )


def fish(look: Look) -> None:
    look.draw.ellipse(look.box(-230, 0, 230, 90), fill=WHITE)
    _fish_shape(look, -20, 70, 300, look.main)
    _fish_shape(look, 30, 120, 260, shade(look.main, 1.15))


def dried_fish(look: Look) -> None:
    d = look.draw
    d.line(look.pts((-220, 380), (220, 380)), fill=WOOD, width=look.w(10))
    for index in range(4):
        x = -150 + index * 100
        d.line(look.pts((x, 380), (x, 330)), fill=WOOD, width=look.w(3))
        d.polygon(
            look.pts((x, 40), (x - 30, 0), (x + 30, 0)), fill=shade(look.main, 0.7)
        )
        d.ellipse(
            look.box(x - 36, 30, x + 36, 340),
            fill=shade(look.main, 0.85 + 0.05 * index),
        )


def seafood(look: Look) -> None:
    d = look.draw
    d.ellipse(look.box(-230, 0, 230, 90), fill=WHITE)
    colour = (232, 110, 70)
    for index, x in enumerate((-110, 20, 140)):
        box = look.box(x - 80, 50 + index * 10, x + 80, 210 + index * 10)
        d.arc(box, 120, 360, fill=colour, width=look.w(38))
        d.polygon(
            look.pts((x - 70, 120), (x - 110, 90), (x - 100, 150)),
            fill=shade(colour, 0.8),
        )


# ---------------------------------------------------------------- prepared food


def cake(look: Look) -> None:
    d = look.draw
    d.ellipse(look.box(-230, 0, 230, 90), fill=WHITE)
    for x, y in ((-100, 40), (100, 40), (0, 110)):
        d.ellipse(look.box(x - 90, y, x + 90, y + 110), fill=shade(look.main, 0.95))
        d.ellipse(look.box(x - 55, y + 25, x + 55, y + 85), fill=shade(look.main, 1.25))


def crackers(look: Look) -> None:
    d = look.draw
    for index in range(6):
        y = index * 22
        d.ellipse(
            look.box(-170, y, 170, y + 70),
            fill=shade(look.main, 1.3 - 0.05 * (index % 2)),
        )
    for _ in range(20):
        x, y = look.rng.uniform(-120, 110), look.rng.uniform(125, 170)
        d.ellipse(look.box(x, y, x + 8, y + 6), fill=(60, 40, 30))


def noodles(look: Look) -> None:
    d = look.draw
    d.rounded_rectangle(
        look.box(-150, 0, 150, 200), radius=look.w(16), fill=(236, 236, 228)
    )
    for y in range(30, 180, 22):
        points = [(x, y + (8 if (x // 30) % 2 else -8)) for x in range(-130, 140, 30)]
        d.line(look.pts(*points), fill=shade(look.main, 1.5), width=look.w(6))
    d.rectangle(look.box(-150, 150, 150, 200), fill=look.accent)


def roll(look: Look) -> None:
    d = look.draw
    d.rounded_rectangle(
        look.box(-180, 0, 120, 150), radius=look.w(70), fill=(96, 150, 60)
    )
    for x in (-120, -40, 40):
        d.rectangle(look.box(x, 0, x + 10, 150), fill=STRAW)
    d.ellipse(look.box(80, 0, 220, 150), fill=shade(look.main, 1.2))
    d.ellipse(look.box(105, 25, 195, 125), fill=look.main)


# ---------------------------------------------------------------- crafts


def _flower_pot(look: Look, colour: RGB) -> None:
    d = look.draw
    d.polygon(look.pts((-110, 0), (110, 0), (150, 220), (-150, 220)), fill=colour)
    d.rectangle(look.box(-165, 210, 165, 260), fill=shade(colour, 0.85))
    d.line(look.pts((-128, 110), (128, 110)), fill=shade(colour, 1.25), width=look.w(8))


def pot(look: Look) -> None:
    d = look.draw
    colour = shade(TERRACOTTA, 0.9 + look.rng.random() * 0.2)
    if fold_has(look.name, ("chau",)):
        _flower_pot(look, colour)
        return
    d.ellipse(look.box(-150, 0, 150, 220), fill=colour)
    d.rectangle(look.box(-120, 190, 120, 230), fill=shade(colour, 0.85))
    d.chord(look.box(-90, 210, 90, 280), 180, 360, fill=shade(colour, 0.9))
    d.ellipse(look.box(-15, 265, 15, 290), fill=shade(colour, 0.7))
    for side in (-1, 1):
        d.rounded_rectangle(
            look.box(
                min(side * 150, side * 185), 150, max(side * 150, side * 185), 170
            ),
            radius=look.w(6),
            fill=shade(colour, 0.8),
        )
    d.line(look.pts((-140, 100), (140, 100)), fill=shade(colour, 1.25), width=look.w(6))


def vase(look: Look) -> None:
    d = look.draw
    colour = shade(look.main, 0.9 + look.rng.random() * 0.2)
    d.ellipse(look.box(-130, 0, 130, 260), fill=colour)
    d.rectangle(look.box(-45, 220, 45, 340), fill=colour)
    d.ellipse(look.box(-70, 325, 70, 355), fill=shade(colour, 0.8))
    for y in (110, 140):
        d.line(look.pts((-125, y), (125, y)), fill=shade(colour, 1.3), width=look.w(7))


def tile(look: Look) -> None:
    d = look.draw
    for row in range(2):
        for col in range(3):
            box = look.box(
                -180 + col * 120, row * 120, -70 + col * 120, 110 + row * 120
            )
            d.rectangle(box, fill=shade(TERRACOTTA, 0.9 + 0.1 * ((row + col) % 2)))
            d.ellipse(
                (box[0] + 20, box[1] + 20, box[2] - 20, box[3] - 20),
                fill=shade(TERRACOTTA, 0.65),
            )


def frame(look: Look) -> None:
    d = look.draw
    d.rectangle(look.box(-170, 20, 170, 320), fill=WOOD)
    d.rectangle(look.box(-145, 45, 145, 295), fill=(250, 236, 210))
    d.ellipse(look.box(40, 190, 110, 260), fill=(236, 170, 60))
    d.polygon(
        look.pts((-145, 45), (-40, 200), (60, 90), (145, 160), (145, 45)),
        fill=look.main,
    )


def basket(look: Look) -> None:
    d = look.draw
    colour = shade(STRAW, 0.85 + look.rng.random() * 0.25)
    d.arc(
        look.box(-120, 120, 120, 330),
        180,
        360,
        fill=shade(colour, 0.8),
        width=look.w(16),
    )
    d.polygon(look.pts((-170, 200), (170, 200), (130, 0), (-130, 0)), fill=colour)
    for y in range(20, 200, 30):
        d.line(look.pts((-170, y), (170, y)), fill=shade(colour, 0.8), width=look.w(5))
    for x in range(-150, 160, 40):
        d.line(
            look.pts((x, 0), (x * 1.15, 200)), fill=shade(colour, 1.15), width=look.w(4)
        )


def bag(look: Look) -> None:
    look.scale *= 0.85
    basket(look)
    look.draw.rectangle(look.box(-40, 120, 40, 160), fill=look.accent)


def mat(look: Look) -> None:
    d = look.draw
    d.polygon(look.pts((-260, 0), (160, 0), (240, 160), (-180, 160)), fill=look.main)
    for index in range(1, 6):
        x = -260 + index * 70
        d.line(look.pts((x, 0), (x + 80, 160)), fill=look.accent, width=look.w(10))
    d.rounded_rectangle(
        look.box(-220, 160, 260, 230), radius=look.w(35), fill=shade(look.main, 0.85)
    )


def hat(look: Look) -> None:
    d = look.draw
    colour = shade(STRAW, 1.15)
    d.ellipse(look.box(-250, 0, 250, 50), fill=shade(colour, 0.85))
    d.polygon(look.pts((-230, 25), (230, 25), (0, 290)), fill=colour)
    for y in (90, 150, 210):
        half = 230 * (290 - y) / 265
        d.line(
            look.pts((-half, y), (half, y)), fill=shade(colour, 0.8), width=look.w(3)
        )
    half = 230 * (290 - 50) / 265
    d.line(look.pts((-half, 50), (half, 50)), fill=look.accent, width=look.w(12))


def lamp(look: Look) -> None:
    d = look.draw
    d.ellipse(look.box(-170, 100, 170, 440), fill=shade((250, 220, 130), 1.2))
    d.rectangle(look.box(-60, 0, 60, 30), fill=WOOD)
    d.rectangle(look.box(-12, 30, 12, 200), fill=WOOD)
    d.chord(look.box(-120, 140, 120, 380), 180, 360, fill=look.main)


def boat(look: Look) -> None:
    d = look.draw
    d.polygon(look.pts((-250, 90), (250, 90), (170, 10), (-170, 10)), fill=WOOD)
    d.line(look.pts((-240, 80), (240, 80)), fill=look.accent, width=look.w(10))
    for y in (0, -20):
        d.line(
            look.pts(
                *[(x, y + (8 if (x // 40) % 2 else 0)) for x in range(-260, 280, 40)]
            ),
            fill=(80, 140, 190),
            width=look.w(6),
        )


def cloth(look: Look) -> None:
    d = look.draw
    base = (30, 30, 40) if look.rng.random() < 0.5 else look.main
    for index in range(3):
        y = index * 60
        d.rounded_rectangle(
            look.box(-200 + index * 15, y, 200 - index * 15, y + 60),
            radius=look.w(10),
            fill=shade(base, 1 + 0.12 * index),
        )
    for x in range(-180, 190, 40):
        d.line(look.pts((x, 120), (x, 180)), fill=WHITE, width=look.w(6))


def broom(look: Look) -> None:
    d = look.draw
    d.line(look.pts((0, 130), (0, 400)), fill=WOOD, width=look.w(16))
    d.polygon(look.pts((-30, 140), (30, 140), (120, 0), (-120, 0)), fill=STRAW)
    for x in range(-110, 120, 20):
        d.line(
            look.pts((x * 0.25, 140), (x, 0)), fill=shade(STRAW, 0.75), width=look.w(3)
        )
    d.rectangle(look.box(-32, 130, 32, 160), fill=look.accent)


def rope(look: Look) -> None:
    d = look.draw
    for r in range(150, 20, -26):
        d.ellipse(
            look.box(-r, 150 - r, r, 150 + r),
            outline=shade(WOOD, 1.2 + r / 600),
            width=look.w(20),
        )


def soap(look: Look) -> None:
    d = look.draw
    for index, (x, y) in enumerate(((-90, 0), (90, 0), (0, 90))):
        d.rounded_rectangle(
            look.box(x - 85, y, x + 85, y + 85),
            radius=look.w(20),
            fill=shade(look.main, 1.3 + 0.1 * index),
        )
        d.ellipse(look.box(x - 25, y + 25, x + 25, y + 60), fill=LEAF)


def incense(look: Look) -> None:
    d = look.draw
    for index in range(-6, 7):
        d.line(
            look.pts((index * 6, 60), (index * 14, 360)),
            fill=(200, 50, 40),
            width=look.w(5),
        )
    d.rounded_rectangle(look.box(-70, 0, 70, 90), radius=look.w(12), fill=look.main)


def board(look: Look) -> None:
    d = look.draw
    d.rounded_rectangle(look.box(-190, 0, 170, 220), radius=look.w(40), fill=WOOD)
    d.ellipse(look.box(140, 90, 260, 130), fill=WOOD)
    for y in (50, 110, 170):
        d.arc(
            look.box(-170, y - 30, 150, y + 30),
            200,
            340,
            fill=shade(WOOD, 0.8),
            width=look.w(4),
        )


def utensils(look: Look) -> None:
    d = look.draw
    for x in (-120, -90, 70):
        d.line(look.pts((x, 0), (x + 30, 380)), fill=WOOD, width=look.w(14))
    d.ellipse(look.box(-30, 260, 50, 380), fill=WOOD)
    d.line(look.pts((10, 0), (10, 270)), fill=WOOD, width=look.w(16))


def bowl(look: Look) -> None:
    d = look.draw
    d.chord(look.box(-170, 0, 170, 260), 0, 180, fill=WOOD)
    d.ellipse(look.box(-170, 100, 170, 160), fill=shade(WOOD, 0.7))
    if fold_has(look.name, ("muc",)):
        d.line(look.pts((150, 130), (300, 250)), fill=WOOD, width=look.w(16))


DRAWINGS: dict[str, Callable[[Look], None]] = {
    function.__name__: function
    for function in (
        jar, honey, sauce, wine, drink, oil, pump, tea, candy, snack, package, rice,
        fruit, plant, mushroom, eggs, fish, dried_fish, seafood, cake, crackers,
        noodles, roll, pot, vase, tile, frame, basket, bag, mat, hat, lamp, boat,
        cloth, broom, rope, soap, incense, board, utensils, bowl,
    )
}  # fmt: skip
