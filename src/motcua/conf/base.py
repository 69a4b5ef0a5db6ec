"""Settings shared by every environment.

Everything an operator may change is read from the environment through :func:`env`, whose
registry documents it (``manage.py env_settings``; ``.env.example``). The defaults run the
embedded set-up: SQLite under ``var/``, an in-process cache, files on the local disk.
"""

from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from motcua.conf.env import env

SRC_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = SRC_DIR.parent
VAR_DIR = Path(
    env(
        "MOTCUA_VAR_DIR",
        str(PROJECT_DIR / "var"),
        "Folder for the SQLite database, uploaded files and collected static files.",
        shown="<project>/var",
    )
)

SECRET_KEY = env(
    "DJANGO_SECRET_KEY",
    "",
    "Secret key for signing; required in production (50+ random characters).",
)
DEBUG = env("DJANGO_DEBUG", False, "Show Django's debug pages. Never in production.", cast=bool)
ALLOWED_HOSTS = env(
    "DJANGO_ALLOWED_HOSTS",
    ["127.0.0.1", "localhost"],
    "Comma-separated host names this site answers to.",
    cast=list,
)
CSRF_TRUSTED_ORIGINS = env(
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    [],
    "Comma-separated origins (https://example.gov.vn) trusted for CSRF behind a proxy.",
    cast=list,
)

INSTALLED_APPS = [
    # Một Cửa first, in dependency order: its templates and translations take precedence over
    # those of Django's and third-party apps (Django's admin translates "History" differently).
    "motcua.core",
    "motcua.audit",
    "motcua.workcalendar",
    "motcua.accounts",
    "motcua.organisations",
    "motcua.notifications",
    "motcua.procedures",
    "motcua.dossiers",
    "motcua.feedback",
    "motcua.complaints",
    "motcua.search",
    "motcua.news",
    "motcua.consultations",
    "motcua.contests",
    "motcua.surveys",
    "motcua.par",
    "motcua.dashboards",
    "motcua.api",
    "motcua.accounts.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "template_partials",
    "js_lib_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "motcua.core.middleware.RequestLogMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "motcua.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "motcua.core.middleware.RefuseNulCharactersMiddleware",
    "motcua.news.middleware.VisitCounterMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "motcua" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "motcua.organisations.context_processors.layout",
                "motcua.search.context_processors.search",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env(
    "DATABASE_URL",
    f"sqlite:///{VAR_DIR / 'motcua.sqlite3'}",
    "Database URL: sqlite:///path/to/file.sqlite3 (embedded) or postgres://user:pass@host:5432/name.",
    shown="sqlite:///<MOTCUA_VAR_DIR>/motcua.sqlite3",
)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env(
            "DATABASE_CONN_MAX_AGE",
            60,
            "Seconds a database connection is reused (0: close after each request).",
            cast=int,
        ),
        conn_health_checks=True,
    )
}
DATABASE_JIT = env(
    "DATABASE_JIT",
    False,
    "PostgreSQL's JIT compilation of queries. Off by default: on the dashboards' aggregates it "
    "cost more to compile than it saved (docs/benchmarks.md).",
    cast=bool,
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not DATABASE_JIT:
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}
DATABASE_REPLICA_URL = env(
    "DATABASE_REPLICA_URL",
    "",
    "Optional PostgreSQL read replica: dashboards and published indices read from it.",
)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(
            DATABASE_REPLICA_URL,
            conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
            conn_health_checks=True,
        ),
        "OPTIONS": DATABASES["default"].get("OPTIONS", {}),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["motcua.core.replica.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE transactions make writers queue
    # for the lock instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
CACHE_URL = env(
    "CACHE_URL",
    "locmem://",
    "locmem:// (one process) or redis://host:6379/0 (shared by every server and worker).",
)
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "motcua.core.cache.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "motcua",
        }
    }

