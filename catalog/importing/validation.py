"""Every row checked before anything is written; every problem reported by line.

The file as a whole: its header, every row (``row_validation``), then rows that
describe the same seller grouped and checked against each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

from catalog.importing.cells import Lookups
from catalog.importing.reading import (
    COLUMNS,
    EXTENDED_COLUMNS,
    REQUIRED_COLUMNS,
    RowError,
)
from catalog.importing.row_validation import RowValidator
from catalog.importing.rows import ProductRow, SellerData, Validation
from catalog.importing.scope import SellerScope
from marketplace.helpers.text import fold
from sellers.models import SellerPage

_SELLER_FIELDS = ("seller_type", "tax_code", "commune", "district")


def _header_errors(
    header: Sequence[str],
    allowed: Sequence[str],
    required: Sequence[str] = REQUIRED_COLUMNS,
) -> list[RowError]:
    errors = []
    seen = set()
    unknown = str(
        _("Cột không xác định; các cột hợp lệ: %(columns)s.")
        % {"columns": ", ".join(allowed)}
    )
    for name in header:
        if not name:
            continue
        if name not in allowed:
            errors.append(RowError(1, name, unknown))
        elif name in seen:
            errors.append(RowError(1, name, str(_("Cột bị lặp lại."))))
        seen.add(name)
    for name in required:
        if name not in seen:
            errors.append(RowError(1, name, str(_("Thiếu cột bắt buộc."))))
    return errors


def validate_rows(
    header: Sequence[str],
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    *,
    base_dir: Path | None = None,
    extended: bool = False,
    progress: Callable[[Iterable], Iterable] | None = None,
    seller: SellerPage | None = None,
) -> Validation:
    """Check every row (no writes); return the clean rows or every error found.

    ``extended`` also accepts EXTENDED_COLUMNS and in-memory ImageSource values: the
    demo generator's richer rows. Files read by import_products keep to COLUMNS.
    ``seller``: every row is a product of that seller (``scope.SellerScope``).
    """
    allowed = COLUMNS + EXTENDED_COLUMNS if extended else COLUMNS
    scope = SellerScope(seller) if seller is not None else None
    errors = _header_errors(
        header, allowed, scope.required if scope else REQUIRED_COLUMNS
    )
    if errors:
        return Validation(rows=[], errors=errors)
    validator = RowValidator(Lookups(), base_dir, extended)
    rows = list(rows)
    parsed = []
    for line, raw in progress(rows) if progress else rows:
        out = validator.validate(line, scope.fill(raw) if scope else raw, errors)
        if scope:
            scope.check(out, errors)
        parsed.append(out)
    products = _group_rows(parsed, errors, scope)
    errors.sort(
        key=lambda e: (e.line, allowed.index(e.column) if e.column in allowed else -1)
    )
    return Validation(rows=[] if errors else products, errors=errors, checked=products)


def validate_records(
    records: Sequence[Mapping[str, Any]],
    *,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> Validation:
    """Validate rows built in memory, numbered as if under a header on line 1."""
    header = list(dict.fromkeys(key for record in records for key in record))
    return validate_rows(
        header,
        [(index + 2, record) for index, record in enumerate(records)],
        extended=True,
        progress=progress,
    )


# ---------------------------------------------------------------- across rows


class _Grouping:
    """Rows describing the same seller share one SellerData; products are unique
    per seller."""

    def __init__(self, parsed: list[dict[str, Any]], errors: list[RowError]):
        self.errors = errors
        # A row without a tax code joins the seller another row names with one.
        self.name_to_tax: dict[str, str] = {}
        for out in parsed:
            if out["tax_code"] and out["seller_name"]:
                self.name_to_tax.setdefault(fold(out["seller_name"]), out["tax_code"])
        self.sellers: dict[tuple[str, str], SellerData] = {}
        self.seen_products: dict[tuple, int] = {}

    def seller(self, out: dict[str, Any]) -> SellerData:
        name = out["seller_name"]
        tax = out["tax_code"] or self.name_to_tax.get(fold(name), "")
        key = ("tax", tax) if tax else ("name", fold(name))
        seller = self.sellers.get(key)
        if seller is None:
            seller = self.sellers[key] = SellerData(
                key=key,
                line=out["line"],
                name=name,
                seller_type=out["seller_type"],
                tax_code=tax,
                commune=out["commune"],
                district=out["district"],
                profile=dict(out.get("profile", {})),
                logo=out.get("seller_logo"),
            )
        else:
            _merge_seller(seller, out, self.errors)
        return seller

    def is_duplicate(self, seller: SellerData, out: dict[str, Any]) -> bool:
        """A second row for the same seller's product is an error on that row."""
        if not out["product_name"]:
            return False
        key = (seller.key, fold(out["product_name"]))
        first = self.seen_products.setdefault(key, out["line"])
        if first == out["line"]:
            return False
        self.errors.append(
            RowError(
                out["line"],
                "product_name",
                str(
                    _("Sản phẩm trùng với dòng %(line)d của cùng người bán.")
                    % {"line": first}
                ),
            )
        )
        return True


def _product_row(seller: SellerData, out: dict[str, Any]) -> ProductRow:
    return ProductRow(
        line=out["line"],
        seller=seller,
        name=out["product_name"],
        category=out["category"],
        price_vnd=out["price_vnd"],
        unit=out["unit"],
        description=out["description"],
        summary=out.get("summary", ""),
        stock=out["stock"],
        commune=out["commune"],
        images=out["images"],
        ocop=out["ocop"],
        award=out.get("award"),
    )


def _group_rows(
    parsed: list[dict[str, Any]],
    errors: list[RowError],
    scope: SellerScope | None = None,
) -> list[ProductRow]:
    """Give rows describing the same seller one SellerData; flag duplicate products."""
    grouping = _Grouping(parsed, errors)
    products = []
    for out in parsed:
        if not out["seller_name"]:
            continue
        seller = scope.data if scope else grouping.seller(out)
        if grouping.is_duplicate(seller, out):
            continue
        if out["valid"]:
            products.append(_product_row(seller, out))
    return products


def _merge_seller(seller: SellerData, out: dict[str, Any], errors: list[RowError]):
    """Later rows may fill blanks of the seller, never contradict the first row."""
    if seller.key[0] == "tax" and fold(out["seller_name"]) != fold(seller.name):
        errors.append(_conflict(out["line"], "seller_name", seller.line))
    for name in _SELLER_FIELDS:
        value, current = out[name], getattr(seller, name)
        if not value:
            continue
        if not current:
            setattr(seller, name, value)
        elif value != current:
            errors.append(_conflict(out["line"], name, seller.line))
    for name, value in out.get("profile", {}).items():
        seller.profile.setdefault(name, value)
    if seller.logo is None:
        seller.logo = out.get("seller_logo")


def _conflict(line: int, column: str, first_line: int) -> RowError:
    return RowError(
        line,
        column,
        str(_("Khác với dòng %(line)d của cùng người bán.") % {"line": first_line}),
    )
