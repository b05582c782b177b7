"""DfE's own definitions beside ours, on real dated cases at their boundaries.

Figures as at 31 March 2025: DfE's last whole calendar year is 2024, and academic ages are ages on
31 August 2024.
"""

import datetime as dt

import polars as pl
import pytest

from sendready.domain.person_level.dfe_rules import dfe_year, last_31_august, period_text
from sendready.domain.person_level.generator import generate
from sendready.domain.person_level.indicator_rules import specs
from sendready.domain.person_level.indicators import compute_indicators, definitions, rows_for
from sendready.domain.person_level.schema import load_schema
from sendready.domain.person_level.validation import validate

AS_OF = dt.date(2025, 3, 31)
CHILD = "2014-05-05"  # 10 on 31 August 2024: compulsory school age
TODDLER = "2022-01-01"  # 3 on the date of the figures


def rows(*people: dict[str, str | None]) -> pl.DataFrame:
    """Validated typed rows from people given as {column: text}; every other column blank."""
    columns = list(dict.fromkeys(c for p in people for c in ["person_id", *p]))
    raw = pl.DataFrame(
        [[p.get(c) for c in columns] for p in people], schema=columns, orient="row"
    ).with_columns(pl.col("person_id").fill_null(pl.Series([f"P{i}" for i in range(len(people))])))
    result = validate(raw, AS_OF)
    assert result.ok, result.errors
    return result.rows


def plan(request: str, final: str, **more: str | None) -> dict[str, str | None]:
    """A child with an EHC plan from `request` to `final`; not transferred in, no exception."""
    return {
        "date_of_birth": CHILD,
        "sen_status": "E",
        "primary_need": "ASD",
        "ehcna_request_date": request,
        "decision_to_assess_date": request,
        "decision_outcome": "assess",
        "final_plan_date": final,
        "exception_flag": "N",
        "transfer_in": "N",
        **more,
    }


def ids(indicator: str, frame: pl.DataFrame, part: str = "numerator") -> list[str]:
    return sorted(rows_for(indicator, frame, AS_OF, part=part)["person_id"].to_list())


# -- 20 weeks, as DfE counts it ---------------------------------------------------------------------


def test_dfe_year_is_the_last_whole_calendar_year():
    assert dfe_year(AS_OF) == 2024
    assert dfe_year(dt.date(2024, 12, 31)) == 2024  # the year has just ended
    assert dfe_year(dt.date(2025, 1, 1)) == 2024
    assert period_text("calendar", AS_OF) == "calendar year 2024"
    assert period_text("rolling", AS_OF) == "12 months to 31 March 2025"


def test_new_plans_are_those_issued_from_1_january_to_31_december():
    frame = rows(
        {"person_id": "first", **plan("2023-09-01", "2024-01-01")},
        {"person_id": "last", **plan("2024-08-15", "2024-12-31")},
        {"person_id": "before", **plan("2023-08-15", "2023-12-31")},
        {"person_id": "after", **plan("2024-09-01", "2025-01-01")},
    )
    figures = compute_indicators(frame, AS_OF)
    assert ids("ehc_new_plans_dfe", frame) == ["first", "last"]
    assert figures["ehc_new_plans_dfe"] == 2
    # The rolling figure covers 1 April 2024 to 31 March 2025: "last" and "after".
    assert ids("ehc_new_plans", frame) == ["after", "last"]
    assert figures.indicators["ehc_new_plans_dfe"].period == "calendar year 2024"
    assert figures.indicators["ehc_new_plans"].period == "12 months to 31 March 2025"


def test_20_weeks_is_140_days_from_the_request_received_to_the_plan_issued():
    frame = rows(
        {"person_id": "on_time", **plan("2024-01-10", "2024-05-29")},  # 140 days
        {"person_id": "late", **plan("2024-01-10", "2024-05-30")},  # 141 days
    )
    figures = compute_indicators(frame, AS_OF)
    assert ids("ehc_within_20_weeks_dfe_pct", frame) == ["on_time"]
    assert figures["ehc_within_20_weeks_dfe_pct"] == 50.0


