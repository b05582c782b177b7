"""Small Blade exports built in tests: generated, then written as CSV bytes, a zip or XML."""

import io
import zipfile
from datetime import date

import polars as pl

from sendready.domain.sen2.generator import file_name, generate_blade
from sendready.domain.sen2.spec import load_spec

TODAY = date(2026, 3, 2)
EXPORT_DAY = date(2026, 2, 27)
SECRET = b"area-secret-for-tests-0123456789ab"


def tables(persons: int = 60, seed: int = 5, dirty: bool = False) -> dict[str, pl.DataFrame]:
    return generate_blade(persons, seed=seed, today=TODAY, dirty=dirty)


def as_files(blade: dict[str, pl.DataFrame]) -> list[tuple[str, bytes]]:
    """The nine files as (name, CSV bytes), named as COLLECT names them."""
    return [
        (file_name(EXPORT_DAY, m.file), blade[m.key].write_csv().encode())
        for m in load_spec().modules
    ]


def as_zip(blade: dict[str, pl.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in as_files(blade):
            archive.writestr(f"export/{name}", data)
    return buffer.getvalue()
