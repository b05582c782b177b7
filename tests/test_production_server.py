"""The production server (gunicorn with deploy/gunicorn.conf.py) serves the real app on PostgreSQL."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"
PASSWORD = "a-served-password-9"

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the production server is tested on PostgreSQL (the run with DATABASE_URL=postgres://...)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    """The test database pytest-django made, as a URL for the server process."""
    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return url._replace(path="/" + connection.settings_dict["NAME"]).geturl()


def _wait_until_up(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped: {server.stdout.read() if server.stdout else ''}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail("gunicorn did not answer within a minute")


@pytest.fixture
def served(transactional_db, tmp_path):
    """gunicorn started as the README says, with production settings, on a free loopback port."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sendready.settings",
        "DATABASE_URL": _database_url(),
        "DEBUG": "false",
        "SECRET_KEY": "served-" + "q8" * 30,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SENDREADY_VAR_DIR": str(tmp_path),
        "SENDREADY_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/sign-in/", server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_serves_the_sign_in_page_with_its_styles_and_security_headers(served):
    with urllib.request.urlopen(served + "/sign-in/", timeout=10) as response:
        page = response.read().decode()
        headers = response.headers
    assert response.status == 200
    assert "<h1" in page and "Sign in" in page
    assert "script-src 'self' 'nonce-" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
    with urllib.request.urlopen(served + stylesheet, timeout=10) as css:
        assert css.status == 200 and css.read(20)


def test_a_person_signs_in_through_gunicorn_against_postgresql(served):
    from django.contrib.auth import get_user_model

    # The production hasher, made quick: the server reads this row from PostgreSQL.
    hashed = PBKDF2PasswordHasher().encode(PASSWORD, "servedsalt", iterations=1000)
    get_user_model().objects.create(username="served", password=hashed)
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    page = opener.open(served + "/sign-in/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "served", "password": PASSWORD}
    ).encode()
    request = urllib.request.Request(served + "/sign-in/", data=form, headers={"Referer": served})
    with pytest.raises(urllib.error.HTTPError) as redirected:
        opener.open(request, timeout=10)
    assert redirected.value.code == 302  # a wrong password shows the form again with 200
    assert any(cookie.name == "sessionid" for cookie in jar)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
