"""The department's curated collections of products, featured on the home page."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable


class ScheduleStatus(models.TextChoices):
    SHOWING = "showing", _("Đang hiển thị")
    UPCOMING = "upcoming", _("Sắp diễn ra")
    ENDED = "ended", _("Đã kết thúc")


class CollectionQuerySet(models.QuerySet):
    def live_now(self, today: datetime.date | None = None):
        """Collections whose dates (inclusive, local time) hold ``today``.

        The query reads the date on every call, so a campaign starts and ends on
        its dates with no job to switch it.
        """
        today = today or timezone.localdate()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=today),
            Q(ends_at__isnull=True) | Q(ends_at__gte=today),
        )


class Collection(ClusterableModel):
    """A curated, ordered list of products the department features on the home page."""

    title = models.CharField(_("tiêu đề"), max_length=120)
    text = RichTextField(_("giới thiệu"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured = models.BooleanField(_("hiện trên trang chủ"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    starts_at = models.DateField(
        _("bắt đầu hiển thị"),
        null=True,
        blank=True,
        help_text=_("dd/mm/yyyy; để trống: hiển thị ngay."),
    )
    ends_at = models.DateField(
        _("kết thúc hiển thị"),
        null=True,
        blank=True,
        help_text=_("Ngày cuối cùng còn hiển thị; để trống: không hết hạn."),
    )

    objects = CollectionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("featured"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        InlinePanel("items", label=_("Sản phẩm")),
    ]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("bộ sưu tập nổi bật")
        verbose_name_plural = _("bộ sưu tập nổi bật")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")}
            )

    def schedule_status(self, today: datetime.date | None = None) -> str:
        """Where the campaign stands by its dates (``featured`` aside)."""
        today = today or timezone.localdate()
        if self.starts_at and today < self.starts_at:
            return ScheduleStatus.UPCOMING
        if self.ends_at and today > self.ends_at:
            return ScheduleStatus.ENDED
        return ScheduleStatus.SHOWING


class CollectionItem(Orderable):
    collection = ParentalKey(Collection, related_name="items", on_delete=models.CASCADE)
    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("sản phẩm"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("product")]
