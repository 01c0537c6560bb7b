"""Production-safe base settings; dev.py and test.py relax them."""

import os
import warnings
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from PIL import Image

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "marketplace",
    "sellers",
    "catalog",
    "search",
    "marketplace.checkout",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "marketplace.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sellers.isolation.SellerIsolationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "marketplace.sites.RememberedSiteMiddleware",
]
# Seconds each worker remembers which site answers a host (marketplace/sites.py).
SITE_LOOKUP_TTL = 60

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers and the single writer work side by side under gunicorn.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Parameters bound by the server let psycopg prepare a statement once it has run
    # DB_PREPARE_THRESHOLD times on a connection: PostgreSQL then skips planning it,
    # which costs more than running the page's joins. Empty turns preparing off (for
    # a PgBouncer older than 1.21 in transaction mode).
    _prepare_threshold = os.environ.get("DB_PREPARE_THRESHOLD", "5")
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True,
        prepare_threshold=int(_prepare_threshold) if _prepare_threshold else None,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "marketplace",
    },
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}

SESSION_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "1") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Uploads: refuse oversized files and decompression bombs rather than warn.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents go through Django, so sellers' papers are checked on every download
# (sellers.isolation.refuse_private_document); images stay plain public files.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Vietnamese upload messages and a full decode of every image (catalog/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "catalog.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "catalog.uploads.DocumentForm"
Image.MAX_IMAGE_PIXELS = WAGTAILIMAGES_MAX_IMAGE_PIXELS
warnings.simplefilter("error", Image.DecompressionBombWarning)

WAGTAIL_SITE_NAME = "Sàn thương mại điện tử OCOP Vĩnh Long"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"gif": "webp", "bmp": "webp", "tiff": "webp"}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Parse what those widgets render, day first, in Vietnamese and English alike.
FORMAT_MODULE_PATH = ["marketplace.formats"]

# Search engine: one URL or a comma-separated list of cluster nodes.
SEARCH_URL = os.environ.get("SEARCH_URL", "http://127.0.0.1:9201")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "ocop")
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "2"))

# Stripe: secrets only from the environment; STRIPE_API_BASE points the client at
# stripe-mock in development and tests (empty means Stripe's own API).
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
STRIPE_API_VERSION = "2026-10-28.endive"  # pinned once; matches stripe-python 16.1
STRIPE_TIMEOUT = float(os.environ.get("STRIPE_TIMEOUT", "10"))
STRIPE_WEBHOOK_TOLERANCE = 300  # seconds a signed event may be early or late
# Minutes a Checkout Session (and the stock it holds) stays open; Stripe allows 30-1440.
CHECKOUT_SESSION_LIFETIME = int(os.environ.get("CHECKOUT_SESSION_LIFETIME", "30"))
CHECKOUT_MAX_LINE_QUANTITY = 99
CHECKOUT_DEPARTMENT_EMAILS = [
    e.strip() for e in os.environ.get("CHECKOUT_DEPARTMENT_EMAILS", "").split(",") if e
]

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "san-ocop@localhost")

LOGIN_URL = "wagtailadmin_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "marketplace": {"level": "INFO"},
        "catalog": {"level": "INFO"},
        "sellers": {"level": "INFO"},
        "search": {"level": "INFO"},
        # The engine clients log every refused connection with a traceback; the
        # search app already logs one clear line when it falls back.
        "opensearch": {"level": "ERROR"},
        "elastic_transport": {"level": "ERROR"},
        "marketplace.checkout": {"level": "INFO"},
    },
}

MARKETPLACE_LABELS = {
    "department": _("Sở Công Thương"),
}
