"""The sitemap: Wagtail's (live pages under no view restriction), less the
products and sellers moderation keeps off the public site (catalog.visibility)."""

from wagtail.contrib.sitemaps import Sitemap

from catalog.visibility import hidden_product_ids
from sellers.visibility import suspended_seller_ids


class PublicSitemap(Sitemap):
    def items(self):
        return (
            super()
            .items()
            .exclude(pk__in=hidden_product_ids())
            .exclude(pk__in=suspended_seller_ids())
        )
