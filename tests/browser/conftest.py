"""Journeys in a real browser: Debian's chromium driven by Playwright.

One live server per session, in a subprocess with its own SQLite file database,
holding the small catalogue of ``tests/browser/catalogue.py`` (imported and indexed
by the project's own commands, with a search-index prefix of this process, dropped
at the end). pytest-django's ``live_server`` is not used: it needs the transactional
database, which is emptied after every test, so each test would seed again.

Every page opens on a 390×844 phone viewport; a test fails on any console error,
uncaught script error, failed request or response of 400 and above that it did not
name as expected (``Journey.expect_status``). Screenshots go to var/screenshots/.

Needs scripts/chromium.sh (chromium and axe-core), the search engine and, for card
payments, stripe-mock: locally missing ones skip, with CI=true they fail.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.steps import AXE
from tests.utils import missing_service

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# The machine's network is closed: no QUIC, no background calls home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
STRIPE_MOCK = os.environ.get("STRIPE_API_BASE", "http://127.0.0.1:12111")
# Cancelled by the page itself, not failures: a newer autocomplete fetch replaces
# an older one, a navigation stops pictures still loading.
ABORTED = "net::ERR_ABORTED"


@dataclass
class LiveSite:
    url: str
    index_prefix: str
    log: Path
    mail_dir: Path

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, site: LiveSite) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the live server stopped:\n{site.log_tail()}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (the live server)
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    pytest.fail(f"the live server did not answer {url} within 60 s")


def _drop_indexes(prefix: str) -> None:
    from search import engine

    engine.reset()
    if engine.health() is None:
        for name in engine.indexes_matching(f"{prefix}_*"):
            engine.delete_index(name)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory) -> LiveSite:
    """The site with its catalogue, served by `manage.py runserver` in a subprocess."""
    if not CHROMIUM.exists() or not AXE.exists():
        missing_service(f"needs {CHROMIUM} and axe-core: run scripts/chromium.sh")
    from search import engine

    engine.reset()
    reason = engine.health()
    if reason is not None:
        missing_service(f"search engine {reason}: run `make engine-start`")

    base = tmp_path_factory.mktemp("browser-site")
    prefix = f"ocopbrowser_{os.getpid()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
        "DATABASE_URL": f"sqlite:///{base / 'db.sqlite3'}",
        "MEDIA_ROOT": str(base / "media"),
        "SEARCH_INDEX_PREFIX": prefix,
        "BROWSER_MAIL_DIR": str(base / "mail"),
        "PYTHONUNBUFFERED": "1",
    }
    site = LiveSite("", prefix, base / "server.log", base / "mail")
    try:
        seeded = subprocess.run(
            [sys.executable, "-m", "tests.browser.catalogue", str(base / "import")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if seeded.returncode != 0:
            pytest.fail(f"seeding the browser catalogue failed:\n{seeded.stderr}")
        port = _free_port()
        site.url = f"http://127.0.0.1:{port}"
        with site.log.open("w") as log:
            server = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"]
                + ["--noreload", "--insecure"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_until_up(f"{site.url}/healthz/", server, site)
            yield site
        finally:
            server.terminate()
            server.wait(timeout=20)
    finally:
        _drop_indexes(prefix)


@pytest.fixture(scope="module")
def browser(live_site):
    """Chromium for one test module: while Playwright's sync API runs, Django sees
    an event loop in this thread and refuses ORM calls, so later tests need it gone."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def stripe_mock():
    """stripe-mock's own answer for a Checkout Session (its URL is a fixed fixture)."""
    request = urllib.request.Request(  # noqa: S310 (the local stripe-mock)
        f"{STRIPE_MOCK}/v1/checkout/sessions",
        data=b"mode=payment&success_url=http%3A%2F%2F127.0.0.1%2F",
        headers={"Authorization": "Bearer sk_test_123"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310
            return json.load(answer)
    except (urllib.error.URLError, OSError) as exc:
        missing_service(f"stripe-mock at {STRIPE_MOCK}: {exc} (make stripe-mock-start)")


@dataclass
class Journey:
    """A shopper's browser: its contexts, pages, screenshots and everything that
    went wrong on the way."""

    browser: object
    site: LiveSite
    name: str
    problems: list[str] = field(default_factory=list)
    expected: set[tuple[str, int]] = field(default_factory=set)
    expected_failures: list[tuple[str, str]] = field(default_factory=list)
    contexts: list = field(default_factory=list)
    shots: int = 0

    def new_page(self):
        """A page in a fresh context: another phone, with no cookies."""
        context = self.browser.new_context(
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="vi-VN",
            base_url=self.site.url,
        )
        context.set_default_timeout(15_000)
        self.contexts.append(context)
        page = context.new_page()
        self._watch(page)
        return page

    def _watch(self, page) -> None:
        def on_console(message):
            # Chromium also logs every response of 400 and above as an error.
            status = re.search(r"responded with a status of (\d+)", message.text)
            url = (message.location or {}).get("url", "")
            if status and self._expected(url, int(status.group(1))):
                return
            if message.type == "error":
                self.problems.append(f"console error on {page.url}: {message.text}")

        def on_failed(request):
            expected = any(
                request.url.startswith(prefix) and request.failure == failure
                for prefix, failure in self.expected_failures
            )
            if request.failure != ABORTED and not expected:
                self.problems.append(
                    f"request failed: {request.url} ({request.failure})"
                )

        def on_response(response):
            if response.status >= 400 and not self._expected(
                response.url, response.status
            ):
                self.problems.append(f"HTTP {response.status} for {response.url}")

        page.on("console", on_console)
        page.on(
            "pageerror", lambda error: self.problems.append(f"script error: {error}")
        )
        page.on("requestfailed", on_failed)
        page.on("response", on_response)

    def _expected(self, url: str, status: int) -> bool:
        path = re.sub(r"^https?://[^/]+", "", url)
        return (path, status) in self.expected

    def expect_status(self, path: str, status: int) -> None:
        """Name a response of 400 and above this journey expects (a refused form)."""
        self.expected.add((path, status))

    def expect_failure(self, url_prefix: str, failure: str) -> None:
        """Name a request this journey expects to fail (an outside host)."""
        self.expected_failures.append((url_prefix, failure))

    def shot(self, page, label: str) -> Path:
        self.shots += 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.slug(f'{self.shots:02d}-{label}')}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def slug(self, label: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", f"{self.name}-{label}".lower()).strip("-")

    def check(self) -> None:
        if self.problems:
            pytest.fail(
                "the browser saw problems:\n  "
                + "\n  ".join(self.problems)
                + f"\nserver log:\n{self.site.log_tail()}"
            )


@pytest.fixture
def journey(browser, live_site, request):
    name = re.sub(r"^test_", "", request.node.name)
    current = Journey(browser, live_site, name)
    for old in SCREENSHOTS.glob(f"{current.slug('')}*.png"):
        old.unlink()
    request.node._journey = current
    yield current
    for context in current.contexts:
        context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Problems the browser saw fail the test itself (not its teardown); a failed
    journey leaves a screenshot of every page it had open."""
    try:
        result = yield
    except BaseException:
        current = getattr(item, "_journey", None)
        for context in current.contexts if current else []:
            for page in context.pages:
                current.shot(page, "failed")
        raise
    current = getattr(item, "_journey", None)
    if current is not None:
        current.check()
    return result
