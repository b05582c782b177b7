"""The request board's rules on real dates: states, London due times, pasted lists, files, the room window."""

import datetime as dt

import pytest

from sendready.domain.requests.due import (
    DONE,
    DUE_TODAY,
    LATER,
    OVERDUE,
    DueTimeError,
    at_london,
    check_due,
    due_status,
)
from sendready.domain.requests.files import FileRefused, check_file, safe_download_name
from sendready.domain.requests.paste import PasteError, parse_pasted_list
from sendready.domain.requests.room import WindowError, check_custom_window, room_window
from sendready.domain.requests.rules import (
    NotYourMove,
    TransitionRefused,
    check_move,
    load_rules,
    moves_from,
    open_states,
)

UTC = dt.UTC
MB = 1024 * 1024


def test_a_request_cannot_be_released_without_review():
    with pytest.raises(TransitionRefused, match="sent for review"):
        check_move("in_progress", "released", is_owner=True, is_reviewer=True, is_manager=True)


def test_only_a_reviewer_releases_what_is_ready_for_review():
    with pytest.raises(NotYourMove, match="LANO or senior leader"):
        check_move(
            "ready_for_review", "released", is_owner=True, is_reviewer=False, is_manager=False
        )
    move = check_move(
        "ready_for_review", "released", is_owner=False, is_reviewer=True, is_manager=True
    )
    assert move.label == "Release to inspectors"


def test_a_released_request_only_moves_on_to_a_new_version():
    moves = moves_from("released", is_owner=True, is_reviewer=True, is_manager=True)
    assert [(m.target, m.label) for m in moves] == [("in_progress", "Start a new version")]
    with pytest.raises(TransitionRefused):
        check_move("released", "withdrawn", is_owner=True, is_reviewer=True, is_manager=True)


def test_an_owner_cannot_withdraw_but_a_manager_can():
    assert "withdrawn" not in {
        m.target
        for m in moves_from("requested", is_owner=True, is_reviewer=False, is_manager=False)
    }
    with pytest.raises(NotYourMove):
        check_move("requested", "withdrawn", is_owner=True, is_reviewer=False, is_manager=False)


def test_open_states_are_those_still_owed():
    assert open_states() == {"requested", "in_progress", "ready_for_review"}
    assert set(load_rules().states) == open_states() | {"released", "withdrawn"}


def test_the_tuesday_lunchtime_data_upload_is_due_at_noon_british_summer_time():
    # Hartlepool's pattern (seed 003): notified Monday 8 September 2025, person-level data Tuesday lunchtime.
    due = at_london(dt.date(2025, 9, 9), dt.time(12))
    assert due.astimezone(UTC) == dt.datetime(2025, 9, 9, 11, 0, tzinfo=UTC)
    assert due_status(due, True, dt.datetime(2025, 9, 9, 10, 59, tzinfo=UTC)) == DUE_TODAY
    assert due_status(due, True, dt.datetime(2025, 9, 9, 11, 1, tzinfo=UTC)) == OVERDUE
    assert due_status(due, True, dt.datetime(2025, 9, 8, 16, 0, tzinfo=UTC)) == LATER
    assert due_status(due, False, dt.datetime(2025, 9, 10, tzinfo=UTC)) == DONE


def test_due_today_follows_the_london_date_not_utc_across_midnight():
    # 00:10 London on 10 September is still 9 September in UTC: "today" is the London date.
    due = at_london(dt.date(2025, 9, 10), dt.time(0, 30))
    now = dt.datetime(2025, 9, 9, 23, 10, tzinfo=UTC)  # 00:10 on 10 September in London
    assert due_status(due, True, now) == DUE_TODAY


def test_after_the_clocks_go_back_noon_is_noon_gmt():
    due = at_london(dt.date(2025, 10, 27), dt.time(12))
    assert due.astimezone(UTC).hour == 12


