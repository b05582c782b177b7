"""Areas and inspection history: shipped data, CSV import and validation."""

from datetime import date

from sendready.domain.history.events import (
    COLUMNS,
    load_areas,
    load_events,
    parse_inspection_events,
)

HEADER = ",".join(COLUMNS)


def _row(**kw: str) -> str:
    base = {
        "la_name": "Dorset",
        "name_in_source": "Dorset",
        "new_la_code": "E06000059",
        "old_la_code": "838",
        "ons_region": "South West",
        "ofsted_region": "",
        "framework": "2023",
        "event_type": "full inspection",
        "start_date": "2024-03-11",
        "publication_date": "2024-05-15",
        "outcome": "typically positive experiences and outcomes",
        "n_weaknesses_or_priority_areas": "",
        "revisit_n_sufficient": "",
        "revisit_n_insufficient": "",
        "source": "test",
    }
    base.update(kw)
    return ",".join(f'"{base[c]}"' for c in COLUMNS)


def test_there_are_153_current_areas_and_three_abolished_ones() -> None:
    areas = load_areas()
    assert len([a for a in areas if a.is_current]) == 153
    assert {a.name for a in areas if not a.is_current} == {
        "Dorset (pre-2019 county)",
        "Northamptonshire (pre-2021 county)",
        "Cumbria",
    }


def test_stoke_on_trent_started_on_11_july_2016_and_was_published_in_september() -> None:
    stoke = [
        e
        for e in load_events()
        if e.area_name == "Stoke-on-Trent" and e.framework == "2016" and e.kind == "full"
    ]
    assert stoke[0].start_date == date(2016, 7, 11)
    assert stoke[0].publication_date == date(2016, 9, 8)


def test_the_shipped_file_loads_all_270_rows_and_keeps_unknowns_unknown() -> None:
    events = load_events()
    assert len(events) == 270
    north_yorkshire = next(
        e for e in events if e.area_name == "North Yorkshire" and e.framework == "2023"
    )
    assert north_yorkshire.start_date is None and north_yorkshire.ordering_date == date(2024, 9, 25)
    slough = next(e for e in events if e.area_name == "Slough" and e.framework == "2023")
    assert slough.outcome is None


def test_outcome_sentences_and_codes_are_both_accepted() -> None:
    text = "\n".join(
        [
            HEADER,
            _row(outcome="SYSTEMIC"),
            _row(
                start_date="2019-01-07",
                publication_date="",
                outcome="The local area partnership's arrangements lead to inconsistent experiences and "
                "outcomes for children and young people with SEND.",
            ),
        ]
    )
    result = parse_inspection_events(text, load_areas())
    assert not result.errors
    assert [e.outcome for e in result.events] == ["SYSTEMIC", "INCONSISTENT"]


def test_each_problem_names_the_row_and_column_in_plain_words() -> None:
    text = "\n".join(
        [
            HEADER,
            _row(new_la_code="E99999999"),
            _row(start_date="11/03/2024"),
            _row(start_date="2024-06-01"),
            _row(outcome="WSOA"),
            _row(framework="2019"),
            _row(event_type="revisit"),
            _row(start_date="2024-04-08"),
            _row(start_date="2024-04-08"),
        ]
    )
    errors = {(e.row, e.column) for e in parse_inspection_events(text, load_areas()).errors}
    assert errors == {
        (2, "new_la_code"),
        (3, "start_date"),
        (4, "publication_date"),
        (5, "outcome"),
        (6, "framework"),
        (7, "event_type"),
        (9, "start_date"),
    }


def test_a_missing_column_is_reported_on_the_header_row() -> None:
    result = parse_inspection_events("la_name,new_la_code\nDorset,E06000059\n", load_areas())
    assert result.errors[0].row == 1 and not result.events


def test_reimporting_the_same_row_gives_the_same_event_identity() -> None:
    first = parse_inspection_events("\n".join([HEADER, _row()]), load_areas()).events[0]
    again = parse_inspection_events(
        "\n".join([HEADER, _row(source="another")]), load_areas()
    ).events[0]
    assert first.key == again.key == "E06000059|2023|full|2024-03-11"


def test_a_one_line_text_ending_in_csv_is_parsed_as_text_and_never_opened_as_a_file(
    tmp_path,
) -> None:
    path = tmp_path / "held-on-the-server.csv"
    path.write_text(
        ",".join(COLUMNS) + "\nStoke-on-Trent,Stoke-on-Trent,E06000021,861,West Midlands,,2023,"
        "full inspection,2025-10-06,,,,,,secret\n",
        "utf-8",
    )
    result = parse_inspection_events(str(path), load_areas())
    assert result.events == []
    assert result.errors and result.errors[0].row == 1  # the text itself has no header row
