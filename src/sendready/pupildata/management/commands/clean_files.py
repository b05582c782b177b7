"""sendready clean-files: remove person-level files that no snapshot or running import needs."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendready.pupildata import recovery, storage
from sendready.pupildata.cleanup import orphaned_files


class Command(BaseCommand):
    help = (
        "Remove person-level files left behind by a crash or a stopped worker "
        "(nothing a snapshot or a running import uses). Run it daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than-hours",
            type=float,
            default=24,
            help="Only files older than this (default 24 hours).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List the files, remove nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["dry_run"]:
            recovery.fail_dead_runs()  # their uploads are removed, and no longer kept for them
            recovery.fail_dead_exports()
        files = orphaned_files(options["older_than_hours"] * 3600)
        for name in files:
            if not options["dry_run"]:
                storage.remove(name)
            self.stdout.write(f"{'Would remove' if options['dry_run'] else 'Removed'} {name}")
        self.stdout.write(
            f"{len(files)} file(s) {'to remove' if options['dry_run'] else 'removed'}."
        )
