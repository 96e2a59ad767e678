"""Reading text files people edit: UTF-8 only, with or without a byte-order
mark, and nothing from outside the repository.

A file saved in another encoding (Windows-1252 from Notepad or Excel, for
instance) stops with a Dutch message that names the file and the line of the
first wrong byte, instead of a bare ``UnicodeDecodeError``.
"""
from __future__ import annotations

import os
from pathlib import Path

BOM = b"\xef\xbb\xbf"

SAVE_AS = ("Sla het bestand op als UTF-8 (in Kladblok of Word: Opslaan als > Codering UTF-8; "
           "in Excel: Opslaan als > CSV UTF-8).")


class EncodingProblem(ValueError):
    """A text file that is not UTF-8. ``str()`` is the message for people."""

    def __init__(self, path: str | Path, line: int, byte: int):
        self.path = str(path)
        self.line = line
        self.byte = byte
        super().__init__(f"{self.path}, regel {line}: dit bestand is niet opgeslagen als UTF-8 "
                         f"(teken 0x{byte:02X} is geen UTF-8). {SAVE_AS}")


def decode(data: bytes, path: str | Path) -> str:
    """The text of ``data`` (UTF-8, a leading BOM dropped) or EncodingProblem."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EncodingProblem(path, line, data[exc.start]) from None


def read_text(path: str | Path, shown_as: str | Path | None = None) -> str:
    """Read a UTF-8 text file (with or without BOM). Line endings are kept.

    ``shown_as`` is the name used in a message (default: ``path``)."""
    path = Path(path)
    return decode(path.read_bytes(), shown_as if shown_as is not None else path)


def find_unsafe_paths(root: str | Path, repository: str | Path | None = None) -> list[Path]:
    """Every symlink under ``root``, and every entry that resolves outside
    ``repository`` (default: ``root``), relative to ``root``, sorted.

    Symlinked folders are reported, not followed."""
    root = Path(root)
    repository = Path(repository if repository is not None else root).resolve()
    found: list[Path] = []
    if root.is_symlink():
        return [Path(".")]
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs) + sorted(files):
            entry = base / name
            try:
                resolved = entry.resolve(strict=False)
            except (OSError, RuntimeError):  # a symlink loop
                found.append(entry.relative_to(root))
                continue
            if entry.is_symlink() or not resolved.is_relative_to(repository):
                found.append(entry.relative_to(root))
        dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
    return sorted(found)


class CsvProblem(ValueError):
    """A CSV text that cannot be split into rows; ``line`` as an editor shows it."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.detail = message
        super().__init__(f"regel {line}: geen geldig CSV-bestand: {message}")


def csv_records(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(header, [(line, row)]) of a CSV text. ``line`` is the line where the
    row starts as an editor shows it, also after blank lines and quoted cells
    that span several lines; blank lines are skipped. Missing cells are ''."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    records: list[tuple[int, dict[str, str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise CsvProblem(start, "een aanhalingsteken (\") staat verkeerd of is niet gesloten. "
                                    "Zet een tekst met een komma tussen \"...\", en schrijf een \" "
                                    "in zo'n tekst als \"\"") from None
        if not row or all(not cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(row) > len(header):
            raise CsvProblem(start, f"{len(row)} cellen, maar de kopregel heeft {len(header)} kolommen. "
                                    f"Zet een tekst met een komma tussen \"...\"")
        records.append((start, {name: (row[i] if i < len(row) else "")
                                for i, name in enumerate(header)}))
    return header or [], records
