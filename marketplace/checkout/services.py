"""Business rules of buying: placing an order with its stock reserved under row
locks, the forward-only status machine, and what payment outcomes do to an order.

Views, the webhook, the admin and management commands all call these functions.
Lock order, everywhere: an existing Order row first, then products by ascending pk.
Emails are queued in the outbox (outbox.py) inside the same transactions, so they
go out once the change is committed and never hold up a request.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import ProductPage
from catalog.models.licences import sale_closed
from catalog.visibility import public_products
from marketplace.checkout import outbox
from marketplace.checkout.cart import (
    CartError,
    check_quantity,
    class_closed_message,
    not_public_message,
    shipping_fee,
)
from marketplace.checkout.consent import Consents, record_consents
from marketplace.checkout.models import (
    RANK,
    TRANSITIONS,
    Order,
    OrderLine,
    OrderStatusChange,
    PaymentMethodCode,
    PaymentState,
    SellerOrder,
    Status,
)
from sellers.models import AdminUnit, SellerPage

logger = logging.getLogger(__name__)

SELLER_STEPS = (Status.PROCESSING, Status.SHIPPED, Status.DELIVERED)
# What record_payment answers when Stripe took money for goods no longer held:
# the caller queues the refund (refunds.py).
REFUND_DUE = "refund-due"


class CheckoutError(Exception):
    """A refused checkout; ``message`` is safe to show to the shopper."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidTransition(CheckoutError):
    pass


class AlreadyPlaced(Exception):
    """The checkout form was submitted before: ``order`` is the order it made."""

    def __init__(self, order: Order):
        super().__init__(order.reference)
        self.order = order


class PaymentRules(Protocol):
    """What placing an order asks of a payment method (payments.PaymentMethod)."""

    code: str

    def check(self, total: int, sellers: Sequence[SellerPage]) -> None: ...

    def on_order_created(self, order: Order) -> None: ...


@dataclass(frozen=True)
class Customer:
    name: str
    phone: str  # E.164
    email: str
    street_line: str
    commune: AdminUnit
    note: str = ""
    # Asked at checkout; the rules below hold whatever the form sent.
    consents: Consents = Consents()
    adult_confirmed: bool = False


@dataclass(frozen=True)
class SellerPart:
    """One seller's share of a cart, priced from the locked rows."""

    seller: SellerPage
    lines: list[tuple[ProductPage, int]]
    items_total: int
    shipping_fee: int


def session_lifetime() -> datetime.timedelta:
    return datetime.timedelta(minutes=max(30, settings.CHECKOUT_SESSION_LIFETIME))


# -- stock -------------------------------------------------------------------


def _lock_products(ids: Iterable[int]) -> dict[int, ProductPage]:
    """Lock product rows in ascending pk order so two carts never deadlock."""
    rows = (
        ProductPage.objects.select_for_update(of=("self",))
        .select_related("category")
        .filter(pk__in=sorted(set(ids)))
        .order_by("pk")
    )
    return {p.pk: p for p in rows}


def _tracked_quantities(order: Order) -> dict[int, int]:
    quantities: dict[int, int] = defaultdict(int)
    for product_id, quantity in OrderLine.objects.filter(
        seller_order__order=order, stock_tracked=True, product__isnull=False
    ).values_list("product_id", "quantity"):
        quantities[product_id] += quantity
    return quantities


def _release_stock(order: Order) -> bool:
    """Give the order's reserved units back; the caller holds the order's lock."""
    if not order.stock_held:
        return False
    quantities = _tracked_quantities(order)
    locked = _lock_products(quantities)
    for product_id in sorted(locked):
        if locked[product_id].stock is not None:
            ProductPage.objects.filter(pk=product_id).update(
                stock=F("stock") + quantities[product_id]
            )
    order.stock_held = False
    order.save(update_fields=["stock_held", "updated_at"])
    return True


def _reserve_again(order: Order) -> bool:
    """Take the order's units again (after they were given back); False, taking
    nothing, when any line can no longer be had. The caller holds the order's lock."""
    if order.stock_held:
        return True
    quantities = _tracked_quantities(order)
    locked = _lock_products(quantities)
    for product_id, quantity in quantities.items():
        product = locked.get(product_id)
        if product is None or not product.live or not product.available:
            return False
        if product.stock is not None and product.stock < quantity:
            return False
    for product_id in sorted(locked):
        if locked[product_id].stock is not None:
            ProductPage.objects.filter(pk=product_id).update(
                stock=F("stock") - quantities[product_id]
            )
    order.stock_held = True
    order.save(update_fields=["stock_held", "updated_at"])
    return True


