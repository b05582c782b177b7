"""Survey links: offered by surveys, read by the key message and briefings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendready.areas.models import LocalArea

SurveyLinksProvider = Callable[["LocalArea", "int | None"], dict[str, str]]
_SURVEY_LINK_PROVIDERS: list[SurveyLinksProvider] = []


def register_survey_links(provider: SurveyLinksProvider) -> None:
    """Offer each audience's survey link for an area (and, when given, one of its inspections)."""
    if provider not in _SURVEY_LINK_PROVIDERS:
        _SURVEY_LINK_PROVIDERS.append(provider)


def survey_links(area: LocalArea, inspection_pk: int | None = None) -> dict[str, str]:
    """{audience title: full web address} of the area's surveys families can answer now or soon."""
    links: dict[str, str] = {}
    for provider in _SURVEY_LINK_PROVIDERS:
        links.update(provider(area, inspection_pk))
    return links
