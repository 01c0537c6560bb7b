"""A port for the layers above catalog: how they batch their work during an import.

An import publishes hundreds of pages in one transaction, and a layer above catalog
(the search app) reacts to every publish. That layer registers a context manager
here from its ``AppConfig.ready()``; ``bulk_import()`` enters every registered one
around the write, so the layer can collect what changed and handle it once at the
end (or not at all if the import fails). catalog never imports the layers above it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager

BulkParticipant = Callable[[], AbstractContextManager]

_participants: list[BulkParticipant] = []


def register_bulk_participant(participant: BulkParticipant) -> None:
    """Enter ``participant()`` around every bulk import (once, however often called)."""
    if participant not in _participants:
        _participants.append(participant)


@contextmanager
def bulk_import() -> Iterator[None]:
    """Run the block as one bulk import for every registered participant."""
    with ExitStack() as stack:
        for participant in _participants:
            stack.enter_context(participant())
        yield
