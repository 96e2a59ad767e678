"""The survey data: valid as shipped, faithful to the report, and every kind
of bad file stopped with a message that names file, line and column."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kinderwerk.datasets import DataError, load_all, load_dataset
from kinderwerk.dutch import Precision

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REPORT = ROOT.parent / "shared" / "source" / "kinderwerk-anno-2021.txt"


def test_all_data_sets_load():
    datasets = load_all(DATA)
    assert {"respondenten", "beroepen", "functietitels", "organisatietypes", "werkzaamheden",
            "samenwerkingspartners", "doelstellingen", "waarde_in_beeld"} <= set(datasets)


def test_base_is_228_kinderwerkers_from_82_gemeenten():
    respondents = load_all(DATA)["respondenten"]
    assert respondents.option("kinderwerkers").value == 228
    assert respondents.option("gemeenten").value == 82


def test_enkele_honderden_stays_words():
    kinderwerkers = load_all(DATA)["beroepen"].option("kinderwerkers")
    assert kinderwerkers.value is None
    assert kinderwerkers.precision is Precision.WORDS_ONLY
    assert kinderwerkers.wording == "enkele honderden"


@pytest.mark.skipif(not REPORT.exists(), reason="report text not beside the repository")
def test_every_wording_is_the_reports_own():
    """Each row's 'wording' is found in the report (whitespace and case aside),
    and its number, where the wording has one, equals the value."""
    text = re.sub(r"\s+", " ", REPORT.read_text(encoding="utf-8").lower())
    for dataset in load_all(DATA).values():
        for option in dataset.options:
            wording = re.sub(r"\s+", " ", option.wording.lower())
            assert wording in text, f"{dataset.id}/{option.id}: '{option.wording}' staat niet in het rapport"
            numbers = re.findall(r"\d+(?:[.,]\d+)?", option.wording)
            if numbers and dataset.meta.unit == "percent":
                assert float(numbers[-1].replace(",", ".")) == option.value, (dataset.id, option.id)


@pytest.mark.skipif(not REPORT.exists(), reason="report text not beside the repository")
def test_contradiction_on_praktijkbezoek_is_kept():
    datasets = load_all(DATA)
    chapter5 = datasets["waarde_in_beeld"].option("praktijkbezoek")
    chapter7 = datasets["aanbevelingen"].option("praktijkbezoek")
    assert (chapter5.precision, chapter5.value) == (Precision.ALMOST, 37)
    assert (chapter7.precision, chapter7.value) == (Precision.ABOUT, 40)


# --- bad input -----------------------------------------------------------------

GOOD = "samenwerkingspartners"


@pytest.fixture
def bad_dir(tmp_path) -> Path:
    for suffix in (".csv", ".meta.yml"):
        shutil.copy(DATA / f"{GOOD}{suffix}", tmp_path / f"{GOOD}{suffix}")
    return tmp_path


def write_csv(folder: Path, text: str) -> Path:
    path = folder / f"{GOOD}.csv"
    path.write_text(text, encoding="utf-8")
    return path


def replace_in_csv(folder: Path, old: str, new: str) -> Path:
    path = folder / f"{GOOD}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    return write_csv(folder, text.replace(old, new, 1))


def error_of(path: Path) -> str:
    with pytest.raises(DataError) as info:
        load_dataset(path)
    return str(info.value)


def test_missing_column(bad_dir):
    path = write_csv(bad_dir, "id,label,value,wording\nbasisscholen,Basisscholen,90,meer dan 90 procent\n")
    message = error_of(path)
    assert str(path) in message and "kolom 'precision' ontbreekt" in message


def test_percentage_above_100(bad_dir):
    path = replace_in_csv(bad_dir, "scouting,Scouting,14,", "scouting,Scouting,140,")
    message = error_of(path)
    assert f"{path}, regel 11, kolom 'value'" in message
    assert "percentage van 0 tot en met 100" in message and "'140'" in message


def test_negative_percentage(bad_dir):
    path = replace_in_csv(bad_dir, "ggd,GGD,44,", "ggd,GGD,-4,")
    assert "regel 9, kolom 'value'" in error_of(path)


def test_text_where_a_number_belongs(bad_dir):
    path = replace_in_csv(bad_dir, "jeugdzorg,Jeugdzorg,46,", "jeugdzorg,Jeugdzorg,zesenveertig,")
    message = error_of(path)
    assert "regel 8, kolom 'value'" in message and "verwacht een getal" in message
    assert "'zesenveertig'" in message


def test_decimal_comma_is_refused_with_a_hint(bad_dir):
    path = replace_in_csv(bad_dir, "ggd,GGD,44,", 'ggd,GGD,"44,5",')
    assert "punt als decimaalteken" in error_of(path)


def test_unknown_precision(bad_dir):
    path = replace_in_csv(bad_dir, "jongerenwerk,Jongerenwerk,52,exact", "jongerenwerk,Jongerenwerk,52,ruwweg")
    message = error_of(path)
    assert "regel 4, kolom 'precision'" in message and "'ruwweg'" in message
    assert "exact, about, more_than" in message


def test_duplicate_option(bad_dir):
    path = replace_in_csv(bad_dir, "scouting,Scouting,14,", "ggd,Scouting,14,")
    message = error_of(path)
    assert "regel 11, kolom 'id'" in message and "twee keer" in message and "regel 9" in message


def test_duplicate_label(bad_dir):
    path = replace_in_csv(bad_dir, "scouting,Scouting,14,", "scouting,GGD,14,")
    assert "regel 11, kolom 'label'" in error_of(path)


def test_empty_value_needs_words_only(bad_dir):
    path = replace_in_csv(bad_dir, "ggd,GGD,44,exact", "ggd,GGD,,exact")
    assert "words_only" in error_of(path)


def test_broken_csv(bad_dir):
    path = write_csv(bad_dir, 'id,label,value,precision,wording\n"basisscholen,Basisscholen,90\n')
    assert "geen geldig CSV-bestand" in error_of(path)


def test_unknown_column(bad_dir):
    path = replace_in_csv(bad_dir, "id,label,value", "id,label,waarde")
    assert "kolom 'value' ontbreekt" in error_of(path)


def test_missing_sidecar(bad_dir):
    (bad_dir / f"{GOOD}.meta.yml").unlink()
    assert "metadata ontbreekt" in error_of(bad_dir / f"{GOOD}.csv")


def test_bad_sidecar_field(bad_dir):
    meta = bad_dir / f"{GOOD}.meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("unit: percent", "unit: procenten"),
                    encoding="utf-8")
    message = error_of(bad_dir / f"{GOOD}.csv")
    assert str(meta) in message and "veld 'unit'" in message


def test_finding_with_unknown_option(bad_dir):
    meta = bad_dir / f"{GOOD}.meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("{basisscholen}", "{basisschool}"),
                    encoding="utf-8")
    message = error_of(bad_dir / f"{GOOD}.csv")
    assert "veld 'finding'" in message and "basisschool" in message
