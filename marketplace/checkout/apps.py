from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckoutConfig(AppConfig):
    name = "marketplace.checkout"
    label = "checkout"
    verbose_name = _("Mua hàng")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_tasks_db.models import DBTaskResult
        from wagtail.permissions import register_permission_policy

        from marketplace.checkout.models import TaxRate
        from marketplace.checkout.outbox import register_checkout_emails
        from marketplace.checkout.permissions import (
            OutboxPermissionPolicy,
            TaxRatePermissionPolicy,
        )

        register_checkout_emails()

        register_permission_policy(DBTaskResult, OutboxPermissionPolicy(DBTaskResult))
        register_permission_policy(TaxRate, TaxRatePermissionPolicy(TaxRate))
