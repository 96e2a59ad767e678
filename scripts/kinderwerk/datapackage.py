"""``datapackage.json``: the data sets described for data portals and
researchers' tools (Frictionless Data Package v1, Table Schema). MkDocs-free.

Generated from the ``.meta.yml`` sidecars and the CSV headers, never written
by hand: fields, types, units, missing values, licence, source and the
report's citation. The resources are the program CSVs beside it in
downloads/ (comma, decimal point, UTF-8).
"""
from __future__ import annotations

import json
from typing import Any

from .datasets import Dataset
from .dutch import PRECISION_NL, Precision
from .textfile import csv_records, read_text

NAME = "kennisbank-kinderwerk"
REPORT = "Sociaal Werk Nederland. (2021). Kinderwerk anno 2021."  # as on the Bronnen page (APA 7)
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
           "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}
UNIT = {"percent": "procent (0 tot en met 100)", "count": "aantal"}

PRECISIONS = ", ".join(f"{p.value} ({PRECISION_NL[p]})" for p in Precision)
# The columns a data CSV may have (datasets.COLUMNS), as Table Schema fields.
FIELDS: dict[str, dict[str, Any]] = {
    "id": {"type": "string", "title": "Id", "description": "Korte naam van het antwoord.",
           "constraints": {"required": True, "unique": True, "pattern": "[a-z0-9]+(_[a-z0-9]+)*"}},
    "label": {"type": "string", "title": "Antwoord", "constraints": {"required": True}},
    "value": {"type": "number", "title": "Waarde",
              "description": "Het cijfer, met punt als decimaalteken; leeg als het rapport alleen "
                             "woorden geeft (precision 'words_only')."},
    "precision": {"type": "string", "title": "Precisie",
                  "description": f"Hoe precies het cijfer in het rapport staat: {PRECISIONS}.",
                  "constraints": {"required": True, "enum": [p.value for p in Precision]}},
    "wording": {"type": "string", "title": "Zo staat het in het rapport",
                "constraints": {"required": True}},
    "phrase": {"type": "string", "title": "Formulering voor de lopende tekst"},
    "note": {"type": "string", "title": "Toelichting"},
    "derived": {"type": "boolean", "title": "Afgeleid",
                "description": "'true' als het cijfer niet in het rapport staat, maar uit de "
                               "woorden van het rapport is afgeleid.",
                "trueValues": ["true"], "falseValues": ["false"]},
}


def _header(dataset: Dataset) -> list[str]:
    header, _ = csv_records(read_text(dataset.csv_path))
    return header


def resource(dataset: Dataset) -> dict:
    m = dataset.meta
    fields = []
    for column in _header(dataset):
        field = {"name": column, **FIELDS[column]}
        if column == "value":
            field["description"] = f"{field['description']} Eenheid: {UNIT[m.unit]}."
            field["unit"] = m.unit  # not in Table Schema v1; kept as an extra property
            if m.unit == "percent":
                field["constraints"] = {"minimum": 0, "maximum": 100}
            else:
                field["constraints"] = {"minimum": 0}
        fields.append(field)
    description = [f"Vraag: {m.question}"]
    if m.base:
        description.append(f"Basis: {m.base}")
    if m.multiple_answers:
        description.append("Meerdere antwoorden mogelijk"
                           + ("." if m.multiple_answers_in_report else " (afgeleid uit de totalen)."))
    description += m.notes
    return {
        "name": dataset.id.replace("_", "-"),
        "path": f"{dataset.id}.csv",
        "profile": "tabular-data-resource",
        "title": m.title,
        "description": " ".join(description),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "sources": [{"title": m.source}],
        "licenses": [LICENSE],
        "schema": {"fields": fields, "primaryKey": ["id"], "missingValues": [""]},
    }


def datapackage(datasets: dict[str, Dataset], site_url: str, edition_date: str) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "Kennisbank Kinderwerk: de cijfers uit Kinderwerk anno 2021",
        "description": ("Alle cijfers uit het onderzoek Kinderwerk anno 2021 (Sociaal Werk Nederland, "
                        "februari 2021; een vragenlijst onder kinderwerkers), per vraag of figuur, "
                        "met de precisie en de formulering van het rapport."),
        "homepage": site_url,
        "version": edition_date,
        "created": f"{edition_date}T00:00:00Z",
        "languages": ["nl"],
        "licenses": [LICENSE],
        "sources": [{"title": REPORT}],
        "citation": REPORT,
        "contributors": [{"title": "Kennisbank Kinderwerk", "role": "author", "path": site_url}],
        "resources": [resource(d) for d in datasets.values()],
    }


def datapackage_json(datasets: dict[str, Dataset], site_url: str, edition_date: str) -> bytes:
    return (json.dumps(datapackage(datasets, site_url, edition_date), ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")
