"""Extra sections of the programme dashboard, registered by other shell modules.

A module that reports on the programme (complaints' yearly counts, for instance)
adds its section from its ``AppConfig.ready()``::

    from marketplace.programme import sections

    sections.register(
        sections.Section(
            key="complaints",
            title=_("Khiếu nại theo năm"),
            # A list of (label, number): data["rows"] in this ready-made template.
            template_name="programme/admin/section_counts.html",
            get_context=complaint_counts,  # (request) -> {"rows": [("2026", 12)]}
            report_url_name="complaints_admin:yearly",  # optional: its export
        )
    )

The dashboard renders each section after its own, in ``order``; the template gets
``section`` and the dict ``get_context`` returns as ``data``. This package imports
none of its contributors.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template_name: str
    get_context: Callable[[HttpRequest], dict]
    order: int = 100
    report_url_name: str = ""


_sections: dict[str, Section] = {}


def register(section: Section) -> None:
    """Add (or replace, by key: ready() may run twice in tests) a section."""
    _sections[section.key] = section


def unregister(key: str) -> None:
    _sections.pop(key, None)


def registered() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))
