"""What validation hands to writing: checked rows, sellers, images and certificates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.importing.reading import RowError
from catalog.models import Category
from sellers.models import AdminUnit


@dataclass(frozen=True)
class ImageSource:
    """An image handed over in memory (the demo generator) instead of a file path."""

    name: str
    data: bytes


@dataclass(frozen=True)
class CheckedImage:
    """An image that passed validation; bytes are re-read from ``path`` when written."""

    name: str
    sha1: str
    width: int
    height: int
    size: int
    extension: str
    path: Path | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        return self.data if self.data is not None else self.path.read_bytes()


@dataclass
class SellerData:
    """A seller as the file describes it; several rows may describe the same one."""

    key: tuple[str, str]
    line: int
    name: str
    seller_type: str
    tax_code: str = ""
    commune: AdminUnit | None = None
    district: str = ""
    profile: dict[str, Any] = field(default_factory=dict)
    logo: CheckedImage | None = None


@dataclass(frozen=True)
class OcopData:
    stars: int
    number: str
    issued: datetime.date | None


@dataclass
class ProductRow:
    line: int
    seller: SellerData
    name: str
    category: Category
    price_vnd: int
    unit: str
    description: str = ""
    summary: str = ""
    stock: int | None = None
    commune: AdminUnit | None = None
    images: list[CheckedImage] = field(default_factory=list)
    ocop: OcopData | None = None
    award: tuple[str, int] | None = None


@dataclass
class Validation:
    rows: list[ProductRow]
    errors: list[RowError]
    # every row that passed, even when others failed (the admin's preview)
    checked: list[ProductRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors
