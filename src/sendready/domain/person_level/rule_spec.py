"""What an indicator rule is: shared by our own rules (indicator_rules.py) and DfE's (dfe_rules.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import polars as pl

TWENTY_WEEKS_DAYS = 140
SIX_WEEKS_DAYS = 42
Period = Literal["", "rolling", "calendar"]


@dataclass(frozen=True)
class Spec:
    """How to compute one indicator: counts of numerator (within denominator) or an aggregate.

    `needs` names optional columns the figure cannot be worked out without: when a file does not have
    one of them (or has it blank on every row), the figure is "not in this file", never a wrong number.
    `period` says which dates the figure covers: the 12 months up to the date of the figures
    ("rolling"), DfE's last whole calendar year ("calendar"), or the date of the figures itself ("").
    """

    id: str
    kind: Literal["count", "pct", "mean", "sum"]
    numerator: pl.Expr
    denominator: pl.Expr | None = None
    value: pl.Expr | None = None
    needs: tuple[str, ...] = ()
    period: Period = ""
