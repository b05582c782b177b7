"""The sendready indicator set in DuckDB SQL, for the benchmark's comparison (same rules, no validation)."""

from __future__ import annotations

import datetime as dt

import duckdb

BOOL = [
    "exception_flag",
    "elective_home_education",
    "children_missing_education",
    "persistent_absence",
    "permanent_exclusion",
    "neet",
    "child_in_need",
    "child_protection",
    "looked_after",
    "early_help",
    "complex_health_needs",
    "dynamic_support_register",
    "placed_out_of_area",
]
DATES = [
    "date_of_birth",
    "ehcna_request_date",
    "decision_to_assess_date",
    "final_plan_date",
    "last_annual_review_date",
]
FLAGS = [
    "child_in_need",
    "child_protection",
    "looked_after",
    "early_help",
    "complex_health_needs",
    "dynamic_support_register",
]
STATUS = {"_ehc": "E", "_sen_support": "K", "_no_sen": "N"}


def _months_before(as_of: dt.date, months: int) -> dt.date:
    y, m = divmod(as_of.year * 12 + as_of.month - 1 - months, 12)
    last = [
        31,
        29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ]
    return dt.date(y, m + 1, min(as_of.day, last[m], 28 if m + 1 == 2 else 31))


def _sql(as_of: dt.date) -> str:
    start = (
        as_of.replace(year=as_of.year - 1)
        if not (as_of.month == 2 and as_of.day == 29)
        else as_of.replace(year=as_of.year - 1, day=28)
    )
    aug = dt.date(as_of.year if (as_of.month, as_of.day) >= (8, 31) else as_of.year - 1, 8, 31)
    d = lambda x: f"DATE '{x.isoformat()}'"  # noqa: E731
    age = f"(year({d(as_of)}) - year(date_of_birth) - CASE WHEN (month(date_of_birth), day(date_of_birth)) > ({as_of.month}, {as_of.day}) THEN 1 ELSE 0 END)"
    age_aug = f"(year({d(aug)}) - year(date_of_birth) - CASE WHEN (month(date_of_birth), day(date_of_birth)) > ({aug.month}, {aug.day}) THEN 1 ELSE 0 END)"
    derived = f"""
      SELECT *, {age} AS _age,
        CASE WHEN {age} < 5 THEN '0-4' WHEN {age} < 11 THEN '5-10' WHEN {age} < 16 THEN '11-15'
             WHEN {age} < 20 THEN '16-19' ELSE '20-25' END AS _age_band,
        {age_aug} BETWEEN 5 AND 15 AS _school_age,
        (final_plan_date > {d(start)} AND final_plan_date <= {d(as_of)} AND ehcna_request_date IS NOT NULL) AS _new,
        date_diff('day', ehcna_request_date, final_plan_date) AS _days,
        (decision_to_assess_date > {d(start)} AND decision_to_assess_date <= {d(as_of)}
          AND ehcna_request_date IS NOT NULL
          AND coalesce(decision_outcome, '') <> 'not_assess') AS _dec_year,
        date_diff('day', ehcna_request_date, decision_to_assess_date) AS _dec_days,
        coalesce(exception_flag, false) AS _exc,
        coalesce(last_annual_review_date, final_plan_date) AS _basis,
        coalesce(last_annual_review_date, final_plan_date) < {d(_months_before(as_of, 12))} AS _overdue,
        coalesce(persistent_absence, attendance_pct <= 90) AS _pa
      FROM pupils"""
    e, k = "sen_status = 'E'", "sen_status = 'K'"
    newx = "_new AND NOT _exc"
    parts = {
        "rows": "count(*)",
        "ehc_plans": f"count_if({e})",
        "sen_support": f"count_if({k})",
        "ehc_new_plans": "count_if(_new)",
        "ehc_within_20_weeks_pct": f"round(100.0 * count_if({newx} AND _days <= 140) / nullif(count_if({newx}), 0), 1)",
        "ehc_within_20_weeks_incl_exceptions_pct": "round(100.0 * count_if(_new AND _days <= 140) / nullif(count_if(_new), 0), 1)",
        "ehc_mean_weeks": f"round(avg(_days / 7.0) FILTER (WHERE {newx}), 1)",
        "ehc_over_1_year_pct": f"round(100.0 * count_if({newx} AND _days > 365) / nullif(count_if({newx}), 0), 1)",
        "ehc_decision_within_6_weeks_pct": "round(100.0 * count_if(_dec_year AND _dec_days <= 42) / nullif(count_if(_dec_year), 0), 1)",
        "annual_reviews_overdue": f"count_if({e} AND _overdue)",
        "annual_reviews_overdue_pct": f"round(100.0 * count_if({e} AND _overdue) / nullif(count_if({e} AND _basis IS NOT NULL), 0), 1)",
        "annual_reviews_unknown": f"count_if({e} AND _basis IS NULL)",
    }
    for suffix, who in (("", "true"), ("_ehc", e), ("_sen_support", k)):
        base = f"{who} AND _school_age AND _pa IS NOT NULL"
        parts[f"persistent_absence{suffix}_pct"] = (
            f"round(100.0 * count_if({base} AND _pa) / nullif(count_if({base}), 0), 1)"
        )
    for suffix, who in (("_ehc", e), ("_sen_support", k)):
        parts[f"suspended_pupils{suffix}"] = f"count_if({who} AND suspensions > 0)"
        parts[f"suspended_pupils{suffix}_pct"] = (
            f"round(100.0 * count_if({who} AND suspensions > 0) / "
            f"nullif(count_if({who} AND suspensions IS NOT NULL), 0), 1)"
        )
        parts[f"suspensions{suffix}"] = (
            f"coalesce(sum(suspensions) FILTER (WHERE {who} AND suspensions > 0), 0)"
        )
        parts[f"permanent_exclusions{suffix}"] = f"count_if({who} AND permanent_exclusion)"
    ya = "_age BETWEEN 16 AND 25"
    parts |= {
        "neet": f"count_if({ya} AND neet)",
        "neet_pct": f"round(100.0 * count_if({ya} AND neet) / nullif(count_if({ya} AND neet IS NOT NULL), 0), 1)",
        "elective_home_education": "count_if(elective_home_education)",
        "children_missing_education": "count_if(children_missing_education)",
        "alternative_provision": "count_if(alternative_provision IN ('registered', 'unregistered'))",
        "alternative_provision_unregistered": "count_if(alternative_provision = 'unregistered')",
        "placed_out_of_area": "count_if(placed_out_of_area)",
        "placed_out_of_area_ehc_pct": f"round(100.0 * count_if({e} AND coalesce(placed_out_of_area, false)) / nullif(count_if({e}), 0), 1)",
    }
    for flag in FLAGS:
        for suffix, code in STATUS.items():
            parts[f"{flag}{suffix}"] = f"count_if(sen_status = '{code}' AND {flag})"
    select = ",\n".join(f"{expr} AS {name}" for name, expr in parts.items())
    return f"CREATE TEMP TABLE derived AS {derived}; SELECT {select} FROM derived"


