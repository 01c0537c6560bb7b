"""Regulated goods: the licences their sellers file, and the department's switch.

Decree 52/2013 (as amended by Decree 85/2021) asks a trading floor to show the
licence (number, date, issuer) of conditional goods; Law 44/2019 makes spirits of
5.5% ABV or more one of them (a retail licence, no sale to people under 18). A
seller files its licence with a scan; the department verifies it (the same review
as OCOP certificates); a product needing one is published only while a verified,
unexpired licence of its seller covers it.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from catalog.models.certificates import Reviewed, ReviewQuerySet, ReviewStatus

# Law 44/2019: drinks of this strength or more are "rượu" that need a licence.
ALCOHOL_LICENCE_ABV = Decimal("5.5")


class LicenceKind(models.TextChoices):
    """Classes of conditional goods the floor knows; alcohol first."""

    ALCOHOL_RETAIL = "alcohol_retail", _("Giấy phép bán lẻ sản phẩm rượu")


class SellerLicenceQuerySet(ReviewQuerySet):
    def valid(self, on: datetime.date | None = None):
        """Verified by the department and in force on the given day."""
        on = on or timezone.localdate()
        return self.filter(
            verified_at__isnull=False, issued_on__lte=on, expires_on__gte=on
        )

    def covering(self, seller_id: int | None, kind: str, on=None):
        return self.valid(on).filter(seller_id=seller_id, kind=kind)


class SellerLicence(Reviewed):
    """A seller's licence for a class of conditional goods, verified by the
    department before the seller's products of that class can be published."""

    seller = models.ForeignKey(
        "sellers.SellerPage",
        verbose_name=_("người bán"),
        on_delete=models.CASCADE,
        related_name="licences",
    )
    kind = models.CharField(
        _("loại giấy phép"),
        max_length=30,
        choices=LicenceKind.choices,
        default=LicenceKind.ALCOHOL_RETAIL,
    )
    number = models.CharField(_("số giấy phép"), max_length=60)
    issuer = models.CharField(_("cơ quan cấp"), max_length=200)
    issued_on = models.DateField(_("ngày cấp"))
    expires_on = models.DateField(_("ngày hết hạn"))
    licence_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("bản scan giấy phép"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PDF, JPG hoặc PNG; chỉ người bán và Sở Công Thương xem được."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    REVIEWED_FIELDS = (
        "seller_id",
        "kind",
        "number",
        "issuer",
        "issued_on",
        "expires_on",
        "licence_file_id",
    )

    objects = SellerLicenceQuerySet.as_manager()

    panels = [
        FieldPanel("seller"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("issuer")]),
        FieldRowPanel([FieldPanel("issued_on"), FieldPanel("expires_on")]),
        FieldPanel("licence_file"),
    ]

    class Meta:
        ordering = ["-expires_on", "-id"]
        verbose_name = _("giấy phép kinh doanh có điều kiện")
        verbose_name_plural = _("giấy phép kinh doanh có điều kiện")

    def __str__(self) -> str:
        return f"{self.number} – {self.seller}"

    @property
    def status(self) -> str:
        if self.expires_on and self.expires_on < timezone.localdate():
            return ReviewStatus.EXPIRED
        return super().status

    def clean(self):
        errors = {}
        if self.issued_on and self.issued_on > timezone.localdate():
            errors["issued_on"] = _("Ngày cấp không thể ở tương lai.")
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            errors["expires_on"] = _("Ngày hết hạn phải sau ngày cấp.")
        if self.licence_file_id is None:
            errors["licence_file"] = _("Hãy tải lên bản scan giấy phép.")
        if errors:
            raise ValidationError(errors)

    def is_valid(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.is_verified and self.issued_on <= on <= self.expires_on


@register_setting(icon="warning")
class RegulatedGoodsSettings(BaseGenericSetting):
    """The department's switch per class of conditional goods: a class switched
    off cannot be added to a cart or ordered (listings are left as they are)."""

    alcohol_sales_open = models.BooleanField(
        _("cho phép bán rượu (từ 5,5 độ trở lên)"),
        default=True,
        help_text=_(
            "Bỏ chọn để ngừng bán toàn bộ sản phẩm rượu trên sàn: khách không "
            "thêm vào giỏ và không đặt được; trang sản phẩm báo tạm ngừng bán."
        ),
    )

    panels = [FieldPanel("alcohol_sales_open")]

    class Meta:
        verbose_name = _("hàng hoá kinh doanh có điều kiện")

    def is_open(self, kind: str) -> bool:
        if kind == LicenceKind.ALCOHOL_RETAIL:
            return self.alcohol_sales_open
        return True


def sale_closed(kind: str, request=None) -> bool:
    """Whether the department has switched this class of goods off."""
    if not kind:
        return False
    return not RegulatedGoodsSettings.load(request_or_site=request).is_open(kind)
