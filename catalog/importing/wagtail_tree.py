"""Every place the importer works around, or by hand does, what Wagtail's admin does.

An imported page must behave like one created through the admin: right tree
position, a revision, log entries, found by the admin's search, listed in the
reference index. The admin does all that page by page; an import of 1,300 pages
would then save each page three times and update two indexes on every save. The
shortcuts below keep the result and drop the repeated work; tests/catalog/
test_import_wagtail.py checks the result against what the admin gives.

- ``add_page``: a new page's first revision and publication, saved once (the
  admin saves twice); skips Wagtail's per-foreign-key validation queries and its
  site-root lookup (a private attribute, ``_is_site_root``).
- ``latest_draft``, ``save_changes`` and ``publish_latest``: existing pages go
  through Wagtail's own ``save_revision`` and ``Revision.publish``, nothing
  bypassed.
- ``deferred_indexing``: Wagtail's search index (modelsearch) and reference index
  are muted while rows are written, then updated once per written object.
  modelsearch has no switch, so its ``post_save`` receivers are disconnected for
  the block: a management command or a test owns the process meanwhile.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, partial

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models.signals import post_save
from modelsearch import index as model_index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

# The objects written, by model, for one index update each at the end.
Touched = dict[type, set[int]]


@cache
def _foreign_key_names(model) -> list[str]:
    return [field.name for field in model._meta.concrete_fields if field.is_relation]


def add_page(
    parent: Page,
    page: Page,
    *,
    user: AbstractBaseUser | None,
    publish: bool,
    now: datetime.datetime,
) -> Revision:
    """Create a page under ``parent`` with its first revision: a draft, or live.

    A new page has no earlier revision, schedule, workflow, alias or comment, so
    going live is what ``revision.publish()`` would do, minus its second full save:
    live from the first save, ``live_revision`` set, the publish logged and
    ``page_published`` sent (the search app and the home figures listen to it).
    """
    # Wagtail's first save logs the creation by the page's owner ("wagtail.create"),
    # as its own "add page" view does.
    page.owner = user
    page.live = publish
    if publish:
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
    # Wagtail validates every field again on this save, with one query per foreign
    # key; the rows were validated already and the related rows were just read or
    # written in this transaction (the database still enforces every foreign key),
    # so those lookups are skipped: a fifth of the seed's queries. Everything else
    # in Wagtail's full_clean still runs.
    page.full_clean = partial(
        type(page).full_clean, page, exclude=_foreign_key_names(type(page))
    )
    # A new page roots no site: Wagtail would ask the database on every save.
    page._is_site_root = False
    try:
        # treebeard's add_child sets path, depth and the parent's numchild; Wagtail's
        # save sets url_path.
        parent.add_child(instance=page)
    finally:
        del page.full_clean
    revision = page.save_revision(user=user, clean=False, changed=not publish)
    if publish:
        _mark_published(page, revision, user)
    return revision


def _mark_published(page: Page, revision: Revision, user) -> None:
    Page.objects.filter(pk=page.pk).update(live_revision=revision)
    page.live_revision = revision
    log(
        instance=page,
        action="wagtail.publish",
        user=user,
        revision=revision,
        content_changed=True,
    )
    page_published.send(sender=type(page), instance=page, revision=revision)


def latest_draft(page: Page) -> Page:
    """The page as its latest revision has it: a draft waiting to be published is
    edited further rather than lost, as the admin's edit view does."""
    if page.has_unpublished_changes and page.latest_revision_id:
        return page.get_latest_revision_as_object()
    return page


def save_changes(draft: Page, *, user: AbstractBaseUser | None, publish: bool) -> None:
    """A new revision of an edited page (Wagtail's own path), published if asked."""
    revision = draft.save_revision(user=user)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)


def publish_latest(page: Page, *, user: AbstractBaseUser | None) -> None:
    """Publish a draft left by an earlier import, as the admin's publish button does."""
    page.get_latest_revision().publish(user=user, skip_permission_checks=True)


@contextmanager
def _search_index_muted() -> Iterator[None]:
    indexed = [
        model
        for model in model_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)


def refresh_indexes(touched: Touched) -> None:
    """Wagtail's search backends and reference index, once per written object."""
    backends = list(get_search_backends(with_auto_update=True))
    for model, ids in touched.items():
        if not ids:
            continue
        # The indexed queryset joins or prefetches what the index reads from
        # related rows (an image's tags, say): one query per relation, not per row.
        objects = list(model.get_indexed_objects().filter(pk__in=ids))
        for backend in backends:
            backend.add_bulk(model, objects)
        if ReferenceIndex.is_indexed(model):
            for obj in objects:
                ReferenceIndex.create_or_update_for_object(obj)


@contextmanager
def deferred_indexing(touched: Touched) -> Iterator[None]:
    """Mute Wagtail's indexes inside the block; refresh what it wrote at the end.

    Creating and publishing a page saves it up to three times, and both indexes
    react to every save. The refresh runs inside the caller's transaction, and not
    at all if the block raises.
    """
    with _search_index_muted(), disable_reference_index_auto_update():
        yield
    refresh_indexes(touched)
