"""OCOP certificates and typical-rural-industrial-product awards of a product."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
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


class ReviewStatus(models.TextChoices):
    """Where a certificate or award stands with the department (derived, not stored)."""

    PENDING = "pending", _("Chờ xác minh")
    VERIFIED = "verified", _("Đã xác minh")
    RETURNED = "returned", _("Bị trả lại")
    EXPIRED = "expired", _("Hết hạn")


class ReviewQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified_at__isnull=False)

    def returned(self):
        return self.filter(verified_at__isnull=True, returned_at__isnull=False)

    def awaiting_verification(self):
        """The department's queue: neither verified nor returned to the seller."""
        return self.filter(verified_at__isnull=True, returned_at__isnull=True)


class OcopCertificateQuerySet(ReviewQuerySet):
    def valid(self, on: datetime.date | None = None):
        """Verified by the department and not expired on the given day."""
        on = on or timezone.localdate()
        return self.filter(verified_at__isnull=False, expires_on__gte=on)

    def expired(self, on: datetime.date | None = None):
        return self.filter(expires_on__lt=on or timezone.localdate())

    def awaiting_verification(self, on: datetime.date | None = None):
        """Unexpired (or undated) certificates neither verified nor returned."""
        on = on or timezone.localdate()
        return (
            super()
            .awaiting_verification()
            .filter(models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=on))
        )

    def with_status(self, status: str, on: datetime.date | None = None):
        on = on or timezone.localdate()
        if status == ReviewStatus.EXPIRED:
            return self.expired(on)
        current = self.exclude(expires_on__lt=on)
        if status == ReviewStatus.VERIFIED:
            return current.verified()
        if status == ReviewStatus.RETURNED:
            return current.returned()
        if status == ReviewStatus.PENDING:
            return current.awaiting_verification(on)
        return self


# Written only by Reviewed.record_verification() / verify() / return_to_seller().
REVIEW_STATE_FIELDS = (
    "verified_at",
    "verified_by_id",
    "returned_at",
    "returned_by_id",
    "return_reason",
)


class Reviewed(models.Model):
    """Verification by the department, or return to the seller with a reason.

    Who verified is written in one place, record_verification(). Saving a change to
    one of REVIEWED_FIELDS clears both verification and return: the record waits in
    the queue again (a verified certificate loses its badge until re-verified).
    """

    REVIEWED_FIELDS: tuple[str, ...] = ()

    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("xác minh bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trả lại bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._review_again_if_changed(kwargs)
        super().save(*args, **kwargs)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_returned(self) -> bool:
        return self.verified_at is None and self.returned_at is not None

    @property
    def status(self) -> str:
        if self.is_verified:
            return ReviewStatus.VERIFIED
        if self.is_returned:
            return ReviewStatus.RETURNED
        return ReviewStatus.PENDING

    def get_status_display(self) -> str:
        return ReviewStatus(self.status).label

    def record_verification(
        self, user, note: str = "", at: datetime.datetime | None = None
    ) -> None:
        """Who verified the record and when: the one place that writes it (the
        "Xác minh" action through verify(), the importer for new records)."""
        self.verified_at = at or timezone.now()
        self.verified_by = user
        self.returned_at = self.returned_by = None
        self.return_reason = ""
        if note and hasattr(self, "verification_note"):
            self.verification_note = note

    def verify(self, user, note: str = "") -> None:
        """Record the verification and save it."""
        self.record_verification(user, note)
        fields = ["verified_at", "verified_by", "returned_at", "returned_by"]
        fields.append("return_reason")
        if hasattr(self, "verification_note"):
            fields.append("verification_note")
        self.save(update_fields=fields)

    def return_to_seller(self, user, reason: str) -> None:
        """The department sends the record back; the seller sees the reason."""
        reason = reason.strip()
        if not reason:
            raise ValidationError({"return_reason": _("Hãy ghi lý do trả lại.")})
        self.verified_at = self.verified_by = None
        self.returned_at, self.returned_by = timezone.now(), user
        self.return_reason = reason
        self.save(
            update_fields=[
                "verified_at",
                "verified_by",
                "returned_at",
                "returned_by",
                "return_reason",
            ]
        )

    def _saved_values(self) -> dict | None:
        if self.pk is None:
            return None
        manager = type(self)._default_manager
        fields = (*self.REVIEWED_FIELDS, *REVIEW_STATE_FIELDS)
        return manager.filter(pk=self.pk).values(*fields).first()

    def _review_again_if_changed(self, kwargs: dict) -> dict | None:
        """Clear verification and return when a reviewed field changed; the old
        values (or None) for subclasses that react to other changes.

        An ordinary save keeps the review state the database has: the product
        form saves certificates edited inline (and an older copy of one must not
        bring back a verification the department has since withdrawn). Only
        verify() and return_to_seller() write it, naming its fields."""
        saved = self._saved_values()
        if saved is None:
            return None
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not set(update_fields) & set(REVIEW_STATE_FIELDS):
            for name in REVIEW_STATE_FIELDS:
                setattr(self, name, saved[name])
        if not (self.verified_at or self.returned_at):
            return saved
        if any(getattr(self, name) != saved[name] for name in self.REVIEWED_FIELDS):
            self.verified_at = self.verified_by = None
            self.returned_at = self.returned_by = None
            self.return_reason = ""
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "verified_at",
                    "verified_by",
                    "returned_at",
                    "returned_by",
                    "return_reason",
                }
        return saved


class OcopCertificate(Reviewed):
    """An OCOP star rating; the public badge shows only while verified and unexpired."""

    class Level(models.TextChoices):
        DISTRICT = "district", _("Cấp huyện (trước 07/2025)")
        PROVINCE = "province", _("Cấp tỉnh")
        CENTRAL = "central", _("Cấp trung ương")

    product = ParentalKey(
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
    verification_note = models.CharField(
        _("ghi chú xác minh"), max_length=255, blank=True
    )
    reminded_90_at = models.DateTimeField(
        _("đã nhắc trước 90 ngày lúc"), null=True, blank=True, editable=False
    )
    reminded_30_at = models.DateTimeField(
        _("đã nhắc trước 30 ngày lúc"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    REVIEWED_FIELDS = (
        "product_id",
        "stars",
        "decision_number",
        "decision_date",
        "expires_on",
        "certificate_file_id",
    )

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
        saved = self._review_again_if_changed(kwargs)
        if saved is not None and saved["expires_on"] != self.expires_on:
            # A new expiry date gets its own reminders.
            self.reminded_90_at = self.reminded_30_at = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "reminded_90_at",
                    "reminded_30_at",
                }
        models.Model.save(self, *args, **kwargs)

    @property
    def status(self) -> str:
        if self.expires_on is not None and self.expires_on < timezone.localdate():
            return ReviewStatus.EXPIRED
        return super().status

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

    def is_valid(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.is_verified and self.expires_on is not None and self.expires_on >= on
        )


class RuralIndustrialAward(Reviewed):
    """'Sản phẩm công nghiệp nông thôn tiêu biểu' award of the Ministry of Industry."""

    class Level(models.TextChoices):
        COMMUNE = "commune", _("Cấp xã/huyện")
        PROVINCE = "province", _("Cấp tỉnh")
        REGION = "region", _("Cấp khu vực")
        NATIONAL = "national", _("Cấp quốc gia")

    product = ParentalKey(
        "catalog.ProductPage",
        verbose_name=_("sản phẩm"),
        on_delete=models.CASCADE,
        related_name="rural_awards",
    )
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)

    REVIEWED_FIELDS = ("product_id", "level", "year", "decision_number")

    objects = ReviewQuerySet.as_manager()

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
