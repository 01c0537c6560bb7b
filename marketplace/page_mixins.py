"""Small behaviours shared by the public page types."""

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction


def with_view_restriction_flag(queryset: QuerySet) -> QuerySet:
    """Pages flagged ``view_restricted`` when a restriction may cover them.

    A restriction covers a page when it is on the page or an ancestor, that is on
    a page whose tree path starts this page's path. Aliases up the tree (whose
    source page's restrictions apply) are flagged too, for the full lookup. The
    public page views load their page with this flag, so the common case, no
    restriction at all, needs no query of its own.

    Written as SQL: the same test as ``Exists`` subqueries with a ``startswith``
    between columns takes Django longer to compile than the separate query it
    saves. ``page`` is the page table as the outer query names it (page types
    join it unaliased).
    """
    page = connection.ops.quote_name(Page._meta.db_table)
    restriction = connection.ops.quote_name(PageViewRestriction._meta.db_table)
    covers = f"{page}.path LIKE ancestor.path || '%%'"
    # Only the models' table names go into this SQL, never request data.
    sql = (
        f"EXISTS (SELECT 1 FROM {restriction} r INNER JOIN {page} ancestor"  # noqa: S608
        f" ON ancestor.id = r.page_id WHERE {covers})"
        f" OR EXISTS (SELECT 1 FROM {page} ancestor"
        f" WHERE ancestor.alias_of_id IS NOT NULL AND {covers})"
    )
    return queryset.annotate(
        view_restricted=RawSQL(sql, (), output_field=BooleanField())  # noqa: S611
    )


def without_view_restrictions(queryset: QuerySet) -> QuerySet:
    """Leave out pages a view restriction (password, login, groups) covers, on the
    page itself or an ancestor: listings, the search index and its database copy
    show public pages only. The same SQL test as ``with_view_restriction_flag``;
    ``queryset`` must name the page table unaliased (a top-level page query).
    """
    page = connection.ops.quote_name(Page._meta.db_table)
    restriction = connection.ops.quote_name(PageViewRestriction._meta.db_table)
    # Only the models' table names go into this SQL, never request data.
    sql = (
        f"NOT EXISTS (SELECT 1 FROM {restriction} r INNER JOIN {page} ancestor"  # noqa: S608
        f" ON ancestor.id = r.page_id WHERE {page}.path LIKE ancestor.path || '%%')"
    )
    return queryset.filter(RawSQL(sql, (), output_field=BooleanField()))  # noqa: S611


class ViewRestrictionsInOneQueryMixin:
    """Look up view restrictions of the page and its ancestors in one query, or
    none when the page was loaded by ``with_view_restriction_flag`` unflagged.

    Wagtail's default first loads the ancestors, then their restrictions; the
    ancestors' paths are prefixes of this page's path, so one query with a subquery
    for aliased ancestors (whose source page's restrictions apply) gives the same set.
    """

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        if getattr(self, "view_restricted", True) is False:
            return PageViewRestriction.objects.none()
        paths = [
            self.path[:end]
            for end in range(self.steplen, len(self.path) + 1, self.steplen)
        ]
        alias_sources = Page.objects.filter(
            path__in=paths, alias_of__isnull=False
        ).values("alias_of_id")
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True)
            | Q(page_id__in=alias_sources)
        )
