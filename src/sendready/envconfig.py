"""Typed helpers that read settings from environment variables."""

import os
import secrets
from pathlib import Path


def project_root() -> Path:
    """The checkout (or install) folder that holds node_modules and build output."""
    override = os.environ.get("SENDREADY_ROOT")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2]


def env_str(name: str, default: str) -> str:
    """A string setting."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """A yes/no setting: 1, true, yes and on count as true."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """A whole-number setting."""
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list setting."""
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str, fallback_file: Path) -> str:
    """A secret from NAME, from the file named by NAME_FILE, or one generated once and kept."""
    if os.environ.get(name):
        return os.environ[name]
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    if not fallback_file.exists():
        fallback_file.write_text(secrets.token_urlsafe(50))
        fallback_file.chmod(0o600)
    return fallback_file.read_text().strip()


def env_optional_secret(name: str) -> str:
    """A secret from NAME or from the file named by NAME_FILE; empty when neither is set."""
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    return os.environ.get(name, "")
