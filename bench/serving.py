"""Benchmark: the data pages of a 1,000,000-row snapshot under the production server, 10 clients at once.

Sets up a throwaway PostgreSQL database and a temporary var/ folder, makes the rows with
`sendready generate-pupils` and imports them with `sendready import-pupils` (the real import action),
starts gunicorn with deploy/gunicorn.conf.py on 127.0.0.1, signs in as a LANO and then, page by page,
sends requests from N concurrent clients (bounded by a count and a time limit). Prints p50, p95, p99 and
errors per page, with the ratio to the sign-in page.
Run: .venv/bin/python bench/serving.py [--rows 1000000] [--clients 10] [--requests 300] [--seconds 60]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
AREA = "E99999990"
USER, PASSWORD = "bench-lano", "bench-serving-password-9"
HOST = "127.0.0.1"  # the load goes nowhere else
TARGET_P95_MS = 300
TOTP_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300, help="per page, at most")
    parser.add_argument("--seconds", type=float, default=60, help="per page, at most")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: conf)"
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and files")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sendready-serving-"))
    env, drop = _environment(args.postgres, work)
    try:
        snapshot_id = _prepare(env, work, args.rows)
        server = _start_server(env, args.workers)
        try:
            _run_pages(env, snapshot_id, args, server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        if args.keep:
            print(f"Kept: DATABASE_URL={env['DATABASE_URL']} SENDREADY_VAR_DIR={work / 'var'}")
        else:
            drop()
            shutil.rmtree(work, ignore_errors=True)


def _environment(url: str, work: Path) -> tuple[dict[str, str], callable]:
    import psycopg

    name = "sendready_bench_serving"
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sendready.settings",
        "DATABASE_URL": url.rsplit("/", 1)[0] + "/" + name,
        "DEBUG": "false",
        "SECRET_KEY": "bench-serving-" + "z5" * 25,
        "ALLOWED_HOSTS": HOST,
        "SENDREADY_VAR_DIR": str(work / "var"),
        "SENDREADY_BIND": f"{HOST}:{port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "AXES_FAILURE_LIMIT": "1000",
        "GUNICORN_MAX_REQUESTS": "0",  # no worker recycling: its CPU time is counted below
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env, drop


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _sendready(env: dict[str, str], *words: str) -> str:
    result = subprocess.run(
        [str(BIN / "sendready"), *words], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"sendready {words[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


SETUP = f"""
from sendready.areas.constants import Role
from sendready.areas.models import LocalArea, Membership
from django.contrib.auth import get_user_model
area = LocalArea.objects.create(code="{AREA}", name="Benchshire", region="London", is_fictional=True)
user = get_user_model().objects.create_user("{USER}", password="{PASSWORD}")
Membership.objects.create(user=user, area=area, role=Role.LANO)
from django_otp.plugins.otp_totp.models import TOTPDevice
TOTPDevice.objects.create(user=user, name="bench", key="{TOTP_KEY}", confirmed=True)
"""


def _prepare(env: dict[str, str], work: Path, rows: int) -> int:
    """Migrate, add an area and a LANO, generate and import the rows; the snapshot's id."""
    started = time.perf_counter()
    _sendready(env, "migrate", "--no-input", "--verbosity", "0")
    _sendready(env, "shell", "-c", SETUP)
    csv = work / "pupils.csv"
    _sendready(env, "generate-pupils", "--rows", str(rows), "--seed", "42", "--out", str(csv))
    out = _sendready(env, "import-pupils", str(csv), "--area", AREA)
    csv.unlink()
    snapshot_id = int(re.search(r"\(snapshot (\d+)\)", out).group(1))
    print(
        f"Prepared {rows:,} rows (snapshot {snapshot_id}) in {time.perf_counter() - started:.0f} s"
    )
    return snapshot_id


def _start_server(env: dict[str, str], workers: int | None) -> subprocess.Popen:
    command = [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py"]
    if workers:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _get(_connection(env), "/sign-in/", {})[0] == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def _connection(env: dict[str, str]) -> http.client.HTTPConnection:
    host, port = env["SENDREADY_BIND"].rsplit(":", 1)
    assert host == HOST
    return http.client.HTTPConnection(host, int(port), timeout=60)


def _get(con: http.client.HTTPConnection, path: str, cookies: dict) -> tuple[int, bytes]:
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    con.request("GET", path, headers=headers)
    response = con.getresponse()
    return response.status, response.read()


def _sign_in(env: dict[str, str]) -> dict[str, str]:
    """The cookies of a signed-in LANO."""
    con = _connection(env)
    con.request("GET", "/sign-in/")
    response = con.getresponse()
    page = response.read().decode()
    cookies = _cookies(response)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": USER, "password": PASSWORD}
    )
    con.request(
        "POST",
        "/sign-in/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        },
    )
    response = con.getresponse()
    response.read()
    cookies.update(_cookies(response))
    cookies.update(_post_code(con, cookies))
    status, _ = _get(con, f"/areas/{AREA}/data/", cookies)
    if status != 200:
        raise SystemExit(f"could not sign in: the data page answered {status}")
    return cookies


