"""The criterion and tracked case a request is related to: the choices offered for an inspection and the
words shown for stored keys (criteria from the framework's data; tracked cases through the platform
hook the cases capability registers)."""

from collections.abc import Callable
from dataclasses import dataclass

from sendready.areas.models import LocalArea
from sendready.areas.registry import tracked_case_choices
from sendready.domain.requests.related import criterion_choices


@dataclass(frozen=True)
class RelatedChoices:
    criteria: list[tuple[str, str]]
    cases: list[tuple[str, str]]

    def criterion_label(self, key: str) -> str:
        return dict(self.criteria).get(key, f"Criterion {key} (no longer in the framework)")

    def case_label(self, key: str) -> str:
        return dict(self.cases).get(key, "A tracked case no longer tracked")

    def words(self, item) -> str:
        """ "3. Children and young people ...; Tracked case 2: ..." or an empty string."""
        parts = []
        if item.criterion:
            parts.append(self.criterion_label(item.criterion))
        if item.tracked_case:
            parts.append(self.case_label(item.tracked_case))
        return "; ".join(parts)


def related_choices(area: LocalArea, user, inspection) -> RelatedChoices:
    """What this person may choose from (and read) for requests of this inspection."""
    cases = tracked_case_choices(area, user, inspection.pk)
    return RelatedChoices(
        criterion_choices(inspection.framework), [(c.key, c.label) for c in cases]
    )


def related_words(area: LocalArea, user) -> Callable[[object], str]:
    """A function giving each request's related criterion and case in words, asking for each
    inspection's choices once (and only when a request has something related)."""
    found: dict[int, RelatedChoices] = {}

    def words(item) -> str:
        if not (item.criterion or item.tracked_case):
            return ""
        if item.inspection_id not in found:
            found[item.inspection_id] = related_choices(area, user, item.inspection)
        return found[item.inspection_id].words(item)

    return words
