"""Case mixes as data (data/mixes.json): how many cases, hard limits per group, groups to cover."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from sendready.domain.cases.groups import CasesDataError, load_groups, load_json


class UnknownMix(LookupError):
    """No mix by that name; the message lists the ones there are."""


class MixError(ValueError):
    """An adjusted mix that cannot work; `errors` maps each field to what is wrong, in words."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


MAX_CASES = 12
MAX_SUBSTITUTES = 12


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


# The things a LANO may change about a mix, each with the words the errors use.
ADJUSTABLE = ("size", "substitutes", "ehc_plan", "sen_support", "alternative_provision", "cover")


def _with_requirement(
    require: tuple[Requirement, ...], group: str, low: int, high: int | None
) -> tuple[Requirement, ...]:
    kept = tuple(r for r in require if r.group != group)
    return kept + ((Requirement(group, low, high),) if low or high is not None else ())


def adjust_mix(base: Mix, changes: dict) -> Mix:
    """The base mix with a LANO's changes: `size`, `substitutes`, exact numbers of `ehc_plan` and
    `sen_support`, at least `alternative_provision`, and the groups to `cover` (None keeps the base's).
    Raises MixError naming each field that cannot work."""
    unknown = set(changes) - set(ADJUSTABLE)
    if unknown:
        raise MixError({"mix": f"These cannot be adjusted: {', '.join(sorted(unknown))}."})
    errors: dict[str, str] = {}
    size = _whole(changes.get("size"), base.size, 1, MAX_CASES, "size", "cases", errors)
    subs = _whole(
        changes.get("substitutes"),
        base.substitutes,
        0,
        MAX_SUBSTITUTES,
        "substitutes",
        "substitutes",
        errors,
    )
    require = base.require
    for group in ("ehc_plan", "sen_support"):
        if changes.get(group) is not None:
            n = _whole(changes[group], 0, 0, MAX_CASES, group, "cases", errors)
            require = _with_requirement(require, group, n, n)
    if changes.get("alternative_provision") is not None:
        n = _whole(
            changes["alternative_provision"],
            0,
            0,
            MAX_CASES,
            "alternative_provision",
            "cases",
            errors,
        )
        require = _with_requirement(require, "alternative_provision", n, None)
    cover = base.cover if changes.get("cover") is None else tuple(changes["cover"])
    groups = load_groups()
    bad = [g for g in cover if g not in groups]
    if bad:
        errors["cover"] = f"There is no group called {', '.join(bad)}."
    if not errors:
        _check_fits(require, size, errors)
    if errors:
        raise MixError(errors)
    return replace(
        base,
        title=f"{base.title} (adjusted: {describe_changes(base, changes)})",
        size=size,
        substitutes=subs,
        require=require,
        cover=cover,
    )


def _whole(
    value: object, default: int, low: int, high: int, name: str, noun: str, errors: dict[str, str]
) -> int:
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        errors[name] = f"Enter the number of {noun} as a whole number, for example 6."
        return default
    if not low <= value <= high:
        errors[name] = f"Enter a number from {low} to {high}."
        return default
    return value


def _check_fits(require: tuple[Requirement, ...], size: int, errors: dict[str, str]) -> None:
    by_group = {r.group: r for r in require}
    ehc, sen = by_group.get("ehc_plan"), by_group.get("sen_support")
    status_total = (ehc.min if ehc else 0) + (sen.min if sen else 0)
    if status_total > size:
        errors["ehc_plan"] = (
            f"{ehc.min if ehc else 0} with an EHC plan and {sen.min if sen else 0} on SEN support "
            f"make {status_total}, more than the {size} cases asked for. Lower one of them or ask "
            "for more cases."
        )
    ap = by_group.get("alternative_provision")
    if ap and ap.min > size:
        errors["alternative_provision"] = (
            f"{ap.min} in alternative provision is more than the {size} cases asked for."
        )


def describe_changes(base: Mix, changes: dict) -> str:
    """The changes in words, for the selection's title ("8 cases, 5 with an EHC plan")."""
    words = []
    if changes.get("size") is not None:
        words.append(f"{changes['size']} cases")
    if changes.get("substitutes") is not None:
        words.append(f"{changes['substitutes']} substitutes")
    if changes.get("ehc_plan") is not None:
        words.append(f"{changes['ehc_plan']} with an EHC plan")
    if changes.get("sen_support") is not None:
        words.append(f"{changes['sen_support']} on SEN support")
    if changes.get("alternative_provision") is not None:
        words.append(f"at least {changes['alternative_provision']} in alternative provision")
    if changes.get("cover") is not None:
        labels = load_groups()
        names = [labels[g].label for g in changes["cover"] if g in labels]
        words.append("covering " + (", ".join(names) or "no particular groups"))
    return "; ".join(words) or "no changes"


def mix_for(name: str | None, changes: dict | None) -> Mix:
    """A stored selection's mix: the named one with its recorded changes."""
    base = load_mix(name)
    return adjust_mix(base, changes) if changes else base
