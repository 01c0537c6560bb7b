"""Liveness (/healthz/) and readiness (/readyz/) as a load balancer or an
orchestrator sees them."""

import socket

import pytest
from django.db import connection
from django.db.utils import load_backend

from marketplace import views
from marketplace.helpers import readiness


@pytest.fixture
def only_registered(monkeypatch):
    """Readiness checks limited to the ones a test names, so a check another
    part of the project registers (the search engine) cannot change the answer."""

    def limit(**checks):
        monkeypatch.setattr(readiness, "_checks", dict(checks))

    return limit


@pytest.fixture
def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_database(closed_port, tmp_path):
    """A real connection of the configured backend to a database that is not
    there: a closed port for PostgreSQL, a missing folder for SQLite."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port))
        settings_dict.setdefault("OPTIONS", {})
        settings_dict["OPTIONS"] = {**settings_dict["OPTIONS"], "connect_timeout": 2}
    else:
        settings_dict["NAME"] = str(tmp_path / "missing-folder" / "db.sqlite3")
    backend = load_backend(settings_dict["ENGINE"])
    broken = backend.DatabaseWrapper(settings_dict, alias="unreachable")
    yield broken
    broken.close()


def test_healthz_answers_ok_without_touching_the_database(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_stays_ok_when_the_database_is_down(
    client, monkeypatch, unreachable_database
):
    # No `db` fixture: pytest-django would raise on any database access.
    monkeypatch.setattr(views, "connection", unreachable_database)
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_readyz_is_ready_when_the_database_answers(client, db, only_registered):
    only_registered(database=views.database_check)
    response = client.get("/readyz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": ["database"]}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_names_the_database_when_it_cannot_be_reached(
    client, db, monkeypatch, only_registered, unreachable_database
):
    only_registered(database=views.database_check)
    monkeypatch.setattr(views, "connection", unreachable_database)
    response = client.get("/readyz/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "failing": {"database": "unreachable"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_a_part_registered_for_readiness_is_checked_and_named_when_down(
    client, db, only_registered, closed_port
):
    only_registered(database=views.database_check)

    def _queue() -> str | None:
        try:
            socket.create_connection(("127.0.0.1", closed_port), timeout=1).close()
        except OSError:
            return "unreachable"
        return None

    readiness.register("queue", _queue)

    response = client.get("/readyz/")
    assert response.status_code == 503
    assert response.json()["failing"] == {"queue": "unreachable"}


def test_a_registered_part_that_answers_keeps_the_site_ready(
    client, db, only_registered
):
    only_registered(database=views.database_check)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]

        def _queue() -> str | None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                return "unreachable"
            return None

        readiness.register("queue", _queue)

        response = client.get("/readyz/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": ["database", "queue"]}


def test_readyz_checks_the_database_and_the_search_engine_the_apps_register(
    client, db, settings, closed_port
):
    # The apps register their checks at start-up; nothing is limited here.
    settings.SEARCH_URL = f"http://127.0.0.1:{closed_port}"
    response = client.get("/readyz/")
    assert {"database", "search"} <= set(readiness.checks())
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "failing": {"search": "unreachable"},
    }
