"""Test settings: fast hashing, in-memory mail, media in a temporary folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-key")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="ocop-media-"))

from .base import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "ocoptest")
