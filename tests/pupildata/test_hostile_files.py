"""Files built to hurt: a zip bomb is refused unopened and a huge heading is never echoed back in full."""

import io
import zipfile

import openpyxl
import pytest

from sendready.domain.person_level import reading
from sendready.domain.person_level.reading import TableReadError, read_table_with_notes
from sendready.domain.person_level.schema import template_header
from sendready.domain.text import TRUNCATION_MARK
from sendready.pupildata import actions
from tests.pupildata.conftest import AS_OF, csv_bytes

pytestmark = pytest.mark.django_db


def zip_bomb() -> bytes:
    """A real workbook plus a shared-strings part of 64 MB of one letter, about 64 KB compressed."""
    book = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(template_header())
    workbook.save(book)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(book.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/sharedStrings.xml", b"A" * (64 * 1024 * 1024))
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_the_workbook_is_read(monkeypatch):
    def must_not_open(*args, **kwargs):
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(reading.fastexcel, "read_excel", must_not_open)
    data = zip_bomb()
    assert len(data) < 1024 * 1024
    with pytest.raises(TableReadError, match="far more than a spreadsheet of this size should"):
        read_table_with_notes(data, "pupils.xlsx")


def test_a_zip_bomb_upload_fails_with_the_reason_and_leaves_no_file(people, lano, tmp_path, media):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(zip_bomb())
    run = actions.start_import(
        actor=lano,
        area=people.area,
        source=actions.copy_for_import(path=path),
        file_name="bomb.xlsx",
        snapshot_date=AS_OF,
        background=False,
    )
    assert run.status == "failed"
    assert "far more than a spreadsheet" in run.errors[0]["message"]
    assert not list((media / "uploads").iterdir())


def test_a_huge_heading_is_cut_short_in_warnings_pages_and_downloads(
    client, people, lano, tmp_path
):
    heading = "H" * (30 * 1024 * 1024)
    good = csv_bytes(20).decode().split("\n", 1)
    path = tmp_path / "huge-heading.csv"
    path.write_text(
        f"{good[0]},{heading}\n" + "".join(f"{line},x\n" for line in good[1].splitlines())
    )
    run = actions.import_path(actor=lano, area=people.area, path=path, snapshot_date=AS_OF)
    assert run.status == "done"
    ignored = next(w for w in run.warnings if "not in the template" in w["message"])
    assert TRUNCATION_MARK in ignored["message"] and len(ignored["message"]) < 400
    assert len(ignored["column"]) <= 200
    client.force_login(lano)
    base = f"/areas/{people.area.code}/data/import/{run.pk}/"
    for url in (base, base + "problems.csv"):
        response = client.get(url)
        assert response.status_code == 200 and len(response.content) < 200_000, url
