"""Takedowns and keyword screening of listings (Law 122/2025): the rules; the
admin views call these.

A takedown hides a listing (``ProductPage.hidden_at``) with a reason; the seller
is told, sees it in its admin and may appeal; lifting it shows the listing again
at once. An authority's request opens a takedown with a 24-hour clock. A product
whose text matches a screening keyword is held (``held_for_screening``) until the
department releases or rejects it. Nothing is ever deleted; every decision is
logged on the seller's record (sellers.moderation).
"""

from __future__ import annotations

import hashlib
import re

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from catalog.models import ProductPage, ScreeningKeyword, Takedown
from catalog.models.moderation import AUTHORITY_DEADLINE
from marketplace.helpers.outbox import queue_email
from marketplace.helpers.text import fold
from marketplace.helpers.visibility import announce
from sellers.moderation import (
    APPEAL_ACTION,
    APPEAL_DECISION_ACTION,
    LIFT_ACTION,
    SCREENING_ACTION,
    TAKEDOWN_ACTION,
    ModerationError,
    log_decision,
    notify_seller,
)

# -- takedowns ------------------------------------------------------------------


def _required(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ModerationError(message)
    return text


def _sync_hidden(product_id: int) -> None:
    """The listing is hidden while any takedown that was acted on is open."""
    active = (
        Takedown.objects.filter(
            product_id=product_id, acted_at__isnull=False, closed_at__isnull=True
        )
        .order_by("acted_at")
        .values_list("acted_at", flat=True)
        .first()
    )
    ProductPage.objects.filter(pk=product_id).update(hidden_at=active)
    announce(product_ids=[product_id])


def _log(takedown: Takedown, action: str, user, **data) -> None:
    seller = takedown.product.seller
    if seller is not None:
        log_decision(seller, action, user, product=takedown.product.title, **data)


def _tell_seller(takedown: Takedown, subject: str, body: str) -> None:
    if takedown.product.seller_id:
        notify_seller(takedown.product.seller_id, subject, body)


def _tell_hidden(takedown: Takedown) -> None:
    _tell_seller(
        takedown,
        _("Tin đăng %(title)s đã bị ẩn") % {"title": takedown.product.title},
        _(
            "Sở Công Thương đã ẩn tin đăng này khỏi sàn. Lý do: %(reason)s\n"
            "Bạn có thể gửi khiếu nại trong trang quản trị (mục Gỡ tin)."
        )
        % {"reason": takedown.reason},
    )


@transaction.atomic
def hide_listing(product_id: int, user, reason: str) -> Takedown:
    """The department hides a listing with a reason, at once."""
    reason = _required(reason, _("Vui lòng ghi lý do ẩn tin đăng."))
    product = ProductPage.objects.select_for_update().get(pk=product_id)
    now = timezone.now()
    takedown = Takedown.objects.create(
        product=product, reason=reason, opened_by=user, opened_at=now, acted_at=now
    )
    _sync_hidden(product.pk)
    _log(takedown, TAKEDOWN_ACTION, user, reason=reason)
    _tell_hidden(takedown)
    return takedown


@transaction.atomic
def open_authority_request(
    product_id: int, user, *, authority: str, reference: str, reason: str
) -> Takedown:
    """An authority's request: a takedown whose clock gives 24 hours to act."""
    authority = _required(authority, _("Vui lòng ghi cơ quan yêu cầu."))
    reference = _required(reference, _("Vui lòng ghi số văn bản yêu cầu."))
    reason = _required(reason, _("Vui lòng ghi nội dung yêu cầu."))
    product = ProductPage.objects.get(pk=product_id)
    now = timezone.now()
    return Takedown.objects.create(
        product=product,
        source=Takedown.Source.AUTHORITY,
        authority=authority,
        request_reference=reference,
        reason=reason,
        opened_by=user,
        opened_at=now,
        due_at=now + AUTHORITY_DEADLINE,
    )


def _open_for_update(takedown_id: int) -> Takedown:
    takedown = (
        Takedown.objects.select_for_update(of=("self",))
        .select_related("product")
        .get(pk=takedown_id)
    )
    if takedown.closed_at is not None:
        raise ModerationError(_("Yêu cầu gỡ tin này đã đóng."))
    return takedown


@transaction.atomic
def act_on(takedown_id: int, user) -> Takedown:
    """Hide the listing an authority's request names (stops its clock)."""
    takedown = _open_for_update(takedown_id)
    if takedown.acted_at is not None:
        raise ModerationError(_("Tin đăng đã được ẩn."))
    takedown.acted_at = timezone.now()
    takedown.save(update_fields=["acted_at"])
    _sync_hidden(takedown.product_id)
    _log(takedown, TAKEDOWN_ACTION, user, reason=takedown.reason)
    _tell_hidden(takedown)
    return takedown


def _close(takedown: Takedown, user) -> None:
    takedown.closed_at = timezone.now()
    takedown.closed_by = user
    takedown.save()
    _sync_hidden(takedown.product_id)


@transaction.atomic
def lift(takedown_id: int, user, reason: str = "") -> Takedown:
    """Close the takedown: the listing is back at once (unless another holds it)."""
    takedown = _open_for_update(takedown_id)
    _close(takedown, user)
    _log(takedown, LIFT_ACTION, user, reason=(reason or "").strip())
    _tell_seller(
        takedown,
        _("Tin đăng %(title)s hiển thị lại") % {"title": takedown.product.title},
        _("Sở Công Thương đã cho hiển thị lại tin đăng này."),
    )
    return takedown


@transaction.atomic
def appeal(takedown_id: int, user, text: str) -> Takedown:
    """The seller contests a takedown of its own listing with a text."""
    text = _required(text, _("Vui lòng ghi nội dung khiếu nại."))
    takedown = _open_for_update(takedown_id)
    if takedown.appeal_status == Takedown.Appeal.PENDING:
        raise ModerationError(_("Khiếu nại đang chờ Sở Công Thương xem xét."))
    takedown.appeal_status = Takedown.Appeal.PENDING
    takedown.appeal_text = text
    takedown.appealed_at = timezone.now()
    takedown.save()
    _log(takedown, APPEAL_ACTION, user, reason=text)
    queue_email(
        "department_moderation_notice",
        _("[Khiếu nại] Tin đăng %(title)s") % {"title": takedown.product.title},
        _("Người bán khiếu nại quyết định ẩn tin: %(text)s") % {"text": text},
    )
    return takedown


@transaction.atomic
def decide_appeal(takedown_id: int, user, *, grant: bool, note: str) -> Takedown:
    """Grant (the listing is back) or refuse (it stays hidden) an appeal."""
    note = _required(note, _("Vui lòng ghi trả lời cho người bán."))
    takedown = _open_for_update(takedown_id)
    if takedown.appeal_status != Takedown.Appeal.PENDING:
        raise ModerationError(_("Không có khiếu nại nào chờ xem xét."))
    takedown.appeal_status = (
        Takedown.Appeal.GRANTED if grant else Takedown.Appeal.REFUSED
    )
    takedown.appeal_note = note
    takedown.save()
    if grant:
        _close(takedown, user)
    _log(
        takedown,
        APPEAL_DECISION_ACTION,
        user,
        decision=takedown.get_appeal_status_display(),
        reason=note,
    )
    _tell_seller(
        takedown,
        _("Kết quả khiếu nại tin %(title)s") % {"title": takedown.product.title},
        _("%(decision)s. %(note)s")
        % {"decision": takedown.get_appeal_status_display(), "note": note},
    )
    return takedown


# -- keyword screening -----------------------------------------------------------


def screened_text(product: ProductPage) -> str:
    return " ".join(
        [product.title or "", product.summary or "", strip_tags(product.description)]
    )


def _digest(text: str) -> str:
    return hashlib.sha1(fold(text).encode(), usedforsecurity=False).hexdigest()


def _pattern(folded_phrase: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(folded_phrase)}(?!\w)")


def matched_keywords(text: str, phrases: list[str] | None = None) -> list[str]:
    """The screening phrases found in ``text``, ignoring case and diacritics."""
    folded = fold(text)
    if phrases is None:
        phrases = list(ScreeningKeyword.objects.values_list("phrase", flat=True))
    return [p for p in phrases if fold(p) and _pattern(fold(p)).search(folded)]


def highlight(text: str, phrases: list[str]) -> SafeString:
    """``text`` escaped, with every match of ``phrases`` in <mark>.

    Folding keeps one character per character for Vietnamese (marks dropped,
    đ → d), so positions in the folded text are positions in the original.
    """
    folded = fold_aligned(text)
    spans = sorted(
        m.span() for p in phrases if fold(p) for m in _pattern(fold(p)).finditer(folded)
    )
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        out += [escape(text[at:start]), "<mark>", escape(text[start:end]), "</mark>"]
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def fold_aligned(text: str) -> str:
    """``fold`` character by character (no space squeezing), same length."""
    return "".join((fold(c) or " ")[:1] if c.strip() else c for c in text)


def screen_on_publish(product: ProductPage) -> None:
    """Called as a product is saved live: hold it when its text matches a keyword
    and the department has not already cleared this very text."""
    text = screened_text(product)
    digest = _digest(text)
    if product.screening_cleared == digest:
        product.held_for_screening = False
        product.screening_matches = ""
        return
    matches = matched_keywords(text)
    product.held_for_screening = bool(matches)
    product.screening_matches = ", ".join(matches)[:500]


@transaction.atomic
def release(product_id: int, user) -> ProductPage:
    """The department clears the held listing: it goes live at once."""
    product = ProductPage.objects.select_for_update().get(pk=product_id)
    if not product.held_for_screening:
        raise ModerationError(_("Tin đăng này không chờ kiểm duyệt."))
    ProductPage.objects.filter(pk=product.pk).update(
        held_for_screening=False,
        screening_cleared=_digest(screened_text(product)),
    )
    if product.seller is not None:
        log_decision(
            product.seller,
            SCREENING_ACTION,
            user,
            product=product.title,
            decision=_("Cho phép đăng"),
            reason=product.screening_matches,
        )
    announce(product_ids=[product.pk])
    return product


@transaction.atomic
def reject(product_id: int, user, reason: str) -> ProductPage:
    """The held listing is refused: unpublished (kept as a draft), seller told."""
    reason = _required(reason, _("Vui lòng ghi lý do từ chối."))
    product = ProductPage.objects.select_for_update().get(pk=product_id)
    if not product.held_for_screening:
        raise ModerationError(_("Tin đăng này không chờ kiểm duyệt."))
    ProductPage.objects.filter(pk=product.pk).update(held_for_screening=False)
    product.refresh_from_db()
    product.unpublish(user=user, log_action=True)
    if product.seller is not None:
        log_decision(
            product.seller,
            SCREENING_ACTION,
            user,
            product=product.title,
            decision=_("Từ chối"),
            reason=reason,
        )
        notify_seller(
            product.seller_id,
            _("Tin đăng %(title)s chưa được duyệt") % {"title": product.title},
            _("Tin đăng chứa từ khoá bị kiểm soát (%(words)s). Lý do: %(reason)s")
            % {"words": product.screening_matches, "reason": reason},
        )
    announce(product_ids=[product.pk])
    return product
