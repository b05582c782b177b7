"""The survey rules without a database: the bank, answer checks, windows in London time, suppression
and the identity-free rate limit."""

import datetime as dt

import pytest

from sendready.domain.dates.workdays import LONDON
from sendready.domain.surveys.answers import check_answers
from sendready.domain.surveys.bank import (
    BankError,
    Kind,
    audiences,
    fingerprint,
    question_from_mapping,
    scales,
)
from sendready.domain.surveys.ratelimit import Buckets, TokenBucket
from sendready.domain.surveys.results import WITHHELD, as_json, tally
from sendready.domain.surveys.schedule import (
    WindowState,
    london,
    london_day,
    window_problem,
    window_sentence,
    window_state,
)


def test_the_bank_has_the_three_audiences_with_every_kind_of_question():
    bank = audiences()
    assert set(bank) == {"parents_carers", "children_young_people", "practitioners"}
    assert bank["children_young_people"].easy_read
    kinds = {q.kind for a in bank.values() for q in a.questions}
    assert kinds == set(Kind)
    for audience in bank.values():
        keys = [q.key for q in audience.questions]
        assert len(keys) == len(set(keys))
        assert any(q.optional for q in audience.questions)


def test_a_scale_question_takes_its_scales_answers():
    q = question_from_mapping(
        {"key": "x", "kind": "scale", "scale": "easy", "text": "Do you feel safe?"}
    )
    assert q.options == scales()["easy"] == ("Yes", "Sometimes", "No", "I don't know")


@pytest.mark.parametrize(
    "raw,field",
    [
        ({"kind": "nope", "text": "Q"}, "kind"),
        ({"kind": "single", "text": ""}, "text"),
        ({"kind": "single", "text": "Q", "options": ["Only one"]}, "options"),
        ({"kind": "single", "text": "Q", "options": ["Yes", "yes"]}, "options"),
        ({"kind": "scale", "text": "Q", "scale": "made-up"}, "scale"),
    ],
)
def test_a_question_that_cannot_be_used_names_its_field(raw, field):
    with pytest.raises(BankError) as caught:
        question_from_mapping(raw)
    assert caught.value.field == field


def test_changing_any_wording_changes_the_fingerprint():
    questions = list(audiences()["parents_carers"].questions)
    before = fingerprint("T", "D", False, questions)
    assert before == fingerprint("T", "D", False, [q.as_dict() for q in questions])
    changed = [q.as_dict() for q in questions]
    changed[0]["text"] = "How old is your child?"
    assert fingerprint("T", "D", False, changed) != before
    assert fingerprint("T", "D.", False, questions) != before


PARENTS = list(audiences()["parents_carers"].questions)
FULL = {
    "support_type": ["None of these"],
    "listened_to": ["Agree"],
    "identified_early": ["Disagree"],
    "health_help": ["Don't know"],
    "school_meets_needs": ["Strongly agree"],
    "services_helped": ["Short breaks", "School or college"],
}


def test_good_answers_are_kept_and_optional_ones_may_be_left_out():
    check = check_answers(PARENTS, FULL)
    assert check.ok
    assert check.answers["services_helped"] == ["School or college", "Short breaks"]  # option order
    assert "one_thing" not in check.answers and "child_age" not in check.answers


def test_a_missing_required_answer_an_unknown_option_and_two_answers_to_one_are_refused():
    check = check_answers(
        PARENTS,
        {
            **FULL,
            "listened_to": [],
            "identified_early": ["Maybe"],
            "health_help": ["Agree", "Disagree"],
        },
    )
    assert check.errors == {
        "listened_to": "Select an answer",
        "identified_early": "Choose from the answers shown. “Maybe” is not one of them.",
        "health_help": "Select only one answer",
    }
    assert check_answers(PARENTS, {**FULL, "services_helped": []}).errors == {
        "services_helped": "Select at least one answer"
    }


def test_oversized_text_is_refused_with_its_length_and_control_characters_are_removed():
    check = check_answers(PARENTS, {**FULL, "one_thing": ["x" * 2001]}, max_chars=2000)
    assert check.errors["one_thing"] == (
        "Your answer must be 2,000 characters or fewer. It has 2,001 characters."
    )
    check = check_answers(PARENTS, {**FULL, "one_thing": ["More\x00 short breaks"]})
    assert check.answers["one_thing"] == "More short breaks"


def test_answers_to_questions_the_survey_does_not_have_are_ignored():
    check = check_answers(PARENTS, {**FULL, "ip_address": ["10.0.0.1"]})
    assert check.ok and "ip_address" not in check.answers


# The inspectors' survey in the seed: open from noon Monday to noon Friday, London time.
OPENS = london(dt.date(2026, 3, 23), dt.time(12))
CLOSES = london(dt.date(2026, 3, 27), dt.time(12))


