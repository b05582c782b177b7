"""sendready worker: the background worker, which first fails the imports its previous run left unfinished."""

import socket
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from sendready.pupildata.recovery import fail_dead_runs


class Command(BaseCommand):
    help = (
        "Run the background worker (imports and exports). It first marks failed any import that this "
        "worker (same --worker-id) was running when it stopped, and any import with no progress for "
        "PUPIL_IMPORT_STALE_SECONDS."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--worker-id",
            default=socket.gethostname()[:60],
            help="Unique and stable per worker (default: the host name). Give each worker on "
            "one machine its own, for example web1-a and web1-b.",
        )
        parser.add_argument(
            "--batch", action="store_true", help="Stop when there are no more tasks."
        )
        parser.add_argument(
            "--interval", type=float, default=1, help="Seconds between checks for work."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        failed = fail_dead_runs(worker_id=options["worker_id"])
        if failed:
            self.stdout.write(f"{len(failed)} unfinished import(s) marked failed.")
        call_command(
            "db_worker",
            worker_id=options["worker_id"],
            batch=options["batch"],
            interval=options["interval"],
            reload=False,
        )
