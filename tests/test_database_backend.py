"""Proof that `make test`'s second pass really ran on PostgreSQL 15.

scripts/run_tests.sh runs the suite with EXPECT_POSTGRES=0 on SQLite, then with
EXPECT_POSTGRES=1 and DATABASE_URL pointing at PostgreSQL. If the URL were lost
on the way, every other test would quietly pass on SQLite; these fail instead.
An unreachable server fails the whole pass when pytest-django creates the
test database."""

import os

import pytest
from django.db import connection

from tests.utils import missing_service

EXPECTED_VENDOR = {"1": "postgresql", "0": "sqlite"}


def test_each_pass_of_make_test_runs_on_its_own_database(db):
    # Not marked `postgres`: it must run in both passes, whatever is deselected.
    expected = EXPECTED_VENDOR.get(os.environ.get("EXPECT_POSTGRES", ""))
    if expected is None:
        missing_service("EXPECT_POSTGRES is set by `make test` for each pass")
    assert connection.vendor == expected, (
        f"this pass should run on {expected}, it runs on {connection.vendor}"
    )


@pytest.mark.postgres
def test_postgres_server_is_version_15_or_newer(db):
    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 150000, connection.pg_version


@pytest.mark.postgres
def test_postgres_pass_uses_the_configured_server(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), current_user")
        database, user = cursor.fetchone()
    # pytest-django runs on a test_ copy of the database named in DATABASE_URL.
    assert database == connection.settings_dict["NAME"]
    assert database.startswith("test_")
    assert user == connection.settings_dict["USER"]
