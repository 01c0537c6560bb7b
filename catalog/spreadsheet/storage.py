"""Each upload's files, in a private folder named by the upload's id.

Outside MEDIA_ROOT (the "private" storage, like sellers' registration papers), so
the web server never serves them; deleted once the upload is imported or dropped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.core.files.storage import storages

SHEET_STEM = "bang-tinh"
PHOTOS_ZIP = "anh.zip"
PHOTOS_DIR = "anh"


def folder(upload_id) -> Path:
    return Path(storages["private"].path("bang-tinh-tai-len")) / str(upload_id)


def sheet_path(upload_id) -> Path | None:
    found = sorted(folder(upload_id).glob(f"{SHEET_STEM}.*"))
    return found[0] if found else None


def save(upload_id, uploaded, name: str) -> Path:
    """Copy an uploaded file into the upload's folder, chunk by chunk."""
    target = folder(upload_id) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    return target


def remove(upload_id) -> None:
    shutil.rmtree(folder(upload_id), ignore_errors=True)
