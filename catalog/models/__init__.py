from catalog.models.certificates import (
    OcopCertificate,
    ReviewStatus,
    RuralIndustrialAward,
)
from catalog.models.licences import (
    LicenceKind,
    RegulatedGoodsSettings,
    SellerLicence,
)
from catalog.models.moderation import ScreeningKeyword, Takedown
from catalog.models.pages import CategoryPage, ProductImage, ProductPage, ProductTag
from catalog.models.snippets import Category, Certification, OcopGroup
from catalog.models.uploads import SpreadsheetUpload

__all__ = [
    "Category",
    "CategoryPage",
    "Certification",
    "LicenceKind",
    "OcopCertificate",
    "OcopGroup",
    "ProductImage",
    "ProductPage",
    "ProductTag",
    "RegulatedGoodsSettings",
    "ReviewStatus",
    "RuralIndustrialAward",
    "ScreeningKeyword",
    "SellerLicence",
    "SpreadsheetUpload",
    "Takedown",
]
