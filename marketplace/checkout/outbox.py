"""The outbox: order emails (and late refunds, refunds.py) as tasks of Django's
Tasks framework on the "outbox" backend, a queue kept in the database.

A checkout or a webhook only writes the task row, in its own transaction, so the
task exists exactly when the change that asked for it was committed. The worker
(`manage.py db_worker --backend outbox`) runs it later. A task that fails (mail
server down, Stripe unreachable) is tried again after OUTBOX_RETRY_DELAYS; each
failed attempt stays in the task log with its error, which the department reads
in the admin ("Hàng đợi gửi đi").
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from catalog import reminders
from marketplace.checkout import emails

logger = logging.getLogger(__name__)

BACKEND = "outbox"

# One message each: a retry sends again only the message that failed.
EMAILS: dict[str, Callable[..., None]] = {
    "order_confirmation": emails.order_confirmation,
    "seller_new_order": emails.seller_new_order,
    "order_status": emails.order_status,
    "seller_order_status": emails.seller_order_status,
    "payment_refunded": emails.payment_refunded,
    "department_alert": emails.department_alert,
    # Not an order email, but the same queue and retries (catalog sits below
    # checkout, so the outbox calls it rather than the other way round).
    "certificate_expiry": reminders.send_expiry_reminder,
}


def enqueue(task_: Task, *args) -> None:
    """Queue ``task_`` as part of the current transaction.

    A backend that keeps tasks for later (the database queue) writes the row in
    this transaction: committed with the order, or not at all. One that runs the
    task at once (development, most tests) waits for the commit, so a rolled-back
    change never sends anything.
    """
    if task_.get_backend().supports_defer:
        task_.enqueue(*args)
    else:
        transaction.on_commit(partial(task_.enqueue, *args), robust=True)


def retry_later(task_: Task, args: tuple, attempt: int, exc: Exception) -> bool:
    """Queue the next attempt after its delay; False once the attempts are used up
    (or on a backend that cannot run a task later)."""
    delays = settings.OUTBOX_RETRY_DELAYS
    if attempt > len(delays) or not task_.get_backend().supports_defer:
        logger.error(
            "%s%r failed for good after %d attempt(s): %s",
            task_.name,
            args,
            attempt,
            type(exc).__name__,
        )
        return False
    run_after = timezone.now() + datetime.timedelta(seconds=delays[attempt - 1])
    task_.using(run_after=run_after).enqueue(*args, attempt + 1)
    logger.warning(
        "%s%r failed (attempt %d, %s); next attempt at %s",
        task_.name,
        args,
        attempt,
        type(exc).__name__,
        run_after.isoformat(timespec="seconds"),
    )
    return True


@task(backend=BACKEND)
def send_email(kind: str, args: list, attempt: int = 1) -> str:
    """Send one order email; a mail server that fails (SMTPException and refused
    or timed-out connections are all OSError) gets it again later."""
    try:
        EMAILS[kind](*args)
    except OSError as exc:
        retry_later(send_email, (kind, args), attempt, exc)
        raise  # this attempt is recorded as failed, with its traceback
    return "sent"


def queue_email(kind: str, *args) -> None:
    if kind not in EMAILS:
        raise ValueError(f"unknown email {kind!r}")
    enqueue(send_email, kind, list(args))
