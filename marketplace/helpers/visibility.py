"""The signal that a page's public visibility changed without a publish: a
takedown, a screening hold, a seller's suspension or reinstatement. Lower layers
send it; the search index (and the shell's caches) listen, from their ready()."""

from django.dispatch import Signal

# Keyword arguments: product_ids (iterable of ints), seller_ids (iterable of ints).
visibility_changed = Signal()


def announce(*, product_ids=(), seller_ids=()) -> None:
    visibility_changed.send(
        sender=None, product_ids=list(product_ids), seller_ids=list(seller_ids)
    )
