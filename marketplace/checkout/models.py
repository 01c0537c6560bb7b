"""Orders: one Order per checkout, one SellerOrder per seller, lines as snapshots,
a status history that only moves forward, and the Stripe events already handled."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.formatting import format_vnd
from sellers.validators import display_phone


class Status(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Chờ thanh toán")
    PAID = "paid", _("Đã thanh toán")
    COD_CONFIRMED = "cod_confirmed", _("Đã xác nhận (thanh toán khi nhận hàng)")
    PROCESSING = "processing", _("Đang chuẩn bị hàng")
    SHIPPED = "shipped", _("Đang giao")
    DELIVERED = "delivered", _("Đã giao")
    CANCELLED = "cancelled", _("Đã huỷ")
    REFUNDED = "refunded", _("Đã hoàn tiền")


# Allowed moves; anything else (in particular any move backwards) is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PENDING_PAYMENT: frozenset(
        {Status.PAID, Status.COD_CONFIRMED, Status.CANCELLED}
    ),
    Status.PAID: frozenset({Status.PROCESSING, Status.CANCELLED, Status.REFUNDED}),
    Status.COD_CONFIRMED: frozenset({Status.PROCESSING, Status.CANCELLED}),
    Status.PROCESSING: frozenset({Status.SHIPPED, Status.CANCELLED, Status.REFUNDED}),
    Status.SHIPPED: frozenset({Status.DELIVERED, Status.REFUNDED}),
    Status.DELIVERED: frozenset({Status.REFUNDED}),
    # Only money Stripe took after the order lapsed revives it: paid again when the
    # stock could be reserved anew, refunded otherwise (services.settle_late_payment).
    Status.CANCELLED: frozenset({Status.PAID, Status.REFUNDED}),
    Status.REFUNDED: frozenset(),
}

# Progress rank of the active statuses, used to derive an order's overall status.
RANK = {
    Status.PENDING_PAYMENT: 0,
    Status.PAID: 1,
    Status.COD_CONFIRMED: 1,
    Status.PROCESSING: 2,
    Status.SHIPPED: 3,
    Status.DELIVERED: 4,
}


class PaymentMethodCode(models.TextChoices):
    CARD = "card", _("Thẻ (qua Stripe)")
    COD = "cod", _("Thanh toán khi nhận hàng (COD)")


class PaymentState(models.TextChoices):
    """What the payment provider last reported, kept apart from the order status."""

    NONE = "none", _("Chưa có")
    OPEN = "open", _("Đang chờ")
    PAID = "paid", _("Đã trả")
    FAILED = "failed", _("Thất bại")
    EXPIRED = "expired", _("Hết hạn")


def new_reference() -> str:
    """Unguessable public reference: 96 random bits, URL-safe."""
    return secrets.token_urlsafe(12)


class Order(models.Model):
    """One shopper's checkout, possibly spanning several sellers."""

    reference = models.CharField(
        _("mã đơn"), max_length=32, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING_PAYMENT,
    )
    payment_method = models.CharField(
        _("thanh toán"), max_length=10, choices=PaymentMethodCode.choices
    )
    payment_state = models.CharField(
        _("trạng thái thanh toán"),
        max_length=10,
        choices=PaymentState.choices,
        default=PaymentState.NONE,
    )
    on_hold = models.BooleanField(_("tạm giữ"), default=False)
    hold_reason = models.CharField(_("lý do tạm giữ"), max_length=255, blank=True)
    stock_held = models.BooleanField(_("đang giữ hàng"), default=False)

    customer_name = models.CharField(_("họ tên"), max_length=120)
    phone = models.CharField(_("điện thoại"), max_length=16)
    email = models.EmailField(_("email"))
    street_line = models.CharField(_("địa chỉ"), max_length=255)
    commune = models.ForeignKey(
        "sellers.AdminUnit",
        verbose_name=_("xã/phường"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("ghi chú"), blank=True)

    items_total = models.PositiveBigIntegerField(_("tiền hàng (đồng)"))
    shipping_total = models.PositiveBigIntegerField(_("phí giao hàng (đồng)"))
    total = models.PositiveBigIntegerField(_("tổng cộng (đồng)"))
    currency = models.CharField(max_length=3, default="vnd", editable=False)

    # The checkout form's one-time key: a resubmitted form finds this order again.
    checkout_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    payment_attempts = models.PositiveSmallIntegerField(default=0)
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True)
    paid_amount = models.PositiveBigIntegerField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    stripe_refund_id = models.CharField(max_length=255, blank=True)
    refunded_amount = models.PositiveBigIntegerField(null=True, blank=True)
    # When the refund was recorded: it offsets the withholding of that month (tax.py).
    refunded_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("hết hạn giữ hàng"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("đơn hàng")
        verbose_name_plural = _("đơn hàng")

    def __str__(self) -> str:
        return self.reference

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    @property
    def total_display(self) -> str:
        return format_vnd(self.total)

    @property
    def address_display(self) -> str:
        return f"{self.street_line}, {self.commune.full_name}, tỉnh Vĩnh Long"


class SellerOrder(models.Model):
    """The part of an order one seller fulfils; sellers see and move only these."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="seller_orders"
    )
    seller = models.ForeignKey(
        "sellers.SellerPage",
        verbose_name=_("người bán"),
        on_delete=models.PROTECT,
        related_name="orders",
    )
    seller_name = models.CharField(_("tên người bán"), max_length=255)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING_PAYMENT,
    )
    items_total = models.PositiveBigIntegerField(_("tiền hàng (đồng)"))
    shipping_fee = models.PositiveBigIntegerField(_("phí giao hàng (đồng)"))
    total = models.PositiveBigIntegerField(_("tổng cộng (đồng)"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("đơn của người bán")
        verbose_name_plural = _("đơn của người bán")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "seller"], name="checkout_one_part_per_seller"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order.reference} · {self.seller_name}"


class OrderLine(models.Model):
    """A snapshot of what was bought: later price or title changes never alter it."""

    seller_order = models.ForeignKey(
        SellerOrder, on_delete=models.CASCADE, related_name="lines"
    )
    product = models.ForeignKey(
        "catalog.ProductPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    product_title = models.CharField(_("sản phẩm"), max_length=255)
    unit = models.CharField(_("đơn vị"), max_length=30)
    unit_price = models.PositiveBigIntegerField(_("đơn giá (đồng)"))
    quantity = models.PositiveIntegerField(_("số lượng"))
    line_total = models.PositiveBigIntegerField(_("thành tiền (đồng)"))
    # Whether this line took units from a tracked stock (so release gives them back).
    stock_tracked = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("dòng đơn hàng")

    def __str__(self) -> str:
        return f"{self.product_title} × {self.quantity}"


class OrderStatusChange(models.Model):
    """Append-only history of every status change of an order or a seller's part."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="status_changes"
    )
    seller_order = models.ForeignKey(
        SellerOrder,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="status_changes",
    )
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    note = models.CharField(max_length=255, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("lịch sử trạng thái")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class ProcessedStripeEvent(models.Model):
    """Stripe event ids already handled, so a redelivery is a no-op."""

    event_id = models.CharField(max_length=255, primary_key=True)
    event_type = models.CharField(max_length=100)
    order = models.ForeignKey(
        Order, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sự kiện Stripe đã xử lý")

    def __str__(self) -> str:
        return self.event_id


class TaxKind(models.TextChoices):
    VAT = "vat", _("Thuế GTGT")
    PIT = "pit", _("Thuế TNCN")


class TaxRate(models.Model):
    """The withholding rates on goods (Decree 117/2025), one row per rate and the day
    it takes effect; the rate in force on a payment's date applies to it."""

    kind = models.CharField(_("loại thuế"), max_length=3, choices=TaxKind.choices)
    rate = models.DecimalField(
        _("thuế suất (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    valid_from = models.DateField(_("áp dụng từ ngày"))
    note = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        ordering = ["kind", "-valid_from"]
        verbose_name = _("thuế suất khấu trừ")
        verbose_name_plural = _("thuế suất khấu trừ")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "valid_from"], name="checkout_one_rate_per_kind_and_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.rate}% ({self.valid_from:%d/%m/%Y})"


class ConsentPurpose(models.TextChoices):
    """Purposes a shopper consents to one by one (Law 91/2025: never bundled)."""

    ORDER_HANDLING = "order_handling", _("Xử lý đơn hàng và giao hàng")
    MARKETING = "marketing", _("Nhận tin khuyến mãi, giới thiệu sản phẩm")


class OrderConsent(models.Model):
    """One purpose the shopper was asked about at checkout, with the answer, the
    privacy policy version in force and when."""

    order = models.ForeignKey(
        Order,
        verbose_name=_("đơn hàng"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    purpose = models.CharField(
        _("mục đích"), max_length=20, choices=ConsentPurpose.choices
    )
    granted = models.BooleanField(_("đồng ý"))
    policy_version = models.CharField(
        _("phiên bản chính sách bảo mật"), max_length=200, blank=True
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), default=timezone.now)

    class Meta:
        ordering = ["order", "purpose"]
        verbose_name = _("đồng ý xử lý dữ liệu cá nhân")
        verbose_name_plural = _("đồng ý xử lý dữ liệu cá nhân")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "purpose"], name="one_consent_per_order_purpose"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order} – {self.get_purpose_display()}"
