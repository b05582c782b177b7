"""Gunicorn settings for serving sendready in production: `gunicorn -c deploy/gunicorn.conf.py sendready.wsgi`.

Every value can be changed by the environment, so the systemd unit and the Procfile share this file.
"""

import multiprocessing
import os

wsgi_app = "sendready.wsgi:application"
# Behind a reverse proxy (TLS, static caching) keep the default loopback address.
bind = os.environ.get("SENDREADY_BIND", "127.0.0.1:8000")
# Sync workers: pages are short, and the heavy work (imports, large exports) runs in `sendready worker`.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so memory a big snapshot page once took is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
# Uploads are size-checked by Django (DATA_UPLOAD_MAX_MEMORY_SIZE, PUPIL_UPLOAD_MAX_BYTES); headers here.
limit_request_line = 8190
limit_request_fields = 100
# The heartbeat file on tmpfs: a worker blocked on a slow disk is not mistaken for a hung one.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Only a proxy on these addresses may say the request came over HTTPS (Django's BEHIND_PROXY also).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Each worker keeps its database connection between requests: opening one to PostgreSQL for every
# request costs more than most pages. Django checks a kept connection before reusing it.
if "DB_CONN_MAX_AGE" not in os.environ:
    raw_env = ["DB_CONN_MAX_AGE=60"]
# No control socket in the service user's home (it may have none); systemd manages the process.
control_socket_disable = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
proc_name = "sendready-web"
