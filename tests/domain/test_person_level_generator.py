"""The synthetic generator is deterministic, believable and valid unless asked to be dirty."""

import datetime as dt

import polars as pl

from sendready.domain.person_level.generator import DEFAULT_AS_OF, generate, write_csv, write_xlsx
from sendready.domain.person_level.indicators import compute_indicators
from sendready.domain.person_level.reading import import_file
from sendready.domain.person_level.schema import template_header
from sendready.domain.person_level.validation import validate


def test_the_same_seed_gives_the_same_rows_and_another_seed_does_not():
    assert generate(500, 7).equals(generate(500, 7))
    assert not generate(500, 7).equals(generate(500, 8))


def test_generated_rows_use_template_columns_and_pseudonymous_ids():
    df = generate(100, 1)
    assert df.columns == template_header()
    assert df["person_id"][0] == "P0000001" and df["person_id"].n_unique() == 100
    assert all(dtype == pl.String for dtype in df.dtypes)


def test_clean_generated_rows_pass_validation():
    result = validate(generate(5000, 2), DEFAULT_AS_OF)
    assert result.errors == [] and result.rows.height == 5000


def test_proportions_are_believable():
    rows = validate(generate(40000, 3), DEFAULT_AS_OF).rows
    s = compute_indicators(rows, DEFAULT_AS_OF)
    assert 0.27 < s["ehc_plans"] / s["rows"] < 0.33
    assert 40 <= s["ehc_within_20_weeks_pct"] <= 58
    assert 20 <= s["persistent_absence_pct"] <= 40
    assert s["neet"] > 0 and s["permanent_exclusions_sen_support"] >= 0
    needs = s.breakdowns["by_primary_need"]
    top_ehc = sorted(needs, key=lambda k: needs[k]["E"], reverse=True)[:3]
    assert set(top_ehc) == {"ASD", "SEMH", "SLCN"}
    exceptions = rows.filter(pl.col("sen_status") == "E")["exception_flag"].mean()
    assert 0.07 < exceptions < 0.13


def test_dirty_rows_give_each_kind_of_error():
    result = validate(generate(2000, 4, dirty=True), DEFAULT_AS_OF)
    text = " ".join(p.message for p in result.errors)
    for phrase in [
        "not a valid primary need",
        "in the future",
        "also appears on row",
        "run as a formula",
        "years old",
        "not a valid SEN status",
    ]:
        assert phrase in text
    assert result.rows.height == 0


def test_csv_and_xlsx_helpers_round_trip_through_import(tmp_path):
    df = generate(50, 5, dirty=True)
    write_csv(df, tmp_path / "p.csv")
    write_xlsx(df, tmp_path / "p.xlsx", title="Synthetic pupils")
    for name in ("p.csv", "p.xlsx"):
        result = import_file(tmp_path / name, name, DEFAULT_AS_OF)
        assert any("formula" in p.message for p in result.errors), name
        assert any(
            p.message.startswith("Person ID P0000001 also appears on row") for p in result.errors
        )


def test_generating_zero_rows_gives_an_empty_frame():
    assert generate(0, 1).height == 0
    assert generate(1, 1, dirty=True).height == 1
    assert isinstance(DEFAULT_AS_OF, dt.date)
