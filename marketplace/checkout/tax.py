"""Tax withholding on goods sold by household sellers (Decree 117/2025/NĐ-CP).

The floor withholds VAT and PIT when it collects the payment, so only card payments
count: cash on delivery is collected by the seller, not the floor. The rules:

- Who: sellers of type ``household_business`` (WITHHELD_SELLER_TYPES). Cooperatives
  and enterprises declare their own tax. Production facilities and cooperative
  groups are left out: the type alone does not say whether the seller is a
  registered household; the department re-types one that is (⚠ check with the tax
  office before launch).
- What: the goods value of the seller's part of a paid order (its lines; shipping
  is not goods), in the local (Asia/Ho_Chi_Minh) month its payment was confirmed
  (``Order.paid_at``).
- Refunds: a refund recorded by the checkout (``refunded_amount``, ``refunded_at``)
  offsets the month it was made in, a later month included. It counts against the
  goods first (shipping only beyond the goods value); in an order of several
  sellers it is shared in proportion to each seller's goods, rounded half up, the
  last seller's share taking what rounding left. Only refunds of payments that
  counted (``paid_at`` set) offset.
- Rates: TaxRate, the rate in force on the payment's local date; a refund reverses
  at the rate of the payment it returns. No rate before 1 July 2025: nothing withheld.
- Rounding: once per seller and month, half up to the whole đồng, on the exact sum of
  goods × rate. A month whose refunds exceed its sales withholds 0 (the negative base
  is shown; no carry-forward, ⚠ check with the tax office).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils import timezone

from marketplace.checkout.models import (
    Order,
    PaymentMethodCode,
    SellerOrder,
    TaxKind,
    TaxRate,
)
from sellers.models import SellerPage, SellerType

WITHHELD_SELLER_TYPES = frozenset({SellerType.HOUSEHOLD_BUSINESS})

RateTable = dict[str, list[tuple[datetime.date, Decimal]]]


@dataclass(frozen=True)
class Entry:
    """One seller's goods in one paid order (amount > 0) or their refund (< 0)."""

    seller_id: int
    order_reference: str
    paid_on: datetime.date  # local date of the payment: its rate applies
    booked_at: datetime.datetime  # when it counts: payment or refund
    amount: int

    @property
    def month(self) -> datetime.date:
        return local_month(self.booked_at)

    @property
    def is_refund(self) -> bool:
        return self.amount < 0


@dataclass
class SellerInfo:
    seller_id: int
    name: str
    tax_code: str


@dataclass
class MonthRow:
    """What is withheld from one household seller for one month."""

    month: datetime.date
    seller: SellerInfo
    orders: int = 0
    paid: int = 0
    refunded: int = 0
    vat: int = 0
    pit: int = 0

    @property
    def base(self) -> int:
        return self.paid - self.refunded

    @property
    def withheld(self) -> int:
        return self.vat + self.pit

    @property
    def month_label(self) -> str:
        return f"{self.month:%m/%Y}"

    @property
    def seller_name(self) -> str:
        return self.seller.name

    @property
    def tax_code(self) -> str:
        return self.seller.tax_code


@dataclass(frozen=True)
class StatementLine:
    """One line of a seller's own statement: a payment or a refund of one order."""

    entry: Entry
    vat_rate: Decimal
    pit_rate: Decimal

    @property
    def month_label(self) -> str:
        return f"{self.entry.month:%m/%Y}"

    @property
    def order_reference(self) -> str:
        return self.entry.order_reference

    @property
    def booked_on(self) -> datetime.date:
        return timezone.localtime(self.entry.booked_at).date()

    @property
    def paid_on(self) -> datetime.date:
        return self.entry.paid_on

    @property
    def amount(self) -> int:
        return self.entry.amount

    @property
    def is_refund(self) -> bool:
        return self.entry.is_refund


# -- months and rates ---------------------------------------------------------------