def test_a_due_time_before_the_request_is_refused():
    asked = at_london(dt.date(2025, 9, 8), dt.time(14))
    with pytest.raises(DueTimeError, match="after the request was made"):
        check_due(asked, at_london(dt.date(2025, 9, 8), dt.time(9)))
    with pytest.raises(DueTimeError):
        check_due(asked, asked)
    check_due(asked, at_london(dt.date(2025, 9, 9), dt.time(12)))


def test_a_pasted_email_list_loses_its_bullets_and_blank_lines():
    text = (
        "Dear LANO, please send:\n\n"
        "1. Pen portrait and chronology for each tracked case\n"
        "2) Case file audit\n"
        "- Assessments\n"
        "• Plans\n"
        "   \n"
        "* Multi-agency meeting notes\n"
        "(a) Commissioning agreements\n"
    )
    titles = [line.title for line in parse_pasted_list(text)]
    assert titles == [
        "Dear LANO, please send:",
        "Pen portrait and chronology for each tracked case",
        "Case file audit",
        "Assessments",
        "Plans",
        "Multi-agency meeting notes",
        "Commissioning agreements",
    ]
    assert parse_pasted_list(text)[1].line == 3


def test_a_pasted_line_too_long_is_named_by_its_line_number():
    with pytest.raises(PasteError) as caught:
        parse_pasted_list("Plans\n\n" + "x" * 201)
    assert caught.value.problems[0].startswith("Line 3 is 201 characters long")


def test_an_empty_paste_is_refused():
    with pytest.raises(PasteError, match="at least one"):
        parse_pasted_list("\n  \n")


def test_files_are_checked_by_extension_size_and_first_bytes():
    assert check_file("Annex A.pdf", 10, b"%PDF-1.7", 5 * MB).content_type == "application/pdf"
    assert check_file("audit.XLSX", 10, b"PK\x03\x04", 5 * MB).extension == ".xlsx"
    with pytest.raises(FileRefused, match="not a kind of file"):
        check_file("run-me.html", 10, b"<html>", 5 * MB)
    with pytest.raises(FileRefused, match="does not look like a PDF"):
        check_file("fake.pdf", 10, b"MZ\x90\x00", 5 * MB)
    with pytest.raises(FileRefused, match="largest file accepted is 5 MB"):
        check_file("big.pdf", 6 * MB, b"%PDF", 5 * MB)
    with pytest.raises(FileRefused, match="empty"):
        check_file("empty.csv", 0, b"", 5 * MB)
    with pytest.raises(FileRefused, match="plain CSV"):
        check_file("binary.csv", 10, b"a,b\x00", 5 * MB)


def test_download_names_lose_paths_and_quotes():
    assert safe_download_name('..\\..\\evil"name;.pdf') == "evilname.pdf"
    assert safe_download_name("/") == "file"


def test_the_room_stays_open_ten_working_days_after_the_on_site_week():
    # Notified Monday 8 September 2025; on site Monday 22 to Friday 26 September.
    window = room_window(dt.date(2025, 9, 8), dt.date(2025, 9, 26), 10)
    assert (window.first_day, window.last_day) == (dt.date(2025, 9, 8), dt.date(2025, 10, 10))
    assert window.state(dt.datetime(2025, 9, 7, 22, 59, tzinfo=UTC)) == "not_yet"
    assert window.state(dt.datetime(2025, 9, 7, 23, 0, tzinfo=UTC)) == "open"  # midnight BST
    assert window.state(dt.datetime(2025, 10, 10, 22, 59, tzinfo=UTC)) == "open"
    assert window.state(dt.datetime(2025, 10, 10, 23, 0, tzinfo=UTC)) == "closed"


def test_bank_holidays_lengthen_the_room_window_over_christmas():
    window = room_window(dt.date(2025, 11, 24), dt.date(2025, 12, 12), 10)
    # 15-19 Dec (5), 22-24 Dec (8), 29-30 Dec (10): 25 and 26 December are bank holidays.
    assert window.last_day == dt.date(2025, 12, 30)
    window = room_window(dt.date(2025, 12, 1), dt.date(2025, 12, 19), 10)
    assert window.last_day == dt.date(2026, 1, 7)