def test_transfers_in_are_left_out_and_exceptions_only_from_the_first_figure():
    frame = rows(
        {"person_id": "new", **plan("2024-02-01", "2024-05-01")},
        {"person_id": "moved_in", **plan("2024-02-01", "2024-05-01", transfer_in="Y")},
        {"person_id": "exception", **plan("2024-01-02", "2024-09-30", exception_flag="Y")},
        {"person_id": "blank", **plan("2024-03-01", "2024-11-30", transfer_in=None)},
    )
    figures = compute_indicators(frame, AS_OF)
    # A blank "Transferred in" is taken as not transferred in.
    assert ids("ehc_new_plans_dfe", frame) == ["blank", "exception", "new"]
    assert ids("ehc_within_20_weeks_dfe_pct", frame, "denominator") == ["blank", "new"]
    assert figures["ehc_within_20_weeks_dfe_pct"] == 50.0
    assert figures["ehc_within_20_weeks_incl_exceptions_dfe_pct"] == pytest.approx(33.3)
    # Our rolling figure counts the transfer in (plans issued after 31 March 2024).
    assert ids("ehc_new_plans", frame) == ["blank", "exception", "moved_in", "new"]


# -- decisions within 6 weeks -----------------------------------------------------------------------


def decision(request: str, decided: str, outcome: str | None) -> dict[str, str | None]:
    return {
        "date_of_birth": CHILD,
        "sen_status": "K",
        "primary_need": "SLCN",
        "ehcna_request_date": request,
        "decision_to_assess_date": decided,
        "decision_outcome": outcome,
    }


def test_dfe_counts_decisions_to_assess_and_not_to_assess_by_the_year_the_request_came():
    frame = rows(
        {"person_id": "assess_42", **decision("2024-06-03", "2024-07-15", "assess")},
        {"person_id": "not_43", **decision("2024-06-03", "2024-07-16", "not_assess")},
        {"person_id": "not_10", **decision("2024-10-01", "2024-10-11", "not_assess")},
        {"person_id": "asked_2023", **decision("2023-12-20", "2024-01-20", "assess")},
        {"person_id": "undecided", **decision("2024-12-01", None, None)},
    )
    figures = compute_indicators(frame, AS_OF)
    assert ids("ehc_decision_within_6_weeks_dfe_pct", frame, "denominator") == [
        "assess_42",
        "not_10",
        "not_43",
    ]
    assert ids("ehc_decision_within_6_weeks_dfe_pct", frame) == ["assess_42", "not_10"]
    assert figures["ehc_decision_within_6_weeks_dfe_pct"] == pytest.approx(66.7)
    # Ours (decisions to assess made since 1 April 2024) leaves decisions not to assess out.
    assert ids("ehc_decision_within_6_weeks_pct", frame, "denominator") == ["assess_42"]


# -- absence ----------------------------------------------------------------------------------------


def pupil(attendance: str | None, flag: str | None = None) -> dict[str, str | None]:
    return {
        "date_of_birth": CHILD,
        "sen_status": "K",
        "primary_need": "MLD",
        "attendance_pct": attendance,
        "persistent_absence": flag,
    }


def test_exactly_90_percent_attendance_is_persistent_absence_and_exactly_50_severe():
    frame = rows(
        {"person_id": "a90", **pupil("90")},
        {"person_id": "a90_1", **pupil("90.1")},
        {"person_id": "a50", **pupil("50.0")},
        {"person_id": "a50_1", **pupil("50.1")},
        {"person_id": "a49_9", **pupil("49.9")},
        {"person_id": "flag_only", **pupil(None, "Y")},
    )
    figures = compute_indicators(frame, AS_OF)
    assert ids("persistent_absence_pct", frame) == ["a49_9", "a50", "a50_1", "a90", "flag_only"]
    assert ids("severe_absence_pct", frame) == ["a49_9", "a50"]
    # A flag without an attendance figure cannot say whether half the sessions were missed.
    assert ids("severe_absence_pct", frame, "denominator") == [
        "a49_9",
        "a50",
        "a50_1",
        "a90",
        "a90_1",
    ]
    assert figures["severe_absence_sen_support_pct"] == 40.0
    assert figures["severe_absence_ehc_pct"] is None  # no pupil with a plan: no base


# -- NEET or not known, 16 and 17 -------------------------------------------------------------------


def young(born: str, neet: str | None) -> dict[str, str | None]:
    return {"date_of_birth": born, "sen_status": "K", "primary_need": "SPLD", "neet": neet}


