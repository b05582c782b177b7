"""Focused-sampling lists: counts, the people in each, filters, XLSX read back, every view audited."""

import io

import openpyxl
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.audit.constants import AuditAction
from sendready.audit.models import AuditEvent


def test_the_lists_page_counts_each_cohort_and_is_audited(client, people, snapshot):
    client.force_login(people.by_role[Role.PRACTITIONER])
    response = client.get(reverse("cases:cohorts", args=[people.area.code]))
    text = response.content.decode()
    assert "Electively home educated or educated otherwise than at school" in text
    assert "On the dynamic support register" in text
    assert AuditEvent.objects.filter(
        object_type="focused_sampling", action=AuditAction.VIEWED
    ).exists()


def test_a_list_shows_its_people_and_the_download_reads_back_the_same(client, people, snapshot):
    client.force_login(people.by_role[Role.PRACTITIONER])
    rows = snapshot.read(None)
    ehc = sorted(rows.filter(rows["sen_status"] == "E")["person_id"].to_list())
    page = client.get(reverse("cases:cohort", args=[people.area.code, "ehc_plans"]))
    assert ehc[0] in page.content.decode()
    download = client.get(reverse("cases:cohort_xlsx", args=[people.area.code, "ehc_plans"]))
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("Person ID", "Date of birth", "Age")
    assert [r[0] for r in values[1:]] == ehc
    assert AuditEvent.objects.filter(
        object_type="focused_sampling", action=AuditAction.EXPORTED, detail__contains="ehc_plans"
    ).exists()


def test_the_dashboards_filters_narrow_the_lists(client, people, snapshot):
    client.force_login(people.by_role[Role.LANO])
    url = reverse("cases:cohort_xlsx", args=[people.area.code, "ehc_plans"]) + "?need=ASD"
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url).content)).active
    values = list(sheet.iter_rows(values_only=True))
    need = values[0].index("Primary need")
    assert values[1:] and {r[need] for r in values[1:]} == {"ASD"}


def test_an_unknown_list_is_not_found(client, people, snapshot):
    client.force_login(people.by_role[Role.LANO])
    assert client.get(reverse("cases:cohort", args=[people.area.code, "nope"])).status_code == 404
