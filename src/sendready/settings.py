"""Django settings for sendready, read from environment variables with safe embedded defaults."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP

from sendready.envconfig import (
    env_bool,
    env_int,
    env_list,
    env_optional_secret,
    env_secret,
    env_str,
    project_root,
)

BASE_DIR = project_root()
VAR_DIR = Path(env_str("SENDREADY_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
HTTPS = env_bool("HTTPS", False)
SECRET_KEY = env_secret("SECRET_KEY", fallback_file=VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks_db",
    "sendready",
    "sendready.areas",
    "sendready.audit",
    "sendready.accounts",
    "sendready.inspections",
    "sendready.forecasting",
    "sendready.pupildata",
    "sendready.inspection_requests",
    "sendready.selfevaluation",
    "sendready.cases",
    "sendready.surveys",
    "sendready.plans",
]

MIDDLEWARE = [
    "sendready.upload_limits.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sendready.areas.middleware.CurrentAreaMiddleware",
    "sendready.audit.middleware.DeniedAccessAuditMiddleware",
    "sendready.accounts.signin_steps.SignInStepsMiddleware",
]

ROOT_URLCONF = "sendready.urls"
WSGI_APPLICATION = "sendready.wsgi.application"

_CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.template.context_processors.csp",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "sendready.jinja_env.environment",
            "context_processors": _CONTEXT_PROCESSORS,
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": _CONTEXT_PROCESSORS},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sendready.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        # A kept connection is checked before a request reuses it (a restarted server costs no error).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Failed sign-ins are slowed down, never locked (accounts/throttle.py). Behind a proxy, the client's
# address is read from X-Forwarded-For, but only when the request came from one of TRUSTED_PROXIES.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])
# Two-factor sign-in is required of roles that can see children's rows and of site administrators;
# this requires it of every role.
TWO_FACTOR_FOR_EVERY_ROLE = env_bool("TWO_FACTOR_FOR_EVERY_ROLE", False)
OTP_TOTP_ISSUER = "sendready"
# A council office signs in from one address: raise this where one address serves many people.
SIGN_IN_FREE_FAILURES_PER_ADDRESS = env_int("SIGN_IN_FREE_FAILURES_PER_ADDRESS", 5)

# Messages live in the session, never in a cookie the browser can read.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Email: invitations and password links. With DEBUG and no EMAIL_HOST, emails are printed to the
# console; otherwise they go by SMTP (a local mail server unless EMAIL_HOST says otherwise).
_EMAIL_HOST = env_str("EMAIL_HOST", "")
MAILERS: dict[str, dict[str, Any]]
if DEBUG and not _EMAIL_HOST:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _EMAIL_HOST or "localhost",
                "port": env_int("EMAIL_PORT", 25),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_optional_secret("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "use_ssl": env_bool("EMAIL_USE_SSL", False),
                "timeout": env_int("EMAIL_TIMEOUT", 20),
            },
        }
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "sendready <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    BASE_DIR / "build" / "static",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Person-level uploads: the limit is a setting because areas differ in size.
# Master key for the per-area keyed hashes that replace UPNs and ULNs (SEN2 imports, and UPNs in our
# layout): generated once on this machine unless given, never in the repository. Changing it changes
# every hash, so snapshots made before no longer join with new ones.
PERSON_HASH_KEY = env_secret("PERSON_HASH_KEY", fallback_file=VAR_DIR / "person_hash_key")
# A SEN2 return (the Blade export's nine files, their zip, or the XML) may be larger than one file.
SEN2_UPLOAD_MAX_BYTES = env_int("SEN2_UPLOAD_MAX_BYTES", 1024 * 1024 * 1024)
PUPIL_UPLOAD_MAX_BYTES = env_int("PUPIL_UPLOAD_MAX_BYTES", 200 * 1024 * 1024)
# The largest file an owner can attach to an inspectors' request (evidence room downloads).
REQUEST_FILE_MAX_BYTES = env_int("REQUEST_FILE_MAX_BYTES", 50 * 1024 * 1024)
# The largest evidence file or Annex A document accepted.
SEF_UPLOAD_MAX_BYTES = env_int("SEF_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# An import with no progress for this long has lost its worker and is marked failed (see README).
PUPIL_IMPORT_STALE_SECONDS = env_int("PUPIL_IMPORT_STALE_SECONDS", 15 * 60)
# Exports of snapshots over this many rows are written in the background; finished ones are kept this long.
PUPIL_EXPORT_INLINE_ROWS = env_int("PUPIL_EXPORT_INLINE_ROWS", 20_000)
PUPIL_EXPORT_KEEP_HOURS = env_int("PUPIL_EXPORT_KEEP_HOURS", 24)
# On a filtered dashboard, roles that cannot see rows see "fewer than N" for counts below N.
PUPIL_SUPPRESS_BELOW = env_int("PUPIL_SUPPRESS_BELOW", 5)
# A tracked case's documents (PDF, Word, Excel, images): the largest single file accepted.
CASE_UPLOAD_MAX_BYTES = env_int("CASE_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# Surveys: the public address families are sent (links and QR codes), small-number suppression, the
# longest written answer, how long a survey form stays valid, and the identity-free rate limit (per
# survey and server process: the site-wide limit is this times the number of gunicorn workers).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SURVEY_SUPPRESS_BELOW = env_int("SURVEY_SUPPRESS_BELOW", 5)
SURVEY_ANSWER_MAX_CHARS = env_int("SURVEY_ANSWER_MAX_CHARS", 2000)
SURVEY_FORM_MAX_AGE_SECONDS = env_int("SURVEY_FORM_MAX_AGE_SECONDS", 24 * 60 * 60)
SURVEY_SUBMISSIONS_PER_SECOND = env_int("SURVEY_SUBMISSIONS_PER_SECOND", 50)
SURVEY_SUBMISSION_BURST = env_int("SURVEY_SUBMISSION_BURST", 200)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "sendready.upload_limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
# Improvement plans: owners are emailed about open actions due within this many working days (and
# about overdue ones) by `sendready plan-reminders`, run daily.
PLAN_REMINDER_DAYS = env_int("PLAN_REMINDER_DAYS", 10)
