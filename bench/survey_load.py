"""Benchmark: families answering a survey at once, under the production server on PostgreSQL.

Sets up a throwaway PostgreSQL database and var/ folder, adds an area with an approved parents' and
carers' survey open now, starts gunicorn with deploy/gunicorn.conf.py on a free loopback port, then:
1. a trivial view (the survey's thank-you page) from N concurrent clients, for the ratio;
2. the survey's form page from N clients, keeping each page's one-time token;
3. the submissions from N clients, each with a unique marker in its written answer; a share of them
   (--doubles) is sent twice at the same moment, as a double click would;
all bounded by a count and a time limit. Then it reads the database and checks that every accepted
submission is stored exactly once, that nothing else is stored, and that each double click stored one.
Prints submissions per second, p50 and p99, and the ratios to the trivial view.
Run: .venv/bin/python bench/survey_load.py [--submissions 3000] [--clients 16] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import os
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
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serving import _free_port, _server_cpu, _start_server  # noqa: E402  (the same server set-up)

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"  # the load goes nowhere else
AREA = "E99999991"
DB_NAME = "sendready_bench_surveys"
TARGET_RATE, TARGET_P99_MS = 300, 300
ANSWERS = {
    "q-support_type": "An education, health and care plan (EHC plan)",
    "q-listened_to": "Agree",
    "q-identified_early": "Disagree",
    "q-health_help": "Don't know",
    "q-school_meets_needs": "Strongly agree",
    "q-services_helped": ["Short breaks", "School or college"],
}
SETUP = f"""
from django.contrib.auth import get_user_model
from sendready.areas.constants import Role
from sendready.areas.models import LocalArea, Membership
from sendready.surveys.testing import open_survey
area = LocalArea.objects.create(code="{AREA}", name="Benchshire", region="London", is_fictional=True)
people = {{}}
for name, role in (("bench-lano", Role.LANO), ("bench-pcf", Role.PCF_REP)):
    people[name] = get_user_model().objects.create_user(name)
    Membership.objects.create(user=people[name], area=area, role=role)
