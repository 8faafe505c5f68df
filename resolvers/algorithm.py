"""What an algorithm is: a name and a version (stamped on every answer), the features it
decides on, and the settings it takes, with their defaults and what each does.

The name matcher (matcher.NAME_MATCHER) and the article reader (articles.ARTICLE_READER)
describe themselves so; `rollcall algorithms` prints the descriptions and the README's
tables are checked against them. A change to what an algorithm answers bumps its version.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

from .types import Algorithm

__all__ = ["AlgorithmDescription", "Feature", "Setting", "setting"]


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    doc: str


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    doc: str


def setting(default: Any, doc: str, *, factory: Callable[[], Any] | None = None) -> Any:
    """A field of an algorithm's config dataclass, with what it does (`factory`: made anew
    for each config, as dataclasses' default_factory)."""
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata={"doc": doc})
    return dataclasses.field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class AlgorithmDescription:
    name: str
    version: str
    summary: str
    features: tuple[Feature, ...]
    config: type  # a dataclass whose fields carry a "doc" (setting())

    @property
    def label(self) -> Algorithm:
        """The name and version every answer carries."""
        return Algorithm(self.name, self.version)

    def settings(self) -> tuple[Setting, ...]:
        out = []
        for f in dataclasses.fields(self.config):
            if f.default is not dataclasses.MISSING:
                default: Any = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()
            else:
                default = None
            out.append(Setting(f.name, default, f.metadata.get("doc", "")))
        return tuple(out)

    def as_json(self) -> dict[str, Any]:
        """The description as data; a setting whose default is no plain value shows null."""
        return {
            "name": self.name, "version": self.version, "summary": self.summary,
            "features": [{"name": f.name, "doc": f.doc} for f in self.features],
            "settings": [{"name": s.name, "default": s.default if _plain(s.default) else None, "doc": s.doc}
                         for s in self.settings()],
        }

    def markdown(self) -> str:
        """The description as the README shows it: the features, then the settings."""
        lines = [f"`{self.name}/{self.version}`: {self.summary}", "", "| feature | what it measures |", "|---|---|"]
        lines += [f"| `{f.name}` | {f.doc} |" for f in self.features]
        lines += ["", "| setting | default | what it does |", "|---|---|---|"]
        lines += [f"| `{s.name}` | {_shown(s.default)} | {s.doc} |" for s in self.settings()]
        return "\n".join(lines) + "\n"


def _plain(value: Any) -> bool:
    return isinstance(value, (int, float, str))


def _shown(value: Any) -> str:
    return f"`{value}`" if _plain(value) else "(see its doc)"
