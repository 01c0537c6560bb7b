"""The life of a spreadsheet upload: stored, validated (preview), confirmed,
imported; and the approval workflow for what sellers upload.

Validation and import each run as a task (catalog/spreadsheet/tasks.py) and read
the files again from the upload's private folder: the import never takes the
preview's word for anything, it validates the same files once more and writes
all rows in one transaction, or none.

What needs the department's approval (see catalog/sales_data.py): a seller's new
products and changes to what a product is (name, category, unit, description,
pictures, certificate) become drafts submitted to the department's workflow; its
price and stock are sales data and change at once, even on live products. The
department's own uploads are published when it asks (``publish``).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from openpyxl.utils import get_column_letter
from wagtail.admin import signal_handlers as wagtail_notifications
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from catalog.importing import (
    ImportFileError,
    ImportValidationError,
    RowError,
    Table,
    read_table,
    summary_lines,
    validate_rows,
    write_rows,
)
from catalog.importing.preview import ERROR, plan_rows
from catalog.importing.reading import IMAGE_SEPARATOR
from catalog.models import ProductPage, SpreadsheetUpload
from catalog.spreadsheet import storage
from catalog.spreadsheet.photos import PhotoArchiveError, extract_photos, photo_names
from marketplace.helpers.outbox import BACKEND, enqueue, queue_email
from sellers.models import SellerPage
from sellers.services import is_department, sellers_for_user

logger = logging.getLogger(__name__)

Status = SpreadsheetUpload.Status
SHEET_SUFFIXES = (".csv", ".xlsx")
STALE_AFTER = datetime.timedelta(days=1)
# Progress is written every this many rows (one small UPDATE or cache write).
PROGRESS_STEP = 25


def uploadable_sellers(user) -> QuerySet[SellerPage]:
    """The sellers the user may import into: every one for the department."""
    sellers = SellerPage.objects.order_by("title")
    if is_department(user):
        return sellers
    return sellers.filter(pk__in=sellers_for_user(user))


def can_upload(user) -> bool:
    return user.is_authenticated and (
        is_department(user) or bool(sellers_for_user(user))
    )


def upload_for(user, upload_id) -> SpreadsheetUpload | None:
    """The user's own upload, while it may still import into that seller."""
    upload = (
        SpreadsheetUpload.objects.select_related("seller")
        .filter(pk=upload_id, user=user)
        .first()
    )
    if upload is None:
        return None
    if not uploadable_sellers(user).filter(pk=upload.seller_id).exists():
        return None
    return upload


# -- storing and validating -----------------------------------------------------------


def start_upload(
    user, seller: SellerPage, sheet, photos=None, publish: bool = False
) -> SpreadsheetUpload:
    """Keep the files in the upload's folder and queue their validation."""
    suffix = Path(sheet.name).suffix.lower()
    _prune_stale(user)
    with transaction.atomic():
        upload = SpreadsheetUpload.objects.create(
            user=user,
            seller=seller,
            publish=publish and is_department(user),
            file_name=sheet.name[:255],
            photos_name=(photos.name[:255] if photos else ""),
        )
        storage.save(upload.pk, sheet, storage.SHEET_STEM + suffix)
        if photos is not None:
            storage.save(upload.pk, photos, storage.PHOTOS_ZIP)
        enqueue(validate_upload_task, str(upload.pk))
    return upload


def _prune_stale(user) -> None:
    """Previews never confirmed give their files back after STALE_AFTER."""
    stale = SpreadsheetUpload.objects.filter(
        user=user, status=Status.READY, created_at__lt=timezone.now() - STALE_AFTER
    )
    for old in stale:
        discard_upload(old)


def _rows_with_photo_paths(table: Table, photos: Path) -> list:
    """Image cells naming a photo by its bare name get its path in the ZIP."""
    names = photo_names(photos)
    if not names:
        return table.rows
    rows = []
    for line, raw in table.rows:
        cell = raw.get("image") or ""
        if cell:
            items = [item.strip() for item in cell.split(IMAGE_SEPARATOR)]
            raw = {
                **raw,
                "image": IMAGE_SEPARATOR.join(
                    names.get(item, item) if not (photos / item).is_file() else item
                    for item in items
                    if item
                ),
            }
        rows.append((line, raw))
    return rows


