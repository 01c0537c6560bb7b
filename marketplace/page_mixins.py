"""Small behaviours shared by the public page types."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


class ViewRestrictionsInOneQueryMixin:
    """Look up view restrictions of the page and its ancestors in one query.

    Wagtail's default first loads the ancestors, then their restrictions; the
    ancestors' paths are prefixes of this page's path, so one query with a subquery
    for aliased ancestors (whose source page's restrictions apply) gives the same set.
    """

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
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
