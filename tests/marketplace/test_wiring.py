"""What the apps wire up at start-up (AppConfig.ready()), seen from outside."""

import io

import pytest
from django.conf import settings
from PIL import Image


def _png(width: int, height: int) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def test_pillow_refuses_an_image_twice_over_the_configured_pixel_limit():
    # 9000 × 9000 = 81 million pixels: over twice the settings' 40 million, which
    # Pillow refuses outright (its own default limit would let it through).
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    with pytest.raises(Image.DecompressionBombError):
        Image.open(_png(9000, 9000))


def test_pillow_opens_an_image_under_the_limit():
    with Image.open(_png(6000, 6000)) as image:
        assert image.size == (6000, 6000)
