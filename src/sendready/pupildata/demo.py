"""Demo content: three dated snapshots of invented person-level data for the demo area, for trends."""

import datetime as dt
import tempfile
from pathlib import Path

from dateutil.relativedelta import relativedelta

from sendready.domain.person_level.generator import generate, write_csv
from sendready.pupildata import actions
from sendready.pupildata.models import Snapshot

ROWS = 5000


def _month_end_before(day: dt.date, months: int = 0) -> dt.date:
    return day.replace(day=1) - relativedelta(months=months) - dt.timedelta(days=1)


def snapshot_plan(today: dt.date) -> list[tuple[dt.date, int, int]]:
    """Three month-ends four months apart, the latest last month; each a different invented file."""
    return [
        (_month_end_before(today, 8), 11, 4700),
        (_month_end_before(today, 4), 12, 4850),
        (_month_end_before(today), 13, ROWS),
    ]


def load(area, people) -> None:
    """Import three snapshots into the demo area, if it has none yet."""
    if Snapshot.objects.for_area(area).exists():
        return
    user = people.get("lano") if isinstance(people, dict) else None
    with tempfile.TemporaryDirectory() as folder:
        for day, seed, rows in snapshot_plan(dt.date.today()):
            path = Path(folder) / f"demoshire-send-{day.isoformat()}.csv"
            write_csv(generate(rows, seed, as_of=day), path)
            run = actions.import_path(actor=user, area=area, path=path, snapshot_date=day)
            if run.snapshot_id is None:
                raise RuntimeError(f"Demo data did not import: {run.errors[:3]}")
