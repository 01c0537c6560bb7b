"""The home page and the department's curated collections."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


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


def _displayed(model) -> models.QuerySet:
    """The page type's ``display_queryset()``, or all its pages when it has none."""
    return getattr(model, "display_queryset", model.objects.all)()


class HomePage(Page):
    """The trading floor's front page: live figures, categories, collections."""

    hero_title = models.CharField(_("tiêu đề lớn"), max_length=160, blank=True)
    hero_text = models.TextField(_("lời giới thiệu"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh nền"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
    ]
    subpage_types = ["sellers.SellerIndexPage", "catalog.CategoryPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    # The page types that live a fixed number of URL segments below the home page
    # (seller directory › seller › product): looked for first, by that number.
    deep_page_types = {2: "sellers.SellerPage", 3: "catalog.ProductPage"}

    def route(self, request, path_components):
        """Find a deep page (seller › product) with one lookup by its URL path.

        Wagtail's default walks the tree with two queries per level; the slug index
        narrows this lookup and ``url_path`` (kept by Wagtail on moves and renames)
        pins the exact page. The page is loaded once, through its type's
        ``display_queryset()`` that joins what the page shows; when the type is
        the one expected at that depth, the lookup and the load are one query.
        Anything not found that way takes the default walk.
        """
        if len(path_components) > 1:
            page = self._find_deep_page(path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def _find_deep_page(self, path_components) -> Page | None:
        lookup = {
            "slug": path_components[-1],
            "url_path": self.url_path + "/".join(path_components) + "/",
        }
        expected = self.deep_page_types.get(len(path_components))
        if expected is not None:
            page = _displayed(apps.get_model(expected)).filter(**lookup).first()
            if page is not None:
                return page
        found = (
            Page.objects.filter(**lookup).values_list("pk", "content_type_id").first()
        )
        if found is None:
            return None
        model = ContentType.objects.get_for_id(found[1]).model_class()
        return _displayed(model).filter(pk=found[0]).first() if model else None

    def get_context(self, request, *args, **kwargs):
        from marketplace.home import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self))
        return context
