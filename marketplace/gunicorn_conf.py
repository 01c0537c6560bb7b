"""gunicorn settings for serving the site:

    gunicorn -c python:marketplace.gunicorn_conf marketplace.wsgi

``BIND`` (default 127.0.0.1:8000), ``WEB_CONCURRENCY`` (default 2 workers) and
``GUNICORN_THREADS`` (default 4 threads per worker) come from the environment.
"""

import gc
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads, so one request waiting on the network (a slow Stripe, at most about
# (STRIPE_MAX_NETWORK_RETRIES + 1) × STRIPE_TIMEOUT seconds) leaves the others,
# /healthz/ among them, to the worker's other threads.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60


def post_worker_init(worker) -> None:
    # Everything loaded so far (Django, Wagtail, the URL and template machinery)
    # lives as long as the worker: freezing it keeps the cycle collector from
    # walking it again and again, and a larger first generation makes collections
    # rare during a request. Requests make few reference cycles.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
