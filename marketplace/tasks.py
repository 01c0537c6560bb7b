"""Site-wide scheduled work as django-tasks tasks, so a scheduler can enqueue them
(the outbox worker runs them): today the daily certificate check."""

import io

from django.core.management import call_command
from django_tasks import task

from marketplace.checkout.outbox import BACKEND


@task(backend=BACKEND)
def check_certificates() -> str:
    """Run `manage.py check_certificates`; its report is the task's result."""
    out = io.StringIO()
    call_command("check_certificates", stdout=out)
    return out.getvalue()
