"""Make the spreadsheets only when their inputs changed (as chart_cache.py
does for charts): a warm build reads them from .cache/ and never imports
pandas, openpyxl or odfpy.

The key hashes everything that shapes the files: every data set's CSV and
sidecar, the edition date, the code that writes them and the writers'
versions. A crash never leaves half a set: the folder is renamed into place
when complete.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from importlib.metadata import version
from pathlib import Path

from .datasets import Dataset

HERE = Path(__file__).resolve().parent
CODE = ("spreadsheets.py", "dutch.py", "datasets.py")
WRITERS = ("pandas", "openpyxl", "odfpy")
MANIFEST = "bestanden.json"


def cache_key(datasets: dict[str, Dataset], date: dt.date) -> str:
    digest = hashlib.sha256()
    parts = [date.isoformat().encode()] + [version(w).encode() for w in WRITERS]
    parts += [(HERE / name).read_bytes() for name in CODE]
    for dataset in datasets.values():
        parts += [dataset.id.encode(), dataset.csv_path.read_bytes(), dataset.meta_path.read_bytes()]
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()[:16]


def spreadsheet_files(datasets: dict[str, Dataset], date: dt.date, cache_dir: Path) -> tuple[dict[str, bytes], bool]:
    """(name -> bytes of spreadsheets.downloads, made now?)."""
    folder = Path(cache_dir) / cache_key(datasets, date)
    manifest = folder / MANIFEST
    if manifest.is_file():
        names = json.loads(manifest.read_text(encoding="utf-8"))
        return {name: (folder / name).read_bytes() for name in names}, False
    from .spreadsheets import downloads  # only when something changed
    files = downloads(datasets, date)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, content in files.items():
        (tmp / name).write_bytes(content)
    (tmp / MANIFEST).write_text(json.dumps(list(files)), encoding="utf-8")
    for stale in Path(cache_dir).iterdir():  # one set is enough
        if stale != tmp and stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
    tmp.rename(folder)
    return files, True
