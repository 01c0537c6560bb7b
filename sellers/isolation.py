"""Each seller's editor reaches only its own pages, media and records in the admin.

Wagtail already scopes most views through its permission policies (explorer, edit,
image and document listings). What it leaves open is closed here:

- views that load a page by the id in their URL (page chooser, move confirmation,
  revisions, workflow views) answer 403 for a page the editor cannot explore;
- bulk actions refuse ids of pages, images, documents, certificates or awards that
  are not the editor's;
- reports that list every page or every user are the department's only;
- snippet choosers of certificates and awards list the seller's own records;
- documents in a seller's collection (certificate scans, registration papers) are
  served only to that seller and the department.

The department (sellers.services.is_department) is never narrowed.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.urls import NoReverseMatch, reverse
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.wagtail_hooks import require_wagtail_login

from sellers.media_access import documents_for_user, images_for_user, may_use_media
from sellers.models import SellerAccess
from sellers.services import is_department, sellers_for_user

# URL arguments that name a page, in any admin view.
PAGE_ARGUMENTS = (
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "page_pk",
    "destination_id",
)
# In these namespaces `pk` is a page id too (revisions compare).
PAGE_PK_NAMESPACES = ("wagtailadmin_pages",)
# Views that take page ids as repeated `id` query parameters.
PAGE_ID_LIST_VIEWS = ("wagtailadmin_choose_page_chosen_multiple",)

# Reports over every page, every workflow or every user: the department's tools.
DEPARTMENT_ONLY_VIEWS = frozenset(
    f"wagtailadmin_reports:{name}{suffix}"
    for name in ("page_types_usage", "site_history", "workflow", "workflow_tasks")
    for suffix in ("", "_results")
)
DEPARTMENT_ONLY_MENU_ITEMS = frozenset(
    {"page-types-usage", "site-history", "workflows", "workflow-tasks"}
)


def is_scoped(user) -> bool:
    """A logged-in admin user who works for some sellers only."""
    return bool(user and user.is_authenticated and not is_department(user))


def explorable_pages(user) -> QuerySet:
    """The user's own pages and their ancestors, as Wagtail's explorer shows them."""
    return policy_registry.get_by_type(Page).explorable_instances(user)


def _ids(values: Iterable[str]) -> set[int]:
    return {int(value) for value in values if str(value).isdigit()}


def refuse_unexplorable_pages(user, ids: Iterable) -> None:
    """403 when any of the page ids is not one the user may explore."""
    wanted = _ids(ids)
    if not wanted:
        return
    found = explorable_pages(user).filter(pk__in=wanted).count()
    if found != len(wanted):
        raise PermissionDenied


def _requested_page_ids(request: HttpRequest, view_name: str, kwargs: dict) -> list:
    ids = [kwargs[name] for name in PAGE_ARGUMENTS if name in kwargs]
    if "pk" in kwargs and view_name.split(":")[0] in PAGE_PK_NAMESPACES:
        ids.append(kwargs["pk"])
    if view_name in PAGE_ID_LIST_VIEWS:
        ids.extend(request.GET.getlist("id"))
    # The link choosers take the page being edited as a query parameter.
    ids.extend(request.GET.getlist("parent_page_id"))
    return ids


# Models whose records belong to a seller, with the path to it: registered by the
# apps that own them (catalog's certificates and awards) from their ready().
_SELLER_RECORDS: dict[tuple[str, str], tuple[type[Model], str]] = {}


def register_seller_records(model: type[Model], seller_field: str) -> None:
    """Bulk actions on `model` take only the user's own sellers' records."""
    _SELLER_RECORDS[(model._meta.app_label, model._meta.model_name)] = (
        model,
        seller_field,
    )


def _own_objects(user, key: tuple) -> QuerySet | None:
    if key == ("wagtailimages", "image"):
        return images_for_user(user)
    if key == ("wagtaildocs", "document"):
        return documents_for_user(user)
    if key in _SELLER_RECORDS:
        model, seller_field = _SELLER_RECORDS[key]
        return own_sellers_records(model.objects.all(), user, seller_field)
    return None


def _check_bulk_action(request: HttpRequest, user, kwargs: dict) -> None:
    """Bulk actions (and their confirmation pages) only on the user's own things."""
    key = (kwargs.get("app_label"), kwargs.get("model_name"))
    ids = request.GET.getlist("id")
    if key == ("wagtailcore", "page"):
        if "all" in ids:
            ids = [request.GET.get("childOf", "")]
        refuse_unexplorable_pages(user, ids)
        return
    own = _own_objects(user, key)
    if own is None:
        return
    if key in _SELLER_RECORDS and "all" in ids:
        # "Select all" means every record of the model to Wagtail; sellers name theirs.
        raise PermissionDenied
    wanted = _ids(ids)
    if wanted and own.filter(pk__in=wanted).count() != len(wanted):
        raise PermissionDenied


