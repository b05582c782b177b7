"""What a request may be related to: one of the framework's evaluation criteria (from the criteria
data, domain/inspection/data/criteria/) and one of the area's tracked cases (offered by whoever keeps
them, by key). Unknown keys are refused in words a LANO understands."""

from __future__ import annotations

from sendready.domain.inspection.criteria import UnknownCriteria, latest_for


class RelatedError(ValueError):
    """A related criterion or tracked case that is not one of the choices; `field` says which."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def criterion_choices(framework: str) -> list[tuple[str, str]]:
    """(key, "3. Children and young people receive ...") for the framework's newest criteria; none
    when the framework has no criteria data (the 2016 frameworks, monitoring inspections)."""
    try:
        criteria = latest_for(framework)
    except UnknownCriteria:
        return []
    return [(c.key, f"{c.number}. {c.text}") for c in criteria.criteria]


def check_related(
    criterion: str,
    tracked_case: str,
    criteria: list[tuple[str, str]],
    case_keys: set[str],
) -> None:
    """Refuse a criterion or tracked case key that is not among the choices (blank means none)."""
    if criterion and criterion not in {key for key, _ in criteria}:
        allowed = ", ".join(key for key, _ in criteria) or "none for this framework"
        raise RelatedError(
            "criterion",
            f"There is no evaluation criterion {criterion!r} in this inspection's framework. "
            f"Choose one from the list (keys: {allowed})",
        )
    if tracked_case and tracked_case not in case_keys:
        raise RelatedError(
            "tracked_case",
            f"There is no tracked case {tracked_case!r} in this local area. Choose one of the "
            "area's tracked cases from the list",
        )
