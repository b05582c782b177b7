import datetime as dt

import pytest

from sendready.areas.constants import Role
from sendready.domain.dates.workdays import previous_working_day
from sendready.inspections import actions
from sendready.inspections.outcome_actions import record_outcome


@pytest.fixture
def people(two_areas):
    people, _ = two_areas
    return people


@pytest.fixture
def lano(people):
    return people.by_role[Role.LANO]


def inspected(people, lano, report=dt.date(2019, 3, 1), weaknesses=5):
    """A 2016 inspection of area A whose report (on `report`) required a WSOA."""
    inspection = actions.record_inspection(
        actor=lano,
        area=people.area,
        framework="2016-inspection",
        notified_on=previous_working_day(report - dt.timedelta(days=70)),
    )
    return record_outcome(
        actor=lano,
        inspection=inspection,
        key="wsoa",
        report_date=report,
        counts={"weaknesses": weaknesses},
    )


def revisited(people, lano, first, judgements, letter=dt.date(2022, 6, 14)):
    """The re-visit of area A, its letter on `letter` judging each weakness."""
    actions.conclude_inspection(actor=lano, inspection=first)
    revisit = actions.record_inspection(
        actor=lano,
        area=people.area,
        framework="2016-revisit",
        notified_on=previous_working_day(letter - dt.timedelta(days=60)),
    )
    return record(lano, revisit, judgements, letter)


def record(lano, revisit, judgements, letter=dt.date(2022, 6, 14)):
    insufficient = sum(1 for j in judgements.values() if j == "insufficient")
    return record_outcome(
        actor=lano,
        inspection=revisit,
        key="insufficient" if insufficient else "sufficient",
        report_date=letter,
        judgements=judgements,
    )


@pytest.fixture
def wsoa_inspection(people, lano):
    return inspected(people, lano)
