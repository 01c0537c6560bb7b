"""The extra columns of the demo generator's rows: seller profile, summary, award.

Files read by ``import_products`` keep to COLUMNS; only ``validate_records`` (rows
built in memory) accepts these.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from catalog.importing.cells import Cells, too_long
from catalog.importing.reading import rich_text
from catalog.models import RuralIndustrialAward
from marketplace.helpers.text import fold
from sellers.models import SellerType
from sellers.validators import normalize_phone

_TRUE_WORDS = {"1", "true", "yes", "x", "có", "co"}
_MEMBER_TYPES = (SellerType.COOPERATIVE, SellerType.COOPERATIVE_GROUP)
_LIMITED_TEXTS = (("representative", 120), ("street_line", 255))


def _contacts(cells: Cells, profile: dict[str, Any]) -> None:
    phone = cells.text("phone")
    if phone:
        try:
            profile["phone"] = normalize_phone(phone)
        except ValidationError as exc:
            cells.error("phone", exc.messages[0])
    email = cells.text("email")
    if email:
        try:
            validate_email(email)
            profile["email"] = email
        except ValidationError:
            cells.error("email", _("Địa chỉ email không hợp lệ."))


def _texts(cells: Cells, profile: dict[str, Any]) -> None:
    for column, limit in _LIMITED_TEXTS:
        value = cells.text(column)
        if len(value) > limit:
            cells.error(column, too_long(limit))
        elif value:
            profile[column] = value
    if cells.text("story"):
        profile["story"] = rich_text(cells.text("story"))
    if cells.text("seller_verified"):
        profile["verified"] = fold(cells.text("seller_verified")) in _TRUE_WORDS


def _figures(
    cells: Cells, profile: dict[str, Any], seller_type: str | None, today
) -> None:
    year = cells.text("year_founded")
    if year:
        if year.isdigit() and 1900 <= int(year) <= today.year:
            profile["year_founded"] = int(year)
        else:
            cells.error("year_founded", _("Năm thành lập không hợp lệ."))
    members = cells.text("members")
    if not members:
        return
    if not members.isdigit():
        cells.error("members", _("Số thành viên phải là số nguyên không âm."))
    elif seller_type not in _MEMBER_TYPES:
        cells.error("members", _("Chỉ hợp tác xã và tổ hợp tác có số thành viên."))
    else:
        profile["members"] = int(members)


def profile(
    cells: Cells, seller_type: str | None, today: datetime.date
) -> dict[str, Any]:
    """The seller's page fields beyond its name, type, tax code and commune."""
    values: dict[str, Any] = {}
    _contacts(cells, values)
    _texts(cells, values)
    _figures(cells, values, seller_type, today)
    return values


def summary(cells: Cells) -> str:
    text = cells.text("summary")
    if len(text) > 300:
        cells.error("summary", too_long(300))
    return text


def award(cells: Cells, today: datetime.date) -> tuple[str, int] | None:
    """A rural-industrial award: (level, year), both columns or neither."""
    level, year = cells.text("award_level"), cells.text("award_year")
    if not (level or year):
        return None
    if level not in RuralIndustrialAward.Level.values:
        cells.error(
            "award_level",
            _("Cấp công nhận phải là một trong: %(choices)s.")
            % {"choices": ", ".join(RuralIndustrialAward.Level.values)},
        )
        return None
    if not (year.isdigit() and 2000 <= int(year) <= today.year):
        cells.error("award_year", _("Năm công nhận không hợp lệ."))
        return None
    return level, int(year)
