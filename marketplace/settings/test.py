"""Test settings: fast hashing, in-memory mail, media in a temporary folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-key")
os.environ.setdefault("SECURE_COOKIES", "0")
# stripe-mock (scripts/stripe-mock.sh) accepts any test key.
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_123")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_test_secret")
os.environ.setdefault("STRIPE_API_BASE", "http://127.0.0.1:12111")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="ocop-media-"))
os.environ.setdefault("PRIVATE_MEDIA_ROOT", tempfile.mkdtemp(prefix="ocop-private-"))
# With CACHE_URL (Redis), one key prefix per test process: parallel runs sharing a
# Redis database neither read nor clear each other's keys. Subprocesses inherit it.
os.environ.setdefault("CACHE_KEY_PREFIX", f"ocoptest_{os.getpid()}")

from .base import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The outbox runs at once (after the commit) unless a test is about the queue: those
# switch it to the database backend (tests/checkout/utils.py) and run the worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
SECURE_SSL_REDIRECT = False  # plain HTTP on a laptop and in the test client
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# One set of indexes per test process, so the SQLite and PostgreSQL runs and parallel
# developers never share (or delete) each other's indexes.
_SEARCH_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "ocoptest")
SEARCH_INDEX_PREFIX = f"{_SEARCH_PREFIX}_{os.getpid()}"
SEARCH_LOG_MODE = "sync"
