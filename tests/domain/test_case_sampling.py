"""Choosing tracked cases from generated snapshots: the mix, coverage, spread, seeds and shortfalls."""

import datetime as dt

import polars as pl
import pytest

from sendready.domain.cases.cohorts import cohort_counts, cohort_rows, get_cohort, list_cohorts
from sendready.domain.cases.mixes import UnknownMix, list_mixes, load_mix
from sendready.domain.cases.sampling import describe_people, sample_cases
from sendready.domain.person_level.generator import generate
from sendready.domain.person_level.validation import validate

AS_OF = dt.date(2026, 3, 31)


def snapshot(rows: int = 1500, seed: int = 11) -> pl.DataFrame:
    result = validate(generate(rows, seed, as_of=AS_OF), AS_OF)
    assert result.ok
    return result.rows


@pytest.fixture(scope="module")
def rows():
    return snapshot()


def test_the_seed_mix_chooses_four_ehc_plans_and_two_on_sen_support(rows):
    sample = sample_cases(rows, AS_OF, load_mix("seed"), seed=1)
    statuses = sorted(c.sen_status for c in sample.cases)
    assert statuses == ["E", "E", "E", "E", "K", "K"]
    assert sample.met and sample.shortfalls == []


def test_the_seed_mix_covers_child_protection_early_help_looked_after_and_health(rows):
    sample = sample_cases(rows, AS_OF, load_mix("seed"), seed=2)
    groups = {g for c in sample.cases for g in c.groups}
    assert {"child_protection", "early_help", "looked_after", "complex_health_needs"} <= groups


def test_the_reference_mix_has_alternative_provision_and_two_on_sen_support(rows):
    sample = sample_cases(rows, AS_OF, load_mix("reference"), seed=3)
    assert sum(c.sen_status == "K" for c in sample.cases) >= 2
    assert any("alternative_provision" in c.groups for c in sample.cases)
    assert len(sample.cases) == 6


def test_cases_spread_across_ages_and_primary_needs(rows):
    sample = sample_cases(rows, AS_OF, load_mix("seed"), seed=4)
    assert len({c.age_band for c in sample.cases}) >= 4
    assert len({c.primary_need for c in sample.cases}) >= 4


def test_the_same_seed_gives_the_same_sample_and_another_seed_another(rows):
    mix = load_mix("combined")
    first = sample_cases(rows, AS_OF, mix, seed=9).to_dict()
    again = sample_cases(rows.sample(fraction=1.0, shuffle=True, seed=5), AS_OF, mix, seed=9)
    assert again.to_dict() == first  # row order in the file does not matter
    other = sample_cases(rows, AS_OF, mix, seed=10).to_dict()
    assert [c["person_id"] for c in other["cases"]] != [c["person_id"] for c in first["cases"]]


def test_each_choice_is_explained_in_words(rows):
    sample = sample_cases(rows, AS_OF, load_mix("seed"), seed=1)
    for case in sample.cases:
        assert case.explanation.startswith("chosen for: ")
        assert case.reasons[0] in ("EHC plan", "SEN support")
        assert case.reasons[-1] == f"age {case.age}"
    looked_after = [c for c in sample.cases if "looked_after" in c.groups]
    assert looked_after and "looked after" in looked_after[0].reasons


def test_each_case_has_a_like_for_like_substitute_not_already_chosen(rows):
    sample = sample_cases(rows, AS_OF, load_mix("seed"), seed=6)
    chosen = {c.person_id for c in sample.cases}
    assert len(sample.substitutes) == 6
    assert not chosen & {s.person_id for s in sample.substitutes}
    by_id = {c.person_id: c for c in sample.cases}
    for sub in sample.substitutes:
        assert sub.sen_status == by_id[sub.substitute_for].sen_status


def test_a_mix_the_snapshot_cannot_meet_says_so_and_shows_the_closest_sample(rows):
    few_sen_support = pl.concat(
        [rows.filter(pl.col("sen_status") == "E"), rows.filter(pl.col("sen_status") == "K").head(1)]
    )
    sample = sample_cases(few_sen_support, AS_OF, load_mix("seed"), seed=1)
    assert not sample.met
    assert any("exactly 2 with SEN support" in s and "has 1" in s for s in sample.shortfalls)
    assert len(sample.cases) == 6  # the closest possible: the one on SEN support and five plans


def test_groups_nobody_is_in_are_noted_rather_than_invented(rows):
    no_one_looked_after = rows.with_columns(pl.lit(False).alias("looked_after"))
    sample = sample_cases(no_one_looked_after, AS_OF, load_mix("seed"), seed=1)
    assert "No one in the snapshot is recorded as looked after." in sample.notes


def test_a_tiny_snapshot_gives_what_it_has():
    rows = snapshot(4, 3)
    sample = sample_cases(rows, AS_OF, load_mix("seed"), seed=1)
    assert len(sample.cases) == 4 and sample.substitutes == []
    assert any("only 4" in s for s in sample.shortfalls)


def test_an_unknown_mix_names_the_ones_there_are():
    with pytest.raises(UnknownMix, match="seed"):
        load_mix("nonsense")
    assert list_mixes()[0].name == "seed"


def test_people_named_by_inspectors_are_described_and_unknown_ids_listed(rows):
    ids = rows["person_id"].head(2).to_list()
    found, missing = describe_people(rows, AS_OF, ids + ["NOPE"])
    assert [c.person_id for c in found] == ids and missing == ["NOPE"]


def test_cohort_lists_count_and_list_the_people_in_them(rows):
    counts = cohort_counts(rows, AS_OF)
    assert set(counts) == {c.key for c in list_cohorts()}
    ehc = cohort_rows(rows, AS_OF, get_cohort("ehc_plans"))
    assert ehc.height == counts["ehc_plans"]["total"] == rows["sen_status"].eq("E").sum()
    assert ehc.columns[:3] == ["person_id", "date_of_birth", "age"]


def test_cohort_lists_take_the_dashboards_filters(rows):
    filtered = cohort_counts(rows, AS_OF, {"primary_need": ["ASD"]})
    whole = cohort_counts(rows, AS_OF)
    assert 0 < filtered["ehc_plans"]["total"] < whole["ehc_plans"]["total"]
    listed = cohort_rows(rows, AS_OF, get_cohort("ehc_plans"), {"primary_need": ["ASD"]})
    assert set(listed["primary_need"].to_list()) == {"ASD"}
