"""Production-safe base settings; dev.py and test.py relax them."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
    "marketplace.programme",
    "marketplace.complaints",
    "marketplace.legal",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",  # the sitemap.xml template of wagtail.contrib.sitemaps
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
    "marketplace.middleware.AdminRefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "marketplace.middleware.QueryKeepingRedirectMiddleware",
    "marketplace.sites.RememberedSiteMiddleware",
]
# Seconds each worker remembers which site answers a host (marketplace/sites.py): a
# per-process memory, so another worker sees a changed site within this bound.
SITE_LOOKUP_TTL = int(os.environ.get("SITE_LOOKUP_TTL", "60"))

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
    # Sellers' registration documents: outside MEDIA_ROOT and without a URL, so the
    # web server never serves them; only the department reads them, through a
    # permission-checked admin view (sellers/admin_views.py).
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")),
            "base_url": None,
        },
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
# --- Shared cache (issue 11) ---------------------------------------------------
# CACHE_URL (redis://host:6379/0) puts every cache in Redis, so a forget (menu, home
# figures, promotions) done by one worker reaches them all; unset, each process
# keeps its own local memory (a laptop). Keys carry CACHE_KEY_PREFIX:<alias>.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "ocop")
if CACHE_URL:
    CACHES = {
        alias: {
            "BACKEND": "marketplace.helpers.cache.SiteRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{alias}",
            # A Redis that stalls must not hold a worker for long.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        for alias in CACHES
    }
# --- end shared cache ------------------------------------------------------------

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
# Also Pillow's limit (MarketplaceConfig.ready()): larger images are refused.
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

# The admin's title (and the Site's site_name that site_setup gives it).
WAGTAIL_SITE_NAME = "Sàn OCOP Vĩnh Long"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# DejaVu Sans (Vietnamese letters) for the QR label sheets: Debian's
# fonts-dejavu-core, installed by scripts/fonts.sh.
LABEL_FONT_DIR = os.environ.get("LABEL_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Page slugs end up ASCII, folded on save (marketplace.page_mixins.FoldedSlugMixin).
# Unicode stays allowed in the admin's form on purpose: with it off, Wagtail's
# JavaScript downcodes with Serbian rules ("Đông" -> "djong"); left Unicode, the
# title reaches the server intact and the server folds it to "dong".
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"gif": "webp", "bmp": "webp", "tiff": "webp"}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Parse what those widgets render, day first, in Vietnamese and English alike.
FORMAT_MODULE_PATH = ["marketplace.formats"]

# Search engine: one URL or a comma-separated list of cluster nodes.
SEARCH_URL = os.environ.get("SEARCH_URL", "http://127.0.0.1:9201")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "ocop")
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "2"))
# Seconds the engine's answers to browsing (no typed words) are remembered; any
# write to the index forgets them at once (search/answers.py). 0 turns it off.
SEARCH_ANSWER_SECONDS = int(os.environ.get("SEARCH_ANSWER_SECONDS", "300"))
# Seconds a product page's slow-changing parts (gallery, certificates, related
# products' covers) are remembered; any change to them forgets them at once
# (catalog/display_cache.py). 0 turns it off.
CATALOG_DISPLAY_SECONDS = int(os.environ.get("CATALOG_DISPLAY_SECONDS", "300"))

# Stripe: secrets only from the environment; STRIPE_API_BASE points the client at
# stripe-mock in development and tests (empty means Stripe's own API).
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
STRIPE_API_VERSION = "2026-10-28.endive"  # pinned once; matches stripe-python 16.1
# Seconds to connect to Stripe and to wait for each answer, and how many times a
# timed-out or refused call is tried again: a call gives up after about
# (STRIPE_MAX_NETWORK_RETRIES + 1) × STRIPE_TIMEOUT seconds.
STRIPE_TIMEOUT = float(os.environ.get("STRIPE_TIMEOUT", "3"))
STRIPE_MAX_NETWORK_RETRIES = int(os.environ.get("STRIPE_MAX_NETWORK_RETRIES", "1"))
STRIPE_WEBHOOK_TOLERANCE = 300  # seconds a signed event may be early or late
# Minutes a Checkout Session (and the stock it holds) stays open; Stripe allows 30-1440.
CHECKOUT_SESSION_LIFETIME = int(os.environ.get("CHECKOUT_SESSION_LIFETIME", "30"))
CHECKOUT_MAX_LINE_QUANTITY = 99
# Seller registration (/dang-ky-ban-hang/): the document's size cap, and how many
# applications one address may send per hour (every submission counts).
SELLER_APPLICATION_MAX_DOCUMENT_SIZE = 10 * 1024 * 1024
SELLER_APPLICATIONS_PER_HOUR = int(os.environ.get("SELLER_APPLICATIONS_PER_HOUR", "5"))
# Complaints (/khieu-nai/): each photo's size cap, and how many complaints one
# address may send per hour (every submission counts).
COMPLAINT_MAX_PHOTO_SIZE = 8 * 1024 * 1024
COMPLAINTS_PER_HOUR = int(os.environ.get("COMPLAINTS_PER_HOUR", "5"))
CHECKOUT_DEPARTMENT_EMAILS = [
    e.strip() for e in os.environ.get("CHECKOUT_DEPARTMENT_EMAILS", "").split(",") if e
]

# Mail: the SMTP server from the environment. Order emails never go out inside a
# request: they wait in the "outbox" task queue below until the worker sends them.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "0") == "1"
# Seconds before a connection to the mail server gives up (the worker then retries).
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "san-ocop@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL

# Background tasks (Django's Tasks framework, django-tasks backport). "default" runs
# Wagtail's own small tasks inline, as before. "outbox" is a queue kept in the
# database (django-tasks-db) for work that talks to the outside: order emails and
# late refunds. A checkout or webhook writes the task in its own transaction and
# `manage.py db_worker --backend outbox` runs it, retrying after OUTBOX_RETRY_DELAYS.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Seconds before each new attempt at a task that failed (mail server down, Stripe
# unreachable); one attempt more than there are delays, then the failure stays in
# the admin's task log ("Hàng đợi gửi đi").
OUTBOX_RETRY_DELAYS = (60, 300, 1800, 7200, 21600)

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

# --- Hardening (issue 11) --------------------------------------------------------
INSTALLED_APPS += ["axes", "csp", "dbbackup"]
# The CSP goes on every response; django-axes wants to be the last middleware.
MIDDLEWARE += [
    "marketplace.middleware.SiteCSPMiddleware",
    "axes.middleware.AxesMiddleware",
]
# Outside CsrfViewMiddleware, so it sees the CSRF cookie that one sets.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "marketplace.middleware.PrivateWhenPersonalMiddleware",
)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin logins (/quan-tri/login/): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is refused (429, even with the right
# password) for AXES_COOLOFF_MINUTES. Behind a proxy every client shares its
# address, so the lock then falls on the username.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "marketplace.lockout.locked_out"
AXES_VERBOSE = True
# Failures and lockouts are logged (logger "axes") with the username and address,
# so an operator can tell an attack from a forgetful editor and unlock it early:
# `manage.py axes_reset_username NAME`.
AXES_SENSITIVE_PARAMETERS = []
LOGGING["loggers"]["axes"] = {"level": "INFO"}

# Content-Security-Policy: public pages run only the site's own scripts and styles.
# The Wagtail admin (and its previews) still writes inline scripts and styles, so
# ADMIN_CSP applies under /quan-tri/ only (marketplace/middleware.py).
_CSP_BASE = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    # Card payments leave through a redirect to Stripe Checkout.
    "form-action": ["'self'", "https://checkout.stripe.com"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_BASE, "script-src": ["'self'"], "style-src": ["'self'"]}
}
ADMIN_URL_PREFIX = "/quan-tri/"
ADMIN_CSP = {
    **_CSP_BASE,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# No avatars fetched from Gravatar (an editor's e-mail hash would leave the site).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# HTTPS: plain HTTP is redirected, HSTS for a year (SECURE_HSTS_SECONDS=0 turns it
# off while trying HTTPS out). The TLS-terminating proxy in front must set (or
# overwrite) X-Forwarded-Proto, the header SECURE_PROXY_SSL_HEADER names.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = (
    os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
)
# "preload" only allows submitting the domain to the browsers' preload list.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# /healthz/ and /readyz/ are probed over plain HTTP from inside the host.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]
# gunicorn listens on 127.0.0.1 behind such a proxy by default; empty trusts no header.
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO")
SECURE_PROXY_SSL_HEADER = (_proxy_header, "https") if _proxy_header else None
# --- end hardening ---------------------------------------------------------------

# --- Backups (issue 11) ----------------------------------------------------------
# `manage.py backup` / `restore` (django-dbbackup): database and media archives,
# named with a timestamp, in BACKUP_DIR.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(BACKUP_DIR)},
}
DBBACKUP_CLEANUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))
DBBACKUP_SEND_EMAIL = False
DBBACKUP_HOSTNAME = "ocop"
# --- end backups -----------------------------------------------------------------
