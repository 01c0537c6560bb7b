"""Admin form of OCOP certificates: Vietnamese messages, scoped to the seller.

The certificate viewset (catalog/wagtail_hooks.py) builds its edit form on it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from catalog.forms import STARS_MESSAGE
from catalog.permissions import products_for_user
from sellers.media_access import DOCUMENT_REFUSED, check_chosen_media
from sellers.services import is_department


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
