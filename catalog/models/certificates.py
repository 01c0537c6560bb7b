"""OCOP certificates and typical-rural-industrial-product awards of a product."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

OCOP_VALIDITY_MONTHS = 36
# The OCOP star ratings, lowest first. A product is "rated N stars" when its best
# valid (verified, unexpired) certificate has exactly N stars: listings, the search
# engine, the API and the badge all count it that way.
STAR_LEVELS = (3, 4, 5)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)


class OcopCertificateQuerySet(models.QuerySet):
    def valid(self, on: datetime.date | None = None):
        """Verified by the department and not expired on the given day."""
        on = on or timezone.localdate()
        return self.filter(verified_at__isnull=False, expires_on__gte=on)


class OcopCertificate(models.Model):
    """An OCOP star rating; the public badge shows only while verified and unexpired."""

    class Level(models.TextChoices):
        DISTRICT = "district", _("Cấp huyện (trước 07/2025)")
        PROVINCE = "province", _("Cấp tỉnh")
        CENTRAL = "central", _("Cấp trung ương")

    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("sản phẩm"),
        on_delete=models.CASCADE,
        related_name="ocop_certificates",
    )
    stars = models.PositiveSmallIntegerField(
        _("số sao"), choices=[(level, f"{level}★") for level in STAR_LEVELS]
    )
    level = models.CharField(
        _("cấp công nhận"), max_length=10, choices=Level.choices, default=Level.PROVINCE
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    expires_on = models.DateField(
        _("hết hạn"),
        null=True,
        blank=True,
        help_text=_("Để trống: ngày quyết định + 36 tháng."),
    )
    certificate_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("bản scan giấy chứng nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("xác minh bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verification_note = models.CharField(
        _("ghi chú xác minh"), max_length=255, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OcopCertificateQuerySet.as_manager()

    panels = [
        FieldPanel("product"),
        FieldRowPanel([FieldPanel("stars"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("expires_on"),
        FieldPanel("certificate_file"),
        FieldPanel("verification_note"),
    ]

    class Meta:
        ordering = ["-decision_date", "-id"]
        verbose_name = _("chứng nhận OCOP")
        verbose_name_plural = _("chứng nhận OCOP")
        permissions = [("verify_ocopcertificate", _("Xác minh chứng nhận OCOP"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    stars__gte=STAR_LEVELS[0], stars__lte=STAR_LEVELS[-1]
                ),
                name="ocop_stars_3_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"OCOP {self.stars}★ – {self.product}"

    def save(self, *args, **kwargs):
        if self.decision_date and not self.expires_on:
            self.expires_on = add_months(self.decision_date, OCOP_VALIDITY_MONTHS)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.stars not in STAR_LEVELS:
            errors["stars"] = _("Sản phẩm OCOP chỉ được xếp hạng 3, 4 hoặc 5 sao.")
        if (
            self.decision_date
            and self.expires_on
            and self.expires_on <= self.decision_date
        ):
            errors["expires_on"] = _("Ngày hết hạn phải sau ngày quyết định.")
        if self.decision_date and self.decision_date > timezone.localdate():
            errors["decision_date"] = _("Ngày quyết định không thể ở tương lai.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    def is_valid(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.is_verified and self.expires_on is not None and self.expires_on >= on
        )

    def record_verification(
        self, user, note: str = "", at: datetime.datetime | None = None
    ) -> None:
        """Who verified the certificate and when: the one place that writes it (the
        "Xác minh" action through verify(), the importer for new certificates)."""
        self.verified_at = at or timezone.now()
        self.verified_by = user
        if note:
            self.verification_note = note

    def verify(self, user, note: str = "") -> None:
        """Record the verification and save it."""
        self.record_verification(user, note)
        self.save(update_fields=["verified_at", "verified_by", "verification_note"])


class RuralIndustrialAward(models.Model):
    """'Sản phẩm công nghiệp nông thôn tiêu biểu' award of the Ministry of Industry."""

    class Level(models.TextChoices):
        COMMUNE = "commune", _("Cấp xã/huyện")
        PROVINCE = "province", _("Cấp tỉnh")
        REGION = "region", _("Cấp khu vực")
        NATIONAL = "national", _("Cấp quốc gia")

    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("sản phẩm"),
        on_delete=models.CASCADE,
        related_name="rural_awards",
    )
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)

    panels = [
        FieldPanel("product"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("year")]),
        FieldPanel("decision_number"),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("sản phẩm CNNT tiêu biểu")
        verbose_name_plural = _("sản phẩm CNNT tiêu biểu")

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.year} – {self.product}"

    def clean(self):
        if self.year and not 2000 <= self.year <= timezone.localdate().year:
            raise ValidationError({"year": _("Năm công nhận không hợp lệ.")})