def test_neet_or_not_known_counts_academic_age_16_and_17_with_blanks_as_not_known():
    assert last_31_august(AS_OF) == dt.date(2024, 8, 31)
    frame = rows(
        {"person_id": "sixteen_on_31_aug", **young("2008-08-31", "Y")},
        {"person_id": "fifteen_on_31_aug", **young("2008-09-01", "Y")},
        {"person_id": "seventeen_not_known", **young("2006-09-01", None)},
        {"person_id": "seventeen_in_college", **young("2007-03-01", "N")},
        {"person_id": "eighteen_on_31_aug", **young("2006-08-31", "Y")},
        {"person_id": "twenty", **young("2004-06-01", "Y")},
    )
    figures = compute_indicators(frame, AS_OF)
    assert ids("neet_or_not_known_16_17", frame) == ["seventeen_not_known", "sixteen_on_31_aug"]
    assert figures["neet_or_not_known_16_17_pct"] == pytest.approx(66.7)
    # Ours: 16 to 25 on the date of the figures, NEET only (the 15-year-old on 31 August is 16 now).
    assert ids("neet", frame) == [
        "eighteen_on_31_aug",
        "fifteen_on_31_aug",
        "sixteen_on_31_aug",
        "twenty",
    ]


# -- annual reviews ---------------------------------------------------------------------------------


def reviewed(born: str, review: str) -> dict[str, str | None]:
    return {
        "date_of_birth": born,
        "sen_status": "E",
        "primary_need": "PD",
        "final_plan_date": "2023-01-10",
        "last_annual_review_date": review,
    }


def test_a_review_a_year_ago_to_the_day_is_not_overdue_and_under_fives_are_never_overdue_at_6():
    frame = rows(
        {"person_id": "anniversary", **reviewed(CHILD, "2024-03-31")},
        {"person_id": "day_after", **reviewed(CHILD, "2024-03-30")},
        {"person_id": "toddler_6_months", **reviewed(TODDLER, "2024-09-30")},
        {"person_id": "toddler_6_months_1_day", **reviewed(TODDLER, "2024-09-29")},
        {"person_id": "toddler_year", **reviewed(TODDLER, "2024-03-30")},
    )
    figures = compute_indicators(frame, AS_OF)
    assert ids("annual_reviews_overdue", frame) == ["day_after", "toddler_year"]
    assert ids("under_5_reviews_over_6_months", frame) == [
        "toddler_6_months_1_day",
        "toddler_year",
    ]
    assert figures["under_5_reviews_over_6_months_pct"] == pytest.approx(66.7)


# -- files without the new columns ------------------------------------------------------------------


def test_a_file_without_the_new_columns_says_not_in_this_file_rather_than_a_wrong_figure():
    old = rows({"person_id": "x", **plan("2024-06-01", "2024-09-01")}).drop(
        "transfer_in", "decision_outcome"
    )  # as a snapshot stored before the layout had them
    figures = compute_indicators(old, AS_OF)
    for indicator in ("ehc_new_plans_dfe", "ehc_within_20_weeks_dfe_pct"):
        assert figures[indicator] is None
        assert figures.indicators[indicator].not_in_file == ["transfer_in"]
    assert figures.indicators["ehc_decision_within_6_weeks_dfe_pct"].not_in_file == [
        "decision_outcome"
    ]
    assert figures["ehc_new_plans"] == 1 and figures.indicators["ehc_new_plans"].not_in_file == []
    assert figures["ehc_decision_within_6_weeks_pct"] == 100.0  # every decision taken as to assess
    assert figures.indicators["neet_or_not_known_16_17"].not_in_file == ["neet"]
    assert rows_for("ehc_new_plans_dfe", old, AS_OF).height == 0


def test_a_column_blank_on_every_row_is_not_in_the_file_either():
    frame = rows({"person_id": "x", **plan("2024-02-01", "2024-05-01", transfer_in=None)})
    assert compute_indicators(frame, AS_OF).indicators["ehc_new_plans_dfe"].not_in_file == [
        "transfer_in"
    ]


# -- the layout and its checks ----------------------------------------------------------------------


def test_the_layout_has_the_decision_outcome_and_transfer_in_as_optional_columns():
    schema = load_schema()
    assert not schema["decision_outcome"].required and not schema["transfer_in"].required
    assert set(schema["decision_outcome"].allowed) == {"assess", "not_assess"}
    assert schema["transfer_in"].type == "boolean"


