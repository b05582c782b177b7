"""A synthetic COLLECT Blade export (nine CSV files) for tests, demos and the benchmark.

Dates are set relative to `today`, so a generated export is valid in any year. Every person has one or
two requests; most requests go to assessment, most assessments to a plan, and open plans are active with
one or two placements and one or two ranked needs. `dirty=True` plants one error of each kind the import
reports (see DIRTY_KINDS), each on a known file, row and column.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from sendready.domain.sen2.parse import BLADE_DATE_FORMAT
from sendready.domain.sen2.spec import load_spec

NEEDS = ["ASD", "SEMH", "SLCN", "MLD", "SPLD", "SLD", "PMLD", "PD", "HI", "VI", "MSI", "DS", "OTH"]
NEED_WEIGHTS = [0.34, 0.17, 0.16, 0.1, 0.06, 0.05, 0.02, 0.03, 0.02, 0.01, 0.005, 0.015, 0.02]
SETTINGS = ["OLA", "OPA", "EHE", "EYP", "OTH", "NEET", "NIEC", "NIEO"]
ETHNICITY = ["WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH"]
DIRTY_KINDS = (
    "date",
    "code",
    "blank",
    "duplicate_key",
    "no_join",
    "future",
    "upn",
    "cease_reason",
    "rank",
    "urn",
)


def file_name(export_date: date, module_file: str) -> str:
    return f"Blade-Export_{export_date:%d-%m-%Y}_{module_file}.csv"


def generate_blade(
    persons: int, *, seed: int = 1, today: date | None = None, dirty: bool = False
) -> dict[str, pl.DataFrame]:
    """The nine module tables as strings, keyed by module key, with COLLECT's headings."""
    today = today or date.today()
    rng = np.random.default_rng(seed)
    reference = date(today.year if today.month > 1 else today.year - 1, 1, 16)
    n = persons
    base = np.datetime64(reference, "D")
    p_ids = np.arange(1, n + 1)
    age_days = rng.integers(365, 25 * 365, n)
    dob = base - age_days.astype("timedelta64[D]")
    upn_digits = rng.integers(10**10, 10**11, n)
    has_upn = rng.random(n) < 0.93
    has_uln = ~has_upn & (rng.random(n) < 0.6)
    person = pl.DataFrame(
        {
            "persontableid": [f"P{i}" for i in p_ids],
            "NativeId": [f"N{i}" for i in p_ids],
            "personorderseqcolumn": p_ids,
            "sourceid": "1",
            "sen2tableid": "S1",
            "surname": rng.choice(["Smith", "Jones", "Khan", "Taylor", "Brown", "Patel"], n),
            "forename": rng.choice(["Sam", "Alex", "Jo", "Ali", "Kim", "Chris"], n),
            "personbirthdate": dob,
            "sex": rng.choice(["M", "F"], n, p=[0.7, 0.3]),
            "ethnicity": rng.choice(ETHNICITY, n),
            "postcode": rng.choice(["AB1 2CD", "ZZ9 9ZZ", "E1 6AN"], n),
            "upn": np.where(
                has_upn, np.char.add("A", np.char.add(upn_digits.astype(str), "1")), ""
            ),
            "uniquelearnernumber": np.where(
                has_uln, rng.integers(10**9, 10**10, n).astype(str), ""
            ),
            "upnunknown": np.where(has_upn | has_uln, "", "UN2"),
        }
    )
    # Requests: one each, a second for a fifth of people.
    req_person = np.concatenate([p_ids, p_ids[rng.random(n) < 0.2]])
    r = len(req_person)
    r_ids = np.arange(1, r + 1)
    received = base - rng.integers(30, 3 * 365, r).astype("timedelta64[D]")
    outcome = rng.choice(["A", "H", "W"], r, p=[0.8, 0.15, 0.05])
    decided = received + rng.integers(20, 60, r).astype("timedelta64[D]")
    decided = np.minimum(decided, base)
    requests = pl.DataFrame(
        {
            "requeststableid": [f"R{i}" for i in r_ids],
            "NativeId": [f"RN{i}" for i in r_ids],
            "requestsorderseqcolumn": r_ids,
            "sourceid": "1",
            "persontableid": [f"P{i}" for i in req_person],
            "receiveddate": received,
            "rya": rng.choice(["0", "1"], r, p=[0.95, 0.05]),
            "requestoutcomedate": decided,
            "requestoutcome": outcome,
            "requestmediation": "0",
            "requesttribunal": "0",
            "exported": "0",
        }
    )
    # Assessments for agreed requests.
    a_req = r_ids[outcome == "A"]
    a = len(a_req)
    a_ids = np.arange(1, a + 1)
    a_out = rng.choice(["A", "H", "W"], a, p=[0.88, 0.1, 0.02])
    a_date = np.minimum(
        received[a_req - 1] + rng.integers(70, 200, a).astype("timedelta64[D]"), base
    )
    assessment = pl.DataFrame(
        {
            "assessmenttableid": [f"A{i}" for i in a_ids],
            "NativeId": [f"AN{i}" for i in a_ids],
            "assessmentorderseqcolumn": a_ids,
            "sourceid": "1",
            "requeststableid": [f"R{i}" for i in a_req],
            "assessmentoutcome": a_out,
            "assessmentoutcomedate": a_date,
            "assessmentmediation": "0",
            "assessmenttribunal": "0",
            "othermediation": "0",
            "othertribunal": "0",
            "week20": rng.choice(["0", "1"], a, p=[0.9, 0.1]),
        }
    )
    # Named plans for assessments that decided to issue one; a tenth have ceased.
    np_ass = a_ids[a_out == "A"]
    m = len(np_ass)
    m_ids = np.arange(1, m + 1)
    start = a_date[np_ass - 1]
    ceased = rng.random(m) < 0.1
    cease = np.minimum(start + rng.integers(30, 700, m).astype("timedelta64[D]"), base)
    named_plan = pl.DataFrame(
        {
            "namedplantableid": [f"NP{i}" for i in m_ids],
            "NativeId": [f"NPN{i}" for i in m_ids],
            "namedplanorderseqcolumn": m_ids,
            "sourceid": "1",
            "assessmenttableid": [f"A{i}" for i in np_ass],
            "startdate": start,
            "planres": "",
            "planwbp": "",
            "pb": rng.choice(["0", "1"], m, p=[0.85, 0.15]),
            "oa": "0",
            "dp": "",
            "ceasedate": np.where(ceased, cease, np.datetime64("NaT", "D")),
            "ceasereason": np.where(ceased, rng.integers(1, 10, m).astype(str), ""),
        }
    )
    urns = rng.integers(100000, 150000, m).astype(str)
    plan_detail = pl.DataFrame(
        {
            "plandetailtableid": [f"PD{i}" for i in m_ids],
            "NativeId": [f"PDN{i}" for i in m_ids],
            "plandetailorderseqcolumn": m_ids,
            "sourceid": "1",
            "namedplantableid": [f"NP{i}" for i in m_ids],
            "urn": urns,
            "ukprn": "",
            "sensetting": "",
            "sensettingother": "",
            "placementrank": "1",
            "senunitindicator": "0",
            "resourcedprovisionindicator": "0",
        }
    )
    # Active plans: the request behind each open plan.
    open_plan = ~ceased
    ap_req = a_req[np_ass[open_plan] - 1]
    k = len(ap_req)
    k_ids = np.arange(1, k + 1)
    review = base - rng.integers(0, 500, k).astype("timedelta64[D]")
    active_plans = pl.DataFrame(
        {
            "activeplanstableid": [f"AP{i}" for i in k_ids],
            "NativeId": [f"APN{i}" for i in k_ids],
            "activeplansorderseqcolumn": k_ids,
            "sourceid": "1",
            "requeststableid": [f"R{i}" for i in ap_req],
            "transferla": np.where(rng.random(k) < 0.03, "E09000001", ""),
            "res": "",
            "wbp": "",
            "reviewmeeting": review,
            "reviewoutcome": rng.choice(["C", "M"], k, p=[0.8, 0.2]),
            "lastreview": review,
        }
    )
    two_places = rng.random(k) < 0.1
    pl_ap = np.concatenate([k_ids, k_ids[two_places]])
    q = len(pl_ap)
    named_setting = rng.random(q) < 0.06
    placements = pl.DataFrame(
        {
            "placementdetailtableid": [f"PL{i}" for i in range(1, q + 1)],
            "NativeId": [f"PLN{i}" for i in range(1, q + 1)],
            "placementdetailorderseqcolumn": np.arange(1, q + 1),
            "sourceid": "1",
            "activeplanstableid": [f"AP{i}" for i in pl_ap],
            "res": "",
            "wbp": "",
            "urn": np.where(named_setting, "", rng.integers(100000, 150000, q).astype(str)),
            "ukprn": "",
            "sensetting": np.where(named_setting, rng.choice(SETTINGS, q), ""),
            "sensettingother": "",
            "placementrank": np.concatenate([np.ones(k, dtype=int), np.full(q - k, 2)]).astype(str),
            "entrydate": base - rng.integers(10, 900, q).astype("timedelta64[D]"),
            "leavingdate": "",
            "attendancepattern": "",
            "senunitindicator": rng.choice(["0", "1"], q, p=[0.95, 0.05]),
            "resourcedprovisionindicator": "0",
        }
    )
    two_needs = rng.random(k) < 0.3
    nd_ap = np.concatenate([k_ids, k_ids[two_needs]])
    s = len(nd_ap)
    needs = pl.DataFrame(
        {
            "senneedtableid": [f"SN{i}" for i in range(1, s + 1)],
            "NativeId": [f"SNN{i}" for i in range(1, s + 1)],
            "senneedorderseqcolumn": np.arange(1, s + 1),
            "sourceid": "1",
            "activeplanstableid": [f"AP{i}" for i in nd_ap],
            "sentype": rng.choice(NEEDS, s, p=NEED_WEIGHTS),
            "sentyperank": np.concatenate([np.ones(k, dtype=int), np.full(s - k, 2)]).astype(str),
        }
    )
    sen2 = pl.DataFrame(
        {
            "sen2tableid": ["S1"],
            "NativeId": ["SN1"],
            "sen2orderseqcolumn": [1],
            "sourceid": ["1"],
            "collection": ["SEN2"],
            "year": [str(reference.year)],
            "referencedate": [reference],
            "sourcelevel": ["L"],
            "softwarecode": ["Synthetic"],
            "release": ["1.0"],
            "serialno": ["1"],
            "datetime": [reference],
            "lea": ["999"],
            "dmo": [""],
            "dco": [""],
        }
    )
    tables = {
        "sen2": sen2,
        "person": person,
        "requests": requests,
        "assessment": assessment,
        "named_plan": named_plan,
        "plan_detail": plan_detail,
        "active_plans": active_plans,
        "placement_detail": placements,
        "sen_need": needs,
    }
    tables = {key: _as_strings(frame) for key, frame in tables.items()}
    if dirty:
        tables = plant_errors(tables, today)
    return tables


