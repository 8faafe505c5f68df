"""The preview of one entity: a small HTML card (name, Wikidata link, offices with their
dates) that OpenRefine shows beside a candidate."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from rollcall.gazetteer import Office, Person

from ..render import office_text

__all__ = ["PREVIEW_SIZE", "preview_html"]

# The card's size in OpenRefine's frame (width, height), as the manifest announces it.
PREVIEW_SIZE = (400, 200)


def preview_html(person: Person, offices: Sequence[Office]) -> str:
    link = (f'<a href="https://www.wikidata.org/wiki/{escape(person.wikidata)}" target="_blank">'
            f"{escape(person.wikidata)}</a>") if person.wikidata else escape(person.id)
    items = "".join(f"<li>{escape(office_text(o, tenure=True))}</li>" for o in offices) or "<li>no office recorded</li>"
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + escape(person.name) + "</title>"
        "<style>body{font:13px sans-serif;margin:6px}h1{font-size:15px;margin:0 0 4px}"
        "ul{margin:4px 0;padding-left:16px}</style></head><body>"
        f"<h1>{escape(person.name)}</h1><div>{link}"
        + (f" · {escape(person.country)}" if person.country else "")
        + (f" · born {escape(person.birth_date)}" if person.birth_date else "")
        + f"</div><ul>{items}</ul></body></html>"
    )
