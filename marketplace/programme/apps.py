from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "marketplace.programme"
    label = "programme"
    verbose_name = _("Báo cáo chương trình OCOP")

    def ready(self):
        from marketplace.programme.signal_handlers import register_signal_handlers

        register_signal_handlers()