def _counting(
    upload: SpreadsheetUpload, in_transaction: bool, offset: int = 0
) -> Callable:
    """Progress: on the record while previewing; in the cache while importing (the
    write's transaction hides its own updates from the page that polls). The
    import counts each row twice: checked again, then written."""

    def progress(rows: Iterable) -> Iterator:
        for done, row in enumerate(rows, start=1 + offset):
            if done % PROGRESS_STEP == 0:
                if in_transaction:
                    cache.set(progress_key(upload.pk), done, 3600)
                else:
                    SpreadsheetUpload.objects.filter(pk=upload.pk).update(
                        rows_done=done
                    )
            yield row

    return progress


def progress_key(upload_id) -> str:
    return f"spreadsheet-upload:{upload_id}:written"


def _file_error(message: str) -> list[dict]:
    return [{"line": 0, "column": "", "cell": "", "message": str(message)}]


def _read(upload: SpreadsheetUpload) -> Table:
    """The stored sheet, with the ZIP of photos extracted on first use."""
    folder = storage.folder(upload.pk)
    archive = folder / storage.PHOTOS_ZIP
    if archive.exists():
        extract_photos(archive, folder / storage.PHOTOS_DIR)
        archive.unlink()
    path = storage.sheet_path(upload.pk)
    if path is None:
        raise ImportFileError(_("Tệp tải lên không còn; hãy tải lại."))
    return read_table(path)


def _error_dicts(errors: list[RowError], table: Table) -> list[dict]:
    result = []
    for error in errors:
        index = table.header.index(error.column) if error.column in table.header else -1
        result.append(
            {
                "line": error.line,
                "column": table.headings.get(error.column, error.column),
                "cell": f"{get_column_letter(index + 1)}{error.line}"
                if index >= 0
                else "",
                "message": error.message,
            }
        )
    return result


def _preview(table: Table, validation, seller: SellerPage) -> list[dict]:
    errors_by_line: dict[int, list[dict]] = {}
    for error in _error_dicts(validation.errors, table):
        errors_by_line.setdefault(error["line"], []).append(error)
    plans = {plan.line: plan for plan in plan_rows(validation.checked, seller)}
    preview = []
    for line, raw in table.rows:
        plan = plans.get(line)
        entry = {
            "line": line,
            "product": plan.product if plan else raw.get("product_name", ""),
            "status": plan.status if plan else ERROR,
            "sales": plan.sales if plan else [],
            "content": plan.content if plan else [],
            "errors": errors_by_line.get(line, []),
        }
        if entry["errors"]:
            entry["status"] = ERROR
        preview.append(entry)
    return preview


def _validate(upload: SpreadsheetUpload, in_transaction: bool = False):
    """(table, validation) of the stored files, or raise the file's problem."""
    table = _read(upload)
    upload.rows_total = len(table.rows)
    SpreadsheetUpload.objects.filter(pk=upload.pk).update(
        rows_total=upload.rows_total, rows_done=0
    )
    validation = validate_rows(
        table.header,
        _rows_with_photo_paths(table, storage.folder(upload.pk) / storage.PHOTOS_DIR),
        base_dir=storage.folder(upload.pk) / storage.PHOTOS_DIR,
        seller=upload.seller,
        progress=_counting(upload, in_transaction),
    )
    return table, validation


def validate_upload(upload_id) -> SpreadsheetUpload:
    """Check every row; store the preview (every row, and every error's cell)."""
    upload = SpreadsheetUpload.objects.select_related("seller").get(pk=upload_id)
    try:
        table, validation = _validate(upload)
    except (ImportFileError, PhotoArchiveError) as exc:
        upload.status, upload.errors = Status.INVALID, _file_error(exc.message)
        upload.finished_at = timezone.now()
        upload.save()
        storage.remove(upload.pk)
        return upload
    upload.preview = _preview(table, validation, upload.seller)
    upload.errors = _error_dicts([e for e in validation.errors if e.line <= 1], table)
    upload.status = Status.INVALID if validation.errors else Status.READY
    upload.rows_done = upload.rows_total
    if validation.errors:
        upload.finished_at = timezone.now()
        storage.remove(upload.pk)
    upload.save()
    return upload


# -- confirming and importing ---------------------------------------------------------


def confirm_upload(upload: SpreadsheetUpload) -> bool:
    """Queue the import of a ready upload, once (a second click finds it taken)."""
    with transaction.atomic():
        taken = SpreadsheetUpload.objects.filter(
            pk=upload.pk, status=Status.READY
        ).update(status=Status.IMPORTING, rows_done=0)
        if taken:
            enqueue(import_upload_task, str(upload.pk))
    return bool(taken)


