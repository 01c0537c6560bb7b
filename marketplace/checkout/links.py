"""The link in the shopper's emails that opens one order from any browser.

The token is the order's reference signed with the site's SECRET_KEY (Django's
signing, under a salt of its own), so no new secret and nothing stored: a token
opens only the order it was made for, and a changed character refuses it.
"""

import datetime
import hmac

from django.core import signing
from django.urls import reverse

from marketplace.checkout.models import Order

SALT = "marketplace.checkout.order-link"
# Long enough to follow a delivery and a complaint; a lookup by reference and
# phone still works after it.
MAX_AGE = datetime.timedelta(days=365)


def order_token(order: Order) -> str:
    return signing.dumps(order.reference, salt=SALT)


def order_link_path(order: Order) -> str:
    return reverse("checkout:order_link", args=[order.reference, order_token(order)])


def token_opens(token: str, reference: str) -> bool:
    """True when ``token`` was signed by this site, for this reference, and is
    younger than MAX_AGE."""
    try:
        signed = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one of them
        return False
    return isinstance(signed, str) and hmac.compare_digest(signed, reference)
