"""A SEN2 Blade export's indicators in DuckDB SQL, for the benchmark's comparison (no validation, no hashing).

The nine CSV files are read as text, typed, and turned into one row per person with the same rules as
`sendready.domain.sen2.mapping.rows_from_sen2` (latest request, its assessment and plan, open or active
plan, rank-1 need, current placement); then `duckdb_indicators` computes the person-level indicator set and
breakdowns on that table. A person is keyed by the text sendready hashes (UPN, else ULN, else the return's
person key), so two rows with one UPN are one person here too. Row order comes from the export's
`*orderseqcolumn`, which the generator numbers in file order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import duckdb_indicators

from sendready.domain.person_level.schema import load_schema
from sendready.domain.sen2.mapping import NEED_CODES, SETTING_TYPES

MODULES = {
    "person": "person",
    "requests": "requests",
    "assessment": "assessment",
    "named_plan": "namedplan",
    "active_plans": "activeplans",
    "placement": "placementdetail",
    "need": "senneed",
}
COUNTED = {
    "requests": "requests",
    "assessments": "assessment",
    "plans": "named_plan",
    "active_plans": "active_plans",
    "placements": "placement",
    "needs": "need",
}
NULL_COLUMNS = {
    "persistent_absence": "BOOLEAN",
    "attendance_pct": "DOUBLE",
    "suspensions": "BIGINT",
    "permanent_exclusion": "BOOLEAN",
    "neet": "BOOLEAN",
    "elective_home_education": "BOOLEAN",
    "children_missing_education": "BOOLEAN",
    "alternative_provision": "VARCHAR",
    "placed_out_of_area": "BOOLEAN",
    "phase": "VARCHAR",
    **{flag: "BOOLEAN" for flag in duckdb_indicators.FLAGS},
}


def _file(folder: Path, module_file: str) -> str:
    return str(next(folder.glob(f"*_{module_file}.csv")))


def _date(column: str) -> str:
    return f"CAST(try_strptime({column}, '%Y-%b-%d %H:%M:%S') AS DATE)"


def _bool(column: str) -> str:
    return (
        f"CASE WHEN upper(trim({column})) IN ('TRUE', '1', 'Y', 'YES', 'T') THEN true "
        f"WHEN upper(trim({column})) IN ('FALSE', '0', 'N', 'NO', 'F') THEN false END"
    )


def _pairs(mapping: dict[str, str | None]) -> str:
    return "MAP {" + ", ".join(f"'{k}': '{v}'" for k, v in mapping.items()) + "}"


def _person_sql(as_of: dt.date) -> str:
    day = f"DATE '{as_of.isoformat()}'"
    upn = "nullif(upper(regexp_replace(coalesce(upn, ''), '\\s+', '', 'g')), '')"
    uln = "nullif(upper(regexp_replace(coalesce(uniquelearnernumber, ''), '\\s+', '', 'g')), '')"
    ethnicities = ", ".join(f"'{e}'" for e in load_schema()["ethnicity"].allowed)
    return f"""
    CREATE TEMP TABLE keyed AS SELECT persontableid,
      CASE WHEN {upn} IS NOT NULL THEN 'upn:' || {upn} WHEN {uln} IS NOT NULL THEN 'uln:' || {uln}
           ELSE 'sen2:' || persontableid END AS pkey,
      {_date("personbirthdate")} AS date_of_birth, ethnicity,
      CAST(personorderseqcolumn AS BIGINT) AS rn FROM person;
    CREATE TEMP TABLE req AS SELECT r.requeststableid, k.pkey, CAST(r.requestsorderseqcolumn AS BIGINT) AS rn,
      {_date("r.receiveddate")} AS received, r.requestoutcome AS outcome,
      {_date("r.requestoutcomedate")} AS outcome_date
      FROM requests r JOIN keyed k USING (persontableid);
    CREATE TEMP TABLE latest AS SELECT * FROM req
      QUALIFY row_number() OVER (PARTITION BY pkey ORDER BY received DESC NULLS LAST, rn DESC) = 1;
    CREATE TEMP TABLE ass AS SELECT assessmenttableid, requeststableid,
      CAST(assessmentorderseqcolumn AS BIGINT) AS rn, {_bool("week20")} AS week20 FROM assessment;
    CREATE TEMP TABLE plan AS SELECT p.assessmenttableid, r.pkey, {_date("p.startdate")} AS start_date,
      {_date("p.ceasedate")} AS cease_date, CAST(p.namedplanorderseqcolumn AS BIGINT) AS rn
      FROM named_plan p JOIN ass a USING (assessmenttableid) JOIN req r USING (requeststableid);
    CREATE TEMP TABLE ap AS SELECT a.activeplanstableid, r.pkey, {_date("a.lastreview")} AS last_review,
      CAST(a.activeplansorderseqcolumn AS BIGINT) AS rn
      FROM active_plans a JOIN req r USING (requeststableid);
    CREATE TEMP TABLE pupils AS
    WITH persons AS (SELECT * FROM keyed QUALIFY row_number() OVER (PARTITION BY pkey ORDER BY rn) = 1),
    last_ass AS (SELECT * FROM ass QUALIFY row_number() OVER (PARTITION BY requeststableid ORDER BY rn DESC) = 1),
    plan_of AS (SELECT * FROM plan QUALIFY row_number() OVER (PARTITION BY assessmenttableid
                ORDER BY start_date DESC NULLS LAST, rn DESC) = 1),
    open_plans AS (SELECT DISTINCT pkey FROM plan WHERE cease_date IS NULL OR cease_date > {day}),
    with_active AS (SELECT pkey, max(last_review) AS last_review FROM ap GROUP BY pkey),
    need AS (SELECT ap.pkey, coalesce({_pairs(NEED_CODES)}[n.sentype], n.sentype) AS primary_need
             FROM need n JOIN ap USING (activeplanstableid) WHERE trim(n.sentyperank) = '1'
             QUALIFY row_number() OVER (PARTITION BY ap.pkey ORDER BY ap.rn DESC) = 1),
    place AS (SELECT ap.pkey,
               CASE WHEN {_bool("p.resourcedprovisionindicator")} OR {_bool("p.senunitindicator")}
                    THEN 'resourced_provision' ELSE {_pairs(SETTING_TYPES)}[p.sensetting] END AS setting_type
              FROM placement p JOIN ap USING (activeplanstableid)
              WHERE p.leavingdate IS NULL OR {_date("p.leavingdate")} > {day}
              QUALIFY row_number() OVER (PARTITION BY ap.pkey ORDER BY CAST(p.placementrank AS BIGINT)
                      NULLS LAST, {_date("p.entrydate")} DESC NULLS LAST,
                      CAST(p.placementdetailorderseqcolumn AS BIGINT) DESC) = 1)
    SELECT persons.pkey AS person_id, persons.date_of_birth,
      CASE WHEN persons.ethnicity IN ({ethnicities}) THEN persons.ethnicity END AS ethnicity,
      CASE WHEN o.pkey IS NOT NULL OR w.pkey IS NOT NULL THEN 'E' ELSE 'N' END AS sen_status,
      CASE WHEN o.pkey IS NOT NULL OR w.pkey IS NOT NULL THEN need.primary_need END AS primary_need,
      place.setting_type, l.received AS ehcna_request_date,
      CASE WHEN l.outcome = 'A' THEN l.outcome_date END AS decision_to_assess_date,
      plan_of.start_date AS final_plan_date, last_ass.week20 AS exception_flag,
      w.last_review AS last_annual_review_date,
      {", ".join(f"CAST(NULL AS {t}) AS {c}" for c, t in NULL_COLUMNS.items())}
    FROM persons LEFT JOIN latest l USING (pkey)
      LEFT JOIN last_ass ON last_ass.requeststableid = l.requeststableid
      LEFT JOIN plan_of ON plan_of.assessmenttableid = last_ass.assessmenttableid
      LEFT JOIN open_plans o ON o.pkey = persons.pkey
      LEFT JOIN with_active w ON w.pkey = persons.pkey
      LEFT JOIN need ON need.pkey = persons.pkey
      LEFT JOIN place ON place.pkey = persons.pkey"""


def compute(folder: str, as_of: dt.date) -> dict:
    """Read the nine CSVs into DuckDB; the indicators, breakdowns and each table's row count."""
    con = duckdb.connect()
    base = Path(folder)
    for table, module_file in MODULES.items():
        con.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header=true, all_varchar=true)",
            [_file(base, module_file)],
        )
    for statement in _person_sql(as_of).split(";"):
        con.execute(statement)
    result = duckdb_indicators.compute_from(con, as_of)
    result["values"]["persons"] = result["values"]["rows"]
    for name, table in COUNTED.items():
        result["values"][name] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    con.close()
    return result
