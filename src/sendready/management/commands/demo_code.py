"""sendready demo-code: the demo people's current two-factor code (their shared demo authenticator)."""

import time
from typing import Any

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from sendready.demo import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = (
        "Print the current two-factor code of the demo people (every demo person shares one fixed, "
        "public authenticator key; each code works once per person)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        now = time.time()
        generator = TOTP(bytes.fromhex(DEMO_TOTP_KEY))
        generator.time = now
        self.stdout.write(f"{generator.token():06d}")
        left = 30 - int(now) % 30
        self.stderr.write(f"Valid for about {left} more seconds (then run this again).")
