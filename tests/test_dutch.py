"""Dutch number style and the report's hedges, for every precision."""
import pytest

from kinderwerk.dutch import (
    Precision,
    format_number,
    format_percent,
    format_ratio,
    format_seconds,
    format_size,
    in_label,
    in_text,
)


@pytest.mark.parametrize("value, expected", [
    (36372, "36.372"), (2000, "2.000"), (228, "228"), (9.2, "9,2"), (2.5, "2,5"),
    (40.0, "40"), (1234567.5, "1.234.567,5"),
])
def test_format_number(value, expected):
    assert format_number(value) == expected


def test_format_percent_has_no_space():
    assert format_percent(9.2) == "9,2%"


@pytest.mark.parametrize("precision, value, phrase, text, label", [
    (Precision.EXACT, 52, None, "52%", "52%"),
    (Precision.MORE_THAN, 90, None, "ruim 90%", "> 90%"),
    (Precision.ABOUT, 67, "twee derde", "ongeveer twee derde", "ca. twee derde"),
    (Precision.ALMOST, 67, "twee derde", "bijna twee derde", "bijna twee derde"),
    (Precision.MORE_THAN, 50, "de helft", "ruim de helft", "> 50%"),
    (Precision.ABOUT, 2.5, None, "ongeveer 2,5%", "ca. 2,5%"),
    (Precision.ALMOST, 86, None, "bijna 86%", "bijna 86%"),
    (Precision.LESS_THAN, 50, None, "iets minder dan 50%", "< 50%"),
    (Precision.UP_TO, 75, None, "tot 75%", "tot 75%"),
])
def test_every_precision_in_text_and_label(precision, value, phrase, text, label):
    assert in_text(value, precision, "percent", phrase) == text
    assert in_label(value, precision, "percent", phrase=phrase) == label


def test_words_only_shows_the_words():
    assert in_text(None, Precision.WORDS_ONLY, "count", wording="enkele honderden") == "enkele honderden"
    assert in_label(None, Precision.WORDS_ONLY, "count", wording="enkele honderden") == "enkele honderden"


def test_counts_have_no_percent_sign():
    assert in_text(36372, Precision.EXACT, "count") == "36.372"


@pytest.mark.parametrize("size, expected", [
    (1_601_791, "1,6 MB"), (8_194, "8,2 KB"), (999, "999 bytes"), (1, "1 byte"),
    (5_000_000, "5,0 MB"), (212_800, "212,8 KB"), (6_914_900_000, "6,9 GB"),
])
def test_format_size_is_dutch(size, expected):
    assert format_size(size) == expected


def test_seconds_and_ratios_have_a_decimal_comma():
    assert format_seconds(1.44) == "1,4 s"
    assert format_seconds(40.561, 2) == "40,56 s"
    assert format_seconds(1234.4, 0) == "1.234 s"
    assert format_ratio(5.0) == "5,00x"