# View and visit counters are buffered here between flushes to the database. They must not be
# evicted: with Redis, use a maxmemory policy that keeps keys without expiry (noeviction or
# volatile-*); in-process, a separate cache that the page cache cannot crowd out.
CACHES["counters"] = (
    {**CACHES["default"], "KEY_PREFIX": "counters"}
    if CACHE_URL.startswith(("redis://", "rediss://"))
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "motcua-counters",
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    }
)

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "motcua.accounts.backends.AdministratorRoleBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "organisations:staff-home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = env(
    "OTP_TOTP_ISSUER", "Một Cửa", "Issuer name shown in the staff's authenticator app."
)
LOGIN_FAILURE_LIMIT = env(
    "LOGIN_FAILURE_LIMIT",
    5,
    "Failed logins (per account and per IP) before a temporary lock.",
    cast=int,
)
LOGIN_LOCK_SECONDS = env(
    "LOGIN_LOCK_SECONDS", 900, "How long a login lock lasts, in seconds.", cast=int
)
SESSION_COOKIE_AGE = env(
    "SESSION_COOKIE_AGE", 8 * 3600, "Session lifetime in seconds (a working day).", cast=int
)
SESSION_ENGINE = "motcua.core.sessions"  # in the database (motcua/core/sessions.py)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "motcua" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "motcua_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    SRC_DIR / "motcua" / "static",
    ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR),  # Leaflet, from the xstatic-leaflet package
]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STATIC_MANIFEST = env(
    "STATIC_MANIFEST",
    False,
    "Serve hashed, compressed static files (run collectstatic first).",
    cast=bool,
)
MEDIA_S3_BUCKET = env(
    "MEDIA_S3_BUCKET",
    "",
    "Keep uploaded files in this S3-compatible bucket instead of MOTCUA_VAR_DIR/media "
    "(credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).",
)
MEDIA_S3_ENDPOINT_URL = env(
    "MEDIA_S3_ENDPOINT_URL",
    "",
    "Endpoint of the S3-compatible object storage (MinIO, Viettel, VNPT, ...); empty: AWS.",
)
MEDIA_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": MEDIA_S3_ENDPOINT_URL or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if MEDIA_S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
UPLOAD_MAX_BYTES = env(
    "UPLOAD_MAX_BYTES", 10 * 1024 * 1024, "Largest accepted upload, in bytes.", cast=int
)

# --- Security -------------------------------------------------------------------------------
HTTPS = env(
    "HTTPS",
    False,
    "The site is served over HTTPS: secure cookies, HSTS, redirect to https.",
    cast=bool,
)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env(
    "BEHIND_PROXY",
    False,
    "Trust X-Forwarded-Proto from the load balancer in front of the app.",
    cast=bool,
):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Maps -----------------------------------------------------------------------------------
MAP_TILE_URL = env(
    "MAP_TILE_URL",
    "",
    "Map tile URL template, e.g. https://tiles.example.vn/{z}/{x}/{y}.png (empty: maps show no "
    "background; pins and typed addresses still work). Its host is added to the CSP img-src.",
)
MAP_DEFAULT_CENTER = [
    float(v)
    for v in env(
        "MAP_DEFAULT_CENTER",
        ["10.7769", "106.7009"],
        "Latitude,longitude where maps open when nothing else places them.",
        cast=list,
    )
]
if MAP_TILE_URL:
    from urllib.parse import urlsplit

    _tiles = urlsplit(MAP_TILE_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}"
    )

# --- Background tasks -----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
#: A task still "running" this long after a worker claimed it belongs to a worker that died
#: (killed, out of memory, machine lost): ``requeue_stale_tasks`` puts it back in the queue.
TASK_STALE_AFTER_MINUTES = env(
    "TASK_STALE_AFTER_MINUTES",
    30,
    "Minutes after which a task claimed by a worker that never finished it is run again.",
    cast=int,
)

