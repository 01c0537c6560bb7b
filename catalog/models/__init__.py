from catalog.models.certificates import (
    OcopCertificate,
    ReviewStatus,
    RuralIndustrialAward,
)
from catalog.models.pages import CategoryPage, ProductImage, ProductPage, ProductTag
from catalog.models.snippets import Category, Certification, OcopGroup
from catalog.models.uploads import SpreadsheetUpload

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
    "SpreadsheetUpload",
]
