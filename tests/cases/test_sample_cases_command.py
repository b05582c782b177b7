"""sendready sample-cases: from a file or a stored snapshot, JSON or text, with clear errors."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from sendready.domain.person_level.generator import generate, write_csv, write_xlsx


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("sample_cases", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "people.csv"
    write_csv(generate(400, 8, as_of=dt.date.today()), path)
    return path


def test_a_file_gives_cases_and_substitutes_each_with_person_id_and_reasons(csv_file):
    data = json.loads(run(str(csv_file), "--seed", "4"))
    assert len(data["cases"]) == 6 and len(data["substitutes"]) == 6
    for item in data["cases"] + data["substitutes"]:
        assert item["person_id"] and item["reasons"]
    assert data["mix"] == "seed" and data["met"] is True


def test_the_same_seed_prints_the_same_sample(csv_file):
    assert run(str(csv_file), "--seed", "5") == run(str(csv_file), "--seed", "5")
    assert run(str(csv_file), "--seed", "5") != run(str(csv_file), "--seed", "6")


def test_an_xlsx_file_and_another_mix_in_text(tmp_path):
    path = tmp_path / "people.xlsx"
    write_xlsx(generate(400, 8, as_of=dt.date.today()), path)
    text = run(str(path), "--mix", "reference", "--format", "text")
    assert text.startswith("Mix: Six cases with at least one in alternative provision")
    assert "Cases:" in text and "Substitutes:" in text and "chosen for: " in text


def test_a_stored_snapshot_can_be_sampled_by_area_and_date(people, snapshot):
    data = json.loads(run("--area", people.area.code, "--snapshot", "2025-03-31", "--seed", "1"))
    assert data["as_of"] == "2025-03-31" and len(data["cases"]) == 6


def test_a_missing_snapshot_lists_the_ones_there_are(people, snapshot):
    with pytest.raises(CommandError, match="has no snapshot on 2024-01-01. Snapshots: 2025-03-31"):
        run("--area", people.area.code, "--snapshot", "2024-01-01")


def test_an_unknown_mix_names_the_mixes(csv_file):
    with pytest.raises(CommandError, match="Choose one of: seed, reference, combined"):
        run(str(csv_file), "--mix", "six")


def test_a_bad_file_names_rows_and_columns_and_prints_no_sample(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("person_id,date_of_birth,sen_status\nP1,not a date,E\n")
    with pytest.raises(CommandError, match="row 2, column date_of_birth"):
        run(str(path))


def test_file_and_area_together_or_neither_are_refused(csv_file):
    with pytest.raises(CommandError, match="not both"):
        run(str(csv_file), "--area", "E99000001")
    with pytest.raises(CommandError, match="Give a person-level FILE"):
        run()


def test_a_mix_a_small_file_cannot_meet_says_so_in_json(tmp_path):
    path = tmp_path / "few.csv"
    write_csv(generate(5, 2, as_of=dt.date.today()), path)
    data = json.loads(run(str(path)))
    assert data["met"] is False and data["shortfalls"]
    assert len(data["cases"]) == 5
