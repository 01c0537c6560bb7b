"""Rendered pieces of pages, kept in the worker's memory by the data they show.

The menu and the footer appear on every public page, product cards on most;
each changes only when the data it is drawn from changes (menu entries, the
owner's disclosures, a card's values), which is read afresh or cached and
forgotten elsewhere. Keying the HTML by a digest of that data and the language
means nothing here needs forgetting: new data, new key. Each store is per
process and keeps its most recently used pieces, at most ``limit`` of them.
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


class FragmentStore:
    """HTML pieces by ``(name, language, digest of their data)``, least recently
    used dropped first."""

    def __init__(self, limit: int):
        self.limit = limit
        self._pieces: OrderedDict[str, SafeString] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threads share the store

    def remembered(self, name: str, data: object, render: Callable[[], str]) -> str:
        """``render()``'s HTML for ``data`` in the current language, rendered
        once per worker. ``data`` must be plain values whose ``repr`` shows all
        of them (dataclasses, tuples, dicts of strings and numbers)."""
        digest = hashlib.blake2b(repr(data).encode(), digest_size=16).hexdigest()
        key = f"{name}|{get_language()}|{digest}"
        with self._lock:
            html = self._pieces.get(key)
            if html is not None:
                self._pieces.move_to_end(key)
                return html
        html = mark_safe(render())
        with self._lock:
            self._pieces[key] = html
            while len(self._pieces) > self.limit:
                self._pieces.popitem(last=False)
        return html

    def clear(self) -> None:
        with self._lock:
            self._pieces.clear()


# The shell: a few states of the menu and the footer per language.
SHELL = FragmentStore(limit=256)
# Product cards: the whole catalogue in both languages, a few MB at most.
CARDS = FragmentStore(limit=4096)


def render_alone(context, template_name: str, values: dict) -> str:
    """``template_name`` rendered from a template tag with ``values`` only (and
    the tag's engine): a piece kept by its data must depend on nothing else."""
    template = context.template.engine.get_template(template_name)
    return template.render(context.new(values))