def _post_code(con: http.client.HTTPConnection, cookies: dict[str, str]) -> dict[str, str]:
    """The second step of signing in (every role has two-factor sign-in): today's TOTP code."""
    from django_otp.oath import TOTP

    jar = "; ".join(f"{k}={v}" for k, v in cookies.items())
    con.request("GET", "/sign-in/code/", headers={"Cookie": jar})
    response = con.getresponse()
    page = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    code = f"{TOTP(bytes.fromhex(TOTP_KEY)).token():06d}"
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "code": code})
    con.request(
        "POST",
        "/sign-in/code/",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": jar},
    )
    response = con.getresponse()
    response.read()
    return _cookies(response)


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    found = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, value = header.split(";", 1)[0].split("=", 1)
        found[name.strip()] = value.strip()
    return found


def _load(env, paths, cookies, clients: int, requests: int, seconds: float) -> dict:
    """`clients` threads, each with its own keep-alive connection, until `requests` or `seconds`."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    budget = iter(range(requests))
    deadline = time.monotonic() + seconds

    def client() -> None:
        con = _connection(env)
        while time.monotonic() < deadline:
            with lock:
                if next(budget, None) is None:
                    return
            path = random.choice(paths)
            start = time.perf_counter()
            try:
                status, body = _get(con, path, cookies)
            except (OSError, http.client.HTTPException):
                con.close()
                con = _connection(env)
                status = 0
            elapsed = time.perf_counter() - start
            with lock:
                times.append(elapsed)
                if status != 200:
                    errors.append(f"{status} {path}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"times": times, "errors": errors, "wall": time.perf_counter() - started}


def _percentiles(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
    return {"p50": cuts[49] * 1000, "p95": cuts[94] * 1000, "p99": cuts[98] * 1000}


def _server_cpu(pid: int) -> float:
    """CPU seconds used so far by gunicorn's workers (independent of what else loads the machine).

    Read from /proc (Linux, as production runs) so the benchmark needs no extra package.
    """
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for child in _descendants(pid):
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a worker that exited between listing and reading
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def _descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                found.append(child)
                queue.append(child)
    return found


def _run_pages(env: dict[str, str], snapshot_id: int, args, pid: int) -> None:
    cookies = _sign_in(env)
    data = f"/areas/{AREA}/data/"
    rows = f"{data}snapshots/{snapshot_id}/rows/ehc_plans/"
    pages = {
        "sign-in page (baseline)": ["/sign-in/"],
        "dashboard": [data],
        "rows page (EHC plans, pages 1-200)": [f"{rows}?page={n}" for n in range(1, 201)],
        "dashboard filtered by phase": [
            f"{data}?phase={p}" for p in ("primary", "secondary", "post16")
        ],
        "trend chart (SVG, 2 per dashboard)": [f"{data}trends/ehc_plans.svg"],
    }
    con = _connection(env)
    for paths in pages.values():  # each worker imports its code before anything is timed
        for _ in range(3):
            _get(con, paths[0], {} if paths[0] == "/sign-in/" else cookies)
    results = {}
    for label, paths in pages.items():
        jar = {} if paths[0] == "/sign-in/" else cookies
        before = _server_cpu(pid)
        results[label] = _load(env, paths, jar, args.clients, args.requests, args.seconds)
        results[label]["cpu"] = _server_cpu(pid) - before
    _report(results, args)


def _report(results: dict[str, dict], args) -> None:
    load = os.getloadavg()
    print(
        f"\n{args.clients} clients, at most {args.requests} requests or {args.seconds:.0f} s per page; "
        f"{os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} after the run"
    )
    base = _percentiles(results["sign-in page (baseline)"]["times"])
    print(
        f"{'page':<38}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'req/s':>7}{'errors':>7}"
        f"{'p95 x sign-in':>15}"
    )
    summary = {}
    for label, result in results.items():
        p = _percentiles(result["times"])
        n = len(result["times"])
        ratio = p["p95"] / base["p95"]
        cpu = result["cpu"] * 1000 / max(n, 1)
        summary[label] = {
            **p,
            "n": n,
            "errors": len(result["errors"]),
            "p95_ratio": ratio,
            "cpu_ms_per_request": cpu,
        }
        print(
            f"{label:<38}{n:>5}{p['p50']:>9.0f}{p['p95']:>9.0f}{p['p99']:>9.0f}"
            f"{n / result['wall']:>7.1f}{len(result['errors']):>7}{ratio:>14.1f}x{cpu:>12.1f}"
        )
        for error in sorted(set(result["errors"]))[:3]:
            print(f"    error: {error}")
    for label in ("dashboard", "rows page (EHC plans, pages 1-200)"):
        ok = summary[label]["p95"] < TARGET_P95_MS and not summary[label]["errors"]
        verdict = "meets" if ok else "MISSES"
        print(
            f"{label}: p95 {summary[label]['p95']:.0f} ms {verdict} the {TARGET_P95_MS} ms target"
        )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
