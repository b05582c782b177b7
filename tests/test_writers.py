"""Actions are the only writers (issue 11), read from the source so it stays so.

- Every public function of an actions module takes its parameters by keyword only (after `*`).
- Every audit entry for a change is written lexically inside `with transaction.atomic():` (or a
  function decorated `@transaction.atomic`, or a private helper only ever called from inside one),
  so the entry and the change commit or roll back together.
- Views never write to models themselves: no `.save()`, `.create()`, `.delete()` and the like.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import sendready

SRC = Path(sendready.__file__).parent

# Audit entries that describe no change of state, so share no transaction with one: a person viewed or
# exported a record (a read), or was refused (recorded as the request fails: inside the request's
# transaction the refusal would be rolled back with it).
NOT_A_CHANGE = {"VIEWED", "EXPORTED", "DENIED", "SIGN_IN_REFUSED", "SIGN_IN_THROTTLED"}

# Where an audit call's action is a parameter, so the check cannot read it: (module, function) and why.
PASSES_ITS_ACTION = {
    # Records refused or held-back sign-ins only (its callers pass SIGN_IN_REFUSED or
    # SIGN_IN_THROTTLED): refusals, which must outlive the failed request, not changes.
    ("accounts/throttle.py", "audit_sign_in"),
}


# Calls that write a model or a queryset. `update` is flagged only on a queryset (see _writes).
WRITES = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}


def _sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def _rel(path: Path) -> str:
    return str(path.relative_to(SRC))


def _is_actions_module(path: Path) -> bool:
    return (
        path.name == "actions.py" or path.stem.endswith("_actions") or "actions" in path.parent.name
    )


def _is_views_module(path: Path) -> bool:
    return path.name == "views.py" or path.stem.endswith("_views") or path.parent.name == "views"


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _is_atomic(node: ast.expr) -> bool:
    """`transaction.atomic`, `transaction.atomic()`, `atomic` or `atomic(using=...)`."""
    if isinstance(node, ast.Call):
        node = node.func
    return (isinstance(node, ast.Attribute) and node.attr == "atomic") or (
        isinstance(node, ast.Name) and node.id == "atomic"
    )


def _enclosing(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.AST | None:
    """The innermost `with atomic` block or function around `node`."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.With | ast.AsyncWith) and any(
            _is_atomic(item.context_expr) for item in node.items
        ):
            return node
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node
    return None


def _inside_atomic(
    node: ast.AST, tree: ast.Module, parents: dict[ast.AST, ast.AST], seen: frozenset = frozenset()
) -> bool:
    """Inside `with transaction.atomic():` or an `@transaction.atomic` function; or inside a private
    helper of the module (`_name`) that is called, and only called, from such places there."""
    around = _enclosing(node, parents)
    if isinstance(around, ast.With | ast.AsyncWith):
        return True
    if not isinstance(around, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    if any(_is_atomic(d) for d in around.decorator_list):
        return True
    # A nested function runs when it is called, not where it is written: only a module's own
    # private functions are followed to their callers.
    if not around.name.startswith("_") or around not in tree.body or around.name in seen:
        return False
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == around.name
    ]
    return bool(calls) and all(
        _inside_atomic(c, tree, parents, seen | {around.name}) for c in calls
    )


