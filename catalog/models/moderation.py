"""The department's moderation records: takedowns (with the seller's appeal) and
the screening keywords that hold a listing before it can go live."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from marketplace.helpers.text import fold

# An authority's request must be acted on within 24 hours (Law 122/2025).
AUTHORITY_DEADLINE = datetime.timedelta(hours=24)


class TakedownQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def closed(self):
        return self.filter(closed_at__isnull=False)

    def late(self, now: datetime.datetime | None = None):
        """Authority requests not acted on by their deadline, or acted on after it."""
        now = now or timezone.now()
        return self.filter(due_at__isnull=False).filter(
            models.Q(acted_at__isnull=True, due_at__lt=now)
            | models.Q(acted_at__gt=models.F("due_at"))
        )


class Takedown(models.Model):
    """One decision to hide a listing: the department's own, or an authority's
    request with its 24-hour clock. Nothing is deleted; lifting it shows the
    listing again."""

    class Source(models.TextChoices):
        DEPARTMENT = "department", _("Sở Công Thương")
        AUTHORITY = "authority", _("Yêu cầu của cơ quan có thẩm quyền")

    class Appeal(models.TextChoices):
        NONE = "", _("Chưa khiếu nại")
        PENDING = "pending", _("Chờ xem xét")
        GRANTED = "granted", _("Chấp nhận khiếu nại")
        REFUSED = "refused", _("Giữ quyết định ẩn")

    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("sản phẩm"),
        on_delete=models.CASCADE,
        related_name="takedowns",
    )
    source = models.CharField(
        _("nguồn"), max_length=12, choices=Source.choices, default=Source.DEPARTMENT
    )
    authority = models.CharField(_("cơ quan yêu cầu"), max_length=200, blank=True)
    request_reference = models.CharField(
        _("số văn bản yêu cầu"), max_length=100, blank=True
    )
    reason = models.TextField(_("lý do"))
    opened_at = models.DateTimeField(_("mở lúc"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mở bởi"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_at = models.DateTimeField(_("hạn xử lý"), null=True, blank=True)
    acted_at = models.DateTimeField(_("ẩn tin lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("đóng bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    appeal_status = models.CharField(
        _("khiếu nại"), max_length=10, choices=Appeal.choices, blank=True
    )
    appeal_text = models.TextField(_("nội dung khiếu nại"), blank=True)
    appealed_at = models.DateTimeField(_("khiếu nại lúc"), null=True, blank=True)
    appeal_note = models.TextField(_("trả lời khiếu nại"), blank=True)

    objects = TakedownQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("gỡ tin")
        verbose_name_plural = _("gỡ tin")

    def __str__(self) -> str:
        return f"{self.product.title} · {self.get_source_display()}"

    @property
    def hides_listing(self) -> bool:
        return self.acted_at is not None and self.closed_at is None

    def is_late(self, now: datetime.datetime | None = None) -> bool:
        if self.due_at is None:
            return False
        if self.acted_at is not None:
            return self.acted_at > self.due_at
        return (now or timezone.now()) > self.due_at


class ScreeningKeyword(models.Model):
    """A word or phrase the department screens listings for; a product whose
    title, summary or description contains it (ignoring case and diacritics)
    waits in moderation before it can go live."""

    phrase = models.CharField(_("từ hoặc cụm từ"), max_length=100)
    folded = models.CharField(max_length=100, editable=False, db_index=True)
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    panels = [FieldPanel("phrase"), FieldPanel("note")]

    class Meta:
        ordering = ["folded"]
        verbose_name = _("từ khoá kiểm duyệt")
        verbose_name_plural = _("từ khoá kiểm duyệt")

    def __str__(self) -> str:
        return self.phrase

    def save(self, *args, **kwargs):
        self.folded = fold(self.phrase)
        super().save(*args, **kwargs)
