"""The ZIP of photos: refused whole on any unsafe or non-image member.

Checked from the archive's directory before one byte is extracted, then again
while extracting (the sizes a ZIP declares can lie): no absolute paths, no "..",
no links, at most MAX_FILES files and MAX_TOTAL_BYTES uncompressed, each file an
image by its content (JPEG, PNG or WebP, like every other upload of the site).
The ``image`` cell names a file by its path inside the ZIP (``anh/keo-dua.jpg``)
or, when no other file has it, by its bare name (``keo-dua.jpg``): see
``photo_names``.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath

import filetype
from django.conf import settings
from django.utils.translation import gettext as _

MAX_FILES = 3000
MAX_TOTAL_BYTES = 2 * 1024**3
IMAGE_TYPES = {"jpg", "png", "webp"}
# Folders and files that archivers add on their own, skipped rather than refused.
_SKIPPED_PREFIXES = ("__MACOSX/",)
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_CHUNK = 1024 * 1024


class PhotoArchiveError(Exception):
    """The archive is refused; ``message`` names the file and says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _safe_name(info: zipfile.ZipInfo) -> PurePosixPath:
    name = info.filename.replace("\\", "/")
    path = PurePosixPath(name)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PhotoArchiveError(
            _("Tệp “%(name)s” trong ZIP có đường dẫn tuyệt đối.")
            % {"name": info.filename}
        )
    if ".." in path.parts:
        raise PhotoArchiveError(
            _("Tệp “%(name)s” trong ZIP trỏ ra ngoài thư mục (“..”).")
            % {"name": info.filename}
        )
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PhotoArchiveError(
            _("Tệp “%(name)s” trong ZIP là liên kết (symlink), không phải ảnh.")
            % {"name": info.filename}
        )
    return path


def _skipped(info: zipfile.ZipInfo) -> bool:
    name = info.filename.replace("\\", "/")
    return (
        info.is_dir()
        or name.startswith(_SKIPPED_PREFIXES)
        or PurePosixPath(name).name in _SKIPPED_NAMES
    )


def _members(archive: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    members = []
    total = 0
    max_file = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    for info in archive.infolist():
        path = _safe_name(info)
        if _skipped(info):
            continue
        if info.file_size > max_file:
            raise PhotoArchiveError(
                _("Ảnh “%(name)s” nặng quá %(mb)d MB.")
                % {"name": info.filename, "mb": max_file // 1024**2}
            )
        total += info.file_size
        members.append((info, path))
    if len(members) > MAX_FILES:
        raise PhotoArchiveError(
            _("ZIP có %(count)d tệp; tối đa %(max)d ảnh mỗi lần tải.")
            % {"count": len(members), "max": MAX_FILES}
        )
    if total > MAX_TOTAL_BYTES:
        raise PhotoArchiveError(
            _("Ảnh trong ZIP giải nén ra quá %(gb)d GB.")
            % {"gb": MAX_TOTAL_BYTES // 1024**3}
        )
    return members


def _copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """Extract one member, stopping at its declared size (a lying header)."""
    limit = info.file_size
    written = 0
    with archive.open(info) as source, target.open("xb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > limit:
                raise PhotoArchiveError(
                    _("Tệp “%(name)s” trong ZIP lớn hơn kích thước khai báo.")
                    % {"name": info.filename}
                )
            out.write(chunk)


def _check_image(info: zipfile.ZipInfo, target: Path) -> None:
    with target.open("rb") as handle:
        kind = filetype.guess(handle.read(8192))
    if kind is None or kind.extension not in IMAGE_TYPES:
        raise PhotoArchiveError(
            _("Tệp “%(name)s” trong ZIP không phải ảnh JPEG, PNG hoặc WebP.")
            % {"name": info.filename}
        )


def extract_photos(source, folder: Path) -> int:
    """Extract the archive ``source`` (a path or file) into ``folder``; return the
    number of photos. Raise PhotoArchiveError (nothing usable is left) on any
    refused member."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PhotoArchiveError(_("Tệp ảnh không phải tệp ZIP hợp lệ.")) from exc
    with archive:
        members = _members(archive)
        folder.mkdir(parents=True, exist_ok=True)
        for info, path in members:
            target = folder.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                _copy(archive, info, target)
            except FileExistsError as exc:
                raise PhotoArchiveError(
                    _("Tệp “%(name)s” có hai lần trong ZIP.") % {"name": info.filename}
                ) from exc
            except (
                zipfile.BadZipFile,
                OSError,
                EOFError,
                RuntimeError,  # an encrypted member
                NotImplementedError,  # a compression zipfile does not know
            ) as exc:
                raise PhotoArchiveError(
                    _("Không giải nén được “%(name)s”.") % {"name": info.filename}
                ) from exc
            _check_image(info, target)
    return len(members)


def photo_names(folder: Path) -> dict[str, str]:
    """Bare file name → path inside the archive, for names found only once."""
    seen: dict[str, list[str]] = {}
    if folder.is_dir():
        for path in folder.rglob("*"):
            if path.is_file():
                relative = path.relative_to(folder).as_posix()
                seen.setdefault(path.name, []).append(relative)
    return {name: paths[0] for name, paths in seen.items() if len(paths) == 1}
