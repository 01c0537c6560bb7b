"""The readiness registry: each part of the site that can be down registers a check.

A check takes no argument and returns None when its part answers, or a short
reason ("unreachable") when not. Apps register theirs from ``AppConfig.ready()``;
``/readyz/`` (marketplace.views) runs them all and names the failing ones.
"""

from collections.abc import Callable

Check = Callable[[], str | None]

_checks: dict[str, Check] = {}


def register(name: str, check: Check) -> Check:
    """Add (or replace) the check named ``name``; returns the check."""
    _checks[name] = check
    return check


def checks() -> dict[str, Check]:
    """Every registered check by name, in the order they were registered."""
    return dict(_checks)


def failures() -> dict[str, str]:
    """The reason of each check that fails now; empty when every part answers."""
    return {
        name: reason
        for name, check in checks().items()
        if (reason := check()) is not None
    }
