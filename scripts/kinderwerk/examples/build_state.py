"""Build state, filled by scripts/adapters/hooks_examples.py and read by
scripts/adapters/macros.py."""
from __future__ import annotations

from dataclasses import dataclass, field

from .collection import Collection
from .markup import Figure


def _no_figure(dataset_id: str, option_id: str) -> str:
    raise RuntimeError("state.figure is set by scripts/adapters/hooks_examples.py (on_files)")


@dataclass
class State:
    collection: Collection | None = None
    figure: Figure = _no_figure
    chart_src: dict[str, str] = field(default_factory=dict)
    template: str = ""          # text of _sjabloon.md, for the "Voeg je voorbeeld toe" link


state = State()
