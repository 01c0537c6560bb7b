"""Which images and documents an admin user may put on its own pages and records.

Wagtail's collection permissions decide: a seller's group may choose only in its own
collection, the department in every collection. The forms of products, seller
profiles and certificates call these checks; this module imports no project model
(the models import those forms).
"""

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

MEDIA_ACTIONS = ["choose", "change"]

IMAGE_REFUSED = _(
    "Không dùng được: ảnh này không thuộc thư viện của cơ sở bạn. "
    "Hãy tải ảnh lên thư viện của mình rồi chọn lại."
)
DOCUMENT_REFUSED = _(
    "Không dùng được: tài liệu này không thuộc thư viện của cơ sở bạn. "
    "Hãy tải tài liệu lên thư viện của mình rồi chọn lại."
)


def may_use_media(user, instance: Model) -> bool:
    """Whether the user may choose this image or document (its collection's rights)."""
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_any_permission_for_instance(user, MEDIA_ACTIONS, instance)


def images_for_user(user):
    """The images the user may choose: its collections' only, or all for the
    department."""
    policy = policy_registry.get_by_type(get_image_model())
    return policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def documents_for_user(user):
    policy = policy_registry.get_by_type(get_document_model())
    return policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def check_chosen_media(user, instance: Model | None, initial_id, message) -> None:
    """Refuse a newly chosen image or document the user may not use.

    Only a change is checked: what the department or the importer attached before
    stays, so a seller can still save an older product.
    """
    if user is None or instance is None or instance.pk == initial_id:
        return
    if not may_use_media(user, instance):
        raise ValidationError(message, code="foreign_media")
