"""scripts/throwaway-postgres starts a cluster of its own on a free port, leaving 5432 alone, and removes it."""

import glob
import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "throwaway-postgres"

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs once, in the SQLite run (it needs no test database)",
    ),
    pytest.mark.skipif(
        not glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        reason="Debian's PostgreSQL server programs are not installed (scripts/test installs them)",
    ),
]


def _run(command: str, env: dict) -> str:
    result = subprocess.run(
        [str(SCRIPT), command], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_throwaway_cluster_starts_on_its_own_port_in_var_and_is_removed_when_stopped():
    # Under the project's var/ (which the postgres user can enter), not pytest's private tmp folder.
    folder = ROOT / "var" / "test" / f"pg-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "SENDREADY_PG_DIR": str(folder), "SENDREADY_PG_NO_INSTALL": "1"}
    url = _run("start", env)
    try:
        assert url.startswith("postgres://postgres@127.0.0.1:")
        assert not url.startswith("postgres://postgres@127.0.0.1:5432/")
        with psycopg.connect(url, connect_timeout=10) as con:
            data_directory = con.execute("SHOW data_directory").fetchone()[0]
            assert con.execute("SHOW fsync").fetchone()[0] == "off"
            con.execute("CREATE TABLE thrown (x int)")
        assert data_directory == str(folder / "pgdata")
    finally:
        _run("stop", env)
    assert not folder.exists() and not Path(f"{folder}.state").exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=3)
