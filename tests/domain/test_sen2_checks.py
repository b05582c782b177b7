"""Every kind of error in a SEN2 return, each reported with its file, row and column; none stores anything."""

import polars as pl
import pytest
from tests.domain.sen2_helpers import SECRET, TODAY, as_files, tables

from sendready.domain.sen2.generator import DIRTY_KINDS
from sendready.domain.sen2.importing import import_return

PERSON = "Blade-Export_27-02-2026_person.csv"
REQUESTS = "Blade-Export_27-02-2026_requests.csv"


def found(blade):
    result = import_return(as_files(blade), secret=SECRET, today=TODAY)
    assert result.tables is None, "a return with any error stores nothing"
    return {(e.file, e.row, e.column): e.message for e in result.errors}


def set_cell(blade, module, row_index, column, value):
    series = blade[module].get_column(column).clone()
    series.scatter([row_index], [value])
    blade[module] = blade[module].with_columns(series)
    return blade


def test_a_clean_generated_return_has_no_problem():
    result = import_return(as_files(tables(300)), secret=SECRET, today=TODAY)
    assert result.ok and result.error_count == 0 and result.rows_checked > 300


def test_the_dirty_generator_plants_one_error_of_each_kind_each_found_where_it_was_put():
    problems = found(tables(80, dirty=True))
    expected = {
        "date": (REQUESTS, 2, "receiveddate"),
        "code": (REQUESTS, 3, "requestoutcome"),
        "blank": (PERSON, 2, "personbirthdate"),
        "duplicate_key": (PERSON, 4, "persontableid"),
        "no_join": (REQUESTS, 4, "persontableid"),
        "future": (REQUESTS, 5, "receiveddate"),
        "upn": (PERSON, 5, "upn"),
        "cease_reason": ("Blade-Export_27-02-2026_namedplan.csv", 2, "ceasereason"),
        "rank": ("Blade-Export_27-02-2026_senneed.csv", 2, "sentyperank"),
        "urn": ("Blade-Export_27-02-2026_placementdetail.csv", 2, "urn"),
    }
    assert set(expected) == set(DIRTY_KINDS)
    for kind, where in expected.items():
        assert where in problems, (kind, sorted(problems))
    assert (
        "31/02/2022" in problems[expected["date"]]
        and "2022-Sep-28 00:00:00" in problems[expected["date"]]
    )
    assert "one of A, H, W" in problems[expected["code"]]
    assert "does not match any row of " + PERSON in problems[expected["no_join"]]
    assert "in the future" in problems[expected["future"]]


@pytest.mark.parametrize(
    ("module", "column", "value", "words"),
    [
        ("assessment", "week20", "maybe", "true or false"),
        ("named_plan", "ceasereason", "12", "one of 1, 2"),
        ("sen_need", "sentype", "ADHD", "one of SPLD"),
        ("placement_detail", "ukprn", "123", "8-digit UKPRN"),
        ("sen_need", "sentyperank", "first", "whole number"),
    ],
)
def test_a_cell_of_the_wrong_kind_says_what_it_should_be(module, column, value, words):
    blade = set_cell(tables(), module, 0, column, value)
    problems = found(blade)
    (where, message), *_ = problems.items()
    assert where[1:] == (2, column) and words in message and value in message


def test_a_plan_detail_that_belongs_to_no_plan_is_an_error_not_a_lost_row():
    blade = set_cell(tables(), "plan_detail", 3, "namedplantableid", "NP-GONE")
    assert found(blade) == {
        ("Blade-Export_27-02-2026_plandetail.csv", 5, "namedplantableid"): (
            "Named plan table ID NP-GONE does not match any row of "
            "Blade-Export_27-02-2026_namedplan.csv, so this row belongs to nobody."
        )
    }


def test_a_person_with_no_upn_no_uln_and_no_reason_is_an_error():
    blade = tables()
    blade["person"] = blade["person"].with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(None).otherwise(pl.col(c)).alias(c)
        for c in ("upn", "uniquelearnernumber", "upnunknown")
    )
    assert (PERSON, 2, "upn") in found(blade)


def test_a_plan_that_ceased_before_it_started_is_an_error():
    blade = tables()
    ceased = blade["named_plan"].with_row_index().filter(pl.col("ceasedate").is_not_null())
    index = ceased["index"][0]
    blade = set_cell(blade, "named_plan", index, "ceasedate", "2001-Jan-01 00:00:00")
    message = found(blade)[("Blade-Export_27-02-2026_namedplan.csv", index + 2, "ceasedate")]
    assert "before it started" in message


def test_problems_are_capped_but_all_are_counted():
    blade = tables(400)
    blade["person"] = blade["person"].with_columns(pl.lit("not a date").alias("personbirthdate"))
    result = import_return(as_files(blade), secret=SECRET, today=TODAY, max_problems=50)
    assert len(result.errors) == 50 and result.error_count == 400
