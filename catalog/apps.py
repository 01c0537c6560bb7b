from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from catalog.models import OcopCertificate, RuralIndustrialAward, SellerLicence
        from catalog.models.pages import product_detail
        from catalog.permissions import (
            OcopCertificatePermissionPolicy,
            SellerLicencePermissionPolicy,
        )
        from catalog.product_detail import product_detail_context
        from catalog.signal_handlers import register_signal_handlers
        from catalog.spreadsheet.emails import EMAILS
        from marketplace.helpers.outbox import register_emails
        from sellers.isolation import register_seller_records

        register_signal_handlers()
        register_emails(EMAILS)
        product_detail.plug(product_detail_context)
        # Before any viewset asks for it: sellers see their own certificates only.
        register_permission_policy(
            OcopCertificate, OcopCertificatePermissionPolicy(OcopCertificate)
        )
        register_permission_policy(
            SellerLicence, SellerLicencePermissionPolicy(SellerLicence)
        )
        # A seller's bulk actions on certificates and awards: its products' only.
        register_seller_records(OcopCertificate, "product__seller")
        register_seller_records(RuralIndustrialAward, "product__seller")
        register_seller_records(SellerLicence, "seller")
