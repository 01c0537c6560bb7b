"""The department's curated collections of products, featured on the home page."""

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


class CollectionQuerySet(models.QuerySet):
    def live_now(self):
        now = timezone.now()
        return self.filter(
            Q(go_live_at__isnull=True) | Q(go_live_at__lte=now),
            Q(expire_at__isnull=True) | Q(expire_at__gt=now),
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
    go_live_at = models.DateTimeField(_("bắt đầu hiển thị"), null=True, blank=True)
    expire_at = models.DateTimeField(_("ngừng hiển thị"), null=True, blank=True)

    objects = CollectionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("featured"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("go_live_at"), FieldPanel("expire_at")]),
        InlinePanel("items", label=_("Sản phẩm")),
    ]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("bộ sưu tập nổi bật")
        verbose_name_plural = _("bộ sưu tập nổi bật")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            raise ValidationError(
                {"expire_at": _("Thời điểm ngừng phải sau thời điểm bắt đầu.")}
            )


class CollectionItem(Orderable):
    collection = ParentalKey(Collection, related_name="items", on_delete=models.CASCADE)
    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("sản phẩm"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("product")]
