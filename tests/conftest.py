"""Shared fixtures: two local areas with a person in every role, and a headless Chromium."""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CHROMIUM = "/usr/bin/chromium"
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TEST_PASSWORD = "a-test-password-9"


def _serial_live_server_on_sqlite() -> None:
    """On SQLite the browser tests' server answers one request at a time.

    The live server shares the in-memory test database's one connection with its request threads;
    two requests at once (a survey's results page loads a chart image per question) then break it
    ("bad parameter or other API misuse"). PostgreSQL keeps Django's threaded live server."""
    if not os.environ.get("DATABASE_URL", "sqlite").startswith("sqlite"):
        return
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class SerialWSGIServer(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    LiveServerThread.server_class = SerialWSGIServer


_serial_live_server_on_sqlite()


@dataclass
class AreaPeople:
    area: object
    by_role: dict
    outsider: object


@pytest.fixture
def two_areas(db):
    """Area A with one person in every role, and area B with its own LANO."""
    from django.contrib.auth import get_user_model

    from sendready.areas.constants import Role
    from sendready.areas.models import LocalArea, Membership

    user_model = get_user_model()
    area_a = LocalArea.objects.create(
        code="E99000001", name="Ashvale (test)", region="West Midlands", is_fictional=True
    )
    area_b = LocalArea.objects.create(
        code="E99000002", name="Brookford (test)", region="London", is_fictional=True
    )
    by_role = {}
    for role in Role:
        user = user_model.objects.create_user(f"a_{role.value}", password=TEST_PASSWORD)
        Membership.objects.create(user=user, area=area_a, role=role)
        by_role[role] = user
    outsider = user_model.objects.create_user("b_lano", password=TEST_PASSWORD)
    Membership.objects.create(user=outsider, area=area_b, role=Role.LANO)
    return AreaPeople(area=area_a, by_role=by_role, outsider=outsider), area_b


@pytest.fixture
def client():
    """Django's test client, whose force_login also passes the second factor as the person would
    (sign-in itself is tested through the real pages in tests/accounts and tests/browser)."""
    from sendready.accounts.testing import VerifiedClient

    return VerifiedClient()


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's signed-in site administrator, past the second factor their role needs."""
    from sendready.accounts.testing import VerifiedClient

    client = VerifiedClient()
    client.force_login(admin_user)
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed at /usr/bin/chromium (scripts/test installs it).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


def assert_accessible(page) -> None:
    """Run axe-core at WCAG 2.2 AA on the page and fail on any violation."""
    page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['html'][:120]})"
        for v in result["violations"]
    ]
    assert not problems, f"axe violations on {page.url}:\n" + "\n".join(problems)


@pytest.fixture
def console_errors(page):
    """Collect console errors (CSP violations show up here)."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def sign_in(page, live_server, username: str, password: str = TEST_PASSWORD) -> None:
    """Sign in through the real form, typing the code from the person's app when they have one (one
    is set up first for a person whose role needs it, as they would have done)."""
    from django.contrib.auth import get_user_model

    from sendready.accounts import two_factor
    from sendready.accounts.testing import current_code, give_second_factor

    user = get_user_model().objects.get(username=username)
    device = two_factor.app_device(user)
    if device is None and two_factor.needs_second_factor(user):
        device = give_second_factor(user)
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.wait_for_url(lambda url: "/sign-in/code/" in url)
        page.get_by_label("Code").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "/sign-in/" not in url)


def click_to(page, locator, heading: str) -> None:
    """Follow a link or button and wait until the next page's main heading is there."""
    from playwright.sync_api import expect

    locator.click()
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
