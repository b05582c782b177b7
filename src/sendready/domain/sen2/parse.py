"""Typed values from the Blade export's strings: dates like `2022-Sep-28 00:00:00`, yes/no, codes, numbers."""

from __future__ import annotations

import polars as pl

from sendready.domain.sen2.spec import Sen2Column

BLADE_DATE_FORMAT = "%Y-%b-%d %H:%M:%S"
_TRUE = ["TRUE", "1", "Y", "YES", "T"]
_FALSE = ["FALSE", "0", "N", "NO", "F"]


def blank(raw: pl.Expr) -> pl.Expr:
    """Missing or only spaces."""
    return raw.is_null() | (raw.str.strip_chars() == "")


def parse_date_fast(raw: pl.Expr) -> pl.Expr:
    """Only COLLECT's own form (the first 11 characters, `2022-Sep-28`): one pass, no fallbacks."""
    return raw.str.slice(0, 11).str.strptime(pl.Date, "%Y-%b-%d", strict=False)


def parse_date(raw: pl.Expr) -> pl.Expr:
    """COLLECT's `2022-Sep-28 00:00:00`; also `2022-Sep-28` and ISO `2022-09-28` (the XML return's)."""
    s = raw.str.strip_chars()
    return pl.coalesce(
        s.str.strptime(pl.Datetime, BLADE_DATE_FORMAT, strict=False).dt.date(),
        s.str.strptime(pl.Date, "%Y-%b-%d", strict=False),
        s.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
    )


def parse_datetime(raw: pl.Expr) -> pl.Expr:
    s = raw.str.strip_chars()
    return pl.coalesce(
        s.str.strptime(pl.Datetime, BLADE_DATE_FORMAT, strict=False),
        s.str.strptime(pl.Datetime, "%Y-%m-%dT%H:%M:%S", strict=False),
        s.str.strptime(pl.Date, "%Y-%m-%d", strict=False).cast(pl.Datetime),
    )


def parse_boolean(raw: pl.Expr) -> pl.Expr:
    s = raw.str.strip_chars().str.to_uppercase()
    return pl.when(s.is_in(_TRUE)).then(True).when(s.is_in(_FALSE)).then(False)


def parse_value(raw: pl.Expr, column: Sen2Column) -> pl.Expr:
    """The typed value; null where the cell is blank or cannot be read as its type."""
    s = raw.str.strip_chars()
    match column.type:
        case "date":
            return parse_date(raw)
        case "datetime":
            return parse_datetime(raw)
        case "integer":
            return s.cast(pl.Int64, strict=False)
        case "boolean":
            return parse_boolean(raw)
        case "code":
            upper = s.str.to_uppercase()
            return pl.when(upper.is_in(list(column.allowed))).then(upper)
        case "urn":
            return pl.when(s.str.contains(r"^\d{6}$")).then(s)
        case "ukprn":
            return pl.when(s.str.contains(r"^\d{8}$")).then(s)
        case _:
            return pl.when(s != "").then(s)


def expected(column: Sen2Column) -> str:
    """What a cell of this column should look like, for an error message."""
    match column.type:
        case "date":
            return "a date like 2022-Sep-28 00:00:00"
        case "datetime":
            return "a date and time like 2022-Sep-28 14:05:00"
        case "integer":
            return "a whole number"
        case "boolean":
            return "true or false (or 1 or 0)"
        case "code":
            return "one of " + ", ".join(column.allowed)
        case "urn":
            return "a 6-digit URN"
        case "ukprn":
            return "an 8-digit UKPRN"
        case _:
            return "text"


def dtype(column: Sen2Column) -> pl.DataType:
    return {
        "date": pl.Date(),
        "datetime": pl.Datetime(),
        "integer": pl.Int64(),
        "boolean": pl.Boolean(),
    }.get(column.type, pl.String())
