"""Settings of the live server the browser tests drive (a subprocess, not pytest).

The test settings, with one search-index prefix shared by the seeding, indexing and
serving processes (the test settings add the process id to theirs), and media files
served by Django, as no web server stands in front of it. Mail goes to files in
the live site's folder (BROWSER_MAIL_DIR), where a journey reads the links it sends;
the outbox's tasks run at once, as in the test settings.
"""

import os

from marketplace.settings.test import *  # noqa: F403

SEARCH_INDEX_PREFIX = os.environ["SEARCH_INDEX_PREFIX"]
ROOT_URLCONF = "tests.browser.urls"
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["BROWSER_MAIL_DIR"]
