"""A request's related criterion and tracked case are real choices: criterion keys from the framework's
criteria data, tracked cases of the same area read through the platform hook the cases app registers."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sendready.areas.constants import Role
from sendready.areas.registry import tracked_case_choices
from sendready.domain.requests.related import RelatedError, check_related, criterion_choices


def _tracked(area, person_id="P000123", title="Named by inspectors", inspection=None):
    from sendready.cases.models import CaseSelection

    selection = CaseSelection.objects.create(
        area=area,
        kind="named",
        title=title,
        named_on=dt.date(2026, 3, 3),
        documents_due=dt.date(2026, 3, 5),
        inspection=inspection,
    )
    return selection.cases.create(area=area, person_id=person_id, status="tracked", position=1)


def test_the_criteria_offered_are_the_frameworks_own():
    choices = dict(criterion_choices("2023-full"))
    assert choices["right_help"] == (
        "3. Children and young people receive the right help at the right time"
    )
    assert len(choices) == 12
    assert criterion_choices("2016-inspection") == []


def test_unknown_keys_are_refused_naming_the_field():
    criteria = criterion_choices("2023-full")
    check_related("right_help", "7", criteria, {"7"})
    check_related("", "", [], set())
    with pytest.raises(RelatedError, match="no evaluation criterion 'right-help'") as error:
        check_related("right-help", "", criteria, {"7"})
    assert error.value.field == "criterion"
    with pytest.raises(RelatedError, match="no tracked case '8'") as error:
        check_related("", "8", criteria, {"7"})
    assert error.value.field == "tracked_case"


def test_the_hook_offers_the_areas_tracked_cases_naming_the_child_only_to_those_who_may_open_it(
    board,
):
    case = _tracked(board.people.area, inspection=board.inspection)
    _tracked(board.area_b, person_id="B999")
    for_lano = tracked_case_choices(board.people.area, board.lano, board.inspection.pk)
    assert [(c.key, c.label) for c in for_lano] == [
        (str(case.pk), "Tracked case 2 (case P000123): Named by inspectors")
    ]
    viewer = board.people.by_role[Role.VIEWER]
    assert tracked_case_choices(board.people.area, viewer)[0].label == (
        "Tracked case 2: Named by inspectors"
    )


def test_a_request_keeps_a_criterion_and_a_case_of_its_area(board):
    case = _tracked(board.people.area)
    item = board.add(criterion="right_help", tracked_case=str(case.pk))
    assert (item.criterion, item.tracked_case) == ("right_help", str(case.pk))


@pytest.mark.parametrize(
    "values,field",
    [({"criterion": "not_a_criterion"}, "criterion"), ({"tracked_case": "999999"}, "tracked_case")],
)
def test_an_unknown_criterion_or_case_is_refused_and_nothing_is_added(board, values, field):
    from sendready.inspection_requests.models import InspectionRequest

    with pytest.raises(ValidationError) as error:
        board.add(**values)
    assert field in error.value.message_dict
    assert not InspectionRequest.objects.exists()


def test_a_case_of_another_area_is_refused(board):
    theirs = _tracked(board.area_b, person_id="B999")
    with pytest.raises(ValidationError, match="no tracked case"):
        board.add(tracked_case=str(theirs.pk))


def test_a_stored_case_stays_when_the_request_is_changed_after_the_case_is_declined(board):
    from sendready.inspection_requests import actions

    case = _tracked(board.people.area)
    item = board.add(tracked_case=str(case.pk))
    case.status = "declined"
    case.save()
    values = board.values("Pen portraits, updated", tracked_case=str(case.pk))
    changed = actions.update_request(actor=board.lano, item=item, values=values)
    assert changed.tracked_case == str(case.pk)


def test_the_form_offers_the_choices_and_the_pages_show_them_in_words(client, board):
    case = _tracked(board.people.area, inspection=board.inspection)
    code = board.inspection.area.code
    client.force_login(board.lano)
    form = client.get(
        reverse("inspection_requests:new", args=[code, board.inspection.pk])
    ).content.decode()
    assert 'value="right_help"' in form and f'value="{case.pk}"' in form
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    data = {
        "title": "Chronology",
        "criterion": "right_help",
        "tracked_case": str(case.pk),
        "due_date_day": tomorrow.day,
        "due_date_month": tomorrow.month,
        "due_date_year": tomorrow.year,
        "due_time": "12:00",
    }
    bad = client.post(
        reverse("inspection_requests:new", args=[code, board.inspection.pk]),
        {**data, "criterion": "made_up"},
    )
    assert "Choose one of the evaluation criteria from the list" in bad.content.decode()
    client.post(reverse("inspection_requests:new", args=[code, board.inspection.pk]), data)
    from sendready.inspection_requests.models import InspectionRequest

    item = InspectionRequest.objects.get()
    detail = client.get(reverse("inspection_requests:detail", args=[code, item.pk])).content
    assert "3. Children and young people receive the right help" in detail.decode()
    assert "Tracked case 2 (case P000123)" in detail.decode()
    board_page = client.get(reverse("inspection_requests:board", args=[code, board.inspection.pk]))
    assert "Tracked case 2 (case P000123)" in board_page.content.decode()