def compute(path: str, as_of: dt.date) -> dict:
    """Read the CSV into DuckDB and compute every indicator and the four breakdowns."""
    con = duckdb.connect()
    types = (
        {c: "DATE" for c in DATES}
        | {c: "BOOLEAN" for c in BOOL}
        | {"attendance_pct": "DOUBLE", "suspensions": "BIGINT"}
    )
    con.execute(
        "CREATE TABLE pupils AS SELECT * FROM read_csv(?, header=true, all_varchar=false, types=?)",
        [path, types],
    )
    result = compute_from(con, as_of)
    con.close()
    return result


def compute_from(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> dict:
    """Every indicator and the four breakdowns of the `pupils` table already in `con`."""
    statements = _sql(as_of).split("; ")
    con.execute(statements[0])
    cur = con.execute(statements[1])
    names = [c[0] for c in cur.description]
    values = dict(zip(names, cur.fetchone()))
    breakdowns = {}
    for dim, col in (
        ("by_primary_need", "primary_need"),
        ("by_age_band", "_age_band"),
        ("by_phase", "phase"),
        ("by_setting_type", "setting_type"),
    ):
        rows = con.execute(
            f"SELECT coalesce(CAST({col} AS VARCHAR), 'unknown') AS category, count(*), "
            "count_if(sen_status='E'), count_if(sen_status='K'), count_if(sen_status='N') "
            "FROM derived GROUP BY 1 ORDER BY 1"
        ).fetchall()
        breakdowns[dim] = {r[0]: {"total": r[1], "E": r[2], "K": r[3], "N": r[4]} for r in rows}
    return {
        "values": {
            k: (float(v) if hasattr(v, "as_integer_ratio") and not isinstance(v, int) else v)
            for k, v in values.items()
        },
        "breakdowns": breakdowns,
    }
