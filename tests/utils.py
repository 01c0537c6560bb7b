"""Helpers shared by every test folder: services a test needs."""

import os
import socket

import pytest


def service_required() -> bool:
    """In CI a missing service is a failure, never a skip."""
    return os.environ.get("CI", "").lower() == "true"


def missing_service(message: str):
    """Fail in CI, where every service must be there; skip on a laptop."""
    if service_required():
        pytest.fail(message)
    pytest.skip(message)


STRIPE_MOCK = ("127.0.0.1", 12111)


def stripe_mock_running() -> bool:
    try:
        with socket.create_connection(STRIPE_MOCK, timeout=0.5):
            return True
    except OSError:
        return False
