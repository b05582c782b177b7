"""A problem found in a SEN2 return: which file, row and column, in words a council officer can act on."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PROBLEMS = 1000
ROW_COLUMN = "_source_row"


@dataclass(frozen=True)
class Sen2Problem:
    """One error or warning; row is the spreadsheet row (heading row is 1); None for the whole file."""

    file: str | None
    row: int | None
    column: str | None
    message: str


class Sen2ReadError(Exception):
    """The return could not be read at all; `problem` says why."""

    def __init__(self, problem: Sen2Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem
