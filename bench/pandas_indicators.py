"""A plain pandas script computing the headline indicators (the 'spreadsheet analyst' baseline)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

DATES = [
    "date_of_birth",
    "ehcna_request_date",
    "decision_to_assess_date",
    "final_plan_date",
    "last_annual_review_date",
]
YN = [
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
FLAGS = [
    "child_in_need",
    "child_protection",
    "looked_after",
    "early_help",
    "complex_health_needs",
    "dynamic_support_register",
]


def _age(dob: pd.Series, when: dt.date) -> pd.Series:
    later = (dob.dt.month * 100 + dob.dt.day) > (when.month * 100 + when.day)
    return when.year - dob.dt.year - later.astype(int)


def _pct(num: pd.Series, den: pd.Series) -> float | None:
    d = int(den.sum())
    return round(100.0 * int((num & den).sum()) / d, 1) if d else None


def compute(path: str, as_of: dt.date) -> dict:
    """Read with pandas and compute the indicators with boolean Series."""
    df = pd.read_csv(path, dtype=str, keep_default_na=True)
    for c in DATES:
        df[c] = pd.to_datetime(df[c], format="%Y-%m-%d", errors="coerce")
    for c in YN:
        df[c] = df[c].map({"Y": True, "N": False})
    df["attendance_pct"] = pd.to_numeric(df["attendance_pct"], errors="coerce")
    df["suspensions"] = pd.to_numeric(df["suspensions"], errors="coerce")
    ts = pd.Timestamp(as_of)
    start = pd.Timestamp(as_of.replace(year=as_of.year - 1))
    aug = dt.date(as_of.year if (as_of.month, as_of.day) >= (8, 31) else as_of.year - 1, 8, 31)
    age = _age(df["date_of_birth"], as_of)
    school = _age(df["date_of_birth"], aug).between(5, 15)
    e, k = df["sen_status"].eq("E"), df["sen_status"].eq("K")
    new = (
        df["final_plan_date"].gt(start)
        & df["final_plan_date"].le(ts)
        & df["ehcna_request_date"].notna()
    )
    exc = df["exception_flag"].fillna(False).astype(bool)
    days = (df["final_plan_date"] - df["ehcna_request_date"]).dt.days
    new_ex = new & ~exc
    pa = df["persistent_absence"].where(
        df["persistent_absence"].notna(),
        df["attendance_pct"].le(90).where(df["attendance_pct"].notna()),
    )
    pa_known = pa.notna()
    pa = pa.fillna(False).astype(bool)
    v = {
        "rows": len(df),
        "ehc_plans": int(e.sum()),
        "sen_support": int(k.sum()),
        "ehc_new_plans": int(new.sum()),
        "ehc_within_20_weeks_pct": _pct(days.le(140), new_ex),
        "ehc_within_20_weeks_incl_exceptions_pct": _pct(days.le(140), new),
        "ehc_mean_weeks": round(float((days[new_ex] / 7).mean()), 1) if new_ex.any() else None,
    }
    basis = df["last_annual_review_date"].fillna(df["final_plan_date"])

    def months_before(m):  # noqa: E306
        return pd.Timestamp(as_of) - pd.DateOffset(months=m)

    overdue = basis.lt(months_before(12))
    v["annual_reviews_overdue"] = int((e & overdue).sum())
    v["persistent_absence_pct"] = _pct(pa, school & pa_known)
    ya = age.between(16, 25)
    v["neet"] = int((ya & df["neet"].fillna(False).astype(bool)).sum())
    for flag in FLAGS:
        for suffix, code in (("_ehc", "E"), ("_sen_support", "K"), ("_no_sen", "N")):
            v[f"{flag}{suffix}"] = int(
                (df["sen_status"].eq(code) & df[flag].fillna(False).astype(bool)).sum()
            )
    for col in ("primary_need", "phase", "setting_type"):
        df.groupby(col, dropna=False)["sen_status"].value_counts()
    return v
