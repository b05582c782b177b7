"""sendready timeline: every dated step of an inspection from its notification date."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendready.cli_options import (
    add_date_option,
    add_format_option,
    iso_date,
    wants_json,
    write_json,
)
from sendready.domain.inspection.frameworks import list_frameworks, load_framework
from sendready.domain.inspection.outcomes import RecordedOutcome, check_outcome
from sendready.domain.inspection.timeline import Timeline, TimelineError, build_timeline


def _pairs(items: list[str], flag: str, example: str) -> list[tuple[str, str]]:
    pairs = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise CommandError(f"{flag} {item}: write it as {example}.")
        pairs.append((name.strip(), value.strip()))
    return pairs


class Command(BaseCommand):
    help = "Print the dated milestones of an inspection (JSON or text)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--framework", required=True, help=f"One of: {', '.join(list_frameworks())}"
        )
        add_date_option(parser, "--notified", required=True, help="Notification date")
        add_date_option(parser, "--onsite-start", help="Real first on-site day")
        add_date_option(parser, "--onsite-end", help="Real last on-site day")
        parser.add_argument(
            "--actual",
            action="append",
            default=[],
            metavar="KEY=YYYY-MM-DD",
            help="A step's real date, e.g. --actual report_published=2025-12-03 "
            "(repeatable; windows take KEY_start and KEY_end)",
        )
        parser.add_argument(
            "--outcome", help="The recorded outcome's key (see `sendready frameworks`)"
        )
        parser.add_argument(
            "--weaknesses",
            type=int,
            help="Re-visits: areas of significant weakness the inspection recorded",
        )
        parser.add_argument(
            "--judgement",
            action="append",
            default=[],
            metavar="N=sufficient",
            help="Re-visits: progress in area of weakness N (repeatable)",
        )
        parser.add_argument(
            "--setting",
            action="append",
            default=[],
            metavar="NAME=NUMBER",
            help="Change an unconfirmed number, e.g. --setting report_wd=40",
        )
        add_format_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        notified = iso_date(options["notified"], "--notified")
        overrides = {}
        for name in ("onsite_start", "onsite_end"):
            if options[name]:
                overrides[name] = iso_date(options[name], f"--{name.replace('_', '-')}")
        for key, value in _pairs(options["actual"], "--actual", "KEY=YYYY-MM-DD"):
            overrides[key] = iso_date(value, f"--actual {key}")
        settings = {}
        for name, value in _pairs(options["setting"], "--setting", "NAME=NUMBER"):
            if not value.isdigit():
                raise CommandError(
                    f"--setting {name}={value}: write NAME=NUMBER, for example report_wd=40."
                )
            settings[name] = int(value)
        try:
            timeline = build_timeline(
                options["framework"], notified, overrides, settings, outcome=options["outcome"]
            )
            if options["outcome"]:
                self._check_outcome(options, timeline)
        except TimelineError as exc:
            raise CommandError(str(exc)) from exc
        for warning in timeline.warnings:
            self.stderr.write(f"Warning: {warning}")
        if wants_json(options):
            fw = load_framework(timeline.framework)
            rows = [
                m.as_dict()
                | {"sources": [{"title": s.title, "url": s.url} for s in fw.sources_of(m.source)]}
                for m in timeline.milestones
            ]
            write_json(self.stdout, rows)
            return
        self._text(timeline, notified)

    def _check_outcome(self, options: dict[str, Any], timeline: Timeline) -> None:
        """Refuse judgements or numbers the outcome cannot have, before printing anything."""
        judgements = {}
        for number, value in _pairs(options["judgement"], "--judgement", "N=sufficient"):
            if not number.isdigit():
                raise CommandError(
                    f"--judgement {number}={value}: N is the number of the area of "
                    "weakness, for example --judgement 3=insufficient."
                )
            judgements[int(number)] = value.lower()
        report = load_framework(timeline.framework).report_step
        report_date = timeline.milestone(report).date if report else timeline.notified
        check_outcome(
            timeline.framework,
            RecordedOutcome(key=options["outcome"], report_date=report_date, judgements=judgements),
            weaknesses_recorded=options["weaknesses"],
        )

    def _text(self, timeline: Timeline, notified: dt.date) -> None:
        fw = load_framework(timeline.framework)
        self.stdout.write(f"{timeline.framework_title}, notified {notified:%A %d %B %Y}")
        for m in timeline.milestones:
            when = f"{m.date:%a %d %b %Y}" + (f" {m.time:%H:%M}" if m.time else "")
            if m.end_date:
                when += f" to {m.end_date:%a %d %b %Y}" + (
                    f" {m.end_time:%H:%M}" if m.end_time else ""
                )
            status = "actual" if m.overridden else m.status
            self.stdout.write(f"{when:<42} {m.title}  [{status}: {fw.source_titles(m.source)}]")
