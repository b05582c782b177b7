"""sendready timeline: every dated step of an inspection from its notification date."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from sendready.domain.frameworks import list_frameworks
from sendready.domain.timeline import TimelineError, build_timeline


def _date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{what} must be a date written YYYY-MM-DD, for example 2025-09-08; "
                           f"got '{value}'.") from None


class Command(BaseCommand):
    help = "Print the dated milestones of an inspection (JSON or text)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--framework", required=True,
                            help=f"One of: {', '.join(list_frameworks())}")
        parser.add_argument("--notified", required=True, help="Notification date, YYYY-MM-DD")
        parser.add_argument("--onsite-start", help="Real first on-site day, YYYY-MM-DD")
        parser.add_argument("--onsite-end", help="Real last on-site day, YYYY-MM-DD")
        parser.add_argument("--setting", action="append", default=[], metavar="NAME=NUMBER",
                            help="Change an unconfirmed number, e.g. --setting report_wd=40")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options) -> None:
        notified = _date(options["notified"], "--notified")
        overrides = {}
        for name in ("onsite_start", "onsite_end"):
            if options[name]:
                overrides[name] = _date(options[name], f"--{name.replace('_', '-')}")
        settings = {}
        for item in options["setting"]:
            name, _, value = item.partition("=")
            if not value.strip().isdigit():
                raise CommandError(f"--setting {item}: write NAME=NUMBER, for example report_wd=40.")
            settings[name.strip()] = int(value)
        try:
            timeline = build_timeline(options["framework"], notified, overrides, settings)
        except TimelineError as exc:
            raise CommandError(str(exc)) from exc
        for warning in timeline.warnings:
            self.stderr.write(f"Warning: {warning}")
        if options["format"] == "json":
            self.stdout.write(json.dumps([m.as_dict() for m in timeline.milestones], indent=2))
            return
        self.stdout.write(f"{timeline.framework_title}, notified {notified:%A %d %B %Y}")
        for m in timeline.milestones:
            when = f"{m.date:%a %d %b %Y}" + (f" {m.time:%H:%M}" if m.time else "")
            if m.end_date:
                when += f" to {m.end_date:%a %d %b %Y}" + (f" {m.end_time:%H:%M}" if m.end_time else "")
            self.stdout.write(f"{when:<42} {m.title}  [{m.status}: {m.source}]")
