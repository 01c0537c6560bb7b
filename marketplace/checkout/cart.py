"""The shopper's cart, kept in the session: only product ids and quantities are
stored; prices, stock and shipping are read from the database on every request."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from catalog.models import ProductPage
from catalog.models.licences import sale_closed
from catalog.renditions import Picture
from catalog.visibility import public_products
from marketplace.formatting import format_vnd
from sellers.models import SellerPage

SESSION_KEY = "checkout_cart"
_DIGITS = re.compile(r"^[0-9]{1,9}$")


def not_public_message() -> str:
    return _("Sản phẩm này hiện không mở bán công khai trên sàn nên không thể đặt mua.")


class CartError(Exception):
    """A refused cart change; ``message`` is safe to show to the shopper."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def max_line_quantity() -> int:
    return settings.CHECKOUT_MAX_LINE_QUANTITY


def parse_quantity(raw) -> int:
    """A whole number from 1 to the per-line cap, or CartError (0, -1, 1.5, 10**12)."""
    text = str(raw if raw is not None else "").strip()
    cap = max_line_quantity()
    if not _DIGITS.match(text):
        if re.match(r"^[0-9]{10,}$", text):
            raise CartError(_("Mỗi sản phẩm đặt tối đa %(cap)s.") % {"cap": cap})
        raise CartError(_("Số lượng phải là số nguyên dương, ví dụ 1, 2, 3."))
    quantity = int(text)
    if quantity < 1:
        raise CartError(_("Số lượng phải từ 1 trở lên."))
    if quantity > cap:
        raise CartError(_("Mỗi sản phẩm đặt tối đa %(cap)s.") % {"cap": cap})
    return quantity


def parse_product_id(raw) -> int:
    text = str(raw if raw is not None else "").strip()
    if not _DIGITS.match(text):
        raise CartError(_("Sản phẩm không tồn tại hoặc đã ngừng bán."))
    return int(text)


def purchasable_products():
    """Products a shopper may buy right now: public ones (catalog.visibility)."""
    return (
        public_products()
        .filter(available=True, seller__isnull=False)
        .select_related("seller", "category")
    )


def class_closed_message(product: ProductPage) -> str:
    return _(
        "%(product)s tạm ngừng bán trên sàn theo quyết định của Sở Công Thương."
    ) % {"product": product.title}


def check_quantity(product: ProductPage, quantity: int) -> None:
    """Rules every line obeys: minimum order, per-line cap, stock on hand."""
    if quantity < product.min_order:
        raise CartError(
            _("%(product)s: đặt tối thiểu %(min)s %(unit)s.")
            % {"product": product.title, "min": product.min_order, "unit": product.unit}
        )
    if quantity > max_line_quantity():
        raise CartError(
            _("Mỗi sản phẩm đặt tối đa %(cap)s.") % {"cap": max_line_quantity()}
        )
    if product.stock is not None and quantity > product.stock:
        if product.stock == 0:
            raise CartError(_("%(product)s đã hết hàng.") % {"product": product.title})
        raise CartError(
            _("%(product)s chỉ còn %(stock)s %(unit)s.")
            % {"product": product.title, "stock": product.stock, "unit": product.unit}
        )


def shipping_fee(seller: SellerPage, items_total: int) -> int:
    """The seller's flat fee, waived from the seller's free-shipping threshold up."""
    threshold = seller.free_shipping_threshold_vnd
    if threshold is not None and items_total >= threshold:
        return 0
    return seller.shipping_fee_vnd


@dataclass
class CartLine:
    product: ProductPage
    quantity: int
    # Set by pictures.attach_to_cart on the pages that show it.
    thumbnail: Picture | None = None

    @property
    def unit_price(self) -> int:
        return self.product.price_vnd

    @property
    def line_total(self) -> int:
        return self.product.price_vnd * self.quantity

    @property
    def line_total_display(self) -> str:
        return format_vnd(self.line_total)

    @property
    def unit_price_display(self) -> str:
        return format_vnd(self.unit_price)


@dataclass
class SellerGroup:
    seller: SellerPage
    lines: list[CartLine] = field(default_factory=list)

    @property
    def items_total(self) -> int:
        return sum(line.line_total for line in self.lines)

    @property
    def shipping_fee(self) -> int:
        return shipping_fee(self.seller, self.items_total)

    @property
    def total(self) -> int:
        return self.items_total + self.shipping_fee


