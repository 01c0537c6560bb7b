from catalog.models.certificates import (
    OcopCertificate,
    ReviewStatus,
    RuralIndustrialAward,
)
from catalog.models.moderation import ScreeningKeyword, Takedown
from catalog.models.pages import CategoryPage, ProductImage, ProductPage, ProductTag
from catalog.models.snippets import Category, Certification, OcopGroup

__all__ = [
    "Category",
    "CategoryPage",
    "Certification",
    "OcopCertificate",
    "OcopGroup",
    "ProductImage",
    "ProductPage",
    "ProductTag",
    "ReviewStatus",
    "RuralIndustrialAward",
    "ScreeningKeyword",
    "Takedown",
]