def local_month(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The local month starting on ``month`` as aware datetimes [start, end)."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(month.replace(day=1), datetime.time.min, tz)
    following = (start.date() + datetime.timedelta(days=32)).replace(day=1)
    return start, datetime.datetime.combine(following, datetime.time.min, tz)


def parse_month(value: str) -> datetime.date | None:
    """``2025-07`` → 1 July 2025; None for anything else."""
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()  # noqa: DTZ007
    except (TypeError, ValueError):
        return None


def rate_table() -> RateTable:
    table: RateTable = {kind: [] for kind in TaxKind.values}
    for kind, valid_from, rate in TaxRate.objects.order_by("valid_from").values_list(
        "kind", "valid_from", "rate"
    ):
        table[kind].append((valid_from, rate))
    return table


def rate_on(table: RateTable, kind: str, day: datetime.date) -> Decimal:
    """The rate (in %) in force on ``day``: the latest one that started by then."""
    current = Decimal(0)
    for valid_from, rate in table.get(kind, []):
        if valid_from > day:
            break
        current = rate
    return current


def round_dong(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# -- entries from the orders --------------------------------------------------------


def _card_parts(seller_ids: Iterable[int] | None):
    parts = SellerOrder.objects.filter(
        order__payment_method=PaymentMethodCode.CARD,
        order__paid_at__isnull=False,
        seller__seller_type__in=WITHHELD_SELLER_TYPES,
    )
    if seller_ids is not None:
        parts = parts.filter(seller_id__in=list(seller_ids))
    return parts


def _payments(parts, start, end) -> list[Entry]:
    if start is not None:
        parts = parts.filter(order__paid_at__gte=start, order__paid_at__lt=end)
    return [
        Entry(seller_id, reference, timezone.localtime(paid_at).date(), paid_at, goods)
        for seller_id, reference, paid_at, goods in parts.values_list(
            "seller_id", "order__reference", "order__paid_at", "items_total"
        )
    ]


def refund_shares(order_goods: list[tuple[int, int]], refunded: int) -> list[int]:
    """The goods refunded from each part (pk, goods value) of one order: the goods
    first, shared in proportion to each part's goods, rounded half up, the last
    part taking what rounding left."""
    total = sum(goods for _pk, goods in order_goods)
    goods_refund = min(refunded, total)
    if not total or not goods_refund:
        return [0 for _part in order_goods]
    shares = [
        round_dong(Decimal(goods_refund) * goods / total)
        for _pk, goods in order_goods[:-1]
    ]
    return [*shares, goods_refund - sum(shares)]


def _refunds(parts, start, end) -> list[Entry]:
    refunded = Q(order__refunded_at__isnull=False, order__refunded_amount__gt=0)
    if start is not None:
        refunded &= Q(order__refunded_at__gte=start, order__refunded_at__lt=end)
    wanted = dict(parts.filter(refunded).values_list("pk", "seller_id"))
    if not wanted:
        return []
    orders = Order.objects.filter(seller_orders__pk__in=wanted).distinct()
    all_parts = defaultdict(list)
    for order_id, pk, goods in (
        SellerOrder.objects.filter(order__in=orders)
        .order_by("order_id", "pk")
        .values_list("order_id", "pk", "items_total")
    ):
        all_parts[order_id].append((pk, goods))
    entries = []
    for order in orders.only(
        "pk", "reference", "paid_at", "refunded_at", "refunded_amount"
    ):
        goods = all_parts[order.pk]
        for (pk, _goods), share in zip(
            goods, refund_shares(goods, order.refunded_amount), strict=True
        ):
            if pk in wanted and share:
                entries.append(
                    Entry(
                        wanted[pk],
                        order.reference,
                        timezone.localtime(order.paid_at).date(),
                        order.refunded_at,
                        -share,
                    )
                )
    return entries


def entries(
    month: datetime.date | None = None, seller_ids: Iterable[int] | None = None
) -> list[Entry]:
    """Payments and refunds that count in ``month`` (every month when None)."""
    start, end = month_bounds(month) if month else (None, None)
    parts = _card_parts(seller_ids)
    found = _payments(parts, start, end) + _refunds(parts, start, end)
    return sorted(found, key=lambda e: (e.booked_at, e.order_reference, e.amount))


# -- the report and the statement ---------------------------------------------------


def _sellers(ids: Iterable[int]) -> dict[int, SellerInfo]:
    return {
        pk: SellerInfo(pk, legal_name or title, tax_code)
        for pk, title, legal_name, tax_code in SellerPage.objects.filter(
            pk__in=set(ids)
        ).values_list("pk", "title", "legal_name", "tax_code")
    }


def monthly_rows(
    month: datetime.date | None = None, seller_ids: Iterable[int] | None = None
) -> list[MonthRow]:
    """One row per household seller and month: paid goods, refunds, the taxable
    base and the VAT and PIT withheld, newest month first, then by seller name."""
    found = entries(month, seller_ids)
    sellers = _sellers(e.seller_id for e in found)
    table = rate_table()
    rows: dict[tuple, MonthRow] = {}
    exact: dict[tuple, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for entry in found:
        key = (entry.month, entry.seller_id)
        row = rows.setdefault(key, MonthRow(entry.month, sellers[entry.seller_id]))
        if entry.is_refund:
            row.refunded -= entry.amount
        else:
            row.paid += entry.amount
            row.orders += 1
        exact[key][0] += entry.amount * rate_on(table, TaxKind.VAT, entry.paid_on)
        exact[key][1] += entry.amount * rate_on(table, TaxKind.PIT, entry.paid_on)
    for key, row in rows.items():
        vat, pit = exact[key]
        row.vat = max(0, round_dong(vat / 100))
        row.pit = max(0, round_dong(pit / 100))
    return sorted(rows.values(), key=lambda r: (-r.month.toordinal(), r.seller.name))


def statement_lines(
    seller_id: int, month: datetime.date | None = None
) -> list[StatementLine]:
    """One seller's own payments and refunds, with the rates applied to each."""
    table = rate_table()
    return [
        StatementLine(
            entry,
            rate_on(table, TaxKind.VAT, entry.paid_on),
            rate_on(table, TaxKind.PIT, entry.paid_on),
        )
        for entry in entries(month, [seller_id])
    ]


def months_with_entries() -> list[datetime.date]:
    """Months in which some household seller's card payment or refund counts."""
    tz = timezone.get_current_timezone()
    parts = _card_parts(None)
    paid = parts.datetimes("order__paid_at", "month", tzinfo=tz)
    refunded = parts.filter(order__refunded_at__isnull=False).datetimes(
        "order__refunded_at", "month", tzinfo=tz
    )
    months = {m.date() for m in paid} | {m.date() for m in refunded}
    return sorted(months, reverse=True)
