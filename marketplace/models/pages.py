"""The home page: the trading floor's front page and its fast routing."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from marketplace.home import home_context
from marketplace.page_mixins import FoldedSlugMixin


def _displayed(model) -> models.QuerySet:
    """The page type's ``display_queryset()``, or all its pages when it has none."""
    return getattr(model, "display_queryset", model.objects.all)()


class HomePage(FoldedSlugMixin, Page):
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
    subpage_types = [
        "sellers.SellerIndexPage",
        "catalog.CategoryPage",
        "legal.LegalIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    # The page types that live a fixed number of URL segments below the home page
    # (seller directory › seller › product): looked for first, by that number.
    # One segment down live pages of several types (categories, the directory,
    # policies): their type is read first, then the page through its
    # ``display_queryset()`` when it has one (a category page does).
    deep_page_types = {2: "sellers.SellerPage", 3: "catalog.ProductPage"}

    def route(self, request, path_components):
        """Find a page below the home (category, seller, product) with one lookup
        by its URL path.

        Wagtail's default walks the tree with two queries per level; the slug index
        narrows this lookup and ``url_path`` (kept by Wagtail on moves and renames)
        pins the exact page. The page is loaded once, through its type's
        ``display_queryset()`` that joins what the page shows; when the type is
        the one expected at that depth, the lookup and the load are one query,
        else two. Anything not found that way takes the default walk.
        """
        if path_components:
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
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context
