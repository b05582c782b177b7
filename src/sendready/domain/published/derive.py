"""Build the shipped table of DfE's published figures from DfE's own release files, as downloaded.

Run `python -m sendready.domain.published.derive ../shared/data` to rewrite the shipped
`data/dfe_published_figures.csv`; a test checks the shipped file equals what this derives, so nobody
types a published number by hand.

Each output row is one figure: measure, year, level (national, regional, local authority), code
(E92000001, the region's code, or the 3-digit LA code, which DfE keeps when an authority's ONS code
changes), and the value exactly as DfE printed it (a number, or a code such as x, z, c, ..).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sendready.domain.published.measures import PublishedMeasure, load_measures

COLUMNS = ["measure", "year", "level", "code", "value"]
ENGLAND = "E92000001"
TRIBUNAL_FILE = "dfe_ehcp_2025_send_tribunals_appeal_rate_2014-2024.csv"
LA_FILE = "dfe_local_authorities_153_2024-25.csv"
LEVELS = {"National": "national", "Regional": "regional", "Local authority": "la"}
# The tribunal table names some areas differently from DfE's list of 153.
TRIBUNAL_NAMES = {"durham": "countydurham", "herefordshire": "herefordshirecountyof"}
# The tribunal table prints the old Dorset county (835) under today's Dorset (838) before the 2019 merger;
# DfE's other files keep them apart, and so do we.
TRIBUNAL_BEFORE_MERGER = {"838": ("835", "2019")}
# In the 2024 columns only, these two rows carry the figures of the area whose LA code the row prints
# (swapped with its name): only that way do 2024's appealable decisions match each area's plans.
TRIBUNAL_BY_PRINTED_CODE = {("centralbedfordshire", "2024"), ("cambridgeshire", "2024")}
# Authorities abolished before 2024-25 that the tribunal table still lists: LA code and region.
FORMER_AREAS = {
    "cumbria": ("909", "E12000002"),
    "northamptonshire": ("928", "E12000004"),
    "bournemouth": ("837", "E12000009"),
    "poole": ("836", "E12000009"),
}


@dataclass(frozen=True)
class FigureRow:
    """One published figure as printed: which measure, year, place and the value's text."""

    measure: str
    year: str
    level: str
    code: str
    value: str

    def as_list(self) -> list[str]:
        """The row in COLUMNS order."""
        return [self.measure, self.year, self.level, self.code, self.value]


def _read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8-sig", newline="")))


def _year(measure: PublishedMeasure, time_period: str) -> str:
    # Caseload is an academic year (202425) counted in January: the January's calendar year.
    return "20" + time_period[-2:] if measure.period == "january" else time_period


def _release_rows(
    measure: PublishedMeasure, source: dict[str, Any], rows: list[dict[str, str]]
) -> Iterator[FigureRow]:
    years = set(source.get("years", []))
    for r in rows:
        if years and r["time_period"] not in years:
            continue
        topic = source.get("breakdown_topic")
        if topic and r.get("breakdown_topic") != topic:
            continue
        level = LEVELS[r["geographic_level"]]
        code = {"national": ENGLAND, "regional": r["region_code"], "la": r["old_la_code"]}[level]
        value = tidy(r[source["column"]])
        yield FigureRow(measure.id, _year(measure, r["time_period"]), level, code, value)


def _name_key(name: str) -> str:
    plain = re.sub(r"[^a-z]", "", re.sub(r"[\d,]+$", "", name.strip()).lower())
    return TRIBUNAL_NAMES.get(plain, plain)


def tribunal_rows(measure: PublishedMeasure, folder: Path) -> Iterator[FigureRow]:
    """The appeal rate table: title rows, two header rows, region headings, footnote digits on names.

    Areas are matched on their names: the table's LA codes are wrong for five areas (Nottingham,
    Nottinghamshire, Northamptonshire, Cambridgeshire and Central Bedfordshire swap codes), except in
    TRIBUNAL_BY_PRINTED_CODE. DfE publishes no regional rate: each region's is worked out from its
    areas' appeals and appealable decisions."""
    las = {_name_key(r["la_name"]): r for r in _read(folder / LA_FILE)}
    las |= {k: {"old_la_code": c, "region_code": g} for k, (c, g) in FORMER_AREAS.items()}
    by_code = {r["old_la_code"]: r for r in las.values()}
    text = (folder / TRIBUNAL_FILE).read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    header = next(i for i, row in enumerate(table) if row and row[0].strip() == "Local Authority")
    years = [
        (i, c.strip()) for i, c in enumerate(table[header]) if re.fullmatch(r"\d{4}", c.strip())
    ]
    sums: dict[tuple[str, str], list[int]] = {}
    for row in table[header + 2 :]:
        name = row[0].strip() if row else ""
        area = las.get(_name_key(name))
        if not name.startswith("England Total") and area is None:
            continue  # region headings, notes and the "excluding suppressed" line
        for col, year in years:
            appeals, decisions, rate = (_plain(c) for c in row[col : col + 3])
            if area is None:
                yield FigureRow(measure.id, year, "national", ENGLAND, rate)
                continue
            place = area
            if (_name_key(name), year) in TRIBUNAL_BY_PRINTED_CODE:
                place = by_code[row[1].strip()]
            former, merged = TRIBUNAL_BEFORE_MERGER.get(place["old_la_code"], ("", ""))
            code = former if year < merged else place["old_la_code"]
            yield FigureRow(measure.id, year, "la", code, rate)
            if decisions.isdigit() and (appeals.isdigit() or appeals in ("-", "")):
                total = sums.setdefault((year, place["region_code"]), [0, 0])
                total[0] += int(appeals) if appeals.isdigit() else 0
                total[1] += int(decisions)
    for (year, region), (appeals_sum, decisions_sum) in sums.items():
        yield FigureRow(
            measure.id, year, "regional", region, f"{100 * appeals_sum / decisions_sum:.1f}"
        )


def _plain(cell: str) -> str:
    # " - " is DfE's nil (no appeals); thousands commas and per cent signs go.
    return tidy(cell.replace(",", "").removesuffix(" ").removesuffix("%"))


def tidy(cell: str) -> str:
    """A value as printed, without padding or a float's trailing zeros ("85.700000000000" is 85.7)."""
    text = cell.strip()
    if re.fullmatch(r"-?\d+\.\d+", text):
        return repr(float(text))
    return text


def derive(folder: Path) -> list[FigureRow]:
    """Every published figure the product ships, from the DfE files in `folder`."""
    cache: dict[str, list[dict[str, str]]] = {}
    out: list[FigureRow] = []
    for measure in load_measures():
        for source in measure.sources:
            if source["file"] == TRIBUNAL_FILE:
                out.extend(tribunal_rows(measure, folder))
                continue
            rows = cache.setdefault(source["file"], _read(folder / source["file"]))
            out.extend(_release_rows(measure, source, rows))
    return sorted(out, key=lambda f: (f.measure, f.year, f.level, f.code))


def write_csv(rows: Iterable[FigureRow]) -> str:
    """The shipped file's text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(r.as_list() for r in rows)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    """Rewrite the shipped figures from the DfE files in argv[1]."""
    target = Path(__file__).with_name("data") / "dfe_published_figures.csv"
    target.write_text(write_csv(derive(Path(argv[1]))), encoding="utf-8")
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
