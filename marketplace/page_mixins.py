"""Small behaviours shared by the public page types."""

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction


def with_view_restriction_flag(queryset: QuerySet) -> QuerySet:
    """Pages flagged ``view_restricted`` when a restriction may cover them, and
    ``under_alias`` when the page or an ancestor is an alias.

    A restriction covers a page when it is on the page or an ancestor, that is on
    a page whose tree path starts this page's path. Below an alias, the alias's
    source page's restrictions apply (followed through aliases of aliases), so
    such pages are flagged too, for Wagtail's full lookup. The public page views
    load their page with these flags, so the common case, no restriction and no
    alias, needs no query of its own.

    Written as SQL: the same test as ``Exists`` subqueries with a ``startswith``
    between columns takes Django longer to compile than the separate query it
    saves. ``page`` is the page table as the outer query names it (page types
    join it unaliased).
    """
    page = connection.ops.quote_name(Page._meta.db_table)
    restriction = connection.ops.quote_name(PageViewRestriction._meta.db_table)
    covers = f"{page}.path LIKE ancestor.path || '%%'"
    # Only the models' table names go into this SQL, never request data.
    restricted = (
        f"EXISTS (SELECT 1 FROM {restriction} r INNER JOIN {page} ancestor"  # noqa: S608
        f" ON ancestor.id = r.page_id WHERE {covers})"
    )
    aliased = (
        f"EXISTS (SELECT 1 FROM {page} ancestor"  # noqa: S608
        f" WHERE ancestor.alias_of_id IS NOT NULL AND {covers})"
    )
    return queryset.annotate(
        under_alias=RawSQL(aliased, (), output_field=BooleanField()),  # noqa: S611
        view_restricted=RawSQL(  # noqa: S611
            f"{restricted} OR {aliased}", (), output_field=BooleanField()
        ),
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
    ancestors' paths are prefixes of this page's path, so one query gives the
    same set. Where an alias is involved (its source's restrictions apply, through
    chains of aliases), or the page was loaded without the flags, Wagtail's own
    lookup answers.
    """

    def get_view_restrictions(self):
        restricted = getattr(self, "view_restricted", None)
        if restricted is False:
            return PageViewRestriction.objects.none()
        if restricted is None or getattr(self, "under_alias", True):
            return super().get_view_restrictions()
        paths = [
            self.path[:end]
            for end in range(self.steplen, len(self.path) + 1, self.steplen)
        ]
        return PageViewRestriction.objects.filter(page__path__in=paths)
