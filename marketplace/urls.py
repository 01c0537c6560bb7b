from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from marketplace import commune_views, views
from marketplace.sitemaps import PublicSitemap

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("readyz/", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap}}, name="sitemap"
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("xa-phuong/", commune_views.commune_index, name="commune_index"),
    path("xa-phuong/<slug:slug>/", commune_views.commune_page, name="commune"),
    path("", include("catalog.urls")),
    path("dang-ky-ban-hang/", include("sellers.urls")),
    path("", include("marketplace.checkout.urls")),
    path("khieu-nai/", include("marketplace.complaints.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
