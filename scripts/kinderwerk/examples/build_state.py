"""Build state, filled by scripts/hooks_examples.py and read by
scripts/macros.py."""
from __future__ import annotations

from dataclasses import dataclass, field

from .collection import Collection
from .markup import Figure


@dataclass
class State:
    collection: Collection | None = None
    figure: Figure | None = None
    chart_src: dict[str, str] = field(default_factory=dict)


state = State()