def release_unpaid_stock(order: Order) -> None:
    """Stripe could not open a session: free the units at once rather than at the
    end of the hold. The order stays pending; paying again reserves them anew."""
    with transaction.atomic():
        order = _locked(order)
        if order.status == Status.PENDING_PAYMENT and (
            order.payment_state != PaymentState.PAID
        ):
            _release_stock(order)


def reserve_for_payment(order: Order) -> None:
    """Before a new payment attempt: the order must be pending with its stock
    held, reserving it again if it was freed. Raises CheckoutError otherwise."""
    with transaction.atomic():
        order = _locked(order)
        if order.status != Status.PENDING_PAYMENT:
            raise CheckoutError(
                _("Đơn hàng này không còn chờ thanh toán. Vui lòng đặt lại.")
            )
        if not _reserve_again(order):
            raise CheckoutError(
                _(
                    "Một sản phẩm trong đơn đã hết hàng hoặc ngừng bán. "
                    "Vui lòng đặt lại từ giỏ hàng."
                )
            )


# -- placing an order ----------------------------------------------------------


def submitted_order(checkout_key: str | None) -> Order | None:
    """The order a checkout form with this key already made, if any."""
    if not checkout_key or len(checkout_key) > 64:
        return None
    return Order.objects.filter(checkout_key=checkout_key).first()


def check_regulated(product: ProductPage, adult_confirmed: bool) -> None:
    """Conditional goods (alcohol): the class open, the seller's licence in force,
    the shopper confirmed being 18 or older."""
    kind = product.required_licence_kind
    if not kind:
        return
    if sale_closed(kind):
        raise CheckoutError(class_closed_message(product))
    if product.covering_licence() is None:
        raise CheckoutError(
            _("%(product)s chưa có giấy phép còn hiệu lực nên chưa bán được.")
            % {"product": product.title}
        )
    if not adult_confirmed:
        raise CheckoutError(
            _(
                "Giỏ hàng có %(product)s: vui lòng xác nhận bạn từ đủ 18 tuổi trở "
                "lên để đặt hàng."
            )
            % {"product": product.title}
        )


def _refuse_non_public(products: dict[int, ProductPage]) -> None:
    """A product the public may not see (restricted, hidden, held, its seller
    suspended) is never ordered, even by its id."""
    public = set(
        public_products(ProductPage.objects.filter(pk__in=list(products))).values_list(
            "pk", flat=True
        )
    )
    if set(products) - public:
        raise CheckoutError(not_public_message())


def _checked_lines(
    items: dict[int, int],
    products: dict[int, ProductPage],
    adult_confirmed: bool = False,
) -> dict[int, list[tuple[ProductPage, int]]]:
    """Each wanted product, still for sale and in stock, grouped by seller."""
    by_seller: dict[int, list[tuple[ProductPage, int]]] = defaultdict(list)
    for product_id, quantity in sorted(items.items()):
        product = products.get(product_id)
        if (
            product is None
            or not product.live
            or not product.available
            or product.seller_id is None
        ):
            raise CheckoutError(
                _("Một sản phẩm trong giỏ đã ngừng bán. Vui lòng xem lại giỏ hàng.")
            )
        try:
            check_quantity(product, quantity)
        except CartError as exc:
            raise CheckoutError(exc.message) from exc
        check_regulated(product, adult_confirmed)
        by_seller[product.seller_id].append((product, quantity))
    return by_seller


def _priced_parts(
    by_seller: dict[int, list[tuple[ProductPage, int]]],
) -> list[SellerPart]:
    sellers = SellerPage.objects.in_bulk(list(by_seller))
    parts = []
    for seller_id in sorted(by_seller):
        seller = sellers[seller_id]
        lines = by_seller[seller_id]
        items_total = sum(p.price_vnd * q for p, q in lines)
        parts.append(
            SellerPart(seller, lines, items_total, shipping_fee(seller, items_total))
        )
    return parts


