"""Who may manage which catalogue records: the department every seller's, a seller
only its own products' (certificates, awards); and the department's verification.

The admin (forms, the certificate permission policy, the "Xác minh" action) and the
importer all go through these functions.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from catalog.models import (
    OcopCertificate,
    ProductPage,
    RuralIndustrialAward,
    SellerLicence,
)
from catalog.models.certificates import Reviewed
from sellers.services import is_department, sellers_for_user

VERIFY_PERMISSION = "catalog.verify_ocopcertificate"


def products_for_user(user) -> QuerySet[ProductPage]:
    """Product pages whose records (certificates, awards) the user may manage."""
    products = ProductPage.objects.all()
    if is_department(user):
        return products
    return products.filter(seller_id__in=sellers_for_user(user))


def certificates_for_user(user) -> QuerySet[OcopCertificate]:
    """OCOP certificates the user may see in the admin: all, or their products' own."""
    certificates = OcopCertificate.objects.all()
    if is_department(user):
        return certificates
    return certificates.filter(product__seller_id__in=sellers_for_user(user))


def licences_for_user(user) -> QuerySet[SellerLicence]:
    """Licences the user may see in the admin: all, or its own sellers'."""
    licences = SellerLicence.objects.all()
    if is_department(user):
        return licences
    return licences.filter(seller_id__in=sellers_for_user(user))


def verify_certificates(certificates: Iterable[Reviewed], user) -> int:
    """Record the department user who verified each unverified record (certificate
    or award), and when."""
    verified = 0
    with transaction.atomic():
        for certificate in certificates:
            if not certificate.is_verified:
                certificate.verify(user)
                verified += 1
    return verified


def return_to_sellers(records: Iterable[Reviewed], user, reason: str) -> int:
    """Send certificates or awards back to their sellers with one reason, all or
    none; a verified record loses its verification (and its public badge)."""
    returned = 0
    with transaction.atomic():
        for record in records:
            record.return_to_seller(user, reason)
            returned += 1
    return returned


def awaiting_verification_count() -> int:
    """What waits for the department: certificates and awards in the queue."""
    return (
        OcopCertificate.objects.awaiting_verification().count()
        + RuralIndustrialAward.objects.awaiting_verification().count()
    )


class OcopCertificatePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed for sellers to unverified certificates of their
    own products; the department keeps full access."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if is_department(user):
            return True
        if instance.product.seller_id not in sellers_for_user(user):
            return False
        # A verified certificate is the department's record; sellers only read it.
        return action == "view" or not instance.is_verified

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return certificates_for_user(user)


class SellerLicencePermissionPolicy(ModelPermissionPolicy):
    """As for certificates: a seller works on its own unverified licences only."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if is_department(user):
            return True
        if instance.seller_id not in sellers_for_user(user):
            return False
        return action == "view" or not instance.is_verified

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return licences_for_user(user)
