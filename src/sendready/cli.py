"""The `sendready` console command: Django's management entry point with friendlier names."""

import os
import sys


def main() -> None:
    """Run a management command; `load-demo` and `load_demo` are the same command."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendready.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "sendready"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
