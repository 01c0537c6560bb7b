"""Demo seller logos: the seller's initials on a colour, drawn with Pillow.

The initials are those of the name's distinctive part. A Vietnamese seller's name
is its legal form, then often its trade, then the name proper: "Hợp tác xã Kẹo
Dừa Thanh Long" is the cooperative (form) of coconut candy (trade) called Thanh
Long, so "TL". The rule: drop the legal form ("Hợp tác xã", "HTX", "Công ty
TNHH", "Cơ sở sản xuất", "Hộ kinh doanh"...), then drop leading trade words
while more than two words are left, then take the first letter of each remaining
word, three at most (an all-capital word such as "ABC" gives its own letters).
"""

from __future__ import annotations

import io
import os
import zlib
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from marketplace.helpers.text import fold

LOGO_SIZE = 320
# Folded, longest first so "cong ty tnhh" is dropped whole rather than "cong ty".
_LEGAL_FORMS = sorted(
    (
        "hop tac xa", "htx", "to hop tac", "tht", "cong ty", "cong ty tnhh",
        "cong ty tnhh mtv", "cong ty tnhh mot thanh vien", "cong ty co phan",
        "cong ty cp", "cty", "cty tnhh", "doanh nghiep tu nhan", "dntn",
        "co so", "co so san xuat", "csx", "cssx", "ho kinh doanh", "hkd",
        "ho kinh doanh ca the", "lien hiep hop tac xa",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
# Folded words of trades that come before the name proper.
_TRADE_WORDS = frozenset(
    """gom do dan lat thu cong my nghe luc binh may tre cay an trai nong nghiep
    thuy san rau toan thuc pham che bien banh keo dac ruou truyen thong tra thao
    moc uong nuoc giai khat dua tinh dau xo hang gia dung non la chieu buoi khoai
    lang ca trang phong kho mut ep xa bong choi dich vu thuong mai xuat nhap khau
    va sx tm dv say kinh doanh""".split()
)
# (dark, light) pairs a logo is drawn in, picked by the name.
_COLOURS = (
    ((46, 125, 50), (220, 238, 214)),
    ((178, 74, 40), (246, 224, 210)),
    ((30, 96, 140), (214, 232, 242)),
    ((130, 50, 110), (240, 220, 234)),
    ((196, 120, 20), (250, 236, 200)),
    ((0, 120, 120), (208, 238, 234)),
    ((90, 70, 150), (228, 222, 244)),
    ((150, 40, 50), (244, 216, 216)),
)
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


def _without_legal_form(words: list[str]) -> list[str]:
    folded = [fold(word) for word in words]
    for form in _LEGAL_FORMS:
        size = len(form.split())
        if " ".join(folded[:size]) == form:
            return words[size:]
    return words


def _distinctive_words(name: str) -> list[str]:
    words = _without_legal_form(name.replace("-", " ").split())
    while len(words) > 2 and fold(words[0]) in _TRADE_WORDS:
        words = words[1:]
    return words


def seller_initials(name: str) -> str:
    """The letters of the seller's logo (see the module's rule)."""
    words = [w for w in _distinctive_words(name) if w[:1].isalnum()]
    if not words:
        words = [w for w in name.split() if w[:1].isalnum()]
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return words[0][:3]
    return "".join(word[0].upper() for word in words[:3])


@cache
def _font(size: int):
    for path in _FONTS:
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def draw_logo_image(name: str) -> Image.Image:
    """The logo as a Pillow image: initials on a disc or a rounded square."""
    number = zlib.crc32(name.encode())
    dark, light = _COLOURS[number % len(_COLOURS)]
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), light)
    draw = ImageDraw.Draw(image)
    inset = 22
    box = (inset, inset, LOGO_SIZE - inset, LOGO_SIZE - inset)
    ring = 14
    inner = (box[0] + ring, box[1] + ring, box[2] - ring, box[3] - ring)
    if number // len(_COLOURS) % 2:
        draw.ellipse(box, fill=dark)
        draw.ellipse(inner, outline=light, width=3)
    else:
        draw.rounded_rectangle(box, radius=56, fill=dark)
        draw.rounded_rectangle(inner, radius=44, outline=light, width=3)
    initials = seller_initials(name)
    size = {1: 170, 2: 128, 3: 96}.get(len(initials), 96)
    centre = (LOGO_SIZE / 2, LOGO_SIZE / 2 + 4)
    draw.text(centre, initials, font=_font(size), fill=light, anchor="mm")
    return image


def draw_logo(name: str) -> bytes:
    """A 320×320 JPEG of the seller's logo (a PNG takes ten times longer to write)."""
    buffer = io.BytesIO()
    draw_logo_image(name).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()
