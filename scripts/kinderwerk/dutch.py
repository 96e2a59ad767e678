"""Dutch number style and the report's precision words.

The report often gives a figure with a hedge ("meer dan 90 procent",
"ongeveer twee derde"). Every value keeps that hedge; these functions turn it
into short Dutch text for running prose and for chart labels.
"""
from __future__ import annotations

from enum import Enum


class Precision(str, Enum):  # noqa: UP042 -- str(Precision.X) stays 'Precision.X'
    """How exact a figure in the report is."""

    EXACT = "exact"          # "52 procent"
    ABOUT = "about"          # "ongeveer", "circa"
    MORE_THAN = "more_than"  # "meer dan", "ruim"
    ALMOST = "almost"        # "bijna"
    LESS_THAN = "less_than"  # "iets minder dan"
    UP_TO = "up_to"          # "tot" (an upper bound)
    WORDS_ONLY = "words_only"  # no number at all, only words ("enkele honderden")


# Prefix in running text, and in a chart label (shorter, with symbols).
# Running text spells "ongeveer" out (B1: no abbreviations); labels may say "ca.".
TEXT_PREFIX = {
    Precision.EXACT: "",
    Precision.ABOUT: "ongeveer ",
    Precision.MORE_THAN: "ruim ",
    Precision.ALMOST: "bijna ",
    Precision.LESS_THAN: "iets minder dan ",
    Precision.UP_TO: "tot ",
}
LABEL_PREFIX = {
    Precision.EXACT: "",
    Precision.ABOUT: "ca. ",
    Precision.MORE_THAN: "> ",
    Precision.ALMOST: "bijna ",
    Precision.LESS_THAN: "< ",
    Precision.UP_TO: "tot ",
}
# Dutch names of the precisions, for tables and error messages.
PRECISION_NL = {
    Precision.EXACT: "precies",
    Precision.ABOUT: "ongeveer",
    Precision.MORE_THAN: "meer dan",
    Precision.ALMOST: "bijna",
    Precision.LESS_THAN: "iets minder dan",
    Precision.UP_TO: "tot",
    Precision.WORDS_ONLY: "alleen in woorden",
}


def format_number(value: float, decimals: int | None = None) -> str:
    """36372 -> '36.372'; 9.2 -> '9,2'; 2.5 -> '2,5'; 40.0 -> '40'.

    Without ``decimals`` a whole number shows no decimals and any other number
    shows one (the report never gives more).
    """
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"  # 36,372.0 in English style
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float) -> str:
    """9.2 -> '9,2%'. Dutch writes the percent sign without a space."""
    return format_number(value) + "%"


def _amount(value: float | None, unit: str, phrase: str | None) -> str:
    if phrase:
        return phrase
    if value is None:
        raise ValueError("een getal zonder waarde kan alleen in woorden")
    return format_percent(value) if unit == "percent" else format_number(value)


def in_text(value: float | None, precision: Precision, unit: str,
            phrase: str | None = None, wording: str = "") -> str:
    """A figure for running text: 'ruim 90%', 'ongeveer twee derde', '36.372'.

    ``phrase`` replaces the number when the report used words for it
    ("twee derde", "de helft"); ``wording`` is all there is when the report
    gave no number.
    """
    if precision is Precision.WORDS_ONLY:
        return wording
    return TEXT_PREFIX[precision] + _amount(value, unit, phrase)


def in_label(value: float | None, precision: Precision, unit: str,
             wording: str = "", phrase: str | None = None) -> str:
    """A figure for a chart bar or table cell: '> 90%', 'ca. 2,5%', '52%'.

    Where the report gave only words for an approximate figure ("ongeveer
    twee derde"), the label keeps those words: '67%' would invent precision.
    """
    if precision is Precision.WORDS_ONLY:
        return wording
    if phrase and precision in (Precision.ABOUT, Precision.ALMOST):
        return LABEL_PREFIX[precision] + phrase
    return LABEL_PREFIX[precision] + _amount(value, unit, None)


def sentence_case(text: str) -> str:
    """'ruim 85% werkt ...' -> 'Ruim 85% werkt ...': a capital at the start of a
    heading or sentence, the rest untouched (str.capitalize would lower 'GGD')."""
    return text[:1].upper() + text[1:]


def is_approximate(precision: Precision) -> bool:
    return precision is not Precision.EXACT


# Console lines: sizes and durations in Dutch style ("1,6 MB", "1,4 s").
# Sizes in SI units (1 KB = 1.000 bytes), as the PDF's budget of 5 MB.
_SIZE_UNITS = ((1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB"))


def format_size(size: int | float) -> str:
    """1_601_791 -> '1,6 MB'; 8_194 -> '8,2 KB'; 512 -> '512 bytes'."""
    for factor, unit in _SIZE_UNITS:
        if size >= factor:
            return f"{format_number(size / factor, 1)} {unit}"
    return f"{format_number(size, 0)} {'byte' if size == 1 else 'bytes'}"


def format_seconds(seconds: float, decimals: int = 1) -> str:
    """1.4 -> '1,4 s'; 40.56 with decimals=2 -> '40,56 s'."""
    return f"{format_number(seconds, decimals)} s"


def format_ratio(ratio: float, decimals: int = 2) -> str:
    """5.0 -> '5,00x' (a build time as a multiple of another)."""
    return f"{format_number(ratio, decimals)}x"