def _admin_prefix() -> str | None:
    """The admin's URL prefix, or None in a URL conf without the admin."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


class SellerIsolationMiddleware:
    """Close the admin views that load objects by id without the user's scope."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        admin = _admin_prefix()
        if match is None or admin is None or not request.path.startswith(admin):
            return None
        if not is_scoped(user):
            return None
        if match.view_name in DEPARTMENT_ONLY_VIEWS:
            raise PermissionDenied
        if match.view_name == "wagtail_bulk_action":
            _check_bulk_action(request, user, view_kwargs)
        refuse_unexplorable_pages(
            user, _requested_page_ids(request, match.view_name, view_kwargs)
        )
        return None


# -- admin API ----------------------------------------------------------------------


class OwnMediaAPIMixin(BaseAPIViewSet):
    """The admin API's image and document endpoints list what the user may choose."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=self.own_media(self.request.user))


class OwnImagesAdminAPIViewSet(OwnMediaAPIMixin, ImagesAdminAPIViewSet):
    own_media = staticmethod(images_for_user)


class OwnDocumentsAdminAPIViewSet(OwnMediaAPIMixin, DocumentsAdminAPIViewSet):
    own_media = staticmethod(documents_for_user)


# -- snippet choosers ---------------------------------------------------------------


def own_sellers_records(queryset: QuerySet, user, seller_field: str) -> QuerySet:
    """Records whose `seller_field` is one of the user's sellers (all for the
    department)."""
    if not is_scoped(user):
        return queryset
    return queryset.filter(**{f"{seller_field}__in": sellers_for_user(user)})


class OwnRecordsMixin:
    seller_field = "product__seller"

    def own(self, queryset: QuerySet) -> QuerySet:
        # A record registered with its own path to the seller (a seller's licence).
        meta = queryset.model._meta
        registered = _SELLER_RECORDS.get((meta.app_label, meta.model_name))
        seller_field = registered[1] if registered else self.seller_field
        return own_sellers_records(queryset, self.request.user, seller_field)


class OwnChooseView(OwnRecordsMixin, snippet_chooser.ChooseView):
    def get_object_list(self):
        return self.own(super().get_object_list())


class OwnChooseResultsView(OwnRecordsMixin, snippet_chooser.ChooseResultsView):
    def get_object_list(self):
        return self.own(super().get_object_list())


class OwnChosenView(OwnRecordsMixin, snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return self.own(self.model_class.objects.all()).get(pk=pk)


class OwnChosenMultipleView(OwnRecordsMixin, snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.own(super().get_objects(pks))


class SellerRecordsChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    """Choosers of a product's records (certificates, awards): a seller's own only."""

    choose_view_class = OwnChooseView
    choose_results_view_class = OwnChooseResultsView
    chosen_view_class = OwnChosenView
    chosen_multiple_view_class = OwnChosenMultipleView


# -- private documents --------------------------------------------------------------


def is_private_document(document) -> bool:
    """Documents kept in a seller's collection are that seller's papers."""
    collections = document.collection.get_ancestors(inclusive=True)
    return SellerAccess.objects.filter(media_collection__in=collections).exists()


def refuse_private_document(document, request: HttpRequest) -> HttpResponse | None:
    """Serve a seller's document only to its seller and the department."""
    if not is_private_document(document):
        return None
    user = request.user
    if not user.is_authenticated:
        return require_wagtail_login(next=request.get_full_path())
    if may_use_media(user, document):
        return None
    return HttpResponseForbidden()
