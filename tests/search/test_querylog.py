"""The search log is written off the request path by a background thread."""

import pytest

from search import querylog
from search.models import SearchQueryLog


# Serialized like every transactional test of the suite: a plain flush would
# recreate content types and break the next serialized test's restore.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_background_thread_writes_queued_searches(settings):
    settings.SEARCH_LOG_MODE = "thread"
    for n in range(5):
        querylog.record(f"kẹo {n}", {"ocop": [4]}, n, 12.4, False, "api")
    querylog.flush()
    assert SearchQueryLog.objects.count() == 5
    assert set(SearchQueryLog.objects.values_list("query_folded", flat=True)) == {
        f"keo {n}" for n in range(5)
    }


def test_department_sees_top_and_zero_result_queries(client, site_root):
    from django.urls import reverse

    from tests.sellers.accounts import department_user, seller_with_editor

    SearchQueryLog.objects.create(
        query="bánh tráng", query_folded="banh trang", result_count=12, took_ms=9
    )
    SearchQueryLog.objects.create(
        query="xyz lạ", query_folded="xyz la", result_count=0, took_ms=4
    )
    client.force_login(department_user())
    response = client.get(reverse("search_admin:report"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "bánh tráng" in body and "xyz lạ" in body

    _seller, _product, editor = seller_with_editor("nguoi-ban-bao-cao")
    client.force_login(editor)
    refused = client.get(reverse("search_admin:report"))
    assert refused.status_code in (302, 403)
    assert "xyz lạ" not in refused.content.decode()