# --- Personal data ---------------------------------------------------------------------------
PERSONAL_DATA_RETENTION_MONTHS = env(
    "PERSONAL_DATA_RETENTION_MONTHS",
    24,
    "Months after closing before a feedback report's reporter and survey free text are "
    "anonymised by `apply_retention`.",
    cast=int,
)

# --- Notifications (e-mail, SMS, Zalo) ---------------------------------------------------
NOTIFICATION_BACKENDS = {
    "email": "motcua.notifications.backends.EmailBackend",
    "sms": env(
        "SMS_BACKEND",
        "motcua.notifications.backends.OutboxSmsBackend",
        "Class that sends SMS (default: JSON files in the outbox folder).",
    ),
    "zalo": env(
        "ZALO_BACKEND",
        "motcua.notifications.backends.OutboxZaloBackend",
        "Class that sends Zalo ZNS messages (default: JSON files in the outbox folder).",
    ),
}
NOTIFICATION_OUTBOX_DIR = env(
    "NOTIFICATION_OUTBOX_DIR",
    str(VAR_DIR / "outbox"),
    "Folder where the outbox SMS and Zalo backends write messages.",
    shown="<MOTCUA_VAR_DIR>/outbox",
)

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_URL = env(
    "EMAIL_URL",
    "console://",
    "console:// (print), file:///path, or smtp://user:pass@host:587 (STARTTLS).",
)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Một Cửa <no-reply@motcua.local>", "Sender address of outgoing e-mail."
)
if EMAIL_URL.startswith("smtp://"):
    from urllib.parse import unquote, urlsplit

    _smtp = urlsplit(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = _smtp.hostname or "localhost", _smtp.port or 587
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = (
        unquote(_smtp.username or ""),
        unquote(_smtp.password or ""),
    )
    EMAIL_USE_TLS = True
elif EMAIL_URL.startswith("file://"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = EMAIL_URL.removeprefix("file://")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Payments -------------------------------------------------------------------------------
PAYMENT_PROVIDER = env(
    "PAYMENT_PROVIDER",
    "motcua.dossiers.payments.TestProvider",
    "Class of the online payment provider (the default simulates a gateway).",
)

# --- Portal ---------------------------------------------------------------------------------
PUBLIC_BASE_URL = env(
    "PUBLIC_BASE_URL",
    "http://127.0.0.1:8000",
    "Address of the public site, used in QR codes and links in messages.",
)
PORTAL_UNIT_CODE = env(
    "PORTAL_UNIT_CODE",
    "",
    "GSO code of the unit whose portal this is (empty: the top unit of the tree).",
)

KIOSK_IDLE_SECONDS = env(
    "KIOSK_IDLE_SECONDS",
    90,
    "Seconds without a touch after which the lobby kiosk returns to its start screen.",
    cast=int,
)
PAGE_CACHE_SECONDS = env(
    "PAGE_CACHE_SECONDS",
    60,
    "How long the portal's home and article pages are kept for anonymous visitors, in seconds "
    "(an edit shows at once; this bounds what no save announces, such as a scheduled "
    "publication). 0 turns the page cache off.",
    cast=int,
)
NEWS_COUNTER_FLUSH_SECONDS = env(
    "NEWS_COUNTER_FLUSH_SECONDS",
    60,
    "How often buffered view and visit counts are written to the database, in seconds.",
    cast=int,
)
VIDEO_EMBED_HOSTS = env(
    "VIDEO_EMBED_HOSTS",
    [],
    "Comma-separated host names whose video players may be embedded in pages "
    "(e.g. www.youtube-nocookie.com); videos elsewhere are shown as a link.",
    cast=list,
)

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = env(
    "LOG_LEVEL", "INFO", "Level of the application's log lines (DEBUG, INFO, WARNING, ERROR)."
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "motcua.core.logging.JsonFormatter"}},
    "filters": {"personal_data": {"()": "motcua.core.logging.PersonalDataFilter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["personal_data"],
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.db.backends": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
