from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    """The floor's legal disclosures: the owner's information, the operating
    regulations and the policies, and the privacy policy version for consents."""

    name = "marketplace.legal"
    label = "legal"
    verbose_name = _("Công bố thông tin")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from marketplace.checkout.consent import privacy_policy_version
        from marketplace.legal.disclosures import privacy_policy_label
        from marketplace.legal.signal_handlers import register_signal_handlers

        register_signal_handlers()
        privacy_policy_version.plug(privacy_policy_label)
