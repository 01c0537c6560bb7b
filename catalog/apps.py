from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from catalog.models import OcopCertificate
        from catalog.permissions import OcopCertificatePermissionPolicy
        from catalog.signal_handlers import register_signal_handlers

        register_signal_handlers()
        # Before any viewset asks for it: sellers see their own certificates only.
        register_permission_policy(
            OcopCertificate, OcopCertificatePermissionPolicy(OcopCertificate)
        )
