"""The survey data: valid as shipped, faithful to the report, and every kind
of bad file stopped with a message that names file, line and column.

Every value either stands in the report, in its own row's wording, or is
marked derived with a formula in the sidecar that recomputes it (issue 21)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kinderwerk.datasets import DataError, load_all, load_dataset
from kinderwerk.dutch import Precision

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


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


def test_every_wording_is_the_reports_own(report_text):
    """Each row's 'wording' is found in the report (whitespace and case aside),
    and its number, where the wording has one, equals the value."""
    text = re.sub(r"\s+", " ", report_text.lower())
    for dataset in load_all(DATA).values():
        for option in dataset.options:
            wording = re.sub(r"\s+", " ", option.wording.lower())
            assert wording in text, f"{dataset.id}/{option.id}: '{option.wording}' staat niet in het rapport"
            numbers = re.findall(r"\d+(?:[.,]\d+)?", option.wording)
            if numbers and dataset.meta.unit == "percent":
                assert float(numbers[-1].replace(",", ".")) == option.value, (dataset.id, option.id)


def test_contradiction_on_praktijkbezoek_is_kept():
    datasets = load_all(DATA)
    chapter5 = datasets["waarde_in_beeld"].option("praktijkbezoek")
    chapter7 = datasets["aanbevelingen"].option("praktijkbezoek")
    assert (chapter5.precision, chapter5.value) == (Precision.ALMOST, 37)
    assert (chapter7.precision, chapter7.value) == (Precision.ABOUT, 40)


# --- derived values ---------------------------------------------------------------

def dutch_numbers(wording: str) -> list[float]:
    """'36.372' -> 36372, '9,2 procent' -> 9.2, '2.000' -> 2000: numbers as the report writes them."""
    return [float(n.replace(".", "").replace(",", "."))
            for n in re.findall(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", wording)]


def test_dutch_numbers():
    assert dutch_numbers("36.372") == [36372]
    assert dutch_numbers("ongeveer 2,5 procent") == [2.5]
    assert dutch_numbers("iets minder dan de helft (46 procent)") == [46]
    assert dutch_numbers("ongeveer twee derde") == []


def test_every_value_the_report_does_not_state_is_derived():
    """A value is either in its own wording (which test_every_wording_is_the_reports_own
    finds in the report), or marked derived with a formula. 'ongeveer twee derde'
    states no number: 67 is ours, and says so."""
    unmarked = [f"{d.id}.{o.id}: {o.value:g} staat niet in '{o.wording}'"
                for d in load_all(DATA).values() for o in d.options
                if o.value is not None and not o.derived and o.value not in dutch_numbers(o.wording)]
    assert not unmarked, "getal dat het rapport niet geeft, niet gemarkeerd als afgeleid:\n" + "\n".join(unmarked)


def test_derived_values_carry_a_formula_that_recomputes_them():
    derived = {(d.id, o.id): o for d in load_all(DATA).values() for o in d.options if o.derived}
    # The four we know: 'ongeveer twee derde', 'bijna tweederde', 'meer dan de helft', 'even groot als'.
    assert set(derived) >= {("werkzaamheden", "activiteiten_wijk"), ("doelstellingen", "ouders_ondersteunen"),
                            ("samenwerkingspartners", "politie"), ("organisatietypes", "onderwijs")}
    assert all(o.formula for o in derived.values()), derived
    assert derived[("werkzaamheden", "activiteiten_wijk")].value == 67
    assert derived[("doelstellingen", "ouders_ondersteunen")].value == 66


def test_derived_values_are_marked_in_the_download():
    """The CSV is the download: its 'derived' column says 'true' for each derived row."""
    for dataset in load_all(DATA).values():
        text = dataset.csv_path.read_text(encoding="utf-8")
        for option in dataset.options:
            row = next(line for line in text.splitlines() if line.startswith(option.id + ","))
            assert row.endswith(",true") == option.derived, (dataset.id, option.id)


def derived_dir(tmp_path: Path, csv_old: str, csv_new: str, meta_old: str | None = None,
                meta_new: str | None = None) -> Path:
    """A copy of werkzaamheden (activiteiten_wijk derived) with one change."""
    for suffix in (".csv", ".meta.yml"):
        shutil.copy(DATA / f"werkzaamheden{suffix}", tmp_path / f"werkzaamheden{suffix}")
    csv = tmp_path / "werkzaamheden.csv"
    text = csv.read_text(encoding="utf-8")
    assert csv_old in text
    csv.write_text(text.replace(csv_old, csv_new, 1), encoding="utf-8")
    if meta_old is not None:
        meta = tmp_path / "werkzaamheden.meta.yml"
        text = meta.read_text(encoding="utf-8")
        assert meta_old in text
        meta.write_text(text.replace(meta_old, meta_new, 1), encoding="utf-8")
    return csv


WIJK = "2/3 van 100, afgerond.\",true"


def test_derived_row_without_formula(tmp_path):
    path = derived_dir(tmp_path, WIJK, WIJK, "  activiteiten_wijk: round(100 * 2 / 3)\n", "")
    message = error_of(path)
    assert f"{path}, regel 2, kolom 'derived'" in message and "zonder formule" in message


def test_formula_that_does_not_give_the_value(tmp_path):
    path = derived_dir(tmp_path, "activiteiten_wijk,Activiteiten in de wijk organiseren,67,",
                       "activiteiten_wijk,Activiteiten in de wijk organiseren,70,")
    message = error_of(path)
    assert "veld 'derived.activiteiten_wijk'" in message and "geeft 67" in message and "70" in message


def test_formula_for_a_row_that_is_not_derived(tmp_path):
    path = derived_dir(tmp_path, WIJK, "2/3 van 100, afgerond.\",")
    message = error_of(path)
    assert f"{path}, regel 2, kolom 'derived'" in message and "niet als afgeleid" in message


def test_formula_may_only_use_stated_values(tmp_path):
    """Not itself, not another derived row, no Python beyond arithmetic."""
    for formula in ("activiteiten_wijk", "ambulant_x + 1", "__import__('os')", "open('x')"):
        path = derived_dir(tmp_path, WIJK, WIJK, "round(100 * 2 / 3)", formula)
        message = error_of(path)
        assert "veld 'derived.activiteiten_wijk'" in message and "werkt niet" in message, formula


def test_formula_from_other_rows_works(tmp_path):
    """ouders_opvoeding (51) + 16 = 67: a formula may read the rows the report states."""
    path = derived_dir(tmp_path, WIJK, WIJK, "round(100 * 2 / 3)", "ouders_opvoeding + 16")
    assert load_dataset(path).option("activiteiten_wijk").formula == "ouders_opvoeding + 16"


def test_formula_for_an_unknown_row(tmp_path):
    path = derived_dir(tmp_path, WIJK, WIJK, "derived:\n", "derived:\n  knikkers: 1 + 1\n")
    assert "veld 'derived.knikkers'" in error_of(path)


def test_same_question_must_agree_on_multiple_answers(tmp_path):
    for name in ("aanbevelingen", "waarde_in_beeld", "respondenten"):
        for suffix in (".csv", ".meta.yml"):
            shutil.copy(DATA / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    meta = tmp_path / "aanbevelingen.meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("multiple_answers: true", "multiple_answers: false"),
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"same_question_as.*multiple_answers"):
        load_all(tmp_path)


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
