"""How far auditors agree: percent agreement and Cohen's kappa with a 95% confidence interval, and for
grades on an ordered scale the linearly weighted kappa (Cohen 1968), which counts a grade one step apart
as partly agreeing (weight 1 - |i - j| / (k - 1) on a scale of k grades).

Kappa's standard error is the large-sample one of Fleiss, Cohen and Everitt (1969); with few paired
grades the interval is wide, and it is shown so. Kappa is undefined when both sides used one grade only
(chance agreement is then certain); the report says so instead of inventing a number."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

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
    weighted: float | None = None
    weighted_low: float | None = None
    weighted_high: float | None = None

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "agreed": self.agreed,
            "percent_agreement": self.percent,
            "kappa": self.kappa,
            "kappa_ci_low": self.low,
            "kappa_ci_high": self.high,
            "weighted_kappa": self.weighted,
            "weighted_kappa_ci_low": self.weighted_low,
            "weighted_kappa_ci_high": self.weighted_high,
            "note": self.note,
        }


def agreement(pairs: Iterable[tuple[str, str]], order: Sequence[str] | None = None) -> Agreement:
    """Percent agreement and Cohen's kappa (with its 95% interval) for pairs of grades; with the
    grades' `order`, the linearly weighted kappa and its interval too."""
    pairs = list(pairs)
    plain = _unweighted(pairs)
    if order is None or plain.n == 0:
        return plain
    weighted = weighted_kappa(pairs, order)
    if weighted is None:
        return plain
    kw, se = weighted
    return replace(
        plain,
        weighted=round(kw, 3),
        weighted_low=round(max(-1.0, kw - Z95 * se), 3),
        weighted_high=round(min(1.0, kw + Z95 * se), 3),
    )


def weighted_kappa(
    pairs: Sequence[tuple[str, str]], order: Sequence[str]
) -> tuple[float, float] | None:
    """Linearly weighted kappa and its large-sample standard error (Fleiss, Cohen and Everitt 1969)
    for pairs of grades on the ordered scale `order`; None when it is undefined."""
    n = len(pairs)
    unknown = {g for pair in pairs for g in pair} - set(order)
    if n == 0 or len(order) < 2 or unknown:
        return None
    k = len(order)
    pos = {g: i for i, g in enumerate(order)}
    p = [[0.0] * k for _ in range(k)]
    for a, b in pairs:
        p[pos[a]][pos[b]] += 1 / n
    rows = [sum(p[i]) for i in range(k)]
    cols = [sum(p[i][j] for i in range(k)) for j in range(k)]
    w = [[1 - abs(i - j) / (k - 1) for j in range(k)] for i in range(k)]
    po = sum(w[i][j] * p[i][j] for i in range(k) for j in range(k))
    pe = sum(w[i][j] * rows[i] * cols[j] for i in range(k) for j in range(k))
    if pe >= 1 - 1e-12:
        return None
    kw = (po - pe) / (1 - pe)
    w_row = [sum(w[i][j] * cols[j] for j in range(k)) for i in range(k)]
    w_col = [sum(w[i][j] * rows[i] for i in range(k)) for j in range(k)]
    total = sum(
        p[i][j] * (w[i][j] - (w_row[i] + w_col[j]) * (1 - kw)) ** 2
        for i in range(k)
        for j in range(k)
    )
    variance = (total - (kw - pe * (1 - kw)) ** 2) / (n * (1 - pe) ** 2)
    return kw, math.sqrt(max(variance, 0.0))


def _unweighted(pairs: list[tuple[str, str]]) -> Agreement:
    """Percent agreement and Cohen's kappa with its 95% interval."""
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


def agreement_report(ratings: list[Rating], order: Sequence[str] | None = None) -> dict:
    """Agreement with the moderated grade per auditor and per section, and between pairs of auditors
    (with the weighted kappa when the grades' order is given)."""
    moderated = [r for r in ratings if r.agreed]
    by_auditor: dict[str, list[tuple[str, str]]] = {}
    by_section: dict[str, list[tuple[str, str]]] = {}
    for r in moderated:
        by_auditor.setdefault(r.auditor, []).append((r.grade, r.agreed or ""))
        by_section.setdefault(r.section, []).append((r.grade, r.agreed or ""))
    return {
        "overall": agreement(((r.grade, r.agreed or "") for r in moderated), order).to_dict(),
        "between_auditors": agreement(_auditor_pairs(ratings), order).to_dict(),
        "by_auditor": {k: agreement(v, order).to_dict() for k, v in sorted(by_auditor.items())},
        "by_section": {k: agreement(v, order).to_dict() for k, v in by_section.items()},
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
