"""The one place that formats money and dates for shoppers."""

import datetime

from django.utils import timezone


def format_vnd(amount: int | None) -> str:
    """125000 → '125.000 ₫' (whole đồng, dot as thousands separator)."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", ".") + " ₫"


def format_number(value: int | None) -> str:
    """1312 → '1.312' (Vietnamese thousands separator, no currency)."""
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(int(value)):,}".replace(",", ".")


def format_date(value: datetime.date | datetime.datetime | None) -> str:
    """Dates as dd/mm/yyyy, datetimes in local time."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return value.strftime("%d/%m/%Y")


def parse_vnd(text: str) -> int:
    """'125000', '125.000' or '125.000 ₫' → 125000; raises ValueError otherwise."""
    cleaned = str(text).strip().replace("₫", "").replace("đ", "").strip()
    cleaned = cleaned.replace("\u00a0", "").replace(" ", "")
    if cleaned.count(".") and all(len(p) == 3 for p in cleaned.split(".")[1:]):
        cleaned = cleaned.replace(".", "")
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


def parse_date(text: str) -> datetime.date:
    """'dd/mm/yyyy' → date; raises ValueError otherwise."""
    return datetime.datetime.strptime(str(text).strip(), "%d/%m/%Y").date()
