"""Commands share one set of CLI helpers and never import each other."""

import ast
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

import sendready
from sendready.cli_options import parse_iso_date

SRC = Path(sendready.__file__).parent


def _modules() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts]


def test_no_module_imports_from_a_management_command_module() -> None:
    offenders = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            offenders += [f"{path.relative_to(SRC)}: {n}" for n in names if ".commands" in n]
    assert offenders == []


def test_every_format_and_date_option_comes_from_cli_options() -> None:
    commands = [p for p in _modules() if p.parent.name == "commands" and p.name != "__init__.py"]
    assert len(commands) >= 10
    for path in commands:
        text = path.read_text(encoding="utf-8")
        assert '"--format"' not in text, path.name
        assert "fromisoformat" not in text, path.name
        assert "json.dumps" not in text, path.name


def test_a_badly_written_date_is_refused_in_plain_words_naming_the_option() -> None:
    with pytest.raises(
        CommandError, match="--as-of must be a date written YYYY-MM-DD.*'31/3/2025'"
    ):
        parse_iso_date("31/3/2025", "--as-of")
    assert parse_iso_date(None, "--as-of") is None


@pytest.mark.django_db
def test_backtest_refuses_a_bad_from_date_before_doing_any_work() -> None:
    with pytest.raises(CommandError, match="--from must be a date written YYYY-MM-DD"):
        call_command("backtest", "--from", "2024-13-01")
