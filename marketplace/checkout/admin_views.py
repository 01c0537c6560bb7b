"""Wagtail admin views for orders: each seller sees only its own parts, the
department (Sở Công Thương) sees everything and a daily summary."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.checkout import services
from marketplace.checkout.models import Order, SellerOrder, Status
from marketplace.formatting import parse_date
from sellers.services import is_department, sellers_for_user


def can_see_orders(user) -> bool:
    return user.is_authenticated and (
        is_department(user) or bool(sellers_for_user(user))
    )


def visible_parts(user):
    """SellerOrders this user may see: all for the department, else its sellers'."""
    parts = SellerOrder.objects.select_related("order", "order__commune")
    if is_department(user):
        return parts
    return parts.filter(seller_id__in=sellers_for_user(user))


def index(request):
    if not can_see_orders(request.user):
        raise PermissionDenied
    parts = visible_parts(request.user).order_by("-order__created_at", "pk")
    status = request.GET.get("trang_thai")
    if status in Status.values:
        parts = parts.filter(status=status)
    page = Paginator(parts, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "checkout/admin/index.html",
        {
            "page": page,
            "statuses": Status.choices,
            "selected_status": status,
            "is_department": is_department(request.user),
        },
    )


def order_detail(request, pk: int):
    if not can_see_orders(request.user):
        raise PermissionDenied
    order = get_object_or_404(Order.objects.select_related("commune"), pk=pk)
    parts = visible_parts(request.user).filter(order=order).prefetch_related("lines")
    department = is_department(request.user)
    if not department and not parts:
        raise Http404
    return render(
        request,
        "checkout/admin/order.html",
        {
            "order": order,
            "parts": parts,
            "is_department": department,
            "history": order.status_changes.select_related("seller_order", "actor"),
            "consents": order.consents.all(),
            "seller_steps": [(s, Status(s).label) for s in services.SELLER_STEPS],
        },
    )


def _own_part(request, pk: int) -> SellerOrder:
    if not can_see_orders(request.user):
        raise PermissionDenied
    return get_object_or_404(visible_parts(request.user), pk=pk)


@require_POST
def set_part_status(request, pk: int):
    part = _own_part(request, pk)
    try:
        services.advance_seller_order(
            part, request.POST.get("status", ""), actor=request.user
        )
    except services.CheckoutError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã cập nhật trạng thái."))
    return redirect("checkout_admin:order", part.order_id)


def packing_slip(request, pk: int):
    part = _own_part(request, pk)
    return render(
        request,
        "checkout/admin/packing_slip.html",
        {"part": part, "order": part.order, "lines": part.lines.all()},
    )


@require_POST
def cancel(request, pk: int):
    if not is_department(request.user):
        raise PermissionDenied
    order = get_object_or_404(Order, pk=pk)
    try:
        services.cancel_order(order, actor=request.user, note=_("Sở Công Thương huỷ"))
    except services.CheckoutError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã huỷ đơn và trả hàng về kho."))
    return redirect("checkout_admin:order", pk)


@require_POST
def release_hold(request, pk: int):
    if not is_department(request.user):
        raise PermissionDenied
    order = get_object_or_404(Order, pk=pk)
    services.release_hold(order, actor=request.user)
    messages.success(request, _("Đã bỏ tạm giữ đơn."))
    return redirect("checkout_admin:order", pk)


def daily_summary(request):
    if not is_department(request.user):
        raise PermissionDenied
    try:
        day = parse_date(request.GET.get("ngay", ""))
    except ValueError:
        day = timezone.localdate()
    return render(
        request,
        "checkout/admin/daily_summary.html",
        {
            "summary": services.daily_summary(day),
            "previous": day - datetime.timedelta(days=1),
            "next": day + datetime.timedelta(days=1),
        },
    )
