"""The house rules for templates: Django's csrf_input, one set of GOV.UK macros, styles in the Sass
build, the menu built in Python, account links in the header and each page opening with its h1."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from sendready.areas.constants import Role

SRC = Path(__file__).resolve().parents[2] / "src" / "sendready"
TEMPLATES = sorted(p for p in SRC.rglob("*.html") if "jinja2" in p.parts)
# Apps whose templates other work is changing at the moment; their sweep comes later.
PENDING_SWEEP = {"inspection_requests"}


def _swept(path: Path) -> bool:
    return not PENDING_SWEEP & set(path.relative_to(SRC).parts)


def test_the_template_list_is_not_empty():
    assert len([p for p in TEMPLATES if _swept(p)]) > 90


@pytest.mark.parametrize("path", [p for p in TEMPLATES if _swept(p)], ids=lambda p: p.name)
def test_no_template_writes_its_own_csrf_input(path):
    text = path.read_text()
    assert "csrfmiddlewaretoken" not in text, f"{path}: use {{{{ csrf_input }}}}"
    if "<form" in text and 'method="post"' in text:
        # Families answer surveys without a cookie: their form carries a signed one-time token
        # (checked in tests/surveys/test_answering.py) instead of Django's CSRF cookie and input.
        public_survey = "surveys/public" in path.as_posix() and 'name="token"' in text
        assert "{{ csrf_input }}" in text or public_survey, (
            f"{path}: a POST form without csrf_input"
        )


@pytest.mark.parametrize("path", [p for p in TEMPLATES if _swept(p)], ids=lambda p: p.name)
def test_templates_take_govuk_components_from_the_one_macro_file(path):
    text = path.read_text()
    if path.name != "_govuk.html":
        assert "govuk_frontend_jinja/components/" not in text, path
    # Hand-made copies of components that have a macro.
    for component in (
        "govuk-error-summary",
        "govuk-panel",
        "govuk-warning-text",
        "govuk-notification-banner",
        "govuk-inset-text",
        "govuk-pagination",
    ):
        assert not re.search(f'class="{component}[ "]', text), f"{path}: use its macro"
    # A link styled as a button stays a hand-written <a class="govuk-button">: the macro would give it
    # role="button", and it is a link (it goes to a page) for screen readers and the browser tests.
    assert not re.search(r'<button[^>]*class="govuk-button[ "]', text), path


def test_styles_live_in_the_sass_build_only():
    stylesheets = [p for p in SRC.rglob("*.css")]
    assert stylesheets == [], "styles go in src/sendready/assets/*.scss, built into sendready.css"
    for scss in (SRC / "assets").glob("*.scss"):
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b", scss.read_text()), (
            f"{scss.name}: use govuk-colour() or govuk-functional-colour(), not a hex colour"
        )


class _Outline(HTMLParser):
    """Headings inside <main> in order, and whether the account controls sit inside <header>."""

    def __init__(self):
        super().__init__()
        self.where: list[str] = []
        self.headings: list[str] = []
        self.sign_out_in: list[str] = []
        self._button = False

    def handle_starttag(self, tag, attrs):
        if tag in ("main", "header"):
            self.where.append(tag)
        if "main" in self.where and re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tag)
        if tag == "button":
            self._button = True

    def handle_endtag(self, tag):
        if tag in ("main", "header") and self.where and self.where[-1] == tag:
            self.where.pop()
        if tag == "button":
            self._button = False

    def handle_data(self, data):
        if self._button and data.strip() == "Sign out":
            self.sign_out_in.append(self.where[-1] if self.where else "body")


def _outline(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    return parser


SAMPLE_PAGES = [
    ("accounts:area_home", True),
    ("accounts:people", True),
    ("accounts:audit_log", True),
    ("inspections:list", True),
    ("pupildata:dashboard", True),
    ("pupildata:definitions", True),
    ("cases:list", True),
    ("selfevaluation:overview", True),
    ("plans:list", True),
    ("forecasting:national", False),
    ("accounts:password_change", False),
]


@pytest.mark.parametrize("name, in_area", SAMPLE_PAGES)
def test_each_page_opens_with_its_own_h1_and_the_account_links_are_in_the_header(
    client, two_areas, name, in_area
):
    people, _ = two_areas
    client.force_login(people.by_role[Role.LANO])
    response = client.get(reverse(name, args=[people.area.code] if in_area else []))
    assert response.status_code == 200, name
    html = response.content.decode()
    outline = _outline(html)
    assert outline.headings, f"{name}: no heading in <main>"
    assert outline.headings[0] == "h1", (
        f"{name}: the first heading in <main> is {outline.headings[0]}"
    )
    assert outline.headings.count("h1") == 1, name
    assert outline.sign_out_in == ["header"], name
    assert "Signed in as" in html.split("<main", 1)[0], name
    assert "csrfmiddlewaretoken" in html


def test_the_sign_in_page_opens_with_its_h1_and_has_no_account_links(client, db):
    html = client.get(reverse("login")).content.decode()
    outline = _outline(html)
    assert outline.headings[0] == "h1"
    assert outline.sign_out_in == []
    assert "Signed in as" not in html


def test_someone_in_two_areas_switches_area_from_the_header(client, two_areas):
    from sendready.areas.models import Membership

    people, area_b = two_areas
    lano = people.by_role[Role.LANO]
    Membership.objects.create(user=lano, area=area_b, role=Role.VIEWER)
    client.force_login(lano)
    html = client.get(reverse("accounts:area_home", args=[people.area.code])).content.decode()
    header = html.split("<main", 1)[0]
    assert 'action="/areas/switch/"' in header
    assert '<option value="E99000001" selected>' in header
    response = client.post(reverse("accounts:switch_area"), {"area_code": area_b.code})
    assert response.status_code == 302
    assert area_b.code in response["Location"]


def test_the_menu_is_built_in_python_for_the_person_and_area(two_areas):
    from sendready.areas.navigation import main_menu, sections_for

    people, _ = two_areas
    lano = people.by_role[Role.LANO]
    menu = main_menu(lano, people.area, "overview")
    assert menu[0] == {
        "text": "Overview",
        "href": reverse("accounts:area_home", args=[people.area.code]),
        "active": True,
    }
    assert [m["text"] for m in menu[1:]] == [s["text"] for s in sections_for(lano, people.area)]
    assert not any(m["active"] for m in menu[1:])
    assert main_menu(lano, None) == []
    assert len(main_menu(people.by_role[Role.VIEWER], people.area)) <= len(menu)
    assert "area_sections" not in (SRC / "jinja2" / "base.html").read_text()
