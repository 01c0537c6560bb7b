"""A deterministic, fictitious demo catalogue, written through the product importer.

Sellers are invented from the real naming patterns (DOMAIN.md §5.1) and never reuse the
real firms named there (``sellers``); products, units and price ranges come from
products.csv (``products``); certificates and awards follow the shares of the real
catalogue (``recognition``); the pictures are drawn with Pillow (``pictures``). The
same seed always gives the same catalogue, and the rows go through
``catalog.importing`` exactly like a department's spreadsheet. The site around the
catalogue (logins, home-page collections, the ``seed_demo`` command) is
``marketplace.demo``.
"""

from catalog.demo.pictures import draw_product_image
from catalog.demo.products import (
    CATEGORY_ORDER,
    ProductType,
    build_demo_records,
    product_types,
)
from catalog.demo.sellers import Commune, load_communes

__all__ = [
    "CATEGORY_ORDER",
    "Commune",
    "ProductType",
    "build_demo_records",
    "draw_product_image",
    "load_communes",
    "product_types",
]
