"""Vietnamese first (the site speaks Vietnamese unless the visitor picks English);
the Content-Security-Policy, with the Wagtail admin's own; personal pages private;
Wagtail's redirects keeping the query string; admin actions refused by a model
rule shown as messages."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http.response import HttpResponseRedirectBase
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.contrib.redirects.middleware import RedirectMiddleware


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but ignores the browser's Accept-Language:
    many Vietnamese shoppers run browsers set to English, and the trading floor is
    Vietnamese first. The language switcher's cookie still selects English."""

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in dict(settings.LANGUAGES):
            chosen = settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = translation.get_language()


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under ADMIN_URL_PREFIX.

    Wagtail's admin (its editors, choosers and page previews) still writes inline
    scripts and styles; the public site needs none, so only the admin gets them.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_prefix = getattr(settings, "ADMIN_URL_PREFIX", None)
        if (
            not report_only
            and parts.config is None
            and admin_prefix
            and request.path_info.startswith(admin_prefix)
        ):
            parts.config = settings.ADMIN_CSP
        return parts


class PrivateWhenPersonalMiddleware:
    """No shared cache keeps a response that carries something of one visitor.

    A page that holds a CSRF token (every page: the language switcher is a POST
    form), sets a cookie or read the session is at most ``private``: a proxy or CDN
    serving it to someone else would hand over that visitor's token or cart.
    Sits above CsrfViewMiddleware so it sees the cookie that one adds.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "public" in response.get("Cache-Control", "") and _is_personal(
            request, response
        ):
            patch_cache_control(response, private=True)
        return response


def _is_personal(request, response) -> bool:
    session = getattr(request, "session", None)
    return bool(
        "CSRF_COOKIE_NEEDS_UPDATE" in request.META
        or response.cookies
        or (session is not None and session.accessed)
    )


class QueryKeepingRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, keeping the query string: an old bookmarked
    ``/processed-food/?sao=4`` lands on the new category page still filtered."""

    def process_response(self, request, response):
        redirected = super().process_response(request, response)
        query = request.META.get("QUERY_STRING", "")
        if (
            redirected is not response
            and query
            and isinstance(redirected, HttpResponseRedirectBase)
            and "?" not in redirected["Location"]
        ):
            redirected["Location"] = f"{redirected['Location']}?{query}"
        return redirected


class AdminRefusalMiddleware:
    """A model rule that refuses an admin action after its form was accepted — a
    workflow approval of a product whose licence lapsed meanwhile, say — comes
    back as the admin's error message on the page the editor came from, never as
    a server error. Wagtail runs such actions in a transaction (a task approval is
    atomic), so nothing of the refused action is kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ValidationError):
            return None
        if not request.path.startswith(settings.ADMIN_URL_PREFIX):
            return None
        messages.error(request, " ".join(exception.messages))
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse("wagtailadmin_home")
        return redirect(back)
