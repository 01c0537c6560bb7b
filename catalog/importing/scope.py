"""An import into one seller's page (the admin's spreadsheet upload).

The file's seller columns become optional: a blank cell means the chosen seller,
a filled one must name that seller (its name, type and tax code), so a row can
never reach another seller's products. The seller's own page is never changed by
such an import; its commune column is the product's origin only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from catalog.importing.reading import REQUIRED_COLUMNS, RowError
from catalog.importing.rows import SellerData
from marketplace.helpers.text import fold
from sellers.models import SellerPage

_SELLER_COLUMNS = ("seller_name", "seller_type")


class SellerScope:
    """Rows checked against, and written to, one seller page."""

    def __init__(self, seller: SellerPage):
        self.page = seller
        self.names = {fold(seller.title), fold(seller.legal_name or seller.title)}
        self.data = SellerData(
            key=("page", str(seller.pk)),
            line=1,
            name=seller.title,
            seller_type=seller.seller_type,
            tax_code=seller.tax_code or "",
        )

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c for c in REQUIRED_COLUMNS if c not in _SELLER_COLUMNS)

    def fill(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Blank seller cells stand for the chosen seller."""
        row = dict(raw)
        for column, value in (
            ("seller_name", self.page.title),
            ("seller_type", self.page.seller_type),
        ):
            if not str(row.get(column) or "").strip():
                row[column] = value
        return row

    def check(self, out: dict[str, Any], errors: list[RowError]) -> None:
        """A row naming another seller is an error on the cell that names it."""
        line = out["line"]
        before = len(errors)
        if out["seller_name"] and fold(out["seller_name"]) not in self.names:
            errors.append(RowError(line, "seller_name", self._other()))
        if out["seller_type"] and out["seller_type"] != self.page.seller_type:
            errors.append(
                RowError(
                    line,
                    "seller_type",
                    str(_("Loại hình khác với hồ sơ của %(seller)s."))
                    % {"seller": self.page.title},
                )
            )
        if out["tax_code"] and out["tax_code"] != (self.page.tax_code or ""):
            errors.append(RowError(line, "tax_code", self._other()))
        if len(errors) > before:
            out["valid"] = False

    def _other(self) -> str:
        return str(
            _("Dòng này ghi người bán khác; tệp chỉ nhập được vào %(seller)s.")
            % {"seller": self.page.title}
        )
