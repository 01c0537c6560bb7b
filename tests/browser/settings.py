"""Settings of the live server the browser tests drive (a subprocess, not pytest).

The test settings, with one search-index prefix shared by the seeding, indexing and
serving processes (the test settings add the process id to theirs), and media files
served by Django, as no web server stands in front of it.
"""

import os

from marketplace.settings.test import *  # noqa: F403

SEARCH_INDEX_PREFIX = os.environ["SEARCH_INDEX_PREFIX"]
ROOT_URLCONF = "tests.browser.urls"
