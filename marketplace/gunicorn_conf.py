"""gunicorn settings for serving the site:

    gunicorn -c python:marketplace.gunicorn_conf marketplace.wsgi

``BIND`` (default 127.0.0.1:8000) and ``WEB_CONCURRENCY`` (default 2 workers) come
from the environment.
"""

import gc
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 60


def post_worker_init(worker) -> None:
    # Everything loaded so far (Django, Wagtail, the URL and template machinery)
    # lives as long as the worker: freezing it keeps the cycle collector from
    # walking it again and again, and a larger first generation makes collections
    # rare during a request. Requests make few reference cycles.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
