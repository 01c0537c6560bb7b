"""The site's URLs plus its uploaded media, which DEBUG=False does not serve."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from marketplace.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(
        r"^media/(?P<path>.*)$", serve, {"document_root": str(settings.MEDIA_ROOT)}
    ),
    *site_urlpatterns,
]
