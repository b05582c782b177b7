"""Case mixes as data (data/mixes.json): how many cases, hard limits per group, groups to cover."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sendready.domain.cases.groups import CasesDataError, load_groups, load_json


class UnknownMix(LookupError):
    """No mix by that name; the message lists the ones there are."""


@dataclass(frozen=True)
class Requirement:
    group: str
    min: int = 0
    max: int | None = None

    def describe(self) -> str:
        label = load_groups()[self.group].label
        if self.max == self.min:
            return f"exactly {self.min} with {label}"
        if self.max is None:
            return f"at least {self.min} with {label}"
        return f"{self.min} to {self.max} with {label}"


@dataclass(frozen=True)
class Mix:
    name: str
    title: str
    source: str
    size: int
    substitutes: int
    require: tuple[Requirement, ...]
    cover: tuple[str, ...]


@cache
def _mixes() -> tuple[str, dict[str, Mix]]:
    raw = load_json("mixes.json")
    groups = load_groups()
    out: dict[str, Mix] = {}
    for name, m in raw["mixes"].items():
        require = tuple(
            Requirement(r["group"], int(r.get("min", 0)), r.get("max")) for r in m["require"]
        )
        for key in [r.group for r in require] + list(m.get("cover", [])):
            if key not in groups:
                raise CasesDataError(f"mix {name}: unknown group {key!r}")
        if sum(r.min for r in require if r.group in ("ehc_plan", "sen_support")) > m["size"]:
            raise CasesDataError(f"mix {name}: asks for more cases than its size")
        out[name] = Mix(
            name,
            m["title"],
            m["source"],
            int(m["size"]),
            int(m["substitutes"]),
            require,
            tuple(m.get("cover", [])),
        )
    return raw["default"], out


def list_mixes() -> list[Mix]:
    """Every mix, the default first."""
    default, mixes = _mixes()
    return [mixes[default]] + [m for n, m in mixes.items() if n != default]


def default_mix() -> str:
    return _mixes()[0]


def load_mix(name: str | None) -> Mix:
    """The named mix (the default when None); UnknownMix says which names exist."""
    default, mixes = _mixes()
    key = name or default
    if key not in mixes:
        raise UnknownMix(f"There is no mix called {key!r}. Choose one of: {', '.join(mixes)}.")
    return mixes[key]