@dataclass
class CartSummary:
    groups: list[SellerGroup]
    problems: list[str]

    @property
    def lines(self) -> list[CartLine]:
        return [line for group in self.groups for line in group.lines]

    @property
    def items_total(self) -> int:
        return sum(g.items_total for g in self.groups)

    @property
    def shipping_total(self) -> int:
        return sum(g.shipping_fee for g in self.groups)

    @property
    def total(self) -> int:
        return self.items_total + self.shipping_total

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def needs_adult(self) -> bool:
        """Conditional goods (alcohol) in the cart: the shopper confirms 18+."""
        return any(line.product.required_licence_kind for line in self.lines)

    @property
    def allows_cod(self) -> bool:
        return bool(self.groups) and all(g.seller.allows_cod for g in self.groups)


class Cart:
    """Session-backed cart: ``{product_id: quantity}`` and nothing else."""

    def __init__(self, session):
        self.session = session
        stored = session.get(SESSION_KEY) or {}
        self.items: dict[str, int] = {
            str(k): int(v) for k, v in stored.items() if str(k).isdigit()
        }

    def _save(self) -> None:
        self.session[SESSION_KEY] = self.items
        self.session.modified = True

    def _product(self, product_id: int) -> ProductPage:
        product = purchasable_products().filter(pk=product_id).first()
        if product is None:
            # Restricted or moderated away: say so, rather than "does not exist".
            if (
                ProductPage.objects.live()
                .filter(pk=product_id, available=True)
                .exists()
            ):
                raise CartError(not_public_message())
            raise CartError(_("Sản phẩm không tồn tại hoặc đã ngừng bán."))
        if sale_closed(product.required_licence_kind):
            # The department switched the class off (alcohol): nothing new goes in.
            raise CartError(class_closed_message(product))
        return product

    def add(self, product_id, quantity) -> ProductPage:
        pid = parse_product_id(product_id)
        qty = parse_quantity(quantity)
        product = self._product(pid)
        new_qty = self.items.get(str(pid), 0) + qty
        check_quantity(product, new_qty)
        self.items[str(pid)] = new_qty
        self._save()
        return product

    def set(self, product_id, quantity) -> ProductPage:
        pid = parse_product_id(product_id)
        qty = parse_quantity(quantity)
        product = self._product(pid)
        check_quantity(product, qty)
        self.items[str(pid)] = qty
        self._save()
        return product

    def step(self, product_id, delta: int) -> tuple[ProductPage, int]:
        """One press of a quantity stepper: ``delta`` is +1 or -1 from the quantity
        in the cart. Going below the product's minimum order removes the line;
        the new quantity (0 when removed) is returned with the product."""
        pid = parse_product_id(product_id)
        if str(pid) not in self.items:
            raise CartError(_("Sản phẩm này không còn trong giỏ hàng."))
        product = self._product(pid)
        quantity = self.items[str(pid)] + delta
        if quantity < max(product.min_order, 1):
            self.remove(pid)
            return product, 0
        check_quantity(product, quantity)
        self.items[str(pid)] = quantity
        self._save()
        return product, quantity

    def remove(self, product_id) -> None:
        self.items.pop(str(parse_product_id(product_id)), None)
        self._save()

    def clear(self) -> None:
        self.items = {}
        self._save()

    def __len__(self) -> int:
        return sum(self.items.values())

    def summary(self) -> CartSummary:
        """Lines grouped by seller with live prices; lines that can no longer be
        bought are dropped from the cart and reported."""
        problems: list[str] = []
        if not self.items:
            return CartSummary(groups=[], problems=problems)
        products = {
            str(p.pk): p
            for p in purchasable_products().filter(pk__in=[int(k) for k in self.items])
        }
        groups: dict[int, SellerGroup] = {}
        changed = False
        for pid, qty in list(self.items.items()):
            product = products.get(pid)
            if product is None:
                problems.append(_("Một sản phẩm đã ngừng bán và được bỏ khỏi giỏ."))
                del self.items[pid]
                changed = True
                continue
            try:
                check_quantity(product, qty)
            except CartError as exc:
                problems.append(exc.message)
            group = groups.setdefault(
                product.seller_id, SellerGroup(seller=product.seller)
            )
            group.lines.append(CartLine(product=product, quantity=qty))
        if changed:
            self._save()
        ordered = sorted(groups.values(), key=lambda g: g.seller.title)
        return CartSummary(groups=ordered, problems=problems)
