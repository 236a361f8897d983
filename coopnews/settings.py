"""CoopNews settings: one module, every value from the environment, parsed strictly.

Every variable is listed in the README. A malformed value raises ImproperlyConfigured naming it.
"""

import datetime as dt
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
# The app's templates, static files and translations live inside the `articles` package, so an
# installed wheel carries them; BASE_DIR / "articles" is that package in a checkout and installed alike.
APP_DIR = BASE_DIR / "articles"


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (got {raw!r})")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    items = [item.strip() for item in raw.split(",")]
    if any(not item or " " in item for item in items):
        raise ImproperlyConfigured(f"{name} must be a comma-separated list of host names (got {raw!r})")
    return items


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number (got {raw!r})") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum} (got {value})")
    return value


DEBUG = env_bool("DJANGO_DEBUG", False)

# Where the default SQLite file, the shared cache and collected static files go: var/ in a checkout.
# Installed from a wheel the code sits in site-packages, which is no place for data: ./var there.
_in_checkout = (BASE_DIR / "manage.py").is_file()
VAR_DIR = Path(
    os.environ.get("COOPNEWS_VAR_DIR", "").strip() or (BASE_DIR if _in_checkout else Path.cwd()) / "var"
)
if not VAR_DIR.is_absolute():
    raise ImproperlyConfigured(f"COOPNEWS_VAR_DIR must be an absolute directory (got {str(VAR_DIR)!r})")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off")
    SECRET_KEY = "insecure-local-development-key-only-used-with-DJANGO_DEBUG=1"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    # First: its templates override the admin's (admin/base_site.html, …) and its translations win.
    "articles",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    # Benchmark tooling: its commands only; nothing in production imports it.
    "articles.bench",
    # Login throttling: records failures, locks out, lists lockouts in the admin (see the README).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "articles.web.middleware.ReaderLanguageMiddleware",
    "articles.web.page_cache.ReaderPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "articles.web.middleware.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coopnews.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "coopnews.wsgi.application"

# The embedded default: an SQLite file under var/, so a fresh clone runs with no server.
DEFAULT_SQLITE_PATH = VAR_DIR / "coopnews.sqlite3"
_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    try:
        _db = dj_database_url.parse(_database_url, conn_max_age=60)
    except Exception as exc:  # dj_database_url raises several types for a malformed URL
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if _db.get("ENGINE") not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ImproperlyConfigured(
            "DATABASE_URL must point at PostgreSQL (postgres://) or SQLite (sqlite:///)"
        )
else:
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    _db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DEFAULT_SQLITE_PATH)}
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # A busy import and a reader share one file: wait for the lock instead of failing at once.
    _db.setdefault("OPTIONS", {})["timeout"] = 20
    # Write-ahead log: readers go on reading while an import writes, and a commit appends to the log
    # without waiting for the disk (synchronous=NORMAL; the log is synced at checkpoints). A power
    # cut may lose the last commits, whole articles only, never the file: what relax_commits()
    # accepts on PostgreSQL. An import's commits were 28% of its writing time on SQLite before.
    _db["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
else:
    # JIT off: past ~50,000 articles the pages' counts cross jit_above_cost, and compiling them
    # costs far more than it saves on short queries (10,000 agreements: 11 ms without, 321 ms with).
    _options = _db.setdefault("OPTIONS", {})
    _options["options"] = " ".join(filter(None, [_options.get("options", ""), "-c jit=off"]))
DATABASES = {"default": _db}
# The covering indexes' INCLUDE columns (Meta.indexes) are a PostgreSQL speed-up; SQLite builds the
# same indexes without them, as intended, so its warning that it will is not a problem to report.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# The cache every process shares: readers' whole pages (articles/web/page_cache.py) and archive totals
# (articles/web/counts.py). A directory under var/ by default, so several gunicorn workers share one
# cache with no server; `locmem://` keeps one per process (tests), `file:///path` picks the place.
# Several machines share one Redis instead (`redis://host:6379/0`, `rediss://` over TLS): the page
# cache's generation token then goes stale on every machine at once.
DEFAULT_CACHE_DIR = VAR_DIR / "cache"
CACHE_URL_FORMS = "file:///absolute/dir, redis://host:6379/0, rediss://host:6379/0 or locmem://"


def _redis_cache(raw: str) -> dict:
    try:
        parts = urlsplit(raw)
        db = parts.path.strip("/")
        well_formed = bool(parts.hostname) and (parts.port or 0) >= 0 and (db == "" or db.isdigit())
    except ValueError:  # a port that is not a number
        well_formed = False
    if not well_formed:
        raise ImproperlyConfigured(
            f"DJANGO_CACHE_URL must be redis://host[:port][/db], the db a number (got {raw!r})"
        )
    # Django's own backend; redis-py pools connections per process and reconnects by itself. Options
    # in the query string (`?ssl_cert_reqs=required`) go to redis-py as they are.
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw}


