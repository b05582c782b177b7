"""Benchmark: import of a national-scale SEN2 Blade export with every check and indicator, sendready vs DuckDB.

Each contender runs in its own subprocess on the same nine CSV files; wall time is measured inside the
child (the work only: not interpreter start-up or migrations) and peak RSS comes from os.wait4 for that child.
Run: .venv/bin/python bench/sen2_import.py [--persons 1000000] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
CHECK = [
    "persons",
    "requests",
    "assessments",
    "plans",
    "active_plans",
    "placements",
    "needs",
    "ehc_plans",
    "ehc_new_plans",
    "ehc_within_20_weeks_pct",
    "ehc_within_20_weeks_incl_exceptions_pct",
    "ehc_mean_weeks",
    "ehc_decision_within_6_weeks_pct",
    "annual_reviews_overdue",
]
BREAKDOWNS = {"by_primary_need": "primary need (rank 1)", "by_setting_type": "placements by type"}
TIME_TARGET, MEMORY_TARGET = 1.5, 2.0


def run_child(args: list[str], env: dict[str, str]) -> dict:
    """Run this script as a worker; return its JSON result plus its own peak RSS in MiB."""
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, env={**os.environ, **env}
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"worker {args} failed with {os.waitstatus_to_exitcode(status)}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    result["peak_mib"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return result


# ---- workers -------------------------------------------------------------------------------------


def worker_generate(folder: str, persons: int) -> dict:
    """The project's own generator, as `sendready generate-sen2 --seed 42` writes it."""
    from sendready.domain.sen2.generator import generate_blade, write_blade

    today = dt.date.today()
    tables = generate_blade(persons, seed=42, today=today)
    write_blade(tables, folder, today)
    reference = tables["sen2"].get_column("referencedate")[0]
    return {"reference": str(dt.datetime.strptime(reference, "%Y-%b-%d %H:%M:%S").date())}


def worker_sendready(folder: str, as_of: str) -> dict:
    """The app's own path: sen2_import.import_sen2_path (read, check, hash, indicators, Parquet, database)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendready.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from sendready.areas.models import LocalArea
    from sendready.pupildata.sen2_import import import_sen2_path, stored_tables

    area, _ = LocalArea.objects.get_or_create(
        code="E99999990", defaults={"name": "Bench", "is_fictional": True}
    )
    start = time.perf_counter()
    run = import_sen2_path(
        actor=None, area=area, path=Path(folder), snapshot_date=dt.date.fromisoformat(as_of)
    )
    seconds = time.perf_counter() - start
    if run.snapshot_id is None:
        raise SystemExit(f"import failed: {run.errors[:3]}")
    figures = run.snapshot.indicators
    values = {i["id"]: i["value"] for i in figures["indicators"]}
    # Read back after the clock stops: what was stored, table by table.
    frames = stored_tables(run.snapshot).frames
    values["persons"] = frames["persons"].height
    for name in ("requests", "assessments", "plans", "active_plans", "placements", "needs"):
        values[name] = frames[name].height
    return {"seconds": seconds, "values": values, "breakdowns": figures["breakdowns"]}


def worker_duckdb(folder: str, as_of: str) -> dict:
    import duckdb_sen2

    start = time.perf_counter()
    result = duckdb_sen2.compute(folder, dt.date.fromisoformat(as_of))
    return {"seconds": time.perf_counter() - start, **result}


# ---- driver --------------------------------------------------------------------------------------


def _postgres_env(url: str, name: str):
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')
        con.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return {"DATABASE_URL": url.rsplit("/", 1)[0] + "/" + name}, drop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", ""),
        help="PostgreSQL server to create a throwaway database on (default: SQLite only)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="sendready-bench-sen2-"))
    export = folder / "export"
    # Generate in a child: a child's peak RSS includes the parent's at fork, so the parent stays small.
    generated = run_child(["--worker", "generate", str(export), str(args.persons)], {})
    as_of = generated["reference"]
    os.sync()  # the files' write-back would otherwise land on the first contender's clock
    size = sum(p.stat().st_size for p in export.iterdir()) / 1e6
    print(f"Export: {args.persons:,} persons, 9 CSV files, {size:.0f} MB ({folder}); as at {as_of}")

    results: dict[str, dict] = {}
    base = {
        "SENDREADY_VAR_DIR": str(folder / "var-sqlite"),
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
    }
    results["sendready (SQLite)"] = run_child(["--worker", "sendready", str(export), as_of], base)
    if args.postgres:
        try:
            pg_env, drop = _postgres_env(args.postgres, "sendready_bench_sen2")
        except Exception as exc:  # no server: say so and carry on
            print(f"PostgreSQL skipped: {exc}")
        else:
            try:
                results["sendready (PostgreSQL)"] = run_child(
                    ["--worker", "sendready", str(export), as_of],
                    {**pg_env, "SENDREADY_VAR_DIR": str(folder / "var-pg")},
                )
            finally:
                drop()
    results["DuckDB SQL"] = run_child(["--worker", "duckdb", str(export), as_of], {})
    same = _report(results)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if same else 1


def _report(results: dict[str, dict]) -> bool:
    """Print times, memory, ratios and which figures agree; True when every figure agrees."""
    duck = results["DuckDB SQL"]
    print(f"\n{'contender':<24}{'wall s':>9}{'peak MiB':>10}{'x time':>8}{'x memory':>10}")
    for name, r in results.items():
        print(
            f"{name:<24}{r['seconds']:>9.2f}{r['peak_mib']:>10.0f}"
            f"{r['seconds'] / duck['seconds']:>8.2f}{r['peak_mib'] / duck['peak_mib']:>10.2f}"
        )
    all_same = True
    print("\nFigures (sendready / DuckDB):")
    for name, r in results.items():
        if name == "DuckDB SQL":
            continue
        for key in CHECK:
            ours, theirs = r["values"].get(key), duck["values"].get(key)
            agree = ours == theirs
            all_same &= agree
            print(f"  {key:<42}{ours!s:>12} {theirs!s:>12}  {'agree' if agree else 'DIFFER'}")
        for dim, label in BREAKDOWNS.items():
            agree = r["breakdowns"].get(dim) == duck["breakdowns"].get(dim)
            all_same &= agree
            print(f"  {dim + ' (' + label + ')':<67}{'agree' if agree else 'DIFFER'}")
    print(f"\n{'Every figure agrees.' if all_same else 'Some figures DIFFER.'}")
    for name, r in results.items():
        if name == "DuckDB SQL":
            continue
        t, m = r["seconds"] / duck["seconds"], r["peak_mib"] / duck["peak_mib"]
        print(
            f"Targets, {name}: time {t:.2f}x DuckDB "
            f"({'met' if t <= TIME_TARGET else 'MISSED'} <= {TIME_TARGET}x); peak memory {m:.2f}x "
            f"({'met' if m <= MEMORY_TARGET else 'MISSED'} <= {MEMORY_TARGET}x)"
        )
    print(
        f"Load average (1, 5, 15 min) after the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    return all_same


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        kind, target = sys.argv[2], sys.argv[3]
        if kind == "generate":
            out = worker_generate(target, int(sys.argv[4]))
        elif kind == "sendready":
            out = worker_sendready(target, sys.argv[4])
        else:
            out = worker_duckdb(target, sys.argv[4])
        print(json.dumps(out, default=str))
    else:
        raise SystemExit(main())
