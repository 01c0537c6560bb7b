"""Admin form of a seller's profile page: normalised identity fields, verification."""

from wagtail.admin.forms import WagtailAdminPageForm

from sellers.media_access import IMAGE_REFUSED, check_chosen_media
from sellers.validators import normalize_phone, normalize_tax_code, validate_tax_code


class SellerPageForm(WagtailAdminPageForm):
    """Stores phones as +84…, tax codes without spaces, and records who verified.

    The `verified` field is only in the form for users holding sellers.verify_seller
    (its FieldPanel carries that permission); for everyone else the verification
    recorded in the database is carried over unchanged, so a seller's edit that the
    department later approves cannot flip it.
    """

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "")
        if not phone:
            return ""
        return normalize_phone(phone)

    def clean_tax_code(self) -> str:
        tax_code = normalize_tax_code(self.cleaned_data.get("tax_code", ""))
        if tax_code:
            validate_tax_code(tax_code)
        return tax_code

    def clean_logo(self):
        return self._own_image("logo")

    def clean_cover_image(self):
        return self._own_image("cover_image")

    def _own_image(self, name: str):
        """Only an image of the seller's own collection (or the department's)."""
        image = self.cleaned_data.get(name)
        check_chosen_media(self.for_user, image, self.initial.get(name), IMAGE_REFUSED)
        return image

    def save(self, commit=True):
        page = super().save(commit=False)
        if "verified" in self.fields:
            self._record_verifier(page)
        elif page.pk:
            self._keep_stored_verification(page)
        if commit:
            page.save()
            self.save_m2m()
        return page

    def _record_verifier(self, page) -> None:
        if "verified" in self.changed_data:
            page.record_verification(self.for_user, page.verified)

    def _keep_stored_verification(self, page) -> None:
        stored = (
            type(page)
            .objects.filter(pk=page.pk)
            .values("verified", "verified_at", "verified_by_id")
            .first()
        )
        if stored is None:
            return
        page.verified = stored["verified"]
        page.verified_at = stored["verified_at"]
        page.verified_by_id = stored["verified_by_id"]
