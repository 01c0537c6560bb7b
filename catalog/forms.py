"""Admin form of product pages: prices in whole đồng, a described gallery.

ProductPage points at it through `base_form_class`, so this module imports no
catalog model (the OCOP certificate form, which does, is in catalog/admin_forms.py).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from marketplace.formatting import parse_vnd
from sellers.media_access import DOCUMENT_REFUSED, IMAGE_REFUSED, check_chosen_media

# The product's child relations the department reviews (certificates, awards).
REVIEWED_RELATIONS = ("ocop_certificates", "rural_awards")
STARS_MESSAGE = _("Sản phẩm OCOP chỉ được xếp hạng 3, 4 hoặc 5 sao.")


class VndPriceField(forms.IntegerField):
    """A whole number of đồng; accepts '125000', '125.000' or '125.000 ₫'."""

    widget = forms.TextInput(attrs={"inputmode": "numeric"})
    default_error_messages = {
        "invalid": _("Giá phải là số nguyên (đồng), ví dụ 125000 hoặc 125.000."),
        "negative": _("Giá không được là số âm."),
        "required": _("Vui lòng nhập giá bán."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if text.startswith("-"):
            raise ValidationError(self.error_messages["negative"], code="negative")
        try:
            return parse_vnd(text)
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None


class ProductPageForm(WagtailAdminPageForm):
    """Price in whole đồng and a gallery of at least one described image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "price_vnd" in self.fields:
            current = self.fields["price_vnd"]
            self.fields["price_vnd"] = VndPriceField(
                label=current.label,
                help_text=_("Số nguyên, đơn vị đồng; ví dụ 125000 hoặc 125.000."),
                required=current.required,
            )
        gallery = self.formsets.get("gallery_images")
        if gallery is not None:
            for image_form in gallery.forms + [gallery.empty_form]:
                alt_text = image_form.fields.get("alt_text")
                if alt_text is not None:
                    alt_text.error_messages["required"] = _(
                        "Vui lòng nhập mô tả ảnh (alt) cho người dùng trình đọc "
                        "màn hình."
                    )

    def clean(self):
        cleaned_data = super().clean()
        self._check_gallery_images()
        self._check_certificate_files()
        # Drafts may be incomplete (Wagtail defers required fields on "save");
        # submitting for approval or publishing needs the gallery.
        if self.is_deferred_validation:
            return cleaned_data
        gallery = self.formsets.get("gallery_images")
        if gallery is not None and gallery.is_bound:
            gallery.is_valid()  # cleans every image form
            kept = [
                image_form
                for image_form in gallery.forms
                if getattr(image_form, "cleaned_data", None)
                and not image_form.cleaned_data.get("DELETE")
                and image_form.cleaned_data.get("image")
            ]
            if not kept:
                raise ValidationError(
                    _("Sản phẩm cần ít nhất một ảnh, kèm mô tả ảnh (alt)."),
                    code="gallery_empty",
                )
        return cleaned_data

    def _post_clean(self):
        # The model's clean() leaves the licence to the form: drafts may be saved
        # without one, submitting or publishing may not.
        self.instance.licence_checked_by_form = True
        super()._post_clean()
        if self.is_deferred_validation or not hasattr(self.instance, "licence_problem"):
            return
        parent = getattr(self, "parent_page", None)
        problem = self.instance.licence_problem(parent.pk if parent else None)
        if problem:
            self.add_error(None, ValidationError(problem, code="licence_required"))

    def save(self, commit=True):
        """Certificates and awards edited inline are written now, outside the
        page's approval: the department verifies each in its own queue (and a
        changed stars, number or date sends a verified one back to it)."""
        page = super().save(commit=commit)
        if page.pk is not None:
            for name in REVIEWED_RELATIONS:
                if name in self.formsets:
                    getattr(page, name).commit()
        return page

    def _check_certificate_files(self) -> None:
        """A seller's certificate takes only a scan of its own collection."""
        certificates = self.formsets.get("ocop_certificates")
        if certificates is None or not certificates.is_bound:
            return
        if not certificates.is_valid():
            return
        for certificate_form in certificates.forms:
            document = certificate_form.cleaned_data.get("certificate_file")
            try:
                check_chosen_media(
                    self.for_user,
                    document,
                    certificate_form.initial.get("certificate_file"),
                    DOCUMENT_REFUSED,
                )
            except ValidationError as error:
                certificate_form.add_error("certificate_file", error)
                self.add_error(None, error)

    def _check_gallery_images(self) -> None:
        """Drafts too: a seller's gallery takes only images of its own collection."""
        gallery = self.formsets.get("gallery_images")
        if gallery is None or not gallery.is_bound or not gallery.is_valid():
            return
        for image_form in gallery.forms:
            if image_form.cleaned_data.get("DELETE"):
                continue
            image = image_form.cleaned_data.get("image")
            try:
                check_chosen_media(
                    self.for_user,
                    image,
                    image_form.initial.get("image"),
                    IMAGE_REFUSED,
                )
            except ValidationError as error:
                image_form.add_error("image", error)
                self.add_error(None, error)