def _create_order(
    customer: Customer,
    method: PaymentRules,
    parts: list[SellerPart],
    checkout_key: str | None,
) -> Order:
    items_total = sum(p.items_total for p in parts)
    shipping_total = sum(p.shipping_fee for p in parts)
    return Order.objects.create(
        payment_method=method.code,
        checkout_key=checkout_key or None,
        stock_held=True,
        customer_name=customer.name,
        phone=customer.phone,
        email=customer.email,
        street_line=customer.street_line,
        commune=customer.commune,
        note=customer.note,
        items_total=items_total,
        shipping_total=shipping_total,
        total=items_total + shipping_total,
        expires_at=timezone.now() + session_lifetime(),
    )


def _create_lines(order: Order, parts: list[SellerPart]) -> list[OrderLine]:
    new_lines = []
    for part in parts:
        seller_order = SellerOrder.objects.create(
            order=order,
            seller=part.seller,
            seller_name=part.seller.title,
            items_total=part.items_total,
            shipping_fee=part.shipping_fee,
            total=part.items_total + part.shipping_fee,
        )
        new_lines.extend(
            OrderLine(
                seller_order=seller_order,
                product=product,
                product_title=product.title,
                unit=product.unit,
                unit_price=product.price_vnd,
                quantity=quantity,
                line_total=product.price_vnd * quantity,
                stock_tracked=product.stock is not None,
            )
            for product, quantity in part.lines
        )
    return OrderLine.objects.bulk_create(new_lines)


def _take_stock(lines: list[OrderLine]) -> None:
    for line in sorted(lines, key=lambda ln: ln.product_id):
        if line.stock_tracked:
            ProductPage.objects.filter(pk=line.product_id).update(
                stock=F("stock") - line.quantity
            )


def place_order(
    items: dict[int, int],
    customer: Customer,
    method: PaymentRules,
    checkout_key: str | None = None,
) -> Order:
    """Create the order, its sellers' parts and lines, and reserve the stock.

    Prices and fees are read from the locked product and seller rows, never from
    the request. The shopper's consent to order handling is required, and so is
    the 18+ confirmation when a line is conditional goods (alcohol); each consent
    is recorded with the order. Raises CheckoutError when anything can no longer
    be bought, a consent or confirmation is missing, or the payment method
    refuses the amount, and AlreadyPlaced when a form with the same
    ``checkout_key`` made an order before; nothing is written then.
    """
    if not items:
        raise CheckoutError(_("Giỏ hàng của bạn đang trống."))
    if not customer.consents.order_handling:
        raise CheckoutError(
            _(
                "Vui lòng đồng ý cho sàn và người bán xử lý dữ liệu cá nhân để "
                "giao đơn hàng."
            )
        )
    try:
        with transaction.atomic():
            products = _lock_products(items)
            previous = submitted_order(checkout_key)
            if previous is not None:
                raise AlreadyPlaced(previous)
            _refuse_non_public(products)
            checked = _checked_lines(items, products, customer.adult_confirmed)
            parts = _priced_parts(checked)
            total = sum(p.items_total + p.shipping_fee for p in parts)
            method.check(total, [p.seller for p in parts])
            order = _create_order(customer, method, parts, checkout_key)
            record_consents(order, customer.consents)
            _take_stock(_create_lines(order, parts))
            method.on_order_created(order)
    except IntegrityError:
        # Two submissions of one form raced past the check: the unique key lets
        # exactly one commit, and the other finds its order.
        previous = submitted_order(checkout_key)
        if previous is None:
            raise
        raise AlreadyPlaced(previous) from None
    logger.info("Order %s placed (%s, %s đồng)", order.reference, method.code, total)
    return order


# -- status machine ------------------------------------------------------------


def _transition(
    obj: Order | SellerOrder, new_status: str, *, actor=None, note: str = ""
) -> bool:
    """Move forward along TRANSITIONS and record it; False when already there."""
    if obj.status == new_status:
        return False
    if new_status not in TRANSITIONS[obj.status]:
        raise InvalidTransition(
            _("Không thể chuyển từ “%(old)s” sang “%(new)s”.")
            % {
                "old": Status(obj.status).label,
                "new": Status(new_status).label,
            }
        )
    old_status = obj.status
    obj.status = new_status
    is_order = isinstance(obj, Order)
    obj.save(update_fields=["status", "updated_at"] if is_order else ["status"])
    OrderStatusChange.objects.create(
        order=obj if is_order else obj.order,
        seller_order=None if is_order else obj,
        from_status=old_status,
        to_status=new_status,
        note=note[:255],
        actor=actor if actor is not None and actor.is_authenticated else None,
    )
    return True


