"""The values a forecast is made of: the last inspection, per-term probabilities and one area's forecast."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sendready.domain.history import KIND_WORDS, OUTCOME_WORDS


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
    last_inspection: LastInspection | None
    terms: list[TermForecast]
    explanation: list[str] = field(default_factory=list)

    @property
    def most_likely(self) -> TermForecast:
        """The term with the highest total probability."""
        return max(self.terms, key=lambda t: t.total)


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
