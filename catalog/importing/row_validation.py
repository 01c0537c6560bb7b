"""One row checked: its cells become the values a ProductRow is built from."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.importing import cells as cell
from catalog.importing import extended_cells
from catalog.importing.images import images, logo
from catalog.importing.reading import RowError

_TEXT_LIMITS = (("seller_name", 255), ("product_name", 255), ("unit", 30))


class RowValidator:
    """Checks one row's cells; every problem becomes a RowError."""

    def __init__(self, lookups: cell.Lookups, base_dir: Path | None, extended: bool):
        self.lookups = lookups
        self.base_dir = base_dir
        self.extended = extended
        self.today = timezone.localdate()

    def validate(
        self, line: int, raw: Mapping[str, Any], errors: list[RowError]
    ) -> dict[str, Any]:
        """The row's clean values by column, with ``valid`` when it had no problem."""
        before = len(errors)
        cells = cell.Cells(line, raw, errors)
        if raw.get(""):
            cells.error("?", _("Ô có dữ liệu nhưng cột không có tiêu đề."))
        out: dict[str, Any] = {"line": line}
        for column, limit in _TEXT_LIMITS:
            out[column] = cell.required_text(cells, column, limit)
        out.update(self._seller(cells))
        out.update(self._product(cells))
        if self.extended:
            out.update(self._extended(cells, out["seller_type"]))
        out["valid"] = len(errors) == before
        return out

    def _seller(self, cells: cell.Cells) -> dict[str, Any]:
        return {
            "seller_type": cell.seller_type(cells),
            "tax_code": cell.tax_code(cells),
            "commune": cell.commune(cells, self.lookups),
            "district": cells.text("district")[:80],
        }

    def _product(self, cells: cell.Cells) -> dict[str, Any]:
        return {
            "category": cell.category(cells, self.lookups),
            "price_vnd": cell.price(cells),
            "description": cells.text("description"),
            "stock": cell.stock(cells),
            "ocop": cell.ocop(cells, self.today),
            "images": images(cells, self.base_dir, self.extended),
        }

    def _extended(self, cells: cell.Cells, seller_type: str | None) -> dict[str, Any]:
        return {
            "profile": extended_cells.profile(cells, seller_type, self.today),
            "summary": extended_cells.summary(cells),
            "award": extended_cells.award(cells, self.today),
            "seller_logo": logo(cells, self.base_dir),
        }
