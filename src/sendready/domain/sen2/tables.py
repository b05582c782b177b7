"""From checked module tables to what is stored: each person's keyed hash in place of every identifier,
and the return's own table IDs replaced by plain numbers (they come from the council's case system).

Stored tables (one row each): `persons`, `requests`, `assessments`, `plans` (named plans), `plan_settings`
(settings named in plans), `active_plans`, `placements`, `needs`. Every table carries `person_id` (the
hash) and `person_no` (a number for joins within the return).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from sendready.domain.sen2.problems import ROW_COLUMN
from sendready.domain.sen2.pseudonym import hash_series, normalise_upn, person_hash_input

STORED = {
    "person": "persons",
    "requests": "requests",
    "assessment": "assessments",
    "named_plan": "plans",
    "plan_detail": "plan_settings",
    "active_plans": "active_plans",
    "placement_detail": "placements",
    "sen_need": "needs",
}
NEVER_STORED = ("surname", "forename", "postcode", "upn", "uln")
PARENT = {
    "requests": "person",
    "assessment": "requests",
    "named_plan": "assessment",
    "plan_detail": "named_plan",
    "active_plans": "requests",
    "placement_detail": "active_plans",
    "sen_need": "active_plans",
}
_IDS = {
    "person": ("person_table_id", "person_no"),
    "requests": ("request_table_id", "request_no"),
    "assessment": ("assessment_table_id", "assessment_no"),
    "named_plan": ("named_plan_table_id", "plan_no"),
    "plan_detail": ("plan_detail_table_id", "setting_no"),
    "active_plans": ("active_plan_table_id", "active_plan_no"),
    "placement_detail": ("placement_table_id", "placement_no"),
    "sen_need": ("sen_need_table_id", "need_no"),
}


@dataclass
class Sen2Tables:
    """The return as stored: the export's metadata and one frame per stored table."""

    reference_date: object
    la_code: str | None
    frames: dict[str, pl.DataFrame]

    @property
    def persons(self) -> pl.DataFrame:
        return self.frames["persons"]


def build_tables(checked: dict[str, pl.DataFrame], secret: bytes) -> Sen2Tables:
    """Pseudonymise persons and number every row; identifiers are gone from what is returned."""
    sen2 = checked["sen2"]
    person = checked["person"].with_columns(
        normalise_upn(pl.col("upn")).alias("upn"), normalise_upn(pl.col("uln")).alias("uln")
    )
    to_hash = person.select(
        person_hash_input(pl.col("upn"), pl.col("uln"), pl.col("person_table_id")).alias(
            "person_id"
        )
    ).to_series()
    person = person.with_columns(hash_series(secret, to_hash)).select(
        "person_id",
        "person_table_id",
        "date_of_birth",
        "sex",
        "gender_current",
        "ethnicity",
        "upn_unknown",
    )
    # Persons with the same UPN on two rows become one person_id; their records all join to it.
    # Each person also gets a number, so tables join on integers rather than 32-character hashes.
    persons = (
        person.drop("person_table_id")
        .unique("person_id", keep="first", maintain_order=True)
        .with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("person_no"))
    )
    lookup = {
        "person": person.select("person_table_id", "person_id").join(
            persons.select("person_id", "person_no"), on="person_id", how="left"
        )
    }
    stored: dict[str, pl.DataFrame] = {"persons": persons}
    for key, parent in PARENT.items():
        own_id, own_no = _IDS[key]
        parent_id = _IDS[parent][0]
        frame = (
            checked[key]
            .with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias(own_no))
            .join(lookup[parent], on=parent_id, how="left")
            .drop(parent_id)
        )
        carried = [c for c in lookup[parent].columns if c != parent_id]
        lookup[key] = frame.select(own_id, *carried, own_no)
        ordered = ["person_id", *[c for c in carried if c != "person_id"], own_no]
        rest = [c for c in frame.columns if c not in ordered and c not in (own_id, ROW_COLUMN)]
        stored[STORED[key]] = frame.select(*ordered, *rest)
    return Sen2Tables(
        reference_date=sen2.get_column("reference_date")[0] if sen2.height else None,
        la_code=sen2.get_column("la_code")[0] if sen2.height else None,
        frames=stored,
    )
