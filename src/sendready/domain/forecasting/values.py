"""The values a forecast is made of: the last inspection, per-term probabilities and one area's forecast."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sendready.domain.history.events import KIND_WORDS, OUTCOME_WORDS


@dataclass(frozen=True)
class LastInspection:
    """The latest inspection event known on the forecast date; outcome None until published."""

    start_date: date | None
    publication_date: date | None
    kind: str
    framework: str
    outcome: str | None

    @property
    def date(self) -> date:
        """Start date, or publication date when the start is unknown."""
        return self.start_date or self.publication_date  # type: ignore[return-value]

    @property
    def description(self) -> str:
        """E.g. 'full inspection under the 2016 framework (written statement of action required)'."""
        words = OUTCOME_WORDS.get(self.outcome or "", "outcome not yet published")
        return f"{KIND_WORDS[self.kind]} under the {self.framework} framework ({words})"


@dataclass(frozen=True)
class TermForecast:
    """Probability that an inspection of each kind starts in one term, and of any inspection."""

    term: str
    start: date
    full: float
    monitoring: float
    revisit: float

    @property
    def total(self) -> float:
        """Probability of at least one inspection event starting in the term."""
        return 1 - (1 - self.full) * (1 - self.monitoring) * (1 - self.revisit)


@dataclass
class AreaForecast:
    """One area's forecast over the coming terms, with the reasons in words."""

    area_code: str
    area_name: str
    region: str
    ofsted_region: str
    last_inspection: (
        LastInspection | None
    )  # the last FULL inspection: a re-visit is not a new inspection
    terms: list[TermForecast]
    explanation: list[str] = field(default_factory=list)
    later_visits: list[LastInspection] = field(
        default_factory=list
    )  # re-visits/monitoring since the last full
    small_chance: float = 0.05

    @property
    def most_likely(self) -> TermForecast:
        """The term with the highest total probability."""
        return max(self.terms, key=lambda t: t.total)

    @property
    def expected(self) -> bool:
        """False when every term's chance is small: 'not expected in the next six terms'."""
        return self.most_likely.total >= self.small_chance

    @property
    def most_likely_words(self) -> str:
        """The most likely term, or 'Not expected in the next N terms' when every term's chance is small."""
        return (
            self.most_likely.term
            if self.expected
            else f"Not expected in the next {len(self.terms)} terms"
        )


@dataclass(frozen=True)
class Freshness:
    """The newest inspection the forecast knows, and whether that is more than a term before the forecast date."""

    as_of: date
    newest: date | None
    stale: bool

    @property
    def sentence(self) -> str:
        """E.g. 'The newest inspection held here started on 25 August 2025.'"""
        if self.newest is None:
            return "No inspection is held here yet."
        return f"The newest inspection held here started on {self.newest.day} {self.newest:%B %Y}."

    @property
    def warning(self) -> str:
        """What to do when the history is out of date ('' when it is not)."""
        if not self.stale:
            return ""
        return (
            "That is more than a term ago, so inspections since then are missing and this forecast is out of "
            "date. A site administrator can import newer inspections (the 'Import newer inspections' page, or "
            "sendready import-inspections FILE on the server) in Ofsted's or Data to Insight's layouts."
        )


@dataclass(frozen=True)
class RegionalRow:
    """One line of the regional table, like the seed's West Midlands sheet."""

    area_code: str
    area_name: str
    region: str
    last_inspection_date: date | None
    last_inspection_date_is: str  # "start" or "publication"
    last_inspection_type: str
    outcome: str
    time_since: str
    most_likely_term: str
    probability: float
    later_visit: str = ""  # e.g. "re-visit started 4 Feb 2019 (not a new inspection)"
