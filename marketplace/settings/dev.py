"""Laptop settings: DEBUG on, a throwaway key when none is set, mail to the console."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-change-me")
os.environ.setdefault("SECURE_COOKIES", "0")
# stripe-mock (scripts/stripe-mock.sh) accepts any test key.
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_123")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_test_secret")
os.environ.setdefault("STRIPE_API_BASE", "http://127.0.0.1:12111")

from .base import *  # noqa: E402,F403

DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The outbox (order emails, late refunds) runs at once, after the commit: no worker
# to start on a laptop. DEV_OUTBOX_QUEUE=1 keeps the production queue instead; then
# run `manage.py db_worker --backend outbox` beside the server.
if os.environ.get("DEV_OUTBOX_QUEUE", "0") != "1":
    TASKS["outbox"] = {  # noqa: F405
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
    }
SECURE_SSL_REDIRECT = False  # plain HTTP on a laptop and in the test client
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