def _function_of(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node.name
    return ""


def _audit_calls(tree: ast.Module) -> Iterator[ast.Call]:
    """Calls of sendready.audit.log.record, however it was imported."""
    names = {
        a.asname or a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "sendready.audit.log"
        for a in node.names
        if a.name == "record"
    }
    modules = {
        a.asname or a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "sendready.audit"
        for a in node.names
        if a.name == "log"
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (isinstance(func, ast.Name) and func.id in names) or (
            isinstance(func, ast.Attribute)
            and func.attr == "record"
            and isinstance(func.value, ast.Name)
            and func.value.id in modules
        ):
            yield node


def _action_named(call: ast.Call) -> str | None:
    """The AuditAction member a call records (`AuditAction.VIEWED` -> 'VIEWED'), if written so."""
    given = call.args[1] if len(call.args) > 1 else None
    given = next((k.value for k in call.keywords if k.arg == "action"), given)
    if (
        isinstance(given, ast.Attribute)
        and isinstance(given.value, ast.Name)
        and given.value.id == "AuditAction"
    ):
        return given.attr
    return None


def _writes(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr in WRITES:
        return True
    # `Model.objects.update(...)`, `Model.objects.filter(...).update(...)`: not a dict's update.
    return func.attr == "update" and (
        isinstance(func.value, ast.Call)
        or (isinstance(func.value, ast.Attribute) and func.value.attr == "objects")
    )


def test_the_checks_find_actions_and_views_modules() -> None:
    """Guard against a rename leaving the checks below with nothing to look at."""
    actions = [_rel(p) for p in _sources() if _is_actions_module(p)]
    views = [_rel(p) for p in _sources() if _is_views_module(p)]
    assert "inspections/actions.py" in actions and "areas/actions.py" in actions
    assert "cases/workspace_actions.py" in actions and len(actions) >= 15
    assert "areas/people_views.py" in views and "inspection_requests/views/board.py" in views


def positional_actions(rel: str, source: str) -> list[str]:
    """Public functions of an actions module that take any argument by position."""
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if node.name.startswith("_"):
            continue
        args = node.args
        if args.posonlyargs or args.args or args.vararg:
            found.append(f"{rel}:{node.lineno} {node.name}")
    return found


def audit_outside_transactions(rel: str, source: str) -> list[str]:
    """Audit entries for a change written where no transaction surely holds them."""
    tree = ast.parse(source)
    parents = _parents(tree)
    found = []
    for call in _audit_calls(tree):
        if _action_named(call) in NOT_A_CHANGE:
            continue
        if (rel, _function_of(call, parents)) in PASSES_ITS_ACTION:
            continue
        if not _inside_atomic(call, tree, parents):
            found.append(f"{rel}:{call.lineno}")
    return found


def model_writes(rel: str, source: str) -> list[str]:
    """Calls in a module that write a model or a queryset."""
    return [
        f"{rel}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and _writes(node) and isinstance(node.func, ast.Attribute)
    ]


def test_every_public_action_takes_keyword_only_arguments() -> None:
    found = [
        problem
        for path in filter(_is_actions_module, _sources())
        for problem in positional_actions(_rel(path), path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_audit_entry_for_a_change_is_written_inside_its_transaction() -> None:
    found = [
        problem
        for path in _sources()
        for problem in audit_outside_transactions(_rel(path), path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_views_do_not_write_models_themselves() -> None:
    found = [
        problem
        for path in filter(_is_views_module, _sources())
        for problem in model_writes(_rel(path), path.read_text(encoding="utf-8"))
    ]
    assert found == []


CHANGES = """
from django.db import transaction
from sendready.audit.log import record
from sendready.audit.constants import AuditAction


def good(*, actor, thing, request=None):
    with transaction.atomic():
        thing.save()
        record(request, AuditAction.CHANGED, "thing", thing.pk, user=actor)


@transaction.atomic
def decorated(*, actor, thing):
    record(None, AuditAction.DELETED, "thing", thing.pk, user=actor)


def _audit(actor, thing):
    record(None, AuditAction.CHANGED, "thing", thing.pk, user=actor)


def helped(*, actor, thing):
    with transaction.atomic():
        _audit(actor, thing)


def viewed(request, thing):
    record(request, AuditAction.VIEWED, "thing", thing.pk)


def after_commit(thing, user, request=None):
    with transaction.atomic():
        thing.save()
    record(request, action=AuditAction.CHANGED, object_type="thing", user=user)


def _also_audit(actor):
    record(None, AuditAction.CREATED, "thing", user=actor)


def unsure(*, actor):
    _also_audit(actor)
    with transaction.atomic():
        _also_audit(actor)


def nested(*, actor):
    with transaction.atomic():
        def later():
            record(None, AuditAction.CHANGED, "thing", user=actor)
        return later
"""


def test_the_checks_catch_what_they_are_for() -> None:
    """Each check finds the planted faults and passes the right forms (else the tests above prove
    nothing)."""
    lines = CHANGES.splitlines()

    def said(found: list[str]) -> list[str]:
        return [lines[int(f.split(":")[1].split()[0]) - 1].strip() for f in found]

    assert said(positional_actions("x/actions.py", CHANGES)) == [
        "def viewed(request, thing):",
        "def after_commit(thing, user, request=None):",
    ]
    assert said(audit_outside_transactions("x/actions.py", CHANGES)) == [
        'record(request, action=AuditAction.CHANGED, object_type="thing", user=user)',
        'record(None, AuditAction.CREATED, "thing", user=actor)',
        'record(None, AuditAction.CHANGED, "thing", user=actor)',
    ]
    assert said(model_writes("x/views.py", CHANGES)) == ["thing.save()", "thing.save()"]
    assert model_writes("x/views.py", "context.update(x)\nrequest.session.update(y)\n") == []
    assert model_writes("x/views.py", "Thing.objects.filter(a=1).update(b=2)\n") == [
        "x/views.py:1 .update()"
    ]
