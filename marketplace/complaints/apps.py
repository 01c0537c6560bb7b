from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "marketplace.complaints"
    label = "complaints"
    verbose_name = _("Khiếu nại")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from marketplace.complaints.emails import register_complaint_emails
        from marketplace.complaints.programme import register_dashboard_section

        register_complaint_emails()
        register_dashboard_section()
