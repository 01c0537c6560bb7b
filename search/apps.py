from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from marketplace.helpers import readiness
        from search import engine
        from search.pages import plug_listing_ports
        from search.signal_handlers import register_signal_handlers

        register_signal_handlers()
        plug_listing_ports()
        # Degraded search still answers, but operators want to know the engine is gone.
        readiness.register("search", engine.health)
