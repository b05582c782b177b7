"""Inspectors' windows are never stored copies: moved on-site dates and a changed `evidence_room_wd`
apply to every inspector at once, within any days the LANO chose."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from sendready.areas.constants import Role
from sendready.domain.dates.workdays import add_working_days
from sendready.inspection_requests.windows import access_state, window_of
from tests.inspection_requests.conftest import Board, web_request


def _pinned_board(two_areas, settings, tmp_path):
    from sendready.inspections import actions as inspection_actions

    settings.MEDIA_ROOT = tmp_path / "media"
    people, area_b = two_areas
    lano = people.by_role[Role.LANO]
    inspection = inspection_actions.record_inspection(
        actor=lano,
        area=people.area,
        framework="2023-full",
        notified_on=dt.date(2025, 9, 8),
        overrides={"onsite_start": dt.date(2025, 9, 22), "onsite_end": dt.date(2025, 9, 26)},
    )
    return Board(people, area_b, inspection, lano, people.by_role[Role.PRACTITIONER])


def _move_onsite(board, start, end):
    from sendready.inspections import actions as inspection_actions

    inspection_actions.change_onsite_dates(
        actor=board.lano, inspection=board.inspection, onsite_start=start, onsite_end=end
    )


def _set_days(board, days):
    from sendready.inspections import actions as inspection_actions

    inspection_actions.change_settings(
        actor=board.lano, inspection=board.inspection, values={"evidence_room_wd": days}
    )


def test_on_pinned_dates_the_window_moves_with_the_on_site_week_and_the_setting(
    two_areas, settings, tmp_path
):
    board = _pinned_board(two_areas, settings, tmp_path)
    access = board.inspector()
    assert (window_of(access).first_day, window_of(access).last_day) == (
        dt.date(2025, 9, 8),
        dt.date(2025, 10, 10),
    )
    _move_onsite(board, dt.date(2025, 9, 29), dt.date(2025, 10, 3))
    access.refresh_from_db()
    assert window_of(access).last_day == dt.date(2025, 10, 17)
    _set_days(board, 3)
    access.refresh_from_db()
    assert window_of(access).last_day == dt.date(2025, 10, 8)
    assert access.chosen_first_day is None and access.chosen_last_day is None
    noon = dt.datetime(2025, 10, 8, 11, 0, tzinfo=dt.UTC)
    assert access_state(access, noon) == "open"
    assert access_state(access, noon + dt.timedelta(days=1)) == "closed"


def test_a_last_day_the_lano_chose_stays_a_limit_when_the_dates_move(two_areas, settings, tmp_path):
    board = _pinned_board(two_areas, settings, tmp_path)
    access = board.inspector(last_day=dt.date(2025, 10, 1))
    _move_onsite(board, dt.date(2025, 9, 29), dt.date(2025, 10, 3))
    access.refresh_from_db()
    assert window_of(access).last_day == dt.date(2025, 10, 1)
    _set_days(board, 0)
    _move_onsite(board, dt.date(2025, 9, 15), dt.date(2025, 9, 19))
    access.refresh_from_db()
    assert window_of(access).last_day == dt.date(2025, 9, 19)  # the framework's window is shorter


def test_with_todays_dates_a_later_on_site_week_keeps_the_inspector_in_for_longer(client, board):
    access = board.inspector()
    onsite = board.inspection.milestones.get(key="onsite")
    before = window_of(access).last_day
    assert before == add_working_days(onsite.end_date, 10)
    later_start = onsite.date + dt.timedelta(days=7)
    later_end = onsite.end_date + dt.timedelta(days=7)
    _move_onsite(board, later_start, later_end)
    access.refresh_from_db()
    after = window_of(access).last_day
    assert after == add_working_days(later_end, 10) and after > before
    assert access_state(access, timezone.now()) == "open"
    client.force_login(access.user)
    page = client.get(reverse("inspection_requests:room", args=[access.pk])).content.decode()
    assert f"{after.day} {after:%B %Y}" in page


def test_with_todays_dates_a_setting_of_zero_days_after_an_on_site_week_that_ended_closes_the_room(
    client, board
):
    access = board.inspector()
    today = timezone.localdate()
    start = board.inspection.notified_on
    if today == start:  # nothing can have ended yet on the day of notification
        return
    _set_days(board, 0)
    _move_onsite(board, start, today - dt.timedelta(days=1))
    access.refresh_from_db()
    assert access_state(access, timezone.now()) == "closed"
    client.force_login(access.user)
    assert client.get(reverse("inspection_requests:room", args=[access.pk])).status_code == 403


def test_the_lano_page_shows_each_window_as_it_stands_now(client, board):
    access = board.inspector()
    board.inspector("hmi_two", last_day=board.inspection.notified_on + dt.timedelta(days=3))
    client.force_login(board.lano)
    url = reverse(
        "inspection_requests:inspectors", args=[board.inspection.area.code, board.inspection.pk]
    )
    page = client.get(url).content.decode()
    last = window_of(access).last_day
    assert f"{last.day} {last:%B %Y}" in page
    assert "Follows the inspection" in page and "Days you chose" in page
    assert web_request  # the invitation's links are built from a request
