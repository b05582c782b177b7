"""Synthetic person-level SEND data with believable proportions, for demos, tests and benchmarks.

Every row is invented. Proportions are rough: about 30% EHC plans and 70% SEN support; ASD, SEMH and SLCN
lead for plans, SLCN, SEMH, MLD and SPLD for SEN support; about half of new plans within 20 weeks (national
2024: 46.4% excluding exceptions) with about 10% exceptions and 5% transfers in; about 30% of school-age
pupils persistently absent and 2% severely absent; about 5% of SEN support with a decision not to assess;
NEET not known for about 4% of those over 16.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from sendready.domain.person_level.schema import load_schema
from sendready.domain.text import looks_like_formula

DEFAULT_AS_OF = date(2025, 3, 31)
_NEED_E = {
    "ASD": 33,
    "SEMH": 15,
    "SLCN": 16,
    "SLD": 7,
    "MLD": 7,
    "PMLD": 2,
    "SPLD": 3,
    "PD": 4,
    "HI": 2,
    "VI": 1,
    "MSI": 0.5,
    "OTH": 4.5,
}
_NEED_K = {
    "SLCN": 24,
    "SEMH": 21,
    "MLD": 16,
    "SPLD": 13,
    "ASD": 8,
    "OTH": 5,
    "PD": 2,
    "HI": 1.5,
    "VI": 1,
    "MSI": 0.2,
    "SLD": 0.6,
    "PMLD": 0.2,
    "NSA": 7.5,
}
_ETHNICITY = {
    "WBRI": 70,
    "WOTH": 4,
    "WIRI": 0.5,
    "WROM": 0.6,
    "WIRT": 0.2,
    "MWBC": 1.7,
    "MWBA": 0.8,
    "MWAS": 1.5,
    "MOTH": 2.2,
    "AIND": 2.5,
    "APKN": 4.5,
    "ABAN": 1.7,
    "CHNE": 0.3,
    "AOTH": 1.6,
    "BCRB": 1.2,
    "BAFR": 3.5,
    "BOTH": 0.8,
    "OOTH": 1.6,
    "REFU": 0.4,
    "NOBT": 0.4,
}
_SETTING_E = {
    "mainstream": 40,
    "resourced_provision": 5,
    "special": 38,
    "independent_special": 8,
    "alternative_provision": 2,
    "education_otherwise": 2,
    "home_education": 1.5,
    "independent_mainstream": 1,
    "other": 2.5,
}
_SETTING_K = {
    "mainstream": 96,
    "alternative_provision": 1.5,
    "home_education": 1.5,
    "independent_mainstream": 1,
}
_POST16 = {
    "further_education": 55,
    "specialist_post16": 12,
    "special": 15,
    "apprenticeship": 6,
    "not_in_education": 10,
    "other": 2,
}
_FLAG_RATES = {
    "child_in_need": 0.08,
    "child_protection": 0.02,
    "looked_after": 0.04,
    "early_help": 0.06,
}


_NEEDS = list(load_schema()["primary_need"].allowed)
_SETTINGS = list(load_schema()["setting_type"].allowed)
_PHASES = ["early_years", "primary", "secondary", "post16", "post19", "not_applicable"]


def _pick(
    rng: np.random.Generator, cats: list[str], weights: Mapping[str, float], n: int
) -> np.ndarray:
    """Indices into `cats` drawn with the given weights."""
    p = np.array([weights.get(c, 0.0) for c in cats], dtype=float)
    return rng.choice(len(cats), size=n, p=p / p.sum())


def _days(values: np.ndarray) -> np.ndarray:
    return np.round(values).astype("int64").astype("timedelta64[D]")


def generate(
    rows: int, seed: int, dirty: bool = False, as_of: date = DEFAULT_AS_OF
) -> pl.DataFrame:
    """Make `rows` synthetic people as a table of strings in template columns (deterministic per seed)."""
    rng = np.random.default_rng(seed)
    n = max(int(rows), 0)
    today = np.datetime64(as_of, "D")
    ehc = rng.random(n) < 0.30
    age_w = np.array(
        [1, 1, 2, 3, 6, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 5, 4, 3, 1, 1, 0.6, 0.5, 0.4, 0.3, 0.2]
    )
    age_k, age_e = age_w.copy(), age_w.copy()
    age_k[19:] = 0
    age_e[:2] = 0  # plans for babies are rare; keeps every invented timeline after birth
    age = np.where(
        ehc, rng.choice(26, n, p=age_e / age_e.sum()), rng.choice(26, n, p=age_k / age_k.sum())
    )
    age_days = age * 365.25 + rng.uniform(0, 364, n)
    dob = today - _days(age_days)
    need = np.where(ehc, _pick(rng, _NEEDS, _NEED_E, n), _pick(rng, _NEEDS, _NEED_K, n))
    setting = np.where(
        ehc, _pick(rng, _SETTINGS, _SETTING_E, n), _pick(rng, _SETTINGS, _SETTING_K, n)
    )
    setting = np.where(age >= 16, _pick(rng, _SETTINGS, _POST16, n), setting)
    setting = np.where(age < 4, _SETTINGS.index("early_years"), setting)
    phase = np.select([age < 4, age < 11, age < 16, age < 19], [0, 1, 2, 3], 4)
    phase = np.where(setting == _SETTINGS.index("not_in_education"), 5, phase)
    no_urn = np.isin(
        setting,
        [
            _SETTINGS.index(s)
            for s in ("home_education", "not_in_education", "education_otherwise", "other")
        ],
    )

    # EHC plan timeline: request 11-80 weeks before the final plan, all after the second month of life.
    on_time = rng.random(n) < 0.52
    weeks = np.where(
        on_time,
        rng.uniform(11, 20, n),
        np.where(rng.random(n) < 0.88, rng.uniform(20.2, 52, n), rng.uniform(52, 80, n)),
    )
    span = np.clip(age_days - weeks * 7 - 60, 0, 8 * 365)
    final = today - _days(rng.uniform(0, 1, n) * span)
    request = final - _days(weeks * 7)
    decision = np.minimum(request + _days(rng.uniform(2, 7.5, n) * 7), final)
    exception = ehc & (rng.random(n) < 0.10)
    review = today - _days((rng.uniform(0, 12, n) + np.where(rng.random(n) < 0.14, 12, 0)) * 30.44)
    has_review = ehc & (review > final)
    pending = ~ehc & (age >= 2) & (rng.random(n) < 0.03)  # SEN support, assessment under way
    nat = np.datetime64("NaT", "D")

    school_age = (age >= 5) & (age <= 15)
    attendance = np.clip(100 - rng.gamma(1.5, np.where(ehc, 5.6, 5.0), n), 0, 100)
    susp = np.where(rng.random(n) < 0.85, 0, rng.poisson(np.where(ehc, 1.6, 1.4), n))
    ap = np.where(rng.random(n) < 0.005, 2, np.where(rng.random(n) < 0.02, 1, 0))
    num = {
        "date_of_birth": dob,
        "sex": rng.random(n) < 0.68,
        "ethnicity": _pick(rng, list(_ETHNICITY), _ETHNICITY, n),
        "sen_status": ehc,
        "primary_need": need,
        "setting_type": setting,
        "setting_urn": np.where(no_urn, -1, rng.integers(100000, 150000, n)),
        "phase": phase,
        "ehcna_request_date": np.where(
            ehc, request, np.where(pending, today - _days(rng.uniform(1, 25, n) * 7), nat)
        ),
        "decision_to_assess_date": np.where(ehc, decision, nat),
        "final_plan_date": np.where(ehc, final, nat),
        "exception_flag": exception,
        "last_annual_review_date": np.where(has_review, review, nat),
        "alternative_provision": ap,
        "elective_home_education": setting == _SETTINGS.index("home_education"),
        "children_missing_education": rng.random(n) < 0.005,
        "attendance_pct": np.where(school_age, np.round(attendance, 1), np.nan),
        # Missing 10% or more of sessions: attendance of 90% or less, as the file shows it.
        "persistent_absence": np.round(attendance, 1) <= 90,
        "suspensions": np.where(school_age, susp, -1),
        "permanent_exclusion": school_age & (rng.random(n) < np.where(ehc, 0.0006, 0.0012)),
        "neet": (setting == _SETTINGS.index("not_in_education")) | (rng.random(n) < 0.03),
        **{k: rng.random(n) < r for k, r in _FLAG_RATES.items()},
        "complex_health_needs": rng.random(n) < np.where(ehc, 0.10, 0.02),
        "dynamic_support_register": ehc
        & np.isin(need, [_NEEDS.index(x) for x in ("ASD", "SLD", "PMLD")])
        & (rng.random(n) < 0.02),
        "placed_out_of_area": ehc & (rng.random(n) < 0.08),
        "school_age": school_age,
        "post16": age >= 16,
    }
    _add_dfe_columns(num, rng, ehc, ~ehc & ~pending & (age >= 2), today)
    frame = pl.DataFrame(num).lazy().select(_as_strings()).select(load_schema().names).collect()
    return _make_dirty(frame, as_of) if dirty else frame


def _add_dfe_columns(
    num: dict[str, np.ndarray],
    rng: np.random.Generator,
    ehc: np.ndarray,
    may_be_refused: np.ndarray,
    today: np.datetime64,
) -> None:
    """The columns DfE's definitions need (decisions not to assess, transfers in, NEET not known), and
    a few pupils who missed half their sessions (severe absence).

    Drawn after every other column, so a seed's other columns are what they were before these existed.
    """
    n = len(ehc)
    refused = may_be_refused & (rng.random(n) < 0.05)
    request = today - _days(rng.uniform(1, 100, n) * 7)
    decision = np.minimum(request + _days(rng.uniform(2, 9, n) * 7), today)
    transfer = ehc & (rng.random(n) < 0.05)
    not_known = rng.random(n) < 0.04
    severe = rng.random(n) < 0.02  # missed half their sessions or more
    severe_attendance = np.round(rng.uniform(15, 50, n), 1)
    attendance = num["attendance_pct"]
    severe &= ~np.isnan(attendance)
    num["attendance_pct"] = np.where(severe, severe_attendance, attendance)
    num["persistent_absence"] = num["persistent_absence"] | severe
    num["ehcna_request_date"] = np.where(refused, request, num["ehcna_request_date"])
    num["decision_to_assess_date"] = np.where(refused, decision, num["decision_to_assess_date"])
    num["decision_outcome"] = np.where(ehc, 0, np.where(refused, 1, -1))
    num["transfer_in"] = transfer
    num["neet_known"] = ~not_known


def _as_strings() -> list[pl.Expr]:
    """Turn the numeric working columns into the strings a council's file would hold."""

    def cats(name: str, values: list[str]) -> pl.Expr:
        return pl.lit(pl.Series(values)).gather(pl.col(name)).alias(name)

    def yn(name: str, when: pl.Expr | None = None) -> pl.Expr:
        text = pl.when(pl.col(name)).then(pl.lit("Y")).otherwise(pl.lit("N"))
        return (text if when is None else pl.when(when).then(text)).alias(name)

    dates = [
        "date_of_birth",
        "ehcna_request_date",
        "decision_to_assess_date",
        "final_plan_date",
        "last_annual_review_date",
    ]
    flags = [
        "elective_home_education",
        "children_missing_education",
        "permanent_exclusion",
        *_FLAG_RATES,
        "complex_health_needs",
        "dynamic_support_register",
        "placed_out_of_area",
    ]
    school, ehc = pl.col("school_age"), pl.col("sen_status")
    return [
        (pl.lit("P") + pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(7)).alias(
            "person_id"
        ),
        *[pl.col(d).cast(pl.Date).cast(pl.String) for d in dates],
        pl.when(pl.col("sex")).then(pl.lit("M")).otherwise(pl.lit("F")).alias("sex"),
        cats("ethnicity", list(_ETHNICITY)),
        pl.when(ehc).then(pl.lit("E")).otherwise(pl.lit("K")).alias("sen_status"),
        cats("primary_need", _NEEDS),
        cats("setting_type", _SETTINGS),
        cats("phase", _PHASES),
        cats("alternative_provision", ["none", "registered", "unregistered"]),
        pl.when(pl.col("setting_urn") >= 0)
        .then(pl.col("setting_urn").cast(pl.String))
        .alias("setting_urn"),
        yn("exception_flag", ehc),
        yn("persistent_absence", school),
        yn("neet", pl.col("post16") & pl.col("neet_known")),
        yn("transfer_in", ehc),
        pl.when(pl.col("decision_outcome").eq(0))
        .then(pl.lit("assess"))
        .when(pl.col("decision_outcome").eq(1))
        .then(pl.lit("not_assess"))
        .alias("decision_outcome"),
        *[yn(f) for f in flags],
        pl.when(school).then(pl.col("attendance_pct").cast(pl.String)).alias("attendance_pct"),
        pl.when(school).then(pl.col("suspensions").cast(pl.String)).alias("suspensions"),
    ]


