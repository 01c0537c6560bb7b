"""The department's decisions on a seller: its identity check (Law 122/2025),
suspension and reinstatement. Each is logged in Wagtail's log on the seller's
page (who, when, why: the same log as the application's decisions) and shown on
the seller's record; the seller is written to through the outbox."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from marketplace.helpers.outbox import queue_email
from marketplace.helpers.visibility import announce
from sellers.models import IdentityMethod, SellerPage, decision_log

__all__ = ["decision_log"]

IDENTITY_ACTION = "sellers.identity_check"
SUSPEND_ACTION = "sellers.suspend"
REINSTATE_ACTION = "sellers.reinstate"
# The catalogue's decisions (catalog.moderation) are logged on the seller too.
TAKEDOWN_ACTION = "sellers.takedown"
LIFT_ACTION = "sellers.takedown_lifted"
APPEAL_ACTION = "sellers.appeal"
APPEAL_DECISION_ACTION = "sellers.appeal_decided"
SCREENING_ACTION = "sellers.screening"

ACTION_LABELS = {
    IDENTITY_ACTION: "Xác minh danh tính người bán",
    SUSPEND_ACTION: "Tạm ngừng người bán",
    REINSTATE_ACTION: "Khôi phục người bán",
    TAKEDOWN_ACTION: "Ẩn tin đăng",
    LIFT_ACTION: "Hiện lại tin đăng",
    APPEAL_ACTION: "Khiếu nại quyết định ẩn tin",
    APPEAL_DECISION_ACTION: "Giải quyết khiếu nại",
    SCREENING_ACTION: "Kiểm duyệt từ khoá",
}


class ModerationError(Exception):
    """A decision that cannot be taken (no reason, already suspended...)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def log_decision(seller: SellerPage, action: str, user, **data) -> None:
    """One line of the seller's decision log."""
    log(seller, action, user=user, data={k: str(v) for k, v in data.items()})


def notify_seller(seller_id: int, subject: str, body: str) -> None:
    """Queue a plain message to the seller's addresses (sent by the worker)."""
    queue_email("seller_moderation_notice", seller_id, subject, body)


def _locked(seller_id: int) -> SellerPage:
    return SellerPage.objects.select_for_update().get(pk=seller_id)


def _reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(message)
    return reason


@transaction.atomic
def record_identity_check(
    seller_id: int, user, method: str, checked_on: datetime.date, note: str = ""
) -> SellerPage:
    if method not in IdentityMethod.values:
        raise ModerationError(_("Vui lòng chọn cách xác minh danh tính."))
    if checked_on is None or checked_on > timezone.localdate():
        raise ModerationError(_("Ngày xác minh không hợp lệ."))
    seller = _locked(seller_id)
    SellerPage.objects.filter(pk=seller.pk).update(
        identity_method=method,
        identity_checked_on=checked_on,
        identity_checked_by=user,
        identity_note=note.strip(),
    )
    log_decision(
        seller,
        IDENTITY_ACTION,
        user,
        method=IdentityMethod(method).label,
        date=checked_on.strftime("%d/%m/%Y"),
        reason=note.strip(),
    )
    seller.refresh_from_db()
    return seller


@transaction.atomic
def suspend(seller_id: int, user, reason: str) -> SellerPage:
    """Take the seller and its products off the public site, search and API at
    once; nothing is deleted."""
    reason = _reason(reason, _("Vui lòng ghi lý do tạm ngừng người bán."))
    seller = _locked(seller_id)
    if seller.suspended_at is not None:
        raise ModerationError(_("Người bán này đang bị tạm ngừng."))
    SellerPage.objects.filter(pk=seller.pk).update(
        suspended_at=timezone.now(), suspension_reason=reason
    )
    log_decision(seller, SUSPEND_ACTION, user, reason=reason)
    notify_seller(
        seller.pk,
        _("Gian hàng %(name)s bị tạm ngừng") % {"name": seller.title},
        _(
            "Sở Công Thương đã tạm ngừng gian hàng của bạn trên sàn. Lý do: "
            "%(reason)s\nSản phẩm của bạn không hiển thị công khai cho đến khi "
            "được khôi phục; không dữ liệu nào bị xoá."
        )
        % {"reason": reason},
    )
    announce(seller_ids=[seller.pk])
    seller.refresh_from_db()
    return seller


@transaction.atomic
def reinstate(seller_id: int, user, reason: str = "") -> SellerPage:
    """Everything of the seller's back on the public site."""
    seller = _locked(seller_id)
    if seller.suspended_at is None:
        raise ModerationError(_("Người bán này không bị tạm ngừng."))
    SellerPage.objects.filter(pk=seller.pk).update(
        suspended_at=None, suspension_reason=""
    )
    log_decision(seller, REINSTATE_ACTION, user, reason=(reason or "").strip())
    notify_seller(
        seller.pk,
        _("Gian hàng %(name)s đã được khôi phục") % {"name": seller.title},
        _("Sở Công Thương đã khôi phục gian hàng của bạn; sản phẩm hiển thị lại."),
    )
    announce(seller_ids=[seller.pk])
    seller.refresh_from_db()
    return seller
