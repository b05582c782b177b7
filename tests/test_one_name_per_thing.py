"""Each class name means one thing: no two of our classes share a name, so no class is imported `as`
another name (modules may be, as urls.py does with views)."""

import ast
from collections import defaultdict
from pathlib import Path

import sendready

SRC = Path(sendready.__file__).parent
# Django looks every management command up by this name.
SHARED_BY_DESIGN = {"Command"}


def _sources() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts]


def test_no_two_of_our_classes_share_a_name() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path in _sources():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and node.name not in SHARED_BY_DESIGN:
                where[node.name].append(str(path.relative_to(SRC)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}


def test_none_of_our_names_is_imported_under_another_name() -> None:
    aliased = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sendready"):
                aliased += [
                    f"{path.relative_to(SRC)}: {a.name} as {a.asname}"
                    for a in node.names
                    if a.asname and a.asname != a.name and a.name[:1].isupper()
                ]
    assert aliased == []
