"""Search data kept in the database: folded text for the fallback, and the query log."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchText(models.Model):
    """Folded text of a live product or seller page; the fallback searches it.

    Written inside the publishing transaction, so it stays true when the engine is down.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(max_length=10, db_index=True)
    title_folded = models.CharField(max_length=255, db_index=True)
    text_folded = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("văn bản tìm kiếm")
        verbose_name_plural = _("văn bản tìm kiếm")

    def __str__(self) -> str:
        return self.title_folded


class SearchQueryLog(models.Model):
    """One search a shopper ran: what, with which filters, how many hits, how fast.

    No personal data: no user, IP address, session or user agent.
    """

    class Source(models.TextChoices):
        PAGE = "page", _("Trang kết quả")
        API = "api", _("API")
        CATEGORY = "category", _("Trang danh mục")

    query = models.CharField(_("từ khoá"), max_length=200, blank=True)
    query_folded = models.CharField(
        _("từ khoá (không dấu)"), max_length=200, blank=True, db_index=True
    )
    filters = models.JSONField(_("bộ lọc"), default=dict, blank=True)
    result_count = models.PositiveIntegerField(_("số kết quả"))
    took_ms = models.PositiveIntegerField(_("thời gian (ms)"))
    degraded = models.BooleanField(_("chế độ dự phòng"), default=False)
    source = models.CharField(
        _("nguồn"), max_length=10, choices=Source.choices, default=Source.PAGE
    )
    created_at = models.DateTimeField(_("lúc"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lượt tìm kiếm")
        verbose_name_plural = _("lượt tìm kiếm")

    def __str__(self) -> str:
        return f"{self.query} ({self.result_count})"