def _make_dirty(frame: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """Spoil a handful of rows so a validation demo has something to show."""
    n = frame.height
    if n < 2:
        return frame
    step = max(n // 8, 1)
    future = (as_of + timedelta(days=45)).isoformat()  # after the as-of date, whatever it is
    edits = [
        ("primary_need", "XYZ"),
        ("final_plan_date", future),
        ("ehcna_request_date", "2099-01-01"),
        ("person_id", frame[0, "person_id"]),
        ("setting_urn", '=HYPERLINK("http://example.invalid","click")'),
        ("date_of_birth", "1970-01-01"),
        ("sen_status", "Q"),
        ("attendance_pct", "140"),
    ]
    cols = {c: frame[c].to_list() for c in {c for c, _ in edits}}
    for i, (column, value) in enumerate(edits):
        row = min(1 + i * step, n - 1)
        cols[column][row] = value
    return frame.with_columns(pl.Series(c, v, dtype=pl.String) for c, v in cols.items())


def write_csv(frame: pl.DataFrame, path: str | Path) -> None:
    """Write a table as UTF-8 CSV with a header row."""
    frame.write_csv(path)


def write_xlsx(frame: pl.DataFrame, path: str | Path, title: str | None = None) -> None:
    """Write a table to XLSX with openpyxl (slow above ~100,000 rows); optional title row above."""
    from openpyxl import Workbook
    from openpyxl.cell import Cell, WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Pupils")
    if title:
        ws.append([title])
    ws.append(frame.columns)

    def text_cell(value: str) -> Cell:
        # openpyxl turns "=..." strings into live formulas; force text so no export carries one.
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell

    for row in frame.iter_rows():
        ws.append(
            [text_cell(v) if isinstance(v, str) and looks_like_formula(v) else v for v in row]
        )
    wb.save(path)
