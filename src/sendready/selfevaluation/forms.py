"""Forms for the criteria: the area's position and answers, the system lead, comments."""

from typing import Any, cast

from django import forms

from sendready.areas.models import Membership
from sendready.domain.inspection.criteria import CriteriaSet
from sendready.selfevaluation.access import LEAD_ROLES
from sendready.stored_text import ParagraphField

RATIONALE_LIMIT = 4000
ANSWER_LIMIT = 8000
COMMENT_LIMIT = 2000


def member_choices(area, roles=None) -> list[tuple[Any, str]]:
    """Members of the area (optionally of some roles), by name, for an owner or lead list."""
    members = Membership.objects.filter(area=area).select_related("user").order_by("user__username")
    if roles is not None:
        members = members.filter(role__in=list(roles))
    return [
        (m.user_id, f"{m.user.get_full_name() or m.user.get_username()} ({m.get_role_display()})")
        for m in members
    ]


class EntryForm(forms.Form):
    """A criterion's position on the framework's scale, its rationale and the three questions."""

    position = forms.ChoiceField(
        label="Where does the area stand on this criterion?",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the framework's three outcomes"},
    )
    rationale = ParagraphField(
        label="Why: the rationale for this position",
        required=False,
        max_length=RATIONALE_LIMIT,
    )
    what_we_know = ParagraphField(label="What do we know?", required=False, max_length=ANSWER_LIMIT)
    what_it_means = ParagraphField(
        label="What does it mean?", required=False, max_length=ANSWER_LIMIT
    )
    what_next = ParagraphField(label="What next?", required=False, max_length=ANSWER_LIMIT)

    def __init__(
        self, *args: Any, positions: list[tuple[str, str]], criteria: CriteriaSet, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["position"]).choices = [
            ("", "Not decided yet")
        ] + positions
        for question in criteria.questions:
            if question.key in self.fields:
                self.fields[question.key].label = question.title
                self.fields[question.key].help_text = question.hint

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("position") and not data.get("rationale"):
            self.add_error("rationale", "Give the rationale for the position you chose")
        return data


class LeadForm(forms.Form):
    lead = forms.TypedChoiceField(
        label="System lead",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="Any member who works in the partnership's services, health leads included. "
        "The system lead edits this criterion, as LANOs and senior leaders can",
        error_messages={"invalid_choice": "Choose a member of this area from the list"},
    )

    def __init__(self, *args: Any, area, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["lead"]).choices = [
            ("", "Nobody yet")
        ] + member_choices(area, LEAD_ROLES)


class CommentForm(forms.Form):
    text = ParagraphField(
        label="Add a comment",
        max_length=COMMENT_LIMIT,
        error_messages={"required": "Write your comment before sending it"},
    )
