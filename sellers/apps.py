from django.apps import AppConfig


class SellersConfig(AppConfig):
    name = "sellers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from marketplace.helpers.outbox import register_emails
        from sellers.emails import EMAILS

        register_emails(EMAILS)
