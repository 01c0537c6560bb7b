"""The shell's models: the home page and the department's curated collections."""

from marketplace.models.pages import HomePage
from marketplace.models.snippets import Collection, CollectionItem, CollectionQuerySet

__all__ = ["Collection", "CollectionItem", "CollectionQuerySet", "HomePage"]
