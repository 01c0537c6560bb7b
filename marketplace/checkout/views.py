"""Cart, checkout and order pages. Never cached; every form carries a CSRF token;
rules live in cart.py, services.py and payments.py."""

import hmac

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.checkout import links, payments, pictures, services
from marketplace.checkout import stripe as stripe_api
from marketplace.checkout.cart import Cart, CartError
from marketplace.checkout.consent import Consents
from marketplace.checkout.forms import (
    CartLineForm,
    CheckoutForm,
    OrderLookupForm,
    new_checkout_key,
)
from marketplace.checkout.models import Order, Status
from marketplace.checkout.timeline import order_timeline
from sellers.validators import normalize_phone

ORDERS_SESSION_KEY = "checkout_orders"


def _remember_order(request, order: Order) -> None:
    """The browser that placed (or looked up) an order may see it again."""
    refs = [r for r in request.session.get(ORDERS_SESSION_KEY, []) if r]
    if order.reference not in refs:
        refs = (refs + [order.reference])[-20:]
    request.session[ORDERS_SESSION_KEY] = refs


def _own_order(request, reference: str) -> Order:
    refs = request.session.get(ORDERS_SESSION_KEY, [])
    if not any(hmac.compare_digest(str(r), str(reference)) for r in refs):
        raise Http404
    order = (
        Order.objects.select_related("commune")
        .prefetch_related("seller_orders__lines", "status_changes__seller_order")
        .filter(reference=reference)
        .first()
    )
    if order is None:
        raise Http404
    return order


def _order_page(request, template: str, order: Order, **extra):
    pictures.attach_to_order(order)
    context = {"order": order, "timeline": order_timeline(order), **extra}
    return render(request, template, context)


