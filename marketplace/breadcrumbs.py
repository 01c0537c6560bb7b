"""The breadcrumb trail of a page, from the page tree, without queries of its own.

Trang chủ › the page's ancestors below the home page › the page. A page right
under the home page (a category page, the seller directory) is a section of the
site menu and is named as the menu names it, from the cached menu. A page that
already holds the pages shoppers reach it through says so with
``breadcrumb_parents()`` (a product: its category page, then its seller); for
any other page, ancestors deeper than a section come in one query.
"""

from typing import NamedTuple

from django.utils.translation import gettext
from wagtail.models import Page, Site

from catalog.cards import page_url
from marketplace.navigation import main_navigation

HOME_DEPTH = 2


class Crumb(NamedTuple):
    name: str
    url: str | None


def breadcrumb_trail(page, request) -> list[Crumb]:
    """The trail of ``page``; none on the home page or off the page tree."""
    if not isinstance(page, Page) or not page.depth or page.depth <= HOME_DEPTH:
        return []
    root_paths = Site.get_site_root_paths()
    sections = {item.get("path"): item for item in main_navigation(request)}
    known = getattr(page, "breadcrumb_parents", None)
    if known is not None:
        parents = [
            Crumb(title, page_url(url_path, root_paths)) for title, url_path in known()
        ]
    else:
        parents = _tree_parents(page, sections, root_paths)
    section = sections.get(page.path)
    if section is not None:
        current = Crumb(section["title"], section["url"])
    else:
        current = Crumb(page.title, page_url(page.url_path, root_paths))
    return [Crumb(gettext("Trang chủ"), "/"), *parents, current]


def _tree_parents(page: Page, sections: dict, root_paths) -> list[Crumb]:
    """Ancestors below the home page: sections from the menu, the rest queried."""
    step = page.steplen
    paths = [
        page.path[:end] for end in range((HOME_DEPTH + 1) * step, len(page.path), step)
    ]
    deeper = [path for path in paths if path not in sections]
    found = {}
    if deeper:
        found = {
            path: Crumb(title, page_url(url_path, root_paths))
            for path, title, url_path in Page.objects.filter(
                path__in=deeper
            ).values_list("path", "title", "url_path")
        }
    crumbs = []
    for path in paths:
        if path in sections:
            crumbs.append(Crumb(sections[path]["title"], sections[path]["url"]))
        elif path in found:
            crumbs.append(found[path])
    return crumbs
