from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from catalog.models import OcopCertificate, RuralIndustrialAward
        from catalog.signal_handlers import register_signal_handlers
        from sellers.isolation import register_seller_records

        register_signal_handlers()
        # A seller's bulk actions on certificates and awards: its products' only.
        register_seller_records(OcopCertificate, "product__seller")
        register_seller_records(RuralIndustrialAward, "product__seller")
