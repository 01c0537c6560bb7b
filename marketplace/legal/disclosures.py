"""What every page's footer shows of the owner and the policies, cached.

The owner's setting and the policy links are read once and kept in the cache
(forgotten when the setting is saved or a policy page is published or
unpublished), so the footer adds no query to a page view.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from marketplace.legal.models import (
    LegalIndexPage,
    OwnerDisclosure,
    PolicyKind,
    PolicyPage,
)

FOOTER_CACHE_PREFIX = "legal:footer:v1:"
FOOTER_TTL_SECONDS = 3600
OWNER_FIELDS = (
    "owner_name",
    "address",
    "phone",
    "email",
    "registration_number",
    "responsible_person",
)
# The footer lists the policies in this order.
_KIND_ORDER = {kind: index for index, kind in enumerate(PolicyKind.values)}


def _cache_key() -> str:
    return f"{FOOTER_CACHE_PREFIX}{get_language() or 'vi'}"


def footer_disclosures(request=None) -> dict:
    """``{"owner": {...}, "policies": [{"title", "url"}], "index_url"}``, once
    per request and from the cache when it holds them."""
    remembered = getattr(request, "_legal_footer", None)
    if remembered is not None:
        return remembered
    data = cache.get(_cache_key())
    if data is None:
        data = _read_footer(request)
        cache.set(_cache_key(), data, FOOTER_TTL_SECONDS)
    if request is not None:
        request._legal_footer = data
    return data


def _read_footer(request) -> dict:
    owner = OwnerDisclosure.load(request_or_site=request)
    policies = sorted(
        PolicyPage.objects.live().public().only("title", "url_path", "kind"),
        key=lambda page: _KIND_ORDER.get(page.kind, len(_KIND_ORDER)),
    )
    index = LegalIndexPage.objects.live().first()
    return {
        "owner": {name: getattr(owner, name) for name in OWNER_FIELDS},
        "policies": [
            {"title": page.title, "url": page.get_url(request)} for page in policies
        ],
        "index_url": index.get_url(request) if index is not None else "",
    }


def forget_footer(*args, **kwargs) -> None:
    cache.delete_many(
        [f"{FOOTER_CACHE_PREFIX}{code}" for code, _name in settings.LANGUAGES]
    )


def privacy_policy_label() -> str:
    """The privacy policy version in force, as recorded with a consent."""
    page = PolicyPage.objects.live().filter(kind=PolicyKind.PRIVACY).first()
    version = page.in_force() if page is not None else None
    if version is None:
        return ""
    return f"{page.title}: {version.label}"
