"""Ways to pay, behind one small interface. Adding one (a VietQR bank transfer,
say) means a new subclass registered in METHODS; order and stock code stay as is."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.checkout import services
from marketplace.checkout import stripe as stripe_api
from marketplace.checkout.models import Order, PaymentMethodCode, PaymentState, Status
from marketplace.formatting import format_vnd
from sellers.models import SellerPage

# Stripe's limits for a VND charge. The minimum is the US$0.50 equivalent that
# Stripe requires of every charge (about 13.000 ₫ at 2025 rates; it moves with
# the exchange rate). Amounts have at most eight digits, so 99.999.999 ₫ at most.
STRIPE_VND_MIN = 13_000
STRIPE_VND_MAX = 99_999_999


class PaymentUnavailable(Exception):
    """The provider cannot take the payment now; the order stays pending."""


class PaymentMethod(ABC):
    code: str
    label: str

    def is_available(self, sellers: Sequence[SellerPage]) -> bool:
        return True

    def check(self, total: int, sellers: Sequence[SellerPage]) -> None:  # noqa: B027
        """Raise services.CheckoutError when this method cannot take the order.
        Runs before the order exists and before any call to a provider."""

    def on_order_created(self, order: Order) -> None:  # noqa: B027
        """Inside the order's transaction, right after its stock is reserved."""

    @abstractmethod
    def start(self, order: Order, request) -> str:
        """Begin paying; return the URL to send the shopper to."""


class CardViaStripe(PaymentMethod):
    code = PaymentMethodCode.CARD
    label = gettext_lazy("Thẻ ngân hàng / thẻ quốc tế (qua Stripe)")

    def check(self, total: int, sellers: Sequence[SellerPage]) -> None:
        if total < STRIPE_VND_MIN:
            raise services.CheckoutError(
                _(
                    "Thanh toán thẻ cần tổng đơn từ %(min)s trở lên. Vui lòng thêm "
                    "sản phẩm hoặc chọn thanh toán khi nhận hàng."
                )
                % {"min": format_vnd(STRIPE_VND_MIN)}
            )
        if total > STRIPE_VND_MAX:
            raise services.CheckoutError(
                _(
                    "Thanh toán thẻ chỉ nhận đơn tối đa %(max)s. Vui lòng tách "
                    "thành nhiều đơn nhỏ hơn."
                )
                % {"max": format_vnd(STRIPE_VND_MAX)}
            )

    def start(self, order: Order, request) -> str:
        """A new attempt (and idempotency key) each time; Stripe is called outside
        any transaction so no lock is held while waiting on the network. When
        Stripe cannot open the session the units go back at once."""
        services.reserve_for_payment(order)
        with transaction.atomic():
            locked = Order.objects.select_for_update().get(pk=order.pk)
            locked.payment_attempts += 1
            locked.expires_at = timezone.now() + services.session_lifetime()
            locked.save(update_fields=["payment_attempts", "expires_at", "updated_at"])
        order.payment_attempts = locked.payment_attempts
        success = request.build_absolute_uri(
            reverse("checkout:success", args=[order.reference])
        )
        cancel = request.build_absolute_uri(
            reverse("checkout:cancelled", args=[order.reference])
        )
        try:
            session = stripe_api.create_checkout_session(order, success, cancel)
        except stripe_api.StripeUnavailable as exc:
            services.release_unpaid_stock(order)
            raise PaymentUnavailable from exc
        Order.objects.filter(pk=order.pk, status=Status.PENDING_PAYMENT).update(
            stripe_session_id=session.id, payment_state=PaymentState.OPEN
        )
        return session.url


class CashOnDelivery(PaymentMethod):
    code = PaymentMethodCode.COD
    label = gettext_lazy("Thanh toán khi nhận hàng (COD)")

    def is_available(self, sellers: Sequence[SellerPage]) -> bool:
        return bool(sellers) and all(s.allows_cod for s in sellers)

    def check(self, total: int, sellers: Sequence[SellerPage]) -> None:
        refusing = [s.title for s in sellers if not s.allows_cod]
        if refusing:
            raise services.CheckoutError(
                _("%(sellers)s chưa nhận thanh toán khi nhận hàng. Vui lòng chọn thẻ.")
                % {"sellers": ", ".join(refusing)}
            )

    def on_order_created(self, order: Order) -> None:
        services.confirm_cod(order)

    def start(self, order: Order, request) -> str:
        return reverse("checkout:success", args=[order.reference])


METHODS: dict[str, PaymentMethod] = {
    m.code: m for m in (CardViaStripe(), CashOnDelivery())
}


def get_method(code: str) -> PaymentMethod:
    try:
        return METHODS[code]
    except KeyError:
        raise services.CheckoutError(
            _("Phương thức thanh toán không hợp lệ.")
        ) from None


def choices_for(sellers: Sequence[SellerPage]) -> list[tuple[str, str]]:
    return [(m.code, m.label) for m in METHODS.values() if m.is_available(sellers)]
