"""Permissions: which roles hold each capability's permissions, and which need a second factor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from sendready.areas.constants import Role

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea

# Permission -> the roles holding it, in every area.
PERMISSION_ROLES: dict[str, frozenset[Role]] = {}
# Permissions whose holders must sign in with a second factor (see sendready/accounts/two_factor.py).
SECOND_FACTOR_PERMISSIONS: set[str] = set()


def register_permissions(permissions: dict[str, frozenset[Role]]) -> None:
    """Declare a capability's permissions and the roles that hold them."""
    for name, roles in permissions.items():
        if name in PERMISSION_ROLES and PERMISSION_ROLES[name] != roles:
            raise ValueError(f"Permission {name!r} is already declared with other roles.")
        PERMISSION_ROLES[name] = frozenset(roles)
        if not rules.perm_exists(f"sendready.{name}"):
            rules.add_perm(f"sendready.{name}", _predicate_for(name))


def require_second_factor_for(*permissions: str) -> None:
    """Ask every role holding any of these permissions for a second factor."""
    SECOND_FACTOR_PERMISSIONS.update(permissions)


def _predicate_for(permission: str) -> rules.Predicate:
    def holds(user: object, area: LocalArea | None) -> bool:
        from sendready.areas.access import can  # access reads this module's table

        return can(user, permission, area)

    return rules.predicate(holds, name=permission)