def discard_upload(upload: SpreadsheetUpload) -> None:
    storage.remove(upload.pk)
    upload.delete()


def _write(upload: SpreadsheetUpload, rows) -> tuple[list[str], int]:
    department = is_department(upload.user)
    summary = write_rows(
        rows,
        publish=upload.publish,
        user=upload.user,
        source=upload.file_name,
        progress=_counting(upload, True, offset=len(rows)),
        seller=upload.seller,
        vouches=department,
    )
    submitted = 0
    if not department:
        submitted = submit_for_review(summary.content_changed, upload.user)
        if submitted:
            queue_email("spreadsheet_submitted", str(upload.pk), submitted)
    return summary_lines(summary), submitted


def import_upload(upload_id) -> SpreadsheetUpload:
    """Validate the stored files again, then write every row or none."""
    upload = SpreadsheetUpload.objects.select_related("seller", "user").get(
        pk=upload_id
    )
    if upload.status != Status.IMPORTING:
        return upload
    try:
        table, validation = _validate(upload, in_transaction=True)
        if validation.errors:
            raise ImportValidationError(validation.errors)
        with transaction.atomic():
            lines, submitted = _write(upload, validation.rows)
    except (ImportFileError, PhotoArchiveError) as exc:
        upload.status, upload.errors = Status.FAILED, _file_error(exc.message)
    except ImportValidationError as exc:
        upload.status = Status.FAILED
        upload.errors = _error_dicts(exc.errors, table)
    else:
        upload.status = Status.DONE
        upload.summary = [*lines, _submitted_line(submitted)] if submitted else lines
        upload.rows_done = upload.rows_total
    upload.finished_at = timezone.now()
    upload.save()
    storage.remove(upload.pk)
    cache.delete(progress_key(upload.pk))
    return upload


def _submitted_line(count: int) -> str:
    return _("Đã gửi %(count)d sản phẩm cho Sở Công Thương duyệt.") % {"count": count}


# -- the approval workflow ------------------------------------------------------------

# Wagtail mails the department once per submitted page; an upload sends one email.
_NOTIFIERS = (
    (
        task_submitted,
        wagtail_notifications.task_submission_email_notifier,
        TaskState,
        "group_approval_task_submitted_email_notification",
    ),
    (
        workflow_submitted,
        wagtail_notifications.workflow_submission_email_notifier,
        WorkflowState,
        "workflow_state_submitted_email_notification",
    ),
)


@contextmanager
def _one_email_per_upload() -> Iterator[None]:
    muted = [
        (signal, receiver, sender, uid)
        for signal, receiver, sender, uid in _NOTIFIERS
        if signal.disconnect(sender=sender, dispatch_uid=uid)
    ]
    try:
        yield
    finally:
        for signal, receiver, sender, uid in muted:
            signal.connect(receiver, sender=sender, dispatch_uid=uid)


def _submit(page: ProductPage, user) -> bool:
    """What the admin's "Gửi duyệt" does for one page (Wagtail's edit view)."""
    workflow = page.get_workflow()
    if workflow is None:
        return False
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return True
    if state is not None:
        # The department approves the latest revision, not the one first sent.
        state.cancel(user=user)
    workflow.start(page, user)
    return True


def submit_for_review(page_ids: list[int], user) -> int:
    """Send each page's latest revision to the department; return how many."""
    pages = ProductPage.objects.filter(pk__in=page_ids).order_by("path")
    with _one_email_per_upload():
        return sum(_submit(page, user) for page in pages)


# -- tasks (the outbox's queue: a worker in production, at once in development) ------


def _mark_broken(upload_id: str) -> None:
    """An unexpected failure leaves no upload waiting for ever (nothing was written:
    the write is one transaction)."""
    SpreadsheetUpload.objects.filter(pk=upload_id).update(
        status=Status.FAILED,
        errors=_file_error(
            _("Lỗi hệ thống khi xử lý tệp; chưa nhập dòng nào. Hãy thử lại sau.")
        ),
        finished_at=timezone.now(),
    )
    storage.remove(upload_id)


@task(backend=BACKEND)
def validate_upload_task(upload_id: str) -> str:
    try:
        return validate_upload(upload_id).status
    except Exception:
        _mark_broken(upload_id)
        raise


@task(backend=BACKEND)
def import_upload_task(upload_id: str) -> str:
    try:
        return import_upload(upload_id).status
    except Exception:
        _mark_broken(upload_id)
        raise