def _move_order_and_parts(
    order: Order, new_status: str, *, actor=None, note: str = ""
) -> None:
    _transition(order, new_status, actor=actor, note=note)
    for part in order.seller_orders.select_for_update().order_by("pk"):
        if new_status in TRANSITIONS[part.status]:
            _transition(part, new_status, actor=actor, note=note)


def _queue_order_placed(order: Order) -> None:
    """The confirmation to the shopper and a new-order notice to each seller."""
    outbox.queue_email("order_confirmation", order.pk)
    for part_id in order.seller_orders.order_by("pk").values_list("pk", flat=True):
        outbox.queue_email("seller_new_order", part_id)


def _locked(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def _hold(order: Order, reason: str) -> None:
    """Put the order aside for the department and alert it (once per hold)."""
    if order.on_hold:
        return
    order.on_hold = True
    order.hold_reason = reason[:255]
    order.save(update_fields=["on_hold", "hold_reason", "updated_at"])
    outbox.queue_email("department_alert", order.pk, reason)
    logger.warning("Order %s put on hold: %s", order.reference, reason)


def confirm_cod(order: Order) -> None:
    """A cash-on-delivery order is confirmed at once; its stock stays reserved."""
    order.expires_at = None
    order.save(update_fields=["expires_at", "updated_at"])
    _move_order_and_parts(order, Status.COD_CONFIRMED)
    _queue_order_placed(order)


def cancel_order(order: Order, *, actor=None, note: str = "") -> Order:
    """Cancel (while still allowed) and give the stock back."""
    with transaction.atomic():
        order = _locked(order)
        if order.status == Status.CANCELLED:
            _release_stock(order)
            return order
        _move_order_and_parts(order, Status.CANCELLED, actor=actor, note=note)
        _release_stock(order)
        outbox.queue_email("order_status", order.pk)
    return order


def release_hold(order: Order, *, actor=None) -> Order:
    """The department has dealt with a held order. A pending order whose payment
    Stripe did confirm (say, an accepted amount difference) becomes paid."""
    with transaction.atomic():
        order = _locked(order)
        if not order.on_hold:
            return order
        order.on_hold = False
        order.hold_reason = ""
        order.save(update_fields=["on_hold", "hold_reason", "updated_at"])
        if (
            order.status == Status.PENDING_PAYMENT
            and order.payment_state == PaymentState.PAID
            and order.stock_held
        ):
            order.paid_at = timezone.now()
            order.expires_at = None
            order.save(update_fields=["paid_at", "expires_at", "updated_at"])
            _move_order_and_parts(
                order, Status.PAID, actor=actor, note=_("Sở Công Thương xác nhận")
            )
            _queue_order_placed(order)
    return order


def advance_seller_order(part: SellerOrder, new_status: str, *, actor=None) -> None:
    """A seller moves its part forward: processing → shipped → delivered."""
    if new_status not in SELLER_STEPS:
        raise InvalidTransition(_("Trạng thái không hợp lệ."))
    with transaction.atomic():
        order = _locked(part.order)
        if order.on_hold:
            raise InvalidTransition(_("Đơn đang bị tạm giữ, chờ Sở Công Thương xử lý."))
        part = SellerOrder.objects.select_for_update().get(pk=part.pk)
        if not _transition(part, new_status, actor=actor):
            return
        _derive_order_status(order)
        outbox.queue_email("seller_order_status", part.pk)


def _derive_order_status(order: Order) -> None:
    """The order is as far along as its least advanced active part."""
    active = [
        p.status
        for p in order.seller_orders.all()
        if p.status not in (Status.CANCELLED, Status.REFUNDED)
    ]
    if not active or order.status not in RANK:
        return
    target = min(active, key=lambda s: RANK[s])
    if RANK[target] > RANK[order.status]:
        old = order.status
        order.status = target
        order.save(update_fields=["status", "updated_at"])
        OrderStatusChange.objects.create(order=order, from_status=old, to_status=target)


# -- payment outcomes (webhook and reconciliation) -----------------------------


def find_order_for_session(session: dict) -> Order | None:
    metadata = session.get("metadata") or {}
    reference = metadata.get("order_reference") or session.get("client_reference_id")
    if not reference:
        return None
    return Order.objects.filter(reference=str(reference)).first()


def _is_current_session(order: Order, session: dict) -> bool:
    return not order.stripe_session_id or order.stripe_session_id == session.get("id")


def _save_payment(order: Order, session: dict) -> None:
    amount = session.get("amount_total")
    order.payment_state = PaymentState.PAID
    order.paid_amount = amount if isinstance(amount, int) and amount >= 0 else None
    order.stripe_payment_intent = str(session.get("payment_intent") or "")[:255]
    order.save(
        update_fields=[
            "payment_state",
            "paid_amount",
            "stripe_payment_intent",
            "updated_at",
        ]
    )


def _mark_paid(order: Order, note: str) -> str:
    order.paid_at = timezone.now()
    order.expires_at = None
    order.save(update_fields=["paid_at", "expires_at", "updated_at"])
    _move_order_and_parts(order, Status.PAID, note=note)
    _queue_order_placed(order)
    return "paid"


def _settle_late_payment(order: Order, lapsed: bool) -> str:
    """Money arrived for an order whose units were given back. When the order only
    lapsed (its session expired or failed, or Stripe failed before), take the units
    again and the order is paid; when they are gone, or a person cancelled the
    order, the money goes back (the caller queues the refund). Never left
    "cancelled" with the money kept."""
    if lapsed and _reserve_again(order):
        return _mark_paid(order, _("Thanh toán đến sau khi hết hạn; đã giữ lại hàng"))
    if order.status == Status.PENDING_PAYMENT:
        _move_order_and_parts(
            order, Status.CANCELLED, note=_("Hết hàng khi thanh toán đến; hoàn tiền")
        )
    logger.warning("Order %s paid after its stock was gone: refund", order.reference)
    return REFUND_DUE


def record_payment(order: Order, session: dict) -> str:
    """Stripe reports the session paid: mark the order paid exactly once, after
    checking amount and currency; anything unexpected goes on hold. Returns
    REFUND_DUE when the money must go back (the caller queues the refund)."""
    with transaction.atomic():
        order = _locked(order)
        already_paid = order.payment_state == PaymentState.PAID
        lapsed = order.status == Status.PENDING_PAYMENT or order.payment_state in (
            PaymentState.EXPIRED,
            PaymentState.FAILED,
        )
        intent = session.get("payment_intent") or ""
        if already_paid and order.stripe_payment_intent == intent:
            return "duplicate"
        _save_payment(order, session)
        if already_paid:
            _hold(order, _("Stripe báo thanh toán lần thứ hai cho cùng một đơn."))
            return "held"
        amount = session.get("amount_total")
        currency = str(session.get("currency") or "").lower()
        if currency != "vnd" or amount != order.total:
            _hold(
                order,
                _("Số tiền Stripe báo (%(paid)s %(cur)s) khác tổng đơn (%(total)s).")
                % {"paid": amount, "cur": currency.upper(), "total": order.total},
            )
            return "held"
        if order.status == Status.PENDING_PAYMENT and order.stock_held:
            return _mark_paid(order, "Stripe")
        if order.status in (Status.PENDING_PAYMENT, Status.CANCELLED):
            return _settle_late_payment(order, lapsed)
        _hold(
            order,
            _("Stripe báo đã thanh toán nhưng đơn đang ở trạng thái “%(s)s”.")
            % {"s": Status(order.status).label},
        )
        return "held"


def refund_due(order: Order) -> bool:
    """Money Stripe took for a cancelled order and not yet given back."""
    return (
        order.status == Status.CANCELLED
        and order.payment_state == PaymentState.PAID
        and not order.stripe_refund_id
        and bool(order.stripe_payment_intent)
        and bool(order.paid_amount)
    )


def record_refund(order: Order, refund_id: str) -> str:
    """Stripe refunded the late payment: the order is refunded and the shopper
    told so."""
    with transaction.atomic():
        order = _locked(order)
        if order.stripe_refund_id:
            return "duplicate"
        order.stripe_refund_id = refund_id[:255]
        order.refunded_amount = order.paid_amount
        order.refunded_at = timezone.now()
        order.save(
            update_fields=[
                "stripe_refund_id",
                "refunded_amount",
                "refunded_at",
                "updated_at",
            ]
        )
        _move_order_and_parts(order, Status.REFUNDED, note=_("Hoàn tiền qua Stripe"))
        outbox.queue_email("payment_refunded", order.pk)
    return "refunded"


def record_payment_failure(
    order: Order, session: dict, state: str = PaymentState.FAILED
) -> str:
    """A failed or expired session: cancel the pending order and free its stock.
    Events about an older session of the same order, or about an order already
    paid, change nothing."""
    with transaction.atomic():
        order = _locked(order)
        if not _is_current_session(order, session):
            return "stale-session"
        if order.payment_state == PaymentState.PAID:
            return "already-paid"
        order.payment_state = state
        order.save(update_fields=["payment_state", "updated_at"])
        if order.status != Status.PENDING_PAYMENT or order.on_hold:
            return "unchanged"
        note = (
            _("Phiên thanh toán hết hạn")
            if state == PaymentState.EXPIRED
            else _("Thanh toán thất bại")
        )
        _move_order_and_parts(order, Status.CANCELLED, note=note)
        _release_stock(order)
        outbox.queue_email("order_status", order.pk)
    return "cancelled"


def apply_session_state(order: Order, session: dict) -> str:
    """What reconciliation does with a session fetched from Stripe."""
    if session.get("payment_status") in ("paid", "no_payment_required"):
        return record_payment(order, session)
    if session.get("status") == "expired":
        return record_payment_failure(order, session, PaymentState.EXPIRED)
    return "open"


def release_lapsed_orders(now: datetime.datetime | None = None) -> int:
    """Cancel card orders whose hold ran out without any Stripe session (Stripe was
    unreachable), giving their stock back."""
    now = now or timezone.now()
    lapsed = Order.objects.filter(
        status=Status.PENDING_PAYMENT,
        payment_method=PaymentMethodCode.CARD,
        on_hold=False,
        stripe_session_id="",
        expires_at__lt=now,
    )
    count = 0
    for order in lapsed:
        with transaction.atomic():
            locked = _locked(order)
            if locked.status != Status.PENDING_PAYMENT or locked.stripe_session_id:
                continue
            _move_order_and_parts(
                locked, Status.CANCELLED, note=_("Hết thời gian giữ hàng")
            )
            _release_stock(locked)
        count += 1
    return count


def overdue_sessions(now: datetime.datetime | None = None):
    """Pending card orders with a session, past the session lifetime."""
    now = now or timezone.now()
    return Order.objects.filter(
        status=Status.PENDING_PAYMENT,
        payment_method=PaymentMethodCode.CARD,
        on_hold=False,
        created_at__lt=now - session_lifetime(),
    ).exclude(stripe_session_id="")


# -- shopper and department queries --------------------------------------------


def find_order_for_shopper(reference: str, phone_e164: str) -> Order | None:
    """Both must match; the caller shows nothing when they do not. The reference
    ignores case and surrounding spaces, as shoppers type it back."""
    reference = (reference or "").strip()
    if not reference or len(reference) > 32:
        return None
    order = Order.objects.filter(reference__iexact=reference).first()
    if order is None or order.phone != phone_e164:
        return None
    return order


def daily_summary(day: datetime.date) -> dict:
    """Orders of one local day: counts by status and takings per seller."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
    end = start + datetime.timedelta(days=1)
    orders = Order.objects.filter(created_at__gte=start, created_at__lt=end)
    by_status = dict(
        orders.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    confirmed = ~Q(
        order__status__in=[Status.PENDING_PAYMENT, Status.CANCELLED, Status.REFUNDED]
    )
    by_seller = (
        SellerOrder.objects.filter(order__in=orders)
        .filter(confirmed)
        .values("seller_name")
        .annotate(orders=Count("pk"), total=Sum("total"))
        .order_by("-total")
    )
    return {
        "day": day,
        "order_count": orders.count(),
        "by_status": [(Status(s).label, by_status.get(s, 0)) for s in Status.values],
        "by_seller": list(by_seller),
        "on_hold": orders.filter(on_hold=True).count(),
        "takings": sum(row["total"] or 0 for row in by_seller),
    }
