"""Forecasts and backtests as plain dictionaries and table rows, shared by the commands, pages and downloads."""

from __future__ import annotations

from datetime import date
from typing import Any

from sendready.domain.forecasting.backtest import BacktestResult, Score
from sendready.domain.forecasting.values import AreaForecast, Freshness, LastInspection, RegionalRow
from sendready.domain.history.events import KIND_WORDS, OUTCOME_WORDS

LICENCE = (
    "Contains public sector information from Ofsted and the Department for Education, Crown copyright, "
    "licensed under the Open Government Licence v3.0."
)


def last_inspection_dict(last: LastInspection | None) -> dict[str, Any] | None:
    """The latest known inspection, saying which date field the date is."""
    if last is None:
        return None
    return {
        "date": last.date.isoformat(),
        "date_is": "start" if last.start_date else "publication",
        "start_date": last.start_date.isoformat() if last.start_date else None,
        "publication_date": last.publication_date.isoformat() if last.publication_date else None,
        "type": KIND_WORDS[last.kind],
        "framework": last.framework,
        "outcome": last.outcome,
        "outcome_text": OUTCOME_WORDS.get(last.outcome or "", None),
    }


def forecast_dict(f: AreaForecast) -> dict[str, Any]:
    """One area's forecast for JSON output."""
    return {
        "area_code": f.area_code,
        "area_name": f.area_name,
        "region": f.region,
        "ofsted_region": f.ofsted_region,
        "last_inspection": last_inspection_dict(f.last_inspection),
        "terms": [
            {
                "term": t.term,
                "start": t.start.isoformat(),
                "probability": round(t.total, 4),
                "full": t.full,
                "monitoring": t.monitoring,
                "revisit": t.revisit,
            }
            for t in f.terms
        ],
        "later_visits": [last_inspection_dict(v) for v in f.later_visits],
        "most_likely_term": f.most_likely.term,
        "expected_in_these_terms": f.expected,
        "summary": f.most_likely_words,
        "explanation": f.explanation,
    }


def freshness_dict(fresh: Freshness) -> dict[str, Any]:
    """The newest inspection held and whether the forecast is out of date, for JSON output."""
    return {
        "newest_inspection": fresh.newest.isoformat() if fresh.newest else None,
        "out_of_date": fresh.stale,
        "message": f"{fresh.sentence} {fresh.warning}".strip(),
    }


def freshness_rows(fresh: Freshness) -> list[list[str]]:
    """Rows saying how new the history is, for the foot of a download."""
    rows = [[fresh.sentence]]
    if fresh.stale:
        rows.append(["OUT OF DATE: " + fresh.warning])
    return rows


def score_dict(s: Score) -> dict[str, Any]:
    """One method's overall or per-term score."""
    return {
        "hit_rate": round(s.hit_rate, 4),
        "brier": round(s.brier, 4),
        "log_loss": round(s.log_loss, 4),
        "hits": s.hits,
        "k": s.k,
        "n": s.n,
        "calibration": [
            {
                "low": b.low,
                "high": b.high,
                "count": b.count,
                "predicted_mean": round(b.predicted_mean, 4),
                "observed_frequency": round(b.observed_frequency, 4),
            }
            for b in s.calibration
        ],
    }


def backtest_dict(result: BacktestResult, from_date: date, to_date: date) -> dict[str, Any]:
    """The whole backtest for JSON output."""
    return {
        "from": from_date.isoformat(),
        "to": to_date.isoformat(),
        "kind": result.kind,
        "best_baseline": result.best_baseline,
        "overall": {m: score_dict(s) for m, s in result.overall.items()},
        "terms": [
            {
                "term": t.term,
                "start": t.start.isoformat(),
                "inspected": len(t.inspected),
                "areas_inspected": t.inspected,
                "scores": {
                    m: {
                        "hits": s.hits,
                        "k": s.k,
                        "hit_rate": round(s.hit_rate, 4),
                        "brier": round(s.brier, 4),
                        "log_loss": round(s.log_loss, 4),
                    }
                    for m, s in t.scores.items()
                },
            }
            for t in result.terms
        ],
    }


TABLE_HEADERS = [
    "Area",
    "ONS code",
    "Region",
    "Last full inspection date",
    "Which date",
    "Type of inspection",
    "Outcome",
    "Time since",
    "Most likely term",
    "Probability",
    "Since then (not a new inspection)",
]


def table_row(r: RegionalRow) -> list[Any]:
    """One regional-table row for CSV and XLSX downloads."""
    return [
        r.area_name,
        r.area_code,
        r.region,
        r.last_inspection_date,
        r.last_inspection_date_is,
        r.last_inspection_type,
        r.outcome,
        r.time_since,
        r.most_likely_term,
        r.probability,
        r.later_visit,
    ]
