"""Browsing answers are remembered until the index changes (search/answers.py).

The engine is really stopped (SEARCH_URL at a closed port) to tell a remembered
answer from a fresh one: a remembered answer still lists the engine's products
and ranking; a fresh question falls back to the database (``search_engine``
False in the page's context).
"""

import pytest

from search import answers, engine

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


@pytest.fixture
def handicraft(catalogue):
    from catalog.models import CategoryPage

    return CategoryPage.objects.get(category__slug="handicraft")


def stop_engine(settings) -> None:
    settings.SEARCH_URL = "http://127.0.0.1:9"
    engine.reset()


@pytest.fixture
def after_the_refresh(monkeypatch):
    """As if the last index write was long ago (its refresh done)."""
    monkeypatch.setattr(answers, "REFRESH_GRACE_SECONDS", -1.0)


def listed(response) -> list[str]:
    assert response.status_code == 200
    return [card.title for card in response.context["products"]]


def test_a_category_page_keeps_its_answer_while_the_engine_is_down(
    handicraft, client, settings, after_the_refresh
):
    first = client.get(handicraft.url)
    assert first.context["search_engine"] is True
    stop_engine(settings)
    try:
        again = client.get(handicraft.url)
        # Another filter is a new question: the database answers it.
        other = client.get(handicraft.url, {"sao": "3"})
    finally:
        engine.reset()
    assert again.context["search_engine"] is True
    assert listed(again) == listed(first)
    assert other.context["search_engine"] is False
    assert listed(other) == ["Nón lá Long Hồ"]


def test_a_change_to_the_index_forgets_every_remembered_answer(
    handicraft, client, settings, after_the_refresh, django_capture_on_commit_callbacks
):
    from tests.factories import ProductPageFactory

    client.get(handicraft.url)
    stop_engine(settings)
    try:
        # The write fails with the engine down, but its attempt already forgot
        # the answers: the page cannot hide the new product behind an old answer.
        seller = handicraft.category.products.first().get_parent()
        with django_capture_on_commit_callbacks(execute=True):
            ProductPageFactory(
                title="Giỏ lục bình Tân Quới",
                parent=seller,
                category=handicraft.category,
                price_vnd=85000,
            )
        after = client.get(handicraft.url)
    finally:
        engine.reset()
    assert after.context["search_engine"] is False
    assert "Giỏ lục bình Tân Quới" in listed(after)


def test_typed_searches_are_always_asked_again(catalogue, client, settings):
    first = client.get("/tim-kiem/", {"q": "keo dua"})
    assert first.context["results"].degraded is False
    stop_engine(settings)
    try:
        again = client.get("/tim-kiem/", {"q": "keo dua"})
    finally:
        engine.reset()
    assert again.context["results"].degraded is True


def test_answers_right_after_a_write_are_not_kept(
    handicraft, client, settings, monkeypatch
):
    # A write is searchable only after the engine's refresh: an answer asked
    # within the grace period may miss it, so it is not remembered.
    monkeypatch.setattr(answers, "REFRESH_GRACE_SECONDS", 3600.0)
    answers.forget()
    client.get(handicraft.url)
    stop_engine(settings)
    try:
        again = client.get(handicraft.url)
    finally:
        engine.reset()
    assert again.context["search_engine"] is False


def test_remembering_can_be_switched_off(
    handicraft, client, settings, after_the_refresh
):
    settings.SEARCH_ANSWER_SECONDS = 0
    client.get(handicraft.url)
    stop_engine(settings)
    try:
        again = client.get(handicraft.url)
    finally:
        engine.reset()
    assert again.context["search_engine"] is False
