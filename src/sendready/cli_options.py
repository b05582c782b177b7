"""Options and output every `sendready` command shares: dates written YYYY-MM-DD and `--format json|text`.

Commands import these rather than each other, so a command module is never a library and every
command words a bad date, and prints its JSON, the same way.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import CommandError, CommandParser, OutputWrapper

FORMATS = ("json", "text")


def add_format_option(parser: CommandParser, *, default: str = "text") -> None:
    """`--format json|text`: JSON for scripts (keys are a contract), text for people."""
    parser.add_argument("--format", choices=list(FORMATS), default=default)


def add_date_option(
    parser: CommandParser, flag: str, *, help: str, dest: str | None = None, required: bool = False
) -> None:
    """An option taking a date written YYYY-MM-DD; read it in handle() with `parse_iso_date`."""
    extra = {"dest": dest} if dest else {}
    parser.add_argument(flag, required=required, metavar="YYYY-MM-DD", help=help, **extra)


def parse_iso_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value (None when it was not given), or a CommandError in plain words."""
    return None if value is None else iso_date(value, option)


def iso_date(value: str, option: str) -> date:
    """A date written YYYY-MM-DD, or a CommandError naming the option and an example."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"{option} must be a date written YYYY-MM-DD, for example 2025-09-08; got '{value}'."
        ) from None


def write_json(out: OutputWrapper, payload: Any) -> None:
    """The command's JSON answer, indented for a person reading it too."""
    out.write(json.dumps(payload, indent=2))


def wants_json(options: dict[str, Any]) -> bool:
    """True when the command was asked for `--format json`."""
    return options.get("format") == "json"
