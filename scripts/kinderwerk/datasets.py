"""Load and validate the survey data sets in ``data/``.

Each data set is a pair of files:

* ``<id>.csv``: one row per answer option, columns ``id, label, value,
  precision, wording, phrase, note`` and optionally ``derived`` ('true' when
  the figure is worked out from the report's words, not printed in it);
* ``<id>.meta.yml``: the question as asked, the base, whether several answers
  were allowed, unit, chapter, source and notes; under ``derived`` the formula
  of every derived row (``onderwijs: zelfstandig_ondernemer``,
  ``activiteiten_wijk: round(100 * 2 / 3)`` for 'twee derde'). A formula may use
  numbers, + - * / and round/floor/ceil, and the ids of the data set's other,
  not derived rows; it must give the row's value, or the build stops.

A bad file raises :class:`DataError` naming the file, the line, the column and
what was expected, so the build stops before anything is written.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from simpleeval import FunctionNotDefined, NameNotDefined, SimpleEval

from .dutch import Precision, in_label, in_text
from .textfile import CsvProblem, EncodingProblem, csv_records, read_text

COLUMNS = ["id", "label", "value", "precision", "wording", "phrase", "note", "derived"]
REQUIRED_COLUMNS = ["id", "label", "value", "precision", "wording"]
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")


class DataError(Exception):
    """A data file that does not match the schema. The message is for people."""


class Meta(BaseModel):
    """The sidecar ``<id>.meta.yml``."""

    model_config = ConfigDict(extra="forbid")

    title: str
    question: str
    question_verbatim: bool  # True when the report prints the question as asked
    finding: str             # key finding; {option_id} is replaced by its figure
    base: str | None         # who answered, e.g. "228 kinderwerkers uit 82 gemeenten"
    multiple_answers: bool
    # True only when the report itself says several answers were allowed; False
    # when we infer it from totals above 100% (the chart box then says so).
    multiple_answers_in_report: bool = False
    unit: Literal["percent", "count"]
    chapter: str             # where the report gives the figures
    source: str
    notes: list[str] = []
    chart: bool = True       # False: figures for text only, no chart
    alt: str                 # alt text: what the chart shows and what it tells
    # The formula of each row marked derived in the CSV: option id -> formula.
    derived: dict[str, str] = {}
    # The same survey question as another data set (its id): a single figure
    # then takes that data set's answer to "several answers allowed?".
    same_question_as: str | None = None

    @field_validator("derived", mode="before")
    @classmethod
    def _empty_derived(cls, v: Any) -> Any:
        return {} if v is None else v  # 'derived:' with only comments under it


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    value: float | None
    precision: Precision
    wording: str
    phrase: str | None = None
    note: str | None = None
    derived: bool = False  # not a figure in the report, but worked out from its words

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, v: str) -> str:
        if not ID_PATTERN.match(v):
            raise ValueError("kleine letters, cijfers en _ (bijvoorbeeld 'basisscholen')")
        return v


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    value: float | None
    precision: Precision
    wording: str
    phrase: str | None
    note: str | None
    derived: bool = False
    formula: str | None = None  # how a derived value is worked out (sidecar's `derived`)


@dataclass(frozen=True)
class Dataset:
    id: str
    meta: Meta
    options: tuple[Option, ...]
    csv_path: Path
    meta_path: Path

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        known = ", ".join(o.id for o in self.options)
        raise KeyError(f"onbekende optie '{option_id}' in data set '{self.id}' (bekend: {known})")

    def text(self, option_id: str) -> str:
        """The figure of one option for running text ('ruim 90%')."""
        o = self.option(option_id)
        return in_text(o.value, o.precision, self.meta.unit, o.phrase, o.wording)

    def label(self, option_id: str) -> str:
        """The figure of one option as on the chart ('> 90%')."""
        o = self.option(option_id)
        return in_label(o.value, o.precision, self.meta.unit, o.wording, o.phrase)

    def finding(self) -> str:
        """The key finding with its figures filled in from the data."""
        def fill(match: re.Match) -> str:
            return self.text(match.group(1))
        return re.sub(r"\{([a-z0-9_]+)\}", fill, self.meta.finding)


# Expected type of each column, in the words of an error message.
EXPECTED = {
    "id": "een korte naam in kleine letters, cijfers en _",
    "label": "een tekst",
    "value": "een getal (punt als decimaalteken), of leeg bij precisie 'words_only'",
    "precision": "een van: " + ", ".join(p.value for p in Precision),
    "wording": "de formulering uit het rapport",
}


def _where(path: Path, line: int | None = None, column: str | None = None) -> str:
    parts = [str(path)]
    if line is not None:
        parts.append(f"regel {line}")
    if column is not None:
        parts.append(f"kolom '{column}'")
    return ", ".join(parts)


def load_meta(path: Path) -> Meta:
    try:
        raw = yaml.safe_load(read_text(path))
    except EncodingProblem as exc:
        raise DataError(str(exc)) from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: geen geldige YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise DataError(f"{path}: verwacht velden als 'title: ...', gevonden {type(raw).__name__}")
    try:
        return Meta(**raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise DataError(f"{path}, veld '{field}': {err['msg']}") from None


def _read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """[(editor line, row)]: UTF-8 with or without BOM (Excel's "CSV UTF-8");
    every cell as text: the schema, not a CSV library, decides what a number is."""
    try:
        header, records = csv_records(read_text(path))
    except EncodingProblem as exc:
        raise DataError(str(exc)) from None
    except CsvProblem as exc:
        raise DataError(f"{path}, {exc}") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DataError(f"{path}: kolom '{missing[0]}' ontbreekt; verwacht de kolommen {', '.join(COLUMNS)}")
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise DataError(f"{path}: onbekende kolom '{unknown[0]}'; toegestaan zijn {', '.join(COLUMNS)}")
    if not records:
        raise DataError(f"{path}: geen enkele rij met cijfers")
    return records


def _parse_value(text: str, where: str) -> float | None:
    if text.strip() == "":
        return None
    try:
        value = float(text)
    except ValueError:
        raise DataError(f"{where}: verwacht {EXPECTED['value']}, gevonden '{text}'") from None
    if math.isnan(value) or math.isinf(value):
        raise DataError(f"{where}: verwacht {EXPECTED['value']}, gevonden '{text}'")
    return value


def _parse_row(record: dict, path: Path, line: int, unit: str) -> Option:
    value = _parse_value(record["value"], _where(path, line, "value"))
    if record["precision"] not in {p.value for p in Precision}:
        raise DataError(f"{_where(path, line, 'precision')}: verwacht {EXPECTED['precision']}, "
                        f"gevonden '{record['precision']}'")
    precision = Precision(record["precision"])
    if (value is None) != (precision is Precision.WORDS_ONLY):
        raise DataError(f"{_where(path, line, 'value')}: een lege waarde hoort precies bij precisie "
                        f"'words_only' (hier: waarde '{record['value']}', precisie '{precision.value}')")
    if unit == "percent" and value is not None and not 0 <= value <= 100:
        raise DataError(f"{_where(path, line, 'value')}: verwacht een percentage van 0 tot en met 100, "
                        f"gevonden '{record['value']}'")
    if unit == "count" and value is not None and value < 0:
        raise DataError(f"{_where(path, line, 'value')}: verwacht een aantal van 0 of meer, "
                        f"gevonden '{record['value']}'")
    fields: dict[str, Any] = {k: (record.get(k) or None) for k in ("phrase", "note")}
    fields["derived"] = record.get("derived") or False  # 'true' or empty
    try:
        row = Row(id=record["id"], label=record["label"], value=value, precision=precision,
                  wording=record["wording"], **fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        column = str(err["loc"][0])
        raise DataError(f"{_where(path, line, column)}: {err['msg']}, gevonden '{record.get(column, '')}'") from None
    for column in ("label", "wording"):
        if not getattr(row, column).strip():
            raise DataError(f"{_where(path, line, column)}: verwacht {EXPECTED[column]}, gevonden een lege cel")
    return Option(**row.model_dump())


FORMULA_FUNCTIONS = {"round": round, "floor": math.floor, "ceil": math.ceil}


def _check_formulas(options: list[Option], lines: dict[str, int], meta: Meta,
                    csv_path: Path, meta_path: Path) -> list[Option]:
    """Attach each derived row's formula and check that it gives the row's value.
    A formula reads only the rows the report states (not derived, with a value)."""
    for option_id in meta.derived:
        if option_id not in lines:
            raise DataError(f"{meta_path}, veld 'derived.{option_id}': er is geen rij '{option_id}' "
                            f"in {csv_path.name}")
    stated = {o.id: o.value for o in options if not o.derived and o.value is not None}
    checked = []
    for option in options:
        formula = meta.derived.get(option.id)
        if not option.derived:
            if formula is not None:
                raise DataError(f"{_where(csv_path, lines[option.id], 'derived')}: het bestand met metadata "
                                f"geeft een formule voor '{option.id}', maar deze rij staat niet als afgeleid "
                                f"(zet 'true' in de kolom 'derived')")
            checked.append(option)
            continue
        if formula is None:
            raise DataError(f"{_where(csv_path, lines[option.id], 'derived')}: afgeleid getal zonder formule; "
                            f"zet in {meta_path.name} onder 'derived:' hoe het is uitgerekend, "
                            f"bijvoorbeeld '{option.id}: round(100 * 2 / 3)'")
        where = f"{meta_path}, veld 'derived.{option.id}'"
        try:
            result = SimpleEval(names=stated, functions=FORMULA_FUNCTIONS).eval(formula)
        except Exception as exc:  # noqa: BLE001 -- simpleeval raises several kinds; all mean: a bad formula
            if isinstance(exc, NameNotDefined):
                why = f"onbekende naam '{exc.name}'"
            elif isinstance(exc, FunctionNotDefined):
                why = f"onbekende functie '{exc.func_name}'"
            else:
                why = "geen rekensom"
            raise DataError(f"{where}: formule '{formula}' werkt niet ({why}); gebruik getallen, "
                            f"+ - * /, round, floor, ceil en de ids van de andere rijen die het rapport "
                            f"geeft ({', '.join(stated)})") from None
        if not isinstance(result, (int, float)) or option.value is None \
                or not math.isclose(result, option.value, abs_tol=1e-9):
            shown = f"{result:g}" if isinstance(result, (int, float)) else f"'{result}' (geen getal)"
            raise DataError(f"{where}: formule '{formula}' geeft {shown}, maar in de CSV staat "
                            f"'{option.value if option.value is None else format(option.value, 'g')}' "
                            f"(regel {lines[option.id]})")
        checked.append(replace(option, formula=formula))
    return checked


def load_dataset(csv_path: Path) -> Dataset:
    """Load ``<id>.csv`` and its sidecar; raise DataError on the first fault."""
    csv_path = Path(csv_path)
    dataset_id = csv_path.stem
    if not ID_PATTERN.match(dataset_id):
        raise DataError(f"{csv_path}: bestandsnaam moet bestaan uit kleine letters, cijfers en _")
    meta_path = csv_path.with_name(dataset_id + ".meta.yml")
    if not meta_path.exists():
        raise DataError(f"{csv_path}: het bestand met metadata ontbreekt (verwacht {meta_path.name})")
    meta = load_meta(meta_path)
    options: list[Option] = []
    seen: dict[str, int] = {}
    lines: dict[str, int] = {}
    for line, record in _read_csv(csv_path):
        option = _parse_row(record, csv_path, line, meta.unit)
        for key, value in (("id", option.id), ("label", option.label)):
            marker = f"{key}:{value.lower()}"
            if marker in seen:
                raise DataError(f"{_where(csv_path, line, key)}: optie '{value}' staat er twee keer in "
                                f"(ook op regel {seen[marker]})")
            seen[marker] = line
        lines[option.id] = line
        options.append(option)
    options = _check_formulas(options, lines, meta, csv_path, meta_path)
    dataset = Dataset(dataset_id, meta, tuple(options), csv_path, meta_path)
    try:
        dataset.finding()
    except KeyError as exc:
        raise DataError(f"{meta_path}, veld 'finding': {exc.args[0]}") from None
    return dataset


def load_all(data_dir: Path) -> dict[str, Dataset]:
    """Every data set in ``data_dir``, by id, in file-name order."""
    data_dir = Path(data_dir)
    datasets = {}
    for csv_path in sorted(data_dir.glob("*.csv")):
        dataset = load_dataset(csv_path)
        datasets[dataset.id] = dataset
    for meta_path in sorted(data_dir.glob("*.meta.yml")):
        if meta_path.name.removesuffix(".meta.yml") not in datasets:
            raise DataError(f"{meta_path}: metadata zonder CSV-bestand "
                            f"(verwacht {meta_path.name.removesuffix('.meta.yml')}.csv)")
    if not datasets:
        raise DataError(f"{data_dir}: geen data sets gevonden")
    for dataset in datasets.values():
        other_id = dataset.meta.same_question_as
        if other_id is None:
            continue
        where = f"{dataset.meta_path}, veld 'same_question_as'"
        if other_id not in datasets or other_id == dataset.id:
            raise DataError(f"{where}: geen andere data set '{other_id}' (bekend: {', '.join(datasets)})")
        if datasets[other_id].meta.multiple_answers != dataset.meta.multiple_answers:
            raise DataError(f"{where}: dezelfde vraag als '{other_id}', maar 'multiple_answers' verschilt; "
                            f"maak ze gelijk")
    return datasets
