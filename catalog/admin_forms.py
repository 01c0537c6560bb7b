"""Admin forms of the catalogue, scoped to the seller: OCOP certificates (the
certificate viewset in catalog/wagtail_hooks.py builds its edit form on it) and
the choice of products for a sheet of QR labels (catalog/admin_views.py).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from catalog.forms import STARS_MESSAGE
from catalog.labels import MAX_LABELS, printable_products
from catalog.models import ProductPage
from catalog.permissions import products_for_user
from sellers.media_access import DOCUMENT_REFUSED, check_chosen_media
from sellers.models import SellerPage
from sellers.services import is_department, sellers_for_user


class OcopCertificateForm(WagtailAdminModelForm):
    """The department sees every product; a seller only their own, never verification.

    Verification itself (who, when) is never a form field: the department records it
    with the "Xác minh" action, which calls catalog.permissions.verify_certificates.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "stars" in self.fields:
            self.fields["stars"].error_messages["invalid_choice"] = STARS_MESSAGE
        user = self.for_user
        if user is None or is_department(user):
            return
        self.fields.pop("verification_note", None)
        product = self.fields.get("product")
        if product is not None:
            product.widget = forms.Select()
            product.queryset = products_for_user(user).order_by("title")
            product.error_messages["invalid_choice"] = _(
                "Chỉ được khai chứng nhận cho sản phẩm của chính cơ sở mình."
            )

    def clean_certificate_file(self):
        """A seller's certificate takes only a scan of its own collection."""
        document = self.cleaned_data.get("certificate_file")
        check_chosen_media(
            self.for_user,
            document,
            self.initial.get("certificate_file"),
            DOCUMENT_REFUSED,
        )
        return document


class SellerLicenceForm(WagtailAdminModelForm):
    """A seller files licences for itself only, with a scan of its own library."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or is_department(user):
            return
        seller = self.fields.get("seller")
        if seller is not None:
            seller.widget = forms.Select()
            seller.queryset = label_sellers(user)
            seller.error_messages["invalid_choice"] = _(
                "Chỉ được khai giấy phép của chính cơ sở mình."
            )

    def clean_licence_file(self):
        document = self.cleaned_data.get("licence_file")
        check_chosen_media(
            self.for_user, document, self.initial.get("licence_file"), DOCUMENT_REFUSED
        )
        return document


def label_sellers(user):
    """Sellers whose labels the user may print: every one for the department."""
    sellers = SellerPage.objects.order_by("title")
    if is_department(user):
        return sellers
    return sellers.filter(pk__in=sellers_for_user(user))


class ProductChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class LabelSheetForm(forms.Form):
    """Products for a sheet of QR labels, among those the user may print.

    ``nguoi_ban`` narrows the choice to one seller (the department picks any; a
    seller's editor has only its own). A product id of anyone else's is refused as
    an invalid choice, so it can never reach the sheet.
    """

    nguoi_ban = forms.ModelChoiceField(
        label=_("Người bán"),
        queryset=SellerPage.objects.none(),
        required=False,
        empty_label=_("Chọn người bán"),
    )
    san_pham = ProductChoiceField(
        label=_("Sản phẩm"),
        queryset=ProductPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Chọn ít nhất một sản phẩm để in tem."),
            "invalid_choice": _(
                "Sản phẩm %(value)s không có trong danh sách được in tem "
                "(chỉ sản phẩm đang bán của cơ sở mình)."
            ),
            "invalid_pk_value": _("Mã sản phẩm “%(pk)s” không hợp lệ."),
        },
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sellers = label_sellers(user)
        self.fields["nguoi_ban"].queryset = sellers
        self.seller = self._chosen_seller(sellers)
        if self.seller is None and not is_department(user):
            # A seller's editor with one seller works on it without choosing.
            own = list(sellers[:2])
            self.seller = own[0] if len(own) == 1 else None
        seller_id = self.seller.pk if self.seller is not None else None
        self.fields["san_pham"].queryset = printable_products(user, seller_id)

    def _chosen_seller(self, sellers) -> SellerPage | None:
        raw = self.data.get("nguoi_ban") or self.initial.get("nguoi_ban")
        if not raw or not str(raw).isdigit():
            return None
        return sellers.filter(pk=raw).first()

    def clean_san_pham(self):
        products = self.cleaned_data["san_pham"]
        if len(products) > MAX_LABELS:
            raise forms.ValidationError(
                _("Mỗi lần in tối đa %(count)d tem.") % {"count": MAX_LABELS}
            )
        return products
