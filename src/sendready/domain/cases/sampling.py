"""Choosing tracked cases from a snapshot: a mix met greedily, reproducible with a seed, each choice
explained, with a like-for-like substitute for each case.

How a case is chosen (so a LANO can explain it): among children and young people with an EHC plan or on
SEN support, in an order shuffled by the seed, each slot goes to the one who scores highest: first for
filling a requirement still short (4 EHC plans, at least one in alternative provision, ...), then for
each group to cover that no chosen case has yet (looked after, early help, ...), then for an age band and
a primary need not yet in the sample. No one is taken who would break a limit or leave too few slots
for a requirement. When the snapshot cannot meet the mix, the closest sample is returned with the
shortfalls said in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import polars as pl

from sendready.domain.cases.groups import STATUS_GROUPS, load_groups, with_features
from sendready.domain.cases.mixes import Mix, Requirement
from sendready.domain.person_level.schema import load_schema

REQUIRE_WEIGHT = 1000
COVER_WEIGHT = 100
SPREAD_WEIGHT = 10


@dataclass
class CaseChoice:
    """One chosen case or substitute and why."""

    person_id: str
    reasons: list[str]
    age: int
    age_band: str
    primary_need: str | None
    sen_status: str
    groups: list[str]
    substitute_for: str | None = None

    @property
    def explanation(self) -> str:
        return "chosen for: " + ", ".join(self.reasons)

    def to_dict(self) -> dict:
        out = {
            "person_id": self.person_id,
            "reasons": self.reasons,
            "explanation": self.explanation,
            "sen_status": self.sen_status,
            "primary_need": self.primary_need,
            "age": self.age,
            "groups": self.groups,
        }
        if self.substitute_for is not None:
            out["substitute_for"] = self.substitute_for
        return out


@dataclass
class Sample:
    """The chosen cases, their substitutes and anything the snapshot could not meet."""

    mix: Mix
    seed: int
    as_of: date
    cases: list[CaseChoice]
    substitutes: list[CaseChoice]
    shortfalls: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return not self.shortfalls

    def to_dict(self) -> dict:
        return {
            "mix": self.mix.name,
            "mix_title": self.mix.title,
            "seed": self.seed,
            "as_of": self.as_of.isoformat(),
            "met": self.met,
            "shortfalls": self.shortfalls,
            "notes": self.notes,
            "cases": [c.to_dict() for c in self.cases],
            "substitutes": [c.to_dict() for c in self.substitutes],
        }


def candidates(frame: pl.DataFrame, as_of: date, seed: int) -> pl.DataFrame:
    """Everyone with an EHC plan or on SEN support, with groups and a seeded order (_rank)."""
    pool = with_features(frame, as_of).filter(pl.col("sen_status").is_in(list(STATUS_GROUPS)))
    pool = pool.sort("person_id")
    order = np.random.default_rng(seed).permutation(pool.height)
    return pool.with_columns(pl.Series("_rank", order, dtype=pl.Int64))


def sample_cases(frame: pl.DataFrame, as_of: date, mix: Mix, seed: int = 0) -> Sample:
    """Choose `mix.size` cases and `mix.substitutes` substitutes from typed person-level rows."""
    pool = candidates(frame, as_of, seed)
    picked = _greedy(pool, mix, strict=True)
    shortfalls = _shortfalls(pool, mix, picked)
    if len(picked) < mix.size and len(picked) < pool.height:
        # The closest possible: fill the rest ignoring the upper limits, and say so.
        picked = _greedy(pool, mix, strict=False, start=picked)
        shortfalls.append(
            "To show the closest possible sample, the remaining places were filled "
            "without the mix's upper limits."
        )
    cases = [_choice(row, mix, None) for row in picked]
    substitutes = _substitutes(pool, mix, picked)
    return Sample(mix, seed, as_of, cases, substitutes, shortfalls, _cover_notes(pool, mix, picked))


def _counts(picked: list[dict], groups: list[str]) -> dict[str, int]:
    return {g: sum(1 for row in picked if row[f"g__{g}"]) for g in groups}


def _greedy(
    pool: pl.DataFrame, mix: Mix, *, strict: bool, start: list[dict] | None = None
) -> list[dict]:
    picked = list(start or [])
    taken = {row["person_id"] for row in picked}
    while len(picked) < mix.size:
        row = _best(pool, mix, picked, taken, strict)
        if row is None:
            break
        picked.append(row)
        taken.add(row["person_id"])
    return picked


def _best(
    pool: pl.DataFrame, mix: Mix, picked: list[dict], taken: set[str], strict: bool
) -> dict | None:
    counts = _counts(picked, [r.group for r in mix.require])
    left = mix.size - len(picked) - 1
    allowed = ~pl.col("person_id").is_in(list(taken))
    score = pl.lit(0, dtype=pl.Int64)
    for req in mix.require:
        g = pl.col(f"g__{req.group}")
        if strict and req.max is not None and counts[req.group] >= req.max:
            allowed = allowed & ~g
        short = req.min - counts[req.group]
        if short > 0:
            score = score + g.cast(pl.Int64) * REQUIRE_WEIGHT
            if strict and short > left:  # the last places must go to this requirement
                allowed = allowed & g
    covered = {g for g in mix.cover if any(row[f"g__{g}"] for row in picked)}
    for group in mix.cover:
        if group not in covered:
            score = score + pl.col(f"g__{group}").cast(pl.Int64) * COVER_WEIGHT
    bands = [row["_age_band"] for row in picked]
    needs = [row["primary_need"] for row in picked]
    score = score + (~pl.col("_age_band").is_in(bands)).cast(pl.Int64) * SPREAD_WEIGHT
    score = score + (~pl.col("primary_need").is_in(needs).fill_null(False)).cast(pl.Int64) * (
        SPREAD_WEIGHT
    )
    best = (
        pool.filter(allowed)
        .with_columns(score.alias("_score"))
        .sort(["_score", "_rank"], descending=[True, False])
        .head(1)
    )
    return best.row(0, named=True) if best.height else None


def _substitutes(pool: pl.DataFrame, mix: Mix, picked: list[dict]) -> list[CaseChoice]:
    """One like-for-like substitute per case (in the cases' order, repeated if more are asked for)."""
    taken = {row["person_id"] for row in picked}
    out: list[CaseChoice] = []
    for i in range(min(mix.substitutes, pool.height - len(taken))):
        if not picked:
            break
        case = picked[i % len(picked)]
        row = _like(pool, mix, picked, case, taken)
        if row is None:
            break
        taken.add(row["person_id"])
        out.append(_choice(row, mix, case["person_id"]))
    return out


def _like(
    pool: pl.DataFrame, mix: Mix, picked: list[dict], case: dict, taken: set[str]
) -> dict | None:
    others = [row for row in picked if row is not case]
    counts = _counts(others, [r.group for r in mix.require])
    allowed = ~pl.col("person_id").is_in(list(taken))
    for req in mix.require:  # swapping the substitute in must keep every limit the case kept
        g = pl.col(f"g__{req.group}")
        if case[f"g__{req.group}"] and counts[req.group] < req.min:
            allowed = allowed & g
        if req.max is not None and counts[req.group] >= req.max:
            allowed = allowed & ~g
    score = pl.col("sen_status").eq(case["sen_status"]).cast(pl.Int64) * REQUIRE_WEIGHT
    for group in mix.cover:
        if case[f"g__{group}"]:
            score = score + pl.col(f"g__{group}").cast(pl.Int64) * COVER_WEIGHT
    score = score + pl.col("_age_band").eq(case["_age_band"]).cast(pl.Int64) * SPREAD_WEIGHT
    same_need = pl.col("primary_need").eq(case["primary_need"]).fill_null(False)
    score = score + same_need.cast(pl.Int64) * SPREAD_WEIGHT
    best = (
        pool.filter(allowed)
        .with_columns(score.alias("_score"))
        .sort(["_score", "_rank"], descending=[True, False])
        .head(1)
    )
    return best.row(0, named=True) if best.height else None


def _choice(row: dict, mix: Mix | None, substitute_for: str | None) -> CaseChoice:
    return CaseChoice(
        person_id=row["person_id"],
        reasons=reasons_for(row, mix),
        age=int(row["_age"]),
        age_band=row["_age_band"],
        primary_need=row["primary_need"],
        sen_status=row["sen_status"],
        groups=[key for key in load_groups() if row[f"g__{key}"]],
        substitute_for=substitute_for,
    )


def reasons_for(row: dict, mix: Mix | None) -> list[str]:
    """The words after 'chosen for:': status, the mix's groups the person is in, need and age."""
    groups = load_groups()
    status = STATUS_GROUPS.get(row["sen_status"])
    wanted = [r.group for r in mix.require] + list(mix.cover) if mix else list(groups)
    reasons = [groups[status].label] if status else []
    for key in dict.fromkeys(wanted):
        if key != status and key not in STATUS_GROUPS.values() and row[f"g__{key}"]:
            reasons.append(groups[key].label)
    if row.get("primary_need"):
        reasons.append(row["primary_need"])
    reasons.append(f"age {int(row['_age'])}")
    return reasons


def _shortfalls(pool: pl.DataFrame, mix: Mix, picked: list[dict]) -> list[str]:
    out = []
    if pool.height < mix.size:
        out.append(
            f"The snapshot has only {pool.height} children and young people with an EHC plan "
            f"or on SEN support; the mix asks for {mix.size} cases."
        )
    counts = _counts(picked, [r.group for r in mix.require])
    for req in mix.require:
        if counts[req.group] < req.min:
            available = int(pool[f"g__{req.group}"].sum())
            out.append(_short_text(req, available, counts[req.group]))
    return out


def _short_text(req: Requirement, available: int, got: int) -> str:
    return (
        f"The mix asks for {req.describe()}, but the snapshot has {available} such "
        f"{'child or young person' if available == 1 else 'children and young people'} "
        f"and the sample could include {got}."
    )


def _cover_notes(pool: pl.DataFrame, mix: Mix, picked: list[dict]) -> list[str]:
    notes = []
    groups = load_groups()
    for key in mix.cover:
        if any(row[f"g__{key}"] for row in picked):
            continue
        if int(pool[f"g__{key}"].sum()) == 0:
            notes.append(f"No one in the snapshot is recorded as {groups[key].label}.")
        else:
            notes.append(f"No case with {groups[key].label} fitted within the mix's limits.")
    return notes


def describe_people(
    frame: pl.DataFrame, as_of: date, person_ids: list[str]
) -> tuple[list[CaseChoice], list[str]]:
    """Reasons for people named by inspectors, and the ids not in the snapshot (in the order given)."""
    wanted = list(dict.fromkeys(person_ids))
    rows = with_features(frame.filter(pl.col("person_id").is_in(wanted)), as_of)
    found = {row["person_id"]: row for row in rows.iter_rows(named=True)}
    described = [_choice(found[p], None, None) for p in wanted if p in found]
    return described, [p for p in wanted if p not in found]


def need_label(code: str | None) -> str:
    """The primary need's words (ASD: Autistic spectrum disorder)."""
    if not code:
        return "Not recorded"
    return load_schema()["primary_need"].label(code) or code