def _back_to(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if target.startswith("/") and not target.startswith("//"):
        return target
    return fallback


@never_cache
def cart_detail(request):
    summary = Cart(request.session).summary()
    for problem in summary.problems:
        messages.warning(request, problem)
    pictures.attach_to_cart(summary)
    return render(
        request,
        "checkout/cart.html",
        {"summary": summary, "max_quantity": settings.CHECKOUT_MAX_LINE_QUANTITY},
    )


@never_cache
@require_POST
def cart_add(request):
    cart = Cart(request.session)
    try:
        product = cart.add(request.POST.get("product"), request.POST.get("quantity"))
    except CartError as exc:
        messages.error(request, exc.message)
        return redirect(_back_to(request, reverse("checkout:cart")))
    messages.success(
        request, _("Đã thêm %(product)s vào giỏ hàng.") % {"product": product.title}
    )
    return redirect(_back_to(request, reverse("checkout:cart")))


STEPS = {"up": 1, "down": -1}


def _cart_step(request, delta: int):
    """A press of the − or + button next to a line (a plain form post)."""
    try:
        product, quantity = Cart(request.session).step(
            request.POST.get("product"), delta
        )
    except CartError as exc:
        messages.error(request, exc.message)
        return redirect("checkout:cart")
    if quantity == 0:
        messages.info(
            request, _("Đã bỏ %(product)s khỏi giỏ hàng.") % {"product": product.title}
        )
    return redirect("checkout:cart")


@never_cache
@require_POST
def cart_update(request):
    if request.POST.get("step") in STEPS:
        return _cart_step(request, STEPS[request.POST["step"]])
    form = CartLineForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("checkout:cart")
    try:
        Cart(request.session).set(
            form.cleaned_data["product"], form.cleaned_data["quantity"]
        )
    except CartError as exc:
        messages.error(request, exc.message)
    return redirect("checkout:cart")


@never_cache
@require_POST
def cart_remove(request):
    try:
        Cart(request.session).remove(request.POST.get("product"))
    except CartError as exc:
        messages.error(request, exc.message)
    return redirect("checkout:cart")


# The checkout's numbered steps and the fields each asks for. Any other visible
# field of the form (consents, say) is asked in the last step, before the button.
STEP_FIELDS = (
    ("lien-he", _lazy("Liên hệ"), ("customer_name", "phone", "email")),
    ("dia-chi", _lazy("Địa chỉ giao hàng"), ("street_line", "commune", "note")),
    ("thanh-toan", _lazy("Thanh toán"), ("payment_method",)),
)


def checkout_steps(form: CheckoutForm) -> list[dict]:
    placed = {name for _slug, _title, names in STEP_FIELDS for name in names}
    steps = [
        {
            "slug": slug,
            "title": title,
            "fields": [form[n] for n in names if n in form.fields],
        }
        for slug, title, names in STEP_FIELDS
    ]
    rest = [f for f in form.visible_fields() if f.name not in placed]
    steps.append(
        {"slug": "xac-nhan", "title": _lazy("Xem lại và đặt hàng"), "fields": rest}
    )
    for number, step in enumerate(steps, start=1):
        step["number"] = number
    return steps


def _checkout_page(request, summary, form: CheckoutForm, status: int = 200):
    pictures.attach_to_cart(summary)
    context = {"summary": summary, "form": form, "steps": checkout_steps(form)}
    return render(request, "checkout/checkout.html", context, status=status)


def _customer(data: dict) -> services.Customer:
    return services.Customer(
        name=data["customer_name"],
        phone=data["phone"],
        email=data["email"],
        street_line=data["street_line"],
        commune=data["commune"],
        note=data["note"],
        consents=Consents(
            order_handling=data["consent_order_handling"],
            marketing=data["consent_marketing"],
        ),
        adult_confirmed=data.get("adult_confirmed", False),
    )


def _show_placed(request, order: Order):
    """A form submitted again: the order it made, never a second one."""
    Cart(request.session).clear()
    _remember_order(request, order)
    name = (
        "checkout:success" if order.status == Status.COD_CONFIRMED else "checkout:order"
    )
    return HttpResponseRedirect(reverse(name, args=[order.reference]), status=303)


def _stale_form(request, payment_choices, needs_adult) -> CheckoutForm:
    """The shopper's answers again, under a fresh key, with a note to resend."""
    data = request.POST.copy()
    data["checkout_key"] = new_checkout_key()
    form = CheckoutForm(data, payment_choices=payment_choices, needs_adult=needs_adult)
    if form.is_valid():
        form.add_error(None, form.fields["checkout_key"].error_messages["invalid"])
    return form


@never_cache
@require_http_methods(["GET", "POST"])
def checkout(request):
    previous = services.submitted_order(request.POST.get("checkout_key"))
    if previous is not None:
        return _show_placed(request, previous)
    cart = Cart(request.session)
    summary = cart.summary()
    if summary.is_empty:
        messages.info(request, _("Giỏ hàng của bạn đang trống."))
        return redirect("checkout:cart")
    choices = payments.choices_for([group.seller for group in summary.groups])
    form = CheckoutForm(
        request.POST or None, payment_choices=choices, needs_adult=summary.needs_adult
    )
    if request.method == "GET" or not form.is_valid():
        if "checkout_key" in form.errors:
            form = _stale_form(request, choices, summary.needs_adult)
        return _checkout_page(request, summary, form)
    try:
        method = payments.get_method(form.cleaned_data["payment_method"])
        items = {line.product.pk: line.quantity for line in summary.lines}
        order = services.place_order(
            items,
            _customer(form.cleaned_data),
            method,
            checkout_key=form.cleaned_data["checkout_key"],
        )
    except services.AlreadyPlaced as placed:
        return _show_placed(request, placed.order)
    except services.CheckoutError as exc:
        form.add_error(None, exc.message)
        return _checkout_page(request, summary, form, status=400)
    cart.clear()
    _remember_order(request, order)
    return _start_payment(request, order, method)


def _start_payment(request, order: Order, method: payments.PaymentMethod):
    try:
        url = method.start(order, request)
    except payments.PaymentUnavailable:
        # Not a 5xx: Django would then skip saving the session, and the shopper
        # would lose the link to the order just placed.
        return render(request, "checkout/try_later.html", {"order": order})
    except services.CheckoutError as exc:
        messages.error(request, exc.message)
        return redirect("checkout:order", reference=order.reference)
    return HttpResponseRedirect(url, status=303)


@never_cache
@require_POST
def retry_payment(request, reference: str):
    order = _own_order(request, reference)
    return _start_payment(request, order, payments.get_method(order.payment_method))


@never_cache
def checkout_success(request, reference: str):
    order = _own_order(request, reference)
    return _order_page(request, "checkout/success.html", order)


@never_cache
@require_http_methods(["GET", "POST"])
def checkout_cancelled(request, reference: str):
    """Back from Stripe without paying: pay again, or cancel and free the stock."""
    order = _own_order(request, reference)
    if request.method == "POST" and order.status == Status.PENDING_PAYMENT:
        if order.stripe_session_id:
            try:
                stripe_api.expire_session(order.stripe_session_id)
            except stripe_api.StripeUnavailable:
                return render(request, "checkout/try_later.html", {"order": order})
        services.cancel_order(order, note=_("Người mua huỷ"))
        messages.info(request, _("Đã huỷ đơn hàng."))
        return redirect("checkout:order", reference=order.reference)
    return _order_page(request, "checkout/cancelled.html", order)


@never_cache
@require_http_methods(["GET", "POST"])
def order_lookup(request):
    """Reference plus the phone used to order; the same vague error either way."""
    form = OrderLookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            phone = normalize_phone(form.cleaned_data["phone"])
        except ValidationError:
            phone = ""
        order = services.find_order_for_shopper(form.cleaned_data["reference"], phone)
        if order is not None:
            _remember_order(request, order)
            return redirect("checkout:order", reference=order.reference)
        form.add_error(
            None,
            _("Không tìm thấy đơn với mã và số điện thoại này. Vui lòng kiểm tra lại."),
        )
    status = 400 if request.method == "POST" else 200
    return render(request, "checkout/order_lookup.html", {"form": form}, status=status)


@never_cache
def order_detail(request, reference: str):
    order = _own_order(request, reference)
    return _order_page(request, "checkout/order_detail.html", order)


@never_cache
def order_link(request, reference: str, token: str):
    """The link of the shopper's emails: opens that order in any browser, which
    then keeps it like the browser that placed it. A wrong link opens nothing."""
    order = Order.objects.filter(reference=reference).first()
    if order is None or not links.token_opens(token, order.reference):
        return render(request, "checkout/order_link_invalid.html", status=404)
    _remember_order(request, order)
    return redirect("checkout:order", reference=order.reference)