def cache_from_url(raw: str) -> dict:
    if raw.startswith("file://"):
        where = raw.removeprefix("file://")
        if not where.startswith("/"):
            raise ImproperlyConfigured(
                f"DJANGO_CACHE_URL must name an absolute directory: file:///… (got {raw!r})"
            )
        # Past MAX_ENTRIES Django deletes a third of the files; it counts them once every
        # coopnews.cache.CULL_EVERY writes, not on each (a listing of the whole directory).
        return {
            "BACKEND": "coopnews.cache.FileBasedCache",
            "LOCATION": where,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    if raw.startswith(("redis://", "rediss://")):
        return _redis_cache(raw)
    if raw == "locmem://":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}
    raise ImproperlyConfigured(f"DJANGO_CACHE_URL must be {CACHE_URL_FORMS} (got {raw!r})")


CACHES = {
    "default": {
        **cache_from_url(os.environ.get("DJANGO_CACHE_URL", "").strip() or f"file://{DEFAULT_CACHE_DIR}"),
        # One cache directory may serve checkouts on different databases (SQLite for `make run`,
        # PostgreSQL for a benchmark): keys are kept apart per database.
        "KEY_PREFIX": hashlib.sha1(
            "|".join(str(_db.get(k, "")) for k in ("ENGINE", "NAME", "HOST", "PORT")).encode()
        ).hexdigest()[:12],
    }
}
# How long a reader's page may be served from the cache (seconds; 0: never cached). The writer
# makes cached pages stale when it commits, so this only bounds what a change made outside Django
# (raw SQL, a restored dump) can leave behind.
COOPNEWS_PAGE_CACHE_SECONDS = env_int("COOPNEWS_PAGE_CACHE_SECONDS", 600)
# During an import or re-extraction readers' pages follow the archive at most this many seconds
# behind (0: after every article, which empties the page cache once an article).
COOPNEWS_PAGE_STALE_SECONDS = env_int("COOPNEWS_PAGE_STALE_SECONDS", 30)
# When a cached page has gone stale, one request renders it again while the others get the stale
# copy, for at most this many seconds after the change was published (0: everyone renders).
COOPNEWS_PAGE_REVALIDATE_SECONDS = env_int("COOPNEWS_PAGE_REVALIDATE_SECONDS", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
# Listed although the app's locale/ is found anyway: `makemessages` run at the top writes there.
LOCALE_PATHS = [APP_DIR / "locale"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "admin:login"

# Login throttling (django-axes): after COOPNEWS_LOGIN_FAILURE_LIMIT failed logins for one user name
# from one address, that pair is refused (429) for COOPNEWS_LOGIN_LOCKOUT_MINUTES, whatever the
# password. Lockouts are logged, listed in the admin and lifted by `axes_reset_username` / `_ip`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: it refuses a locked-out login before any check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("COOPNEWS_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("COOPNEWS_LOGIN_LOCKOUT_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The log names the user name and address locked out (axes masks them by default): the operator
# reading it is the one who lifts the lockout. Passwords are never logged.
AXES_SENSITIVE_PARAMETERS: list[str] = []
# The client's address: behind the proxy, the one it read off the socket (articles/web/clients.py).
AXES_CLIENT_IP_CALLABLE = "articles.web.clients.client_ip"
COOPNEWS_TRUSTED_PROXIES = env_list("COOPNEWS_TRUSTED_PROXIES", ["127.0.0.1", "::1"])

# Production hardening: on unless DJANGO_DEBUG is on; DJANGO_SECURE_SSL=0 for plain-HTTP deployments.
SECURE_SSL = env_bool("DJANGO_SECURE_SSL", not DEBUG)
if SECURE_SSL:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Largest article file import_articles accepts (bytes).
COOPNEWS_MAX_FILE_BYTES = env_int("COOPNEWS_MAX_FILE_BYTES", 5 * 1024 * 1024, minimum=1)

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING").strip().upper() or "WARNING"
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"DJANGO_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL (got {LOG_LEVEL!r})"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
