"""One list of characters that make a spreadsheet cell a formula, used by imports and every download."""

import re

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from sendready.domain.text import (
    FORMULA_PATTERN,
    FORMULA_STARTS,
    looks_like_formula,
    neutralise_formula,
)


@given(st.text(max_size=6))
def test_the_import_pattern_and_the_download_check_agree_on_every_text(text: str) -> None:
    by_pattern = re.match(FORMULA_PATTERN, text) is not None
    by_polars = pl.Series([text]).str.contains(FORMULA_PATTERN).item()
    assert by_pattern == by_polars == looks_like_formula(text)


@given(st.sampled_from(FORMULA_STARTS), st.text(max_size=6))
def test_formula_text_is_kept_as_text_behind_an_apostrophe(start: str, rest: str) -> None:
    assert neutralise_formula(start + rest) == "'" + start + rest


def test_ordinary_text_and_blanks_are_left_alone() -> None:
    assert neutralise_formula("P1") == "P1"
    assert neutralise_formula("") == ""
    assert neutralise_formula(None) is None
    assert not looks_like_formula("'=1+2")