def test_a_survey_opens_at_noon_monday_and_closes_at_noon_friday_london_time():
    assert OPENS.utcoffset() == dt.timedelta(0)  # still GMT on 23 March 2026
    assert window_state(OPENS, CLOSES, OPENS - dt.timedelta(seconds=1)) is WindowState.NOT_YET_OPEN
    assert window_state(OPENS, CLOSES, OPENS) is WindowState.OPEN
    assert window_state(OPENS, CLOSES, CLOSES - dt.timedelta(seconds=1)) is WindowState.OPEN
    assert window_state(OPENS, CLOSES, CLOSES) is WindowState.CLOSED
    assert window_state(None, CLOSES, OPENS) is WindowState.NOT_SET
    assert window_sentence(OPENS, CLOSES) == (
        "Open from 12:00 on Monday 23 March 2026 to 12:00 on Friday 27 March 2026 (UK time)."
    )


def test_a_window_across_the_clocks_going_forward_keeps_london_noon():
    closes = london(dt.date(2026, 3, 30), dt.time(12))  # British Summer Time from 29 March 2026
    assert closes.astimezone(dt.UTC).hour == 11
    assert (
        window_state(OPENS, closes, dt.datetime(2026, 3, 30, 10, 59, tzinfo=dt.UTC))
        is WindowState.OPEN
    )
    assert (
        window_state(OPENS, closes, dt.datetime(2026, 3, 30, 11, 0, tzinfo=dt.UTC))
        is WindowState.CLOSED
    )
    skipped = london(dt.date(2026, 3, 29), dt.time(1, 30))  # does not exist on a London clock
    assert skipped.utcoffset() == dt.timedelta(hours=1)


def test_a_window_must_close_after_it_opens():
    assert window_problem(CLOSES, OPENS) == "The survey must close after it opens"
    assert window_problem(OPENS, CLOSES) == ""


def test_a_submission_late_on_a_summer_evening_is_dated_by_the_london_day():
    late = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)
    assert london_day(late) == dt.date(2026, 7, 1)
    assert london(dt.date(2026, 7, 1), dt.time(0, 30)).tzinfo == LONDON


def _responses(listened: dict[str, int]) -> list[dict]:
    rows = []
    for option, n in listened.items():
        rows += [{"listened_to": option, "services_helped": ["Short breaks"]} for _ in range(n)]
    return rows


def test_counts_under_five_are_shown_as_fewer_than_five_and_one_more_is_withheld():
    results = tally(PARENTS, _responses({"Agree": 12, "Disagree": 6, "Strongly disagree": 2}))
    listened = next(q for q in results.questions if q.key == "listened_to")
    counts = listened.counts()
    assert counts["Agree"] == 12
    assert counts["Strongly disagree"] == "fewer than 5"
    assert counts["Disagree"] == WITHHELD  # else 20 - 12 - 0... would reveal the 2
    assert counts["Strongly agree"] == 0
    agree = next(c for c in listened.cells if c.label == "Agree")
    assert agree.percent_text == "60%"
    assert listened.answered_shown == 20
    assert results.responses_shown == 20


def test_a_survey_with_fewer_than_five_responses_shows_nothing_but_that():
    results = tally(PARENTS, _responses({"Agree": 4}))
    assert results.responses_shown == "fewer than 5"
    assert all(c.shown == "fewer than 5" for q in results.questions for c in q.cells)
    data = as_json(results)
    assert data["responses"] == "fewer than 5"
    assert {"counts", "responses"} <= set(data["questions"][0])


def test_written_answers_are_hidden_under_the_threshold_and_sorted_otherwise():
    rows = _responses({"Agree": 10})
    for i, text in enumerate(["zebra", "Apple", "mango"]):
        rows[i]["one_thing"] = text
    one_thing = next(q for q in tally(PARENTS, rows).questions if q.key == "one_thing")
    assert one_thing.texts == [] and one_thing.answered_shown == "fewer than 5"
    for i, text in enumerate(["kiwi", "banana"], start=3):
        rows[i]["one_thing"] = text
    one_thing = next(q for q in tally(PARENTS, rows).questions if q.key == "one_thing")
    assert one_thing.texts == ["Apple", "banana", "kiwi", "mango", "zebra"]


def test_the_threshold_is_a_setting():
    results = tally(PARENTS, _responses({"Agree": 8, "Disagree": 3}), threshold=3)
    listened = next(q for q in results.questions if q.key == "listened_to")
    assert listened.counts()["Disagree"] == 3


def test_the_bucket_lets_a_burst_through_then_asks_the_next_to_wait():
    bucket = TokenBucket(rate=2.0, burst=3.0)
    assert [bucket.take(100.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take(100.0) == pytest.approx(0.5)
    assert bucket.take(100.5) == 0.0
    buckets = Buckets(rate=1.0, burst=1.0)
    assert buckets.take("survey-1", 0.0) == 0.0
    assert buckets.take("survey-2", 0.0) == 0.0  # each survey has its own
    assert buckets.take("survey-1", 0.0) > 0
