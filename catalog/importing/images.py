"""The image column: paths beside the file, or in-memory images, checked by content."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from catalog.importing.cells import Cells
from catalog.importing.reading import IMAGE_SEPARATOR
from catalog.importing.rows import CheckedImage, ImageSource

_IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


def _too_many_pixels(max_pixels: int) -> str:
    return str(_("Ảnh lớn quá %(mp)d megapixel.") % {"mp": max_pixels // 1_000_000})


def check_image_bytes(data: bytes) -> tuple[tuple[int, int, str] | None, str]:
    """(width, height, extension) of an acceptable image, else None and why not."""
    max_bytes = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    if len(data) > max_bytes:
        return None, str(_("Ảnh nặng quá %(mb)d MB.") % {"mb": _megabytes(max_bytes)})
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            width, height = image.size
            image_format = image.format
            if width * height > max_pixels:
                return None, _too_many_pixels(max_pixels)
            image.load()  # decodes fully, so a truncated file fails here
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return None, _too_many_pixels(max_pixels)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None, str(_("Tệp không phải ảnh hợp lệ hoặc bị hỏng."))
    extension = _IMAGE_EXTENSIONS.get(image_format or "")
    if extension is None:
        return None, str(_("Chỉ nhận ảnh JPEG, PNG hoặc WebP."))
    return (width, height, extension), ""


def _items(cells: Cells, value: Any, extended: bool) -> list[Any]:
    if isinstance(value, ImageSource):
        return [value]
    if isinstance(value, str):
        return [p.strip() for p in value.split(IMAGE_SEPARATOR) if p.strip()]
    if extended and isinstance(value, list | tuple):
        return list(value)
    cells.error("image", _("Giá trị ảnh không hợp lệ."))
    return []


def _file(cells: Cells, item: Any, base_dir: Path | None, column: str) -> Path | None:
    """The file a relative path names, if it exists and is not too heavy."""
    relative = Path(str(item))
    if relative.is_absolute() or base_dir is None:
        cells.error(
            column,
            _("Đường dẫn ảnh “%(value)s” phải tương đối so với tệp nhập.")
            % {"value": item},
        )
        return None
    path = base_dir / relative
    if not path.resolve().is_relative_to(base_dir.resolve()):
        # "../" (or a link) would reach files outside the import's own folder.
        cells.error(
            column,
            _("Đường dẫn ảnh “%(value)s” ra ngoài thư mục ảnh của tệp nhập.")
            % {"value": item},
        )
        return None
    if not path.is_file():
        cells.error(column, _("Không tìm thấy ảnh “%(value)s”.") % {"value": item})
        return None
    max_bytes = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    if path.stat().st_size > max_bytes:
        cells.error(
            column,
            _("Ảnh “%(value)s” nặng quá %(mb)d MB.")
            % {"value": item, "mb": _megabytes(max_bytes)},
        )
        return None
    return path


def _checked(
    cells: Cells, item: Any, base_dir: Path | None, column: str = "image"
) -> CheckedImage | None:
    if isinstance(item, ImageSource):
        data, path, name = item.data, None, item.name
    else:
        path = _file(cells, item, base_dir, column)
        if path is None:
            return None
        data, name = path.read_bytes(), path.name
    info, problem = check_image_bytes(data)
    if info is None:
        cells.error(column, f"{name}: {problem}")
        return None
    width, height, extension = info
    return CheckedImage(
        name=name,
        sha1=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        width=width,
        height=height,
        size=len(data),
        extension=extension,
        path=path,
        data=data if path is None else None,
    )


def images(cells: Cells, base_dir: Path | None, extended: bool) -> list[CheckedImage]:
    """Every picture of the row's image cell that passes the checks."""
    value = cells.raw.get("image")
    if value is None or value == "":
        return []
    checked = (
        _checked(cells, item, base_dir) for item in _items(cells, value, extended)
    )
    return [image for image in checked if image is not None]


def logo(cells: Cells, base_dir: Path | None) -> CheckedImage | None:
    """The seller's logo of the ``seller_logo`` cell (one picture), if it passes."""
    value = cells.raw.get("seller_logo")
    if value is None or value == "":
        return None
    if isinstance(value, list | tuple):
        cells.error("seller_logo", _("Chỉ một ảnh logo cho mỗi người bán."))
        return None
    return _checked(cells, value, base_dir, "seller_logo")
