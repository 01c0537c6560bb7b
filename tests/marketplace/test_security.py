"""Hardening: admin login lockout, the Content-Security-Policy, HTTPS, personal pages
never publicly cacheable, and `check --deploy` clean on production settings."""

import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template import engines
from django.test import Client, override_settings
from django.urls import path
from django.utils.cache import patch_cache_control

from catalog.models import CategoryPage
from sellers.models import SellerIndexPage
from tests.factories import ProductPageFactory

ROOT = Path(__file__).resolve().parents[2]
LOGIN_URL = "/quan-tri/login/"
PASSWORD = "mat-khau-dung-123"


# --- check --deploy ----------------------------------------------------------------


def test_check_deploy_on_production_settings_gives_no_warnings():
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="marketplace.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="san-ocop.vinhlong.gov.vn",
        DATABASE_URL="sqlite://:memory:",
    )
    for name in ("SECURE_COOKIES", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        env.pop(name, None)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


# --- admin login lockout -----------------------------------------------------------


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("bien-tap-vien", password=PASSWORD)


def _login(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password})


def _logged_in(client) -> bool:
    return client.get("/quan-tri/").status_code == 200


@pytest.mark.django_db
def test_thirty_wrong_passwords_lock_the_login_even_for_the_right_one(
    site_root, client, editor, settings, caplog
):
    statuses = []
    with caplog.at_level(logging.WARNING, logger="axes"):
        for attempt in range(30):
            statuses.append(
                _login(client, editor.username, f"sai-{attempt}").status_code
            )

    limit = settings.AXES_FAILURE_LIMIT
    # Wrong passwords are answered by the login form until the limit, then refused.
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert set(statuses[limit:]) == {429}
    lockouts = [
        r.getMessage() for r in caplog.records if "Locking out" in r.getMessage()
    ]
    assert lockouts and editor.username in lockouts[0]

    response = _login(client, editor.username, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khoá đăng nhập" in html
    assert f"thử lại sau {settings.AXES_COOLOFF_TIME.seconds // 60} phút" in html
    assert not _logged_in(client)


@pytest.mark.django_db
def test_a_locked_username_does_not_lock_other_editors(site_root, client, editor):
    other = get_user_model().objects.create_superuser(
        "bien-tap-vien-2", password=PASSWORD
    )
    for attempt in range(10):
        _login(client, editor.username, f"sai-{attempt}")

    assert _login(client, other.username, PASSWORD).status_code == 302
    assert _logged_in(client)


@pytest.mark.django_db
def test_the_right_password_before_the_limit_logs_in_and_resets_the_count(
    site_root, client, editor, settings
):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, editor.username, f"sai-{attempt}")
    assert _login(client, editor.username, PASSWORD).status_code == 302
    client.logout()

    # The success wiped the count: another run of near-misses does not lock.
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, editor.username, f"lai-sai-{attempt}")
    assert _login(client, editor.username, PASSWORD).status_code == 302


# --- Content-Security-Policy -------------------------------------------------------


def _directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def _public_urls() -> list[str]:
    product = ProductPageFactory(title="Kẹo dừa sáp")
    return [
        "/",
        product.url,
        product.seller.url,
        SellerIndexPage.objects.get().url,
        CategoryPage.objects.live().first().url,
        "/tim-kiem/?q=keo",
        "/gio-hang/",
        "/don-hang/",
    ]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>")
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.django_db
def test_public_pages_allow_only_the_sites_own_scripts_and_styles(site_root, client):
    for url in _public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        directives = _directives(response)
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        # ... and the pages need nothing else: no inline script, style or handler.
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_STYLE.search(html), url


@pytest.mark.django_db
def test_wagtail_admin_works_under_its_own_policy(site_root, client, admin_user):
    client.force_login(admin_user)

    for url in ("/quan-tri/", "/quan-tri/pages/", "/quan-tri/images/"):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = _directives(response)
        # The admin writes inline scripts and styles; only it may.
        assert "'unsafe-inline'" in directives["script-src"], url
        assert directives["frame-ancestors"] == ["'self'"], url


# --- HTTPS -------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_production_redirects_to_https_and_sends_hsts(site_root):
    client = Client()  # a new handler, so SecurityMiddleware reads the settings

    plain = client.get("/", headers={"host": "san-ocop.vn"})
    assert plain.status_code == 301
    assert plain.headers["Location"] == "https://san-ocop.vn/"

    # Behind the TLS-terminating proxy, which says the request came over HTTPS.
    proxied = client.get("/", headers={"x-forwarded-proto": "https"})
    assert proxied.status_code == 200
    hsts = proxied.headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    assert proxied.headers["Referrer-Policy"] == "same-origin"

    # Probes from inside the host keep answering over plain HTTP.
    assert client.get("/healthz/").status_code == 200


# --- caching of personal pages -----------------------------------------------------


def _carries_something_personal(response) -> bool:
    body = response.content.decode(errors="replace")
    return (
        "csrfmiddlewaretoken" in body
        or bool(response.cookies)
        or "Cookie" in response.headers.get("Vary", "")
    )


@pytest.mark.django_db
def test_no_page_carrying_a_token_or_cookie_is_publicly_cacheable(site_root, client):
    checked = 0
    for url in _public_urls():
        response = client.get(url)
        if _carries_something_personal(response):
            checked += 1
            assert "public" not in response.headers.get("Cache-Control", ""), url
    assert checked >= 5  # every page holds the language switcher's token

    search = client.get("/tim-kiem/?q=keo")
    assert "private" in search.headers["Cache-Control"]


def _public_page_with_token(request):
    template = engines["django"].from_string("<form>{% csrf_token %}</form>")
    response = HttpResponse(template.render({}, request))
    patch_cache_control(response, public=True, max_age=300)
    return response


urlpatterns = [path("public-with-token/", _public_page_with_token)]


@pytest.mark.urls(__name__)
def test_a_view_marking_a_personal_page_public_is_made_private(client):
    response = client.get("/public-with-token/")

    cache_control = response.headers["Cache-Control"]
    assert "private" in cache_control and "public" not in cache_control
    assert "max-age=300" in cache_control
