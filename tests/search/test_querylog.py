"""The search log is written off the request path by a background thread."""

import pytest

from search import querylog
from search.models import SearchQueryLog


@pytest.mark.django_db(transaction=True)
def test_background_thread_writes_queued_searches(settings):
    settings.SEARCH_LOG_MODE = "thread"
    for n in range(5):
        querylog.record(f"kẹo {n}", {"ocop": [4]}, n, 12.4, False, "api")
    querylog.flush()
    assert SearchQueryLog.objects.count() == 5
    assert set(SearchQueryLog.objects.values_list("query_folded", flat=True)) == {
        f"keo {n}" for n in range(5)
    }