def test_the_lano_may_shorten_the_window_but_not_stretch_it():
    default = room_window(dt.date(2025, 9, 8), dt.date(2025, 9, 26), 10)
    shorter = check_custom_window(default, dt.date(2025, 9, 22), dt.date(2025, 9, 30))
    assert shorter.last_day == dt.date(2025, 9, 30)
    with pytest.raises(WindowError, match="between"):
        check_custom_window(default, dt.date(2025, 9, 8), dt.date(2025, 10, 13))
    with pytest.raises(WindowError, match="on or after"):
        check_custom_window(default, dt.date(2025, 9, 22), dt.date(2025, 9, 21))


def test_the_room_window_works_from_today_as_well():
    today = dt.date.today()
    window = room_window(today, today + dt.timedelta(days=14), 10)
    assert window.last_day > today + dt.timedelta(days=14)
    assert window.state(dt.datetime.now(UTC)) == "open"


def test_release_needs_someone_who_did_not_prepare_the_answer():
    from sendready.domain.requests.rules import NotYourMove, check_releaser

    check_releaser(3, {1, 2})
    with pytest.raises(NotYourMove, match="someone else must release it"):
        check_releaser(2, {1, 2})


def _now_window(**given):
    from sendready.domain.requests.room import current_room_window

    values = {
        "notified_on": dt.date(2025, 9, 8),
        "onsite_end": None,
        "planned_onsite_end": dt.date(2025, 9, 26),
        "working_days_after": 10,
        **given,
    }
    return current_room_window(**values)


def test_the_window_follows_the_inspections_current_dates_and_setting():
    # Notified Monday 8 September 2025, on site planned to Friday 26 September: to 10 October.
    assert (_now_window().first_day, _now_window().last_day) == (
        dt.date(2025, 9, 8),
        dt.date(2025, 10, 10),
    )
    # The on-site week moved a week later (entered on the inspection): to 17 October.
    assert _now_window(onsite_end=dt.date(2025, 10, 3)).last_day == dt.date(2025, 10, 17)
    # The setting changed to 3 working days after the planned week: to Wednesday 1 October.
    assert _now_window(working_days_after=3).last_day == dt.date(2025, 10, 1)
    # No on-site date known yet: counted from the notification.
    assert _now_window(planned_onsite_end=None).last_day == dt.date(2025, 9, 22)


def test_days_a_lano_chose_narrow_the_window_but_never_stretch_it():
    chosen = _now_window(first_day=dt.date(2025, 9, 15), last_day=dt.date(2025, 9, 30))
    assert (chosen.first_day, chosen.last_day) == (dt.date(2025, 9, 15), dt.date(2025, 9, 30))
    stretched = _now_window(first_day=dt.date(2025, 9, 1), last_day=dt.date(2025, 12, 1))
    assert (stretched.first_day, stretched.last_day) == (dt.date(2025, 9, 8), dt.date(2025, 10, 10))
    # The inspection's dates moved earlier than a chosen last day: the framework's window wins.
    assert _now_window(last_day=dt.date(2025, 10, 10), working_days_after=2).last_day == dt.date(
        2025, 9, 30
    )
    gone = _now_window(notified_on=dt.date(2025, 9, 8), last_day=dt.date(2025, 9, 5))
    assert gone.is_empty and gone.state(dt.datetime(2025, 9, 1, tzinfo=UTC)) == "closed"


def test_the_current_window_with_todays_date():
    today = dt.date.today()
    window = _now_window(notified_on=today, planned_onsite_end=today + dt.timedelta(days=14))
    assert window.first_day == today and window.last_day > today + dt.timedelta(days=14)
    assert window.state(dt.datetime.now(UTC)) == "open"
    ended = _now_window(notified_on=today, planned_onsite_end=today, last_day=today)
    assert ended.last_day == today and ended.state(dt.datetime.now(UTC)) == "open"