def _as_strings(frame: pl.DataFrame) -> pl.DataFrame:
    """Every column as the export writes it: dates as `2022-Sep-28 00:00:00`, blanks as empty."""
    exprs = []
    for name, dtype in frame.schema.items():
        col = pl.col(name)
        if dtype in (pl.Date, pl.Datetime) or isinstance(dtype, pl.Datetime):
            exprs.append(col.cast(pl.Datetime).dt.strftime(BLADE_DATE_FORMAT).alias(name))
        else:
            exprs.append(col.cast(pl.String).alias(name))
    return frame.select(exprs)


def _set(frame: pl.DataFrame, index: int, column: str, value: str | None) -> pl.DataFrame:
    series = frame.get_column(column).clone()
    series.scatter([index], [value])
    return frame.with_columns(series)


def plant_errors(tables: dict[str, pl.DataFrame], today: date) -> dict[str, pl.DataFrame]:
    """One error of each kind in DIRTY_KINDS, on the first rows of the modules they belong to."""
    t = dict(tables)
    future = (today + timedelta(days=400)).strftime("%Y-%b-%d 00:00:00")
    t["requests"] = _set(t["requests"], 0, "receiveddate", "31/02/2022")  # date: row 2
    t["requests"] = _set(t["requests"], 1, "requestoutcome", "X")  # code: row 3
    t["person"] = _set(t["person"], 0, "personbirthdate", "")  # blank: row 2
    t["person"] = _set(
        t["person"], 2, "persontableid", t["person"]["persontableid"][1]
    )  # duplicate: row 4
    t["requests"] = _set(t["requests"], 2, "persontableid", "P-NOBODY")  # no join: row 4
    t["requests"] = _set(t["requests"], 3, "receiveddate", future)  # future: row 5
    t["person"] = _set(t["person"], 3, "upn", "12345")  # upn: row 5
    ceased = t["named_plan"]["ceasedate"].is_not_null() & (t["named_plan"]["ceasedate"] != "")
    t["named_plan"] = _set(t["named_plan"], 0, "ceasedate", t["named_plan"]["startdate"][0])
    t["named_plan"] = _set(t["named_plan"], 0, "ceasereason", "")  # cease reason: row 2
    del ceased
    first_ap = t["sen_need"]["activeplanstableid"][0]
    extra = (
        t["sen_need"]
        .head(1)
        .with_columns(
            pl.lit("SN-EXTRA").alias("senneedtableid"), pl.lit(first_ap).alias("activeplanstableid")
        )
    )
    t["sen_need"] = pl.concat([extra, t["sen_need"]])  # rank: rows 2 and the plan's own row
    t["placement_detail"] = _set(t["placement_detail"], 0, "urn", "12AB")  # urn: row 2
    return t


def write_blade(
    tables: dict[str, pl.DataFrame], out_dir: str | Path, export_date: date
) -> list[Path]:
    """Write the nine CSV files; their paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for module in load_spec().modules:
        path = folder / file_name(export_date, module.file)
        tables[module.key].write_csv(path)
        paths.append(path)
    return paths
