"""sendready load-demo: load the fictional demo local area and its people."""

from typing import Any

from django.core.management.base import BaseCommand

from sendready.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the fictional demo local area (Demoshire) with a demo person in every role."

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo()
        self.stdout.write(f"Loaded the demo local area {result.area.name} ({result.area.code}).")
        self.stdout.write(
            f"Sign in as any of: {', '.join(result.usernames)} (password: {DEMO_PASSWORD})"
        )
