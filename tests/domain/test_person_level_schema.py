"""The person-level schema ships as data and yields a template."""

import csv
import io

from sendready.domain.person_level.schema import (
    describe,
    load_schema,
    normalise_heading,
    template_csv,
    template_header,
)


def test_every_column_has_a_snake_case_name_title_description_type_and_example():
    schema = load_schema()
    assert len(schema.columns) >= 29
    for col in schema.columns:
        assert col.name == normalise_heading(col.name)
        assert col.title and col.description and col.example
        assert col.type in {"string", "date", "integer", "decimal", "boolean", "code"}


def test_code_columns_list_allowed_values_with_labels_and_the_example_is_allowed():
    for col in load_schema().columns:
        if col.type == "code":
            assert col.allowed and all(col.allowed.values())
            assert col.example in col.allowed


def test_dfe_codes_are_present_for_need_ethnicity_and_sen_status():
    schema = load_schema()
    assert set(schema["sen_status"].allowed) == {"E", "K", "N"}
    assert {
        "SPLD",
        "MLD",
        "SLD",
        "PMLD",
        "SEMH",
        "SLCN",
        "HI",
        "VI",
        "MSI",
        "PD",
        "ASD",
        "OTH",
        "NSA",
    } == set(schema["primary_need"].allowed)
    assert {"WBRI", "WIRI", "REFU"} <= set(schema["ethnicity"].allowed)


def test_required_columns_are_the_id_date_of_birth_and_sen_status():
    assert load_schema().required == ["person_id", "date_of_birth", "sen_status"]


def test_the_template_header_lists_machine_names_or_titles_in_order():
    assert template_header()[:3] == ["person_id", "date_of_birth", "sex"]
    assert template_header(titles=True)[0] == "Person ID"
    rows = list(csv.reader(io.StringIO(template_csv())))
    assert rows[0] == template_header() and len(rows[1]) == len(rows[0])


def test_titles_and_names_both_map_to_the_column():
    aliases = load_schema().header_aliases()
    assert aliases[normalise_heading("Attendance %")] == "attendance_pct"
    assert aliases[normalise_heading("Date of birth")] == "date_of_birth"
    assert describe()[0]["name"] == "person_id"