survey = open_survey(area, people["bench-lano"], people["bench-pcf"], days_open=1)
print("SURVEY", survey.pk, survey.slug)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=3000, help="at most this many forms")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30, help="per phase, at most")
    parser.add_argument("--doubles", type=float, default=0.05, help="share sent twice at once")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: conf)"
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sendready-surveys-"))
    env, drop = _environment(args.postgres, work)
    try:
        survey_pk, slug = _prepare(env)
        server = _start_server(env, args.workers)
        try:
            results = _run(env, slug, args, server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        check = _check(env["DATABASE_URL"], survey_pk, results["submit"])
        _report(results, check, args)
    finally:
        drop()
        shutil.rmtree(work, ignore_errors=True)


def _environment(url: str, work: Path):
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{DB_NAME}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sendready.settings",
        "DATABASE_URL": url.rsplit("/", 1)[0] + "/" + DB_NAME,
        "DEBUG": "false",
        "SECRET_KEY": "bench-surveys-" + "q7" * 25,
        "ALLOWED_HOSTS": HOST,
        "SENDREADY_VAR_DIR": str(work / "var"),
        "SENDREADY_BIND": f"{HOST}:{_free_port()}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_MAX_REQUESTS": "0",  # no worker recycling while measuring
        # The per-survey rate limit (50 a second per worker by default) would refuse most of this
        # deliberate flood; it is raised so the benchmark measures storing answers, not refusing them.
        "SURVEY_SUBMISSIONS_PER_SECOND": "100000",
        "SURVEY_SUBMISSION_BURST": "100000",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env, drop


def _prepare(env: dict[str, str]) -> tuple[int, str]:
    for words in (["migrate", "--no-input", "--verbosity", "0"], ["shell", "-c", SETUP]):
        result = subprocess.run(
            [str(BIN / "sendready"), *words], env=env, cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode:
            raise SystemExit(f"sendready {words[0]} failed:\n{result.stdout}\n{result.stderr}")
    found = re.search(r"SURVEY (\d+) (\S+)", result.stdout)
    if found is None:
        raise SystemExit("the survey was not created")
    return int(found.group(1)), found.group(2)


def _request(env: dict[str, str], raw: bytes) -> tuple[int, bytes]:
    """One request on its own connection (gunicorn's sync workers close each one); status and body."""
    host, port = env["SENDREADY_BIND"].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(raw)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    data = b"".join(chunks)
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def _get(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode()


def _post(path: str, fields: dict) -> bytes:
    body = urllib.parse.urlencode(fields, doseq=True).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def _phase(env, jobs: list, clients: int, seconds: float, pid: int) -> dict:
    """Run `jobs` (each a list of raw requests sent at the same moment) from `clients` threads."""
    times: list[float] = []
    outcomes: list[tuple[int, list[int], bytes]] = []  # job index, statuses, first body
    lock = threading.Lock()
    queue = iter(range(len(jobs)))
    deadline = time.monotonic() + seconds

    def send(raw: bytes, into: list, at: int) -> None:
        start = time.perf_counter()
        try:
            status, body = _request(env, raw)
        except OSError:
            status, body = 0, b""
        into[at] = (status, body, time.perf_counter() - start)

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                index = next(queue, None)
            if index is None:
                return
            raws = jobs[index]
            got: list = [None] * len(raws)
            if len(raws) == 1:
                send(raws[0], got, 0)
            else:  # a double click: both copies in flight at once
                extra = [
                    threading.Thread(target=send, args=(r, got, i)) for i, r in enumerate(raws)
                ]
                for t in extra:
                    t.start()
                for t in extra:
                    t.join()
            with lock:
                times.extend(g[2] for g in got)
                outcomes.append((index, [g[0] for g in got], got[0][1]))

    before = _server_cpu(pid)
    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "times": times,
        "outcomes": outcomes,
        "wall": time.perf_counter() - started,
        "cpu": _server_cpu(pid) - before,
    }


def _run(env, slug: str, args, pid: int) -> dict:
    answer, thanks = f"/s/{slug}/", f"/s/{slug}/thank-you/"
    for _ in range(20):  # every worker imports its code before anything is timed
        _request(env, _get(thanks))
        _request(env, _get(answer))
    n = args.submissions
    results = {"trivial": _phase(env, [[_get(thanks)]] * n, args.clients, args.seconds, pid)}
    results["form"] = _phase(env, [[_get(answer)]] * n, args.clients, args.seconds, pid)
    tokens = []
    for _, statuses, body in results["form"]["outcomes"]:
        found = re.search(rb'name="token" value="([^"]+)"', body) if statuses[0] == 200 else None
        if found:
            tokens.append(found.group(1).decode())
    every = max(1, round(1 / args.doubles)) if args.doubles > 0 else 0
    jobs = []
    for i, token in enumerate(tokens):
        raw = _post(answer, {**ANSWERS, "token": token, "q-one_thing": f"bench-{i}"})
        jobs.append([raw, raw] if every and i % every == 0 else [raw])
    results["submit"] = _phase(env, jobs, args.clients, args.seconds, pid)
    results["submit"]["doubles"] = {i for i, job in enumerate(jobs) if len(job) == 2}
    return results


def _check(url: str, survey_pk: int, submit: dict) -> dict:
    """Every accepted answer stored exactly once, and nothing else."""
    import psycopg

    accepted, refused_double, other = set(), 0, Counter()
    for index, statuses, _ in submit["outcomes"]:
        wins = statuses.count(302)
        if wins:
            accepted.add(f"bench-{index}")
        if wins > 1:
            other["both copies of a double click accepted"] += 1
        refused_double += statuses.count(409)
        for status in statuses:
            if status not in (302, 409):
                other[f"HTTP {status}"] += 1
    with psycopg.connect(url) as con:
        rows = con.execute(
            "SELECT answers->>'one_thing' FROM surveys_response WHERE survey_id = %s", [survey_pk]
        ).fetchall()
        tokens = con.execute("SELECT count(*) FROM surveys_submittedform").fetchone()[0]
    stored = Counter(r[0] for r in rows)
    return {
        "accepted": len(accepted),
        "stored": len(rows),
        "lost": len(accepted - set(stored)),
        "duplicated": sum(n - 1 for n in stored.values() if n > 1),
        "stored_not_accepted": len(set(stored) - accepted),
        "tokens_used": tokens,
        "doubles_sent": len(submit["doubles"]),
        "doubles_refused_409": refused_double,
        "unexpected": dict(other),
    }


def _percentiles(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
    return {"p50": cuts[49] * 1000, "p99": cuts[98] * 1000}


def _report(results: dict, check: dict, args) -> None:
    load = os.getloadavg()
    print(
        f"\n{args.clients} clients, at most {args.submissions} per phase or {args.seconds:.0f} s; "
        f"{os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} after the run"
    )
    print(f"{'phase':<34}{'n':>6}{'per s':>8}{'p50 ms':>8}{'p99 ms':>8}{'server CPU ms':>15}")
    summary = {}
    for label, key in (
        ("trivial view (thank-you page)", "trivial"),
        ("survey form page (GET)", "form"),
        ("submissions (POST)", "submit"),
    ):
        r = results[key]
        n = len(r["outcomes"])
        p = _percentiles(r["times"])
        rate = n / r["wall"]
        cpu = r["cpu"] * 1000 / max(len(r["times"]), 1)
        summary[key] = {**p, "n": n, "per_second": rate, "cpu_ms": cpu}
        print(f"{label:<34}{n:>6}{rate:>8.0f}{p['p50']:>8.1f}{p['p99']:>8.1f}{cpu:>15.1f}")
    sub, triv = summary["submit"], summary["trivial"]
    print(
        f"submissions per second {sub['per_second']:.0f} ({sub['per_second'] / triv['per_second']:.2f}x "
        f"the trivial view's rate); p50 {sub['p50']:.1f} ms ({sub['p50'] / triv['p50']:.1f}x), "
        f"p99 {sub['p99']:.1f} ms ({sub['p99'] / triv['p99']:.1f}x)"
    )
    print(
        f"accepted {check['accepted']}, stored {check['stored']}: lost {check['lost']}, duplicated "
        f"{check['duplicated']}, stored but not accepted {check['stored_not_accepted']}; "
        f"{check['doubles_sent']} double clicks, {check['doubles_refused_409']} second copies refused (409)"
    )
    if check["unexpected"]:
        print(f"unexpected answers: {check['unexpected']}")
    ok_rate = sub["per_second"] >= TARGET_RATE
    ok_p99 = sub["p99"] < TARGET_P99_MS
    ok_data = not (check["lost"] or check["duplicated"] or check["stored_not_accepted"])
    print(
        f"target {TARGET_RATE}/s: {'meets' if ok_rate else 'MISSES'}; p99 < {TARGET_P99_MS} ms: "
        f"{'meets' if ok_p99 else 'MISSES'}; exactly once: {'yes' if ok_data else 'NO'}"
    )
    print(json.dumps({"phases": summary, "check": check}))
    if not ok_data:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
