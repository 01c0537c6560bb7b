"""Judging an uploaded file by its bytes: the type detected in the content (not the
name), PDFs parsed with pypdf, images fully decoded under a pixel limit. The
catalogue's image and scan fields (catalog/uploads.py) and the seller registration
document (sellers/fields.py) share these checks."""

from __future__ import annotations

import io
import logging
import warnings

import filetype
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# Pillow raises these for files it cannot decode completely.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError)
_BOMB_ERRORS = (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError)
# Scans and documents: extension → the type filetype must detect in the bytes.
DOCUMENT_TYPES = {"pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png"}
# pypdf raises these (beyond its own errors) for files it cannot make sense of.
_PDF_ERRORS = (PyPdfError, ValueError, TypeError, KeyError, AttributeError, OSError)
# pypdf warns through logging about every repair it attempts; the refusal says it.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_upload(data) -> bytes:
    """The uploaded bytes, leaving the upload rewound for the next reader."""
    if hasattr(data, "temporary_file_path"):
        with open(data.temporary_file_path(), "rb") as handle:
            return handle.read()
    if hasattr(data, "read"):
        data.seek(0)
        content = data.read()
        data.seek(0)
        return content
    return data["content"]


def image_problem(content: bytes, max_pixels: int | None) -> tuple[str | None, int]:
    """Why ``content`` is no usable image (``"invalid"``, ``"truncated"``,
    ``"too_many_pixels"``) or None, and its pixel count when known. The image is
    fully decoded (``load()``), not only its header read (``verify()``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(io.BytesIO(content))
        except _BOMB_ERRORS:
            return "too_many_pixels", 0
        except _DECODE_ERRORS:
            return "invalid", 0
        width, height = image.size
        pixels = width * height * getattr(image, "n_frames", 1)
        if max_pixels and pixels > max_pixels:
            return "too_many_pixels", pixels
        try:
            image.load()
        except _BOMB_ERRORS:
            return "too_many_pixels", pixels
        except _DECODE_ERRORS:
            return "truncated", pixels
    return None, pixels


def pdf_is_readable(content: bytes) -> bool:
    """pypdf can parse the file's structure and it has at least one page."""
    try:
        return len(PdfReader(io.BytesIO(content)).pages) > 0
    except _PDF_ERRORS:
        return False


def document_problem(
    content: bytes, extension: str, max_pixels: int | None
) -> tuple[str | None, int]:
    """Why ``content`` is no PDF, JPEG or PNG matching ``extension``
    (``"content_mismatch"``, ``"broken_pdf"``, ``"broken_image"``,
    ``"too_many_pixels"``) or None, and an image's pixel count when known."""
    expected = DOCUMENT_TYPES[extension]
    detected = filetype.guess(content[:8192])
    if detected is None or detected.extension != expected:
        return "content_mismatch", 0
    if expected == "pdf":
        return (None if pdf_is_readable(content) else "broken_pdf"), 0
    problem, pixels = image_problem(content, max_pixels)
    if problem == "too_many_pixels":
        return problem, pixels
    return ("broken_image" if problem else None), pixels
