"""Identifiers replaced by a keyed hash under each area's secret; SEN2 and our layout join on it."""

import hashlib
import hmac
from datetime import date

import polars as pl
from tests.domain.sen2_helpers import SECRET, TODAY, as_files, tables

from sendready.domain.person_level.generator import generate
from sendready.domain.person_level.validation import validate
from sendready.domain.sen2.importing import import_return
from sendready.domain.sen2.mapping import SEN2_COLUMNS, combine, rows_from_sen2
from sendready.domain.sen2.pseudonym import area_secret, hash_series, keyed_hash


def imported(blade, secret=SECRET):
    result = import_return(as_files(blade), secret=secret, today=TODAY)
    assert result.ok and result.tables is not None, result.errors[:3]
    return result.tables


def test_the_hash_is_hmac_sha256_and_the_fast_path_agrees_with_the_standard_library():
    values = pl.Series("v", ["upn:A123456789012", "uln:1234567890", None])
    fast = hash_series(SECRET, values).to_list()
    slow = [hmac.new(SECRET, v.encode(), hashlib.sha256).hexdigest()[:32] for v in values[:2]]
    assert fast == [*slow, None] and keyed_hash(SECRET, "upn:A123456789012") == slow[0]


def test_each_area_has_its_own_secret_so_the_same_upn_hashes_differently():
    one, two = area_secret("master", "E06000001"), area_secret("master", "E06000002")
    assert one != two and area_secret("master", "E06000001") == one
    blade = tables(30)
    a, b = imported(blade, one), imported(blade, two)
    assert not set(a.persons["person_id"]) & set(b.persons["person_id"])
    assert a.persons["person_id"].equals(imported(blade, one).persons["person_id"])


def test_names_upns_ulns_and_postcodes_are_nowhere_in_what_is_kept():
    blade = tables(200)
    person = blade["person"]
    secrets = set()
    for column in ("surname", "forename", "postcode", "upn", "uniquelearnernumber", "NativeId"):
        secrets |= {v for v in person[column].to_list() if v}
    kept = imported(blade)
    for name, frame in kept.frames.items():
        assert not {"surname", "forename", "postcode", "upn", "uln", "native_id"} & set(
            frame.columns
        )
        for column, dtype in frame.schema.items():
            if dtype == pl.String:
                assert not secrets & set(frame[column].drop_nulls().to_list()), (name, column)
        assert not any(c.endswith("_table_id") for c in frame.columns), name


def test_every_detail_table_carries_the_hashed_person_and_keeps_what_sen2_knows():
    kept = imported(tables(300))
    f = kept.frames
    people = set(kept.persons["person_id"])
    for name in (
        "requests",
        "assessments",
        "plans",
        "plan_settings",
        "active_plans",
        "placements",
        "needs",
    ):
        assert set(f[name]["person_id"]) <= people, name
    assert f["requests"].group_by("person_id").len()["len"].max() >= 2  # several requests a person
    assert {"assessment_outcome", "assessment_outcome_date", "week20_exception"} <= set(
        f["assessments"].columns
    )
    assert {"start_date", "cease_date", "cease_reason"} <= set(f["plans"].columns)
    assert {"urn", "ukprn", "placement_rank"} <= set(f["placements"].columns)
    assert {"sen_type", "sen_type_rank"} <= set(f["needs"].columns)


def test_sen2_alone_gives_one_row_per_person_in_our_layout():
    kept = imported(tables(300))
    rows = rows_from_sen2(kept, date(2026, 1, 15))
    assert rows.height == kept.persons.height and rows["person_id"].n_unique() == rows.height
    with_plans = set(kept.frames["active_plans"]["person_id"])
    assert set(rows.filter(pl.col("sen_status") == "E")["person_id"]) >= with_plans
    need = (
        kept.frames["needs"]
        .filter(pl.col("sen_type_rank") == 1)
        .filter(pl.len().over("person_id") == 1)  # one plan: its rank-1 need is the primary need
        .select("person_id", "sen_type")
    )
    checked = rows.join(need, on="person_id").filter(pl.col("sen_type") != "DS")
    assert (checked["primary_need"] == checked["sen_type"]).all()
    assert rows["attendance_pct"].is_null().all(), "columns SEN2 does not know stay blank"


def test_a_upn_in_our_layout_is_hashed_the_same_way_and_the_two_join():
    blade = tables(50)
    kept = imported(blade)
    upns = [u for u in blade["person"]["upn"].to_list() if u][:10]
    layout = generate(10, 4, as_of=TODAY).with_columns(pl.Series("person_id", upns))
    refused = validate(layout, TODAY)
    assert any("looks like a UPN" in e.message for e in refused.errors)
    accepted = validate(layout, TODAY, upn_secret=SECRET)
    assert accepted.ok, accepted.errors[:3]
    assert set(accepted.rows["person_id"]) <= set(kept.persons["person_id"])
    assert not set(upns) & set(accepted.rows["person_id"])


def test_both_sources_join_sen2_columns_from_sen2_and_the_rest_from_our_layout():
    blade = tables(50)
    kept = imported(blade)
    sen2_rows = rows_from_sen2(kept, date(2026, 1, 15))
    upns = [u for u in blade["person"]["upn"].to_list() if u][:10]
    layout_raw = generate(12, 4, as_of=TODAY).with_columns(
        pl.Series("person_id", upns + ["LOCAL1", "LOCAL2"]),
        pl.lit("87.5").alias("attendance_pct"),
    )
    layout = validate(layout_raw, TODAY, upn_secret=SECRET).rows
    both = combine(sen2_rows, layout)
    assert both.height == sen2_rows.height + 2, "people only in our layout are kept"
    joined = both.join(sen2_rows, on="person_id", suffix="_sen2")
    for column in SEN2_COLUMNS:
        left, right = joined[column], joined[f"{column}_sen2"]
        assert ((left == right) | (left.is_null() & right.is_null())).all(), column
    in_layout = both.filter(pl.col("person_id").is_in(layout["person_id"].implode()))
    assert (in_layout["attendance_pct"] == 87.5).all()


def test_returns_before_v1_2_give_gender_as_a_number_and_it_fills_sex():
    blade = tables(20)
    blade["person"] = blade["person"].with_columns(
        pl.lit(None, dtype=pl.String).alias("sex"), pl.lit("2").alias("gendercurrent")
    )
    rows = rows_from_sen2(imported(blade), date(2026, 1, 15))
    assert rows["sex"].to_list() == ["F"] * 20
