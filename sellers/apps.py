from django.apps import AppConfig


class SellersConfig(AppConfig):
    name = "sellers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from marketplace.helpers.outbox import register_emails
        from sellers.emails import EMAILS
        from sellers.models import SellerApplication
        from sellers.permissions import SellerApplicationPermissionPolicy

        register_emails(EMAILS)
        register_permission_policy(
            SellerApplication, SellerApplicationPermissionPolicy(SellerApplication)
        )
