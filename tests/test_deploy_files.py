"""The sample systemd units, the Procfile and the README run commands that exist, with flags they take."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"


def _unit(name: str) -> dict[str, list[str]]:
    """Key = value lines of a unit file (repeated keys kept in order)."""
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def _commands() -> list[list[str]]:
    """Every command line the deploy files start, with placeholders filled in."""
    lines = [v for f in DEPLOY.glob("*.service") for v in _unit(f.name).get("ExecStart", [])]
    for line in (ROOT / "Procfile").read_text().splitlines():
        if ":" in line and not line.startswith("#"):
            lines.append(line.split(":", 1)[1])
    filled = [re.sub(r"\$\{[^}]*\}\}?|%[a-zA-Z]", "x", line) for line in lines]
    return [shlex.split(line) for line in filled]


def test_every_sendready_command_in_the_deploy_files_exists_and_takes_its_flags():
    seen = set()
    for words in _commands():
        if Path(words[0]).name != "sendready":
            continue
        name = words[1].replace("-", "_")
        assert name in get_commands(), f"no such command: sendready {words[1]}"
        command = load_command_class(get_commands()[name], name)
        command.create_parser("sendready", name).parse_args(words[2:])
        seen.add(name)
    assert {"worker", "clean_files", "migrate"} <= seen


def test_the_web_server_commands_use_the_shipped_gunicorn_settings():
    servers = [w for w in _commands() if Path(w[0]).name == "gunicorn"]
    assert len(servers) == 2  # the systemd unit and the Procfile
    for words in servers:
        assert words[words.index("-c") + 1].endswith("deploy/gunicorn.conf.py")
    readme = (ROOT / "README.md").read_text()
    assert "gunicorn -c deploy/gunicorn.conf.py" in readme
    assert "sendready worker --worker-id" in readme


def test_the_gunicorn_settings_load_and_follow_the_environment(monkeypatch):
    from gunicorn.config import Config

    monkeypatch.setenv("SENDREADY_BIND", "127.0.0.1:9123")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.delenv("DB_CONN_MAX_AGE", raising=False)
    namespace: dict = {"__file__": str(DEPLOY / "gunicorn.conf.py")}
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    config = Config()
    for key, value in namespace.items():
        if key in config.settings:
            config.set(key, value)
    assert config.bind == ["127.0.0.1:9123"]
    assert config.workers == 3
    assert config.wsgi_app == "sendready.wsgi:application"
    assert config.env == {"DB_CONN_MAX_AGE": "60"}  # workers keep their database connection


@pytest.mark.parametrize("name", ["sendready-worker@.service", "sendready-web.service"])
def test_each_long_running_unit_caps_its_memory_outside_python(name):
    unit = _unit(name)
    assert unit["MemoryMax"][0].endswith("G")
    assert unit["Restart"][0] in {"always", "on-failure"}
