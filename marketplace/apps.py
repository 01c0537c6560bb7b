import warnings

from django.apps import AppConfig
from django.conf import settings
from PIL import Image


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from marketplace import views
        from marketplace.helpers import readiness
        from marketplace.signal_handlers import register_signal_handlers

        register_signal_handlers()
        readiness.register("database", views.database_check)
        limit_image_pixels()


def limit_image_pixels() -> None:
    """Pillow refuses images past the upload limit instead of only warning."""
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    warnings.simplefilter("error", Image.DecompressionBombWarning)