def test_a_bad_decision_outcome_is_an_error_with_its_row_and_column():
    raw = pl.DataFrame(
        {
            "person_id": ["A", "B", "C"],
            "date_of_birth": [CHILD] * 3,
            "sen_status": ["K"] * 3,
            "primary_need": ["MLD"] * 3,
            "ehcna_request_date": ["2024-06-03"] * 3,
            "decision_to_assess_date": ["2024-07-01", "2024-07-01", None],
            "decision_outcome": ["Decided not to assess", "refused", "assess"],
        }
    )
    result = validate(raw, AS_OF)
    assert not result.ok and result.rows.height == 0
    found = {(p.row, p.column): p.message for p in result.errors}
    assert set(found) == {(3, "decision_outcome"), (4, "decision_outcome")}
    assert "'refused' is not a valid decision outcome" in found[(3, "decision_outcome")]
    assert "assess, not_assess" in found[(3, "decision_outcome")]
    assert "no decision date" in found[(4, "decision_outcome")]


def test_a_readable_label_is_read_as_its_code():
    frame = rows(decision("2024-06-03", "2024-07-01", "Decided not to assess"))
    assert frame["decision_outcome"].to_list() == ["not_assess"]


# -- definitions ------------------------------------------------------------------------------------


def test_every_indicator_has_dfe_s_definition_and_says_whether_ours_differs():
    defs = definitions()
    for spec in specs():
        entry = defs[spec.id]
        assert entry["title"] and entry["definition"], spec.id
        assert entry["dfe_definition"].strip(), spec.id
        assert "differs_from_dfe" in entry and isinstance(entry["dfe_publishes"], bool), spec.id
        assert entry["differs_from_dfe"] is None or entry["differs_from_dfe"].strip(), spec.id
        if not entry["dfe_publishes"]:
            assert entry["differs_from_dfe"] is None, spec.id  # nothing of DfE's to differ from
    figures = compute_indicators(rows(pupil("95")), AS_OF)
    pa = figures.indicators["persistent_absence_pct"]
    assert pa.dfe_definition.startswith("Pupils of compulsory school age")
    assert "state-funded" in (pa.differs_from_dfe or "")


def test_each_rolling_figure_and_dfe_s_are_labelled_apart():
    defs = definitions()
    for ours, dfe in (
        ("ehc_within_20_weeks_pct", "ehc_within_20_weeks_dfe_pct"),
        ("ehc_decision_within_6_weeks_pct", "ehc_decision_within_6_weeks_dfe_pct"),
        ("neet", "neet_or_not_known_16_17"),
    ):
        assert "DfE definition" in defs[dfe]["title"] and "DfE" not in defs[ours]["title"]
        assert defs[dfe]["title"] in defs[ours]["differs_from_dfe"]
    assert "last 12 months" in defs["ehc_within_20_weeks_pct"]["title"]
    assert defs["ehc_decision_within_6_weeks_dfe_pct"]["national"]["value"] == 84.8


# -- the generator ----------------------------------------------------------------------------------


def test_generated_files_carry_the_new_columns_so_the_demo_shows_dfe_s_figures():
    frame = generate(3000, seed=7, as_of=AS_OF)
    assert set(frame["decision_outcome"].drop_nulls()) == {"assess", "not_assess"}
    assert frame["transfer_in"].drop_nulls().is_in(["Y", "N"]).all()
    result = validate(frame, AS_OF)
    assert result.ok, result.errors
    figures = compute_indicators(result.rows, AS_OF)
    for indicator in (
        "ehc_new_plans_dfe",
        "ehc_within_20_weeks_dfe_pct",
        "ehc_within_20_weeks_incl_exceptions_dfe_pct",
        "ehc_decision_within_6_weeks_dfe_pct",
        "severe_absence_pct",
        "neet_or_not_known_16_17_pct",
        "under_5_reviews_over_6_months",
    ):
        assert figures[indicator], indicator
        assert figures.indicators[indicator].not_in_file == []
    # Exactly 90% attendance is flagged as persistently absent in the file the generator writes.
    typed = result.rows
    at_90 = typed.filter(pl.col("attendance_pct") == 90.0)["persistent_absence"]
    assert at_90.is_empty() or at_90.all()
