"""Keep the indexes true when pages and certificates change.

Engine writes run after the transaction commits (``transaction.on_commit``), so a
rolled-back edit never reaches the index and a slow or dead engine never blocks
publishing. The database copy for the fallback is written at once, inside the
transaction. When the engine is down the change is logged; ``manage.py
search_index update`` sends it later.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalog.importing.bulk import register_bulk_participant
from catalog.signals import sales_data_changed
from marketplace.helpers.visibility import announce, visibility_changed
from search.documents import PRODUCTS, SELLERS

logger = logging.getLogger(__name__)

# Inside ``bulk_updates()`` page changes are collected, then indexed once in batches.
_pending: ContextVar[dict[str, set[int]] | None] = ContextVar(
    "search_pending", default=None
)


@contextmanager
def bulk_updates():
    """Index pages changed inside the block once, in batches, when it ends.

    For bulk writers (catalog.importing, seed_demo) that publish hundreds of pages:
    one document build per batch instead of one per publish. Nothing is indexed if
    the block raises.
    """
    if _pending.get() is not None:
        yield
        return
    pending: dict[str, set[int]] = {PRODUCTS: set(), SELLERS: set()}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    from search.documents import alias_name
    from search.indexing import forget_search_text, iter_documents, save_search_text

    for seller_id in pending[SELLERS]:
        pending[PRODUCTS].update(_seller_product_ids(seller_id))
    for kind, ids in pending.items():
        if not ids:
            continue
        docs = dict(iter_documents(kind, ids))
        save_search_text(kind, docs)
        forget_search_text(ids - docs.keys())
        alias = alias_name(kind)
        operations = [("index", alias, str(pk), doc) for pk, doc in docs.items()]
        operations += [("delete", alias, str(pk), None) for pk in ids - docs.keys()]
        _after_commit(_send_in_batches, operations)


def _send_in_batches(operations) -> None:
    from search import engine
    from search.indexing import BATCH_SIZE

    for start in range(0, len(operations), BATCH_SIZE):
        engine.bulk(operations[start : start + BATCH_SIZE])


def _kind_of(page) -> str | None:
    from catalog.models import ProductPage
    from sellers.models import SellerPage

    specific_class = page.specific_class
    if specific_class is None:
        return None
    if issubclass(specific_class, ProductPage):
        return PRODUCTS
    if issubclass(specific_class, SellerPage):
        return SELLERS
    return None


def _after_commit(action, *args) -> None:
    def run():
        from search.engine import EngineError

        try:
            action(*args)
        except EngineError as exc:
            logger.warning(
                "search index not updated (%s); run `manage.py search_index update`",
                exc,
            )

    transaction.on_commit(run)


def _seller_product_ids(seller_id: int) -> list[int]:
    from catalog.models import ProductPage

    return list(
        ProductPage.objects.filter(seller_id=seller_id).values_list("pk", flat=True)
    )


def reindex_products(ids) -> None:
    from search.indexing import index_pages

    index_pages(PRODUCTS, ids)


def reindex_seller(seller_id: int) -> None:
    """A seller and its products (their documents carry its name and verification)."""
    from search.indexing import index_pages

    index_pages(SELLERS, [seller_id])
    index_pages(PRODUCTS, _seller_product_ids(seller_id))


def _save_text_now(kind: str, page_id: int) -> None:
    from search.indexing import forget_search_text, iter_documents, save_search_text

    docs = dict(iter_documents(kind, [page_id], images=False))
    save_search_text(kind, docs)
    if not docs:
        forget_search_text([page_id])


def _page_changed(sender, instance, **kwargs) -> None:
    kind = _kind_of(instance)
    if kind is None:
        return
    pending = _pending.get()
    if pending is not None:
        pending[kind].add(instance.pk)
        return
    _save_text_now(kind, instance.pk)
    if kind == PRODUCTS:
        _after_commit(reindex_products, [instance.pk])
    else:
        _after_commit(reindex_seller, instance.pk)


def _sales_data_changed(sender, page_ids, **kwargs) -> None:
    """Price, stock and availability are in the product documents (filters, sort)."""
    pending = _pending.get()
    if pending is not None:
        pending[PRODUCTS].update(page_ids)
        return
    _after_commit(reindex_products, list(page_ids))


def _page_deleted(sender, instance, **kwargs) -> None:
    from search.indexing import delete_pages

    kind = PRODUCTS if sender.__name__ == "ProductPage" else SELLERS
    _after_commit(delete_pages, kind, [instance.pk])


def _certificate_changed(sender, instance, **kwargs) -> None:
    if instance.product_id:
        _after_commit(reindex_products, [instance.product_id])


def _category_changed(sender, instance, **kwargs) -> None:
    from catalog.models import ProductPage
    from search.reference import forget_labels

    forget_labels()
    ids = list(
        ProductPage.objects.filter(category=instance).values_list("pk", flat=True)
    )
    if ids:
        _after_commit(reindex_products, ids)


def _labels_changed(sender, **kwargs) -> None:
    from search.reference import forget_labels

    forget_labels()


def _promotions_changed(sender, **kwargs) -> None:
    from search import promotions

    promotions.forget()


def _restriction_changed(sender, instance, **kwargs) -> None:
    """A restriction added or lifted covers its page and everything under it:
    the products (and sellers) there leave or re-enter the index at once."""
    from catalog.models import ProductPage
    from sellers.models import SellerPage

    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is None:  # the page itself was deleted: its own handlers ran
        return
    under = {"path__startswith": page.path}
    product_ids = list(ProductPage.objects.filter(**under).values_list("pk", flat=True))
    seller_ids = list(SellerPage.objects.filter(**under).values_list("pk", flat=True))
    announce(product_ids=product_ids, seller_ids=seller_ids)


def _visibility_changed(sender, product_ids=(), seller_ids=(), **kwargs) -> None:
    """Takedowns, screening holds, suspensions and restrictions: the database
    copy at once, the engine after the commit."""
    from search import promotions
    from search.indexing import forget_search_text, iter_documents, save_search_text

    product_ids = set(product_ids)
    for seller_id in seller_ids:
        product_ids.update(_seller_product_ids(seller_id))
    for kind, ids in ((PRODUCTS, product_ids), (SELLERS, set(seller_ids))):
        if not ids:
            continue
        docs = dict(iter_documents(kind, ids, images=False))
        save_search_text(kind, docs)
        forget_search_text(ids - docs.keys())
    promotions.forget()
    if product_ids:
        _after_commit(reindex_products, sorted(product_ids))
    for seller_id in seller_ids:
        _after_commit(_reindex_seller_page, seller_id)


def _reindex_seller_page(seller_id: int) -> None:
    from search.indexing import index_pages

    index_pages(SELLERS, [seller_id])


def register_signal_handlers() -> None:
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from catalog.models import Category, Certification, OcopCertificate, ProductPage
    from sellers.models import SellerPage

    # Imports publish hundreds of pages: index them in batches when the import ends.
    register_bulk_participant(bulk_updates)
    page_published.connect(_page_changed, dispatch_uid="search-page-published")
    sales_data_changed.connect(_sales_data_changed, dispatch_uid="search-sales-data")
    page_unpublished.connect(_page_changed, dispatch_uid="search-page-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="search-page-moved")
    for model in (ProductPage, SellerPage):
        post_delete.connect(
            _page_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            _certificate_changed,
            sender=OcopCertificate,
            dispatch_uid=f"search-cert-{signal is post_save}",
        )
        signal.connect(
            _promotions_changed,
            sender=SearchPromotion,
            dispatch_uid=f"search-promo-{signal is post_save}",
        )
        signal.connect(
            _labels_changed,
            sender=Certification,
            dispatch_uid=f"search-certification-{signal is post_save}",
        )
    post_save.connect(
        _category_changed, sender=Category, dispatch_uid="search-category"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{signal is post_save}",
        )
    visibility_changed.connect(_visibility_changed, dispatch_uid="search-visibility")
