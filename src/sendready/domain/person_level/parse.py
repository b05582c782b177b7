"""Vectorised parsing of person-level cells (strings) into typed polars columns, shared by validation."""

from __future__ import annotations

from datetime import date

import polars as pl

from sendready.domain.person_level.schema import Column, load_schema

EXCEL_EPOCH = date(1899, 12, 30)
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")


def clean(name: str) -> pl.Expr:
    """A raw column with surrounding whitespace removed and blank cells as null."""
    s = pl.col(name).cast(pl.String).str.strip_chars()
    return pl.when(s.eq("")).then(None).otherwise(s)


def parse_date(raw: pl.Expr) -> pl.Expr:
    """Parse ISO, ISO date-time, DD/MM/YYYY (and - or . separators) or an Excel serial number."""
    token = raw.str.extract(r"^(\S+)", 1)
    iso = token.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    tries = [token.str.to_date(fmt, strict=False) for fmt in _DATE_FORMATS]
    serial_days = (
        pl.when(token.str.contains(r"^[1-9][0-9]{4}(\.0+)?$"))
        .then(token.cast(pl.Float64, strict=False).cast(pl.Int64, strict=False))
        .otherwise(None)
    )
    serial = pl.lit(EXCEL_EPOCH) + pl.duration(days=serial_days)
    return pl.coalesce([iso, *tries, serial.cast(pl.Date)])


def parse_iso_date(raw: pl.Expr) -> pl.Expr:
    """The fast path: ISO dates (optionally with a time after them) only; null for anything else."""
    return raw.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)


def parse_fast(raw: pl.Expr, column: Column) -> pl.Expr | None:
    """A cheaper parser for the usual spelling (ISO dates, Y/N, exact codes), or None if there is none.

    Where it gives null for a non-blank cell, the caller re-parses that column with parse_column.
    """
    if column.type == "date":
        return parse_iso_date(raw)
    if column.type == "boolean":
        # The exact values only (as replace_strict would map them), but keeping the column's chunks.
        schema = load_schema()
        return (
            pl.when(raw.is_in(sorted(schema.true_values)))
            .then(True)
            .when(raw.is_in(sorted(schema.false_values)))
            .then(False)
            .otherwise(None)
        )
    if column.type == "code":
        return raw.replace_strict(
            {c: c for c in column.allowed}, default=None, return_dtype=pl.String
        )
    return None


def parse_number_fast(raw: pl.Expr, column: Column) -> pl.Expr:
    """Numbers as polars reads them (no spaces, % or commas); null where parse_column must be used."""
    number = raw.cast(pl.Float64, strict=False)
    if column.type == "integer":
        whole = pl.when(number.eq(number.round(0))).then(number).otherwise(None)
        return whole.cast(pl.Int64, strict=False)
    return number


def is_serial_date(raw: pl.Expr) -> pl.Expr:
    """True where a date cell was written as an Excel serial number."""
    return raw.str.contains(r"^[1-9][0-9]{4}(\.0+)?$")


def parse_boolean(raw: pl.Expr) -> pl.Expr:
    """Y/N, Yes/No, TRUE/FALSE, 1/0 in any case (and 1.0/0.0 from Excel) to a Boolean."""
    schema = load_schema()
    mapping = {v: True for v in schema.true_values} | {v: False for v in schema.false_values}
    mapping |= {"1.0": True, "0.0": False}
    return raw.str.to_uppercase().replace_strict(mapping, default=None, return_dtype=pl.Boolean)


def parse_code(raw: pl.Expr, column: Column) -> pl.Expr:
    """A code or its readable label, in any case, to the canonical code (null if unknown)."""
    lookup = load_schema().code_lookup(column.name)
    return raw.str.to_uppercase().replace_strict(lookup, default=None, return_dtype=pl.String)


def parse_number(raw: pl.Expr) -> pl.Expr:
    """A number, allowing a trailing % and thousands commas."""
    return raw.str.replace_all(r"[,%\s]", "").cast(pl.Float64, strict=False)


def parse_column(raw: pl.Expr, column: Column) -> pl.Expr:
    """Typed value for a cleaned raw column according to its schema type (null when unparseable)."""
    match column.type:
        case "date":
            return parse_date(raw)
        case "boolean":
            return parse_boolean(raw)
        case "code":
            return parse_code(raw, column)
        case "integer":
            number = parse_number(raw)
            whole = pl.when(number.eq(number.round(0))).then(number).otherwise(None)
            return whole.cast(pl.Int64, strict=False)
        case "decimal":
            return parse_number(raw)
        case _:
            return raw


def polars_type(column: Column) -> pl.DataType:
    """The polars dtype of a typed column."""
    return {
        "date": pl.Date(),
        "boolean": pl.Boolean(),
        "integer": pl.Int64(),
        "decimal": pl.Float64(),
    }.get(column.type, pl.String())


def age_at(dob: pl.Expr, when: date) -> pl.Expr:
    """Whole years of age on `when` for a date-of-birth expression."""
    not_yet = (dob.dt.month().cast(pl.Int32) * 100 + dob.dt.day().cast(pl.Int32)) > (
        when.month * 100 + when.day
    )
    return (pl.lit(when.year, dtype=pl.Int32) - dob.dt.year().cast(pl.Int32)) - not_yet.cast(
        pl.Int32
    )


def empty_typed_frame() -> pl.DataFrame:
    """An empty frame with every schema column in its typed dtype (plus the row number)."""
    schema = load_schema()
    return pl.DataFrame(
        schema={"_source_row": pl.Int64(), **{c.name: polars_type(c) for c in schema.columns}}
    )
