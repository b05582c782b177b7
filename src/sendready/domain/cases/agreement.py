"""How far auditors agree: percent agreement and Cohen's kappa with a 95% confidence interval.

Kappa's standard error is the large-sample one of Fleiss, Cohen and Everitt (1969); with few paired
grades the interval is wide, and it is shown so. Kappa is undefined when both sides used one grade only
(chance agreement is then certain); the report says so instead of inventing a number."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Agreement:
    n: int
    agreed: int
    percent: float | None
    kappa: float | None
    se: float | None
    low: float | None
    high: float | None
    note: str = ""

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "agreed": self.agreed,
            "percent_agreement": self.percent,
            "kappa": self.kappa,
            "kappa_ci_low": self.low,
            "kappa_ci_high": self.high,
            "note": self.note,
        }


def agreement(pairs: Iterable[tuple[str, str]]) -> Agreement:
    """Percent agreement and Cohen's kappa (with its 95% interval) for pairs of grades."""
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return Agreement(0, 0, None, None, None, None, None, "No paired grades yet.")
    agreed = sum(1 for a, b in pairs if a == b)
    po = agreed / n
    cells = Counter(pairs)
    rows = Counter(a for a, _ in pairs)
    cols = Counter(b for _, b in pairs)
    cats = sorted(set(rows) | set(cols))
    p_row = {c: rows[c] / n for c in cats}
    p_col = {c: cols[c] / n for c in cats}
    pe = sum(p_row[c] * p_col[c] for c in cats)
    percent = round(100 * po, 1)
    if pe >= 1 - 1e-12:
        note = "Kappa cannot be worked out: every grade on both sides was the same."
        return Agreement(n, agreed, percent, None, None, None, None, note)
    kappa = (po - pe) / (1 - pe)
    diag = sum((cells[(c, c)] / n) * (1 - (p_row[c] + p_col[c]) * (1 - kappa)) ** 2 for c in cats)
    off = (1 - kappa) ** 2 * sum(
        (cells[(a, b)] / n) * (p_col[a] + p_row[b]) ** 2 for a in cats for b in cats if a != b
    )
    variance = (diag + off - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2)
    se = math.sqrt(max(variance, 0.0))
    low, high = max(-1.0, kappa - Z95 * se), min(1.0, kappa + Z95 * se)
    note = "Few paired grades: read the interval, not the point." if n < 20 else ""
    return Agreement(
        n, agreed, percent, round(kappa, 3), round(se, 3), round(low, 3), round(high, 3), note
    )


@dataclass(frozen=True)
class Rating:
    """One auditor's grade for one section of one audited case, and the agreed grade if moderated."""

    case: str
    section: str
    auditor: str
    grade: str
    agreed: str | None


def agreement_report(ratings: list[Rating]) -> dict:
    """Agreement with the moderated grade per auditor and per section, and between pairs of auditors."""
    moderated = [r for r in ratings if r.agreed]
    by_auditor: dict[str, list[tuple[str, str]]] = {}
    by_section: dict[str, list[tuple[str, str]]] = {}
    for r in moderated:
        by_auditor.setdefault(r.auditor, []).append((r.grade, r.agreed or ""))
        by_section.setdefault(r.section, []).append((r.grade, r.agreed or ""))
    return {
        "overall": agreement((r.grade, r.agreed or "") for r in moderated).to_dict(),
        "between_auditors": agreement(_auditor_pairs(ratings)).to_dict(),
        "by_auditor": {k: agreement(v).to_dict() for k, v in sorted(by_auditor.items())},
        "by_section": {k: agreement(v).to_dict() for k, v in by_section.items()},
    }


def _auditor_pairs(ratings: list[Rating]) -> list[tuple[str, str]]:
    """Every pair of auditors who graded the same section of the same case (in a fixed order)."""
    grouped: dict[tuple[str, str], list[Rating]] = {}
    for r in ratings:
        grouped.setdefault((r.case, r.section), []).append(r)
    pairs = []
    for group in grouped.values():
        ordered = sorted(group, key=lambda r: r.auditor)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs.append((a.grade, b.grade))
    return pairs
