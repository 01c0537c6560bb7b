#!/usr/bin/env python3
"""Phone benchmark: what a cheap phone on a slow network downloads and sees.

Serves the SQLite benchmark database of scripts/bench.py (seeded there) with
gunicorn and production settings behind a small front server that does what
the deployment's web server does: static files and media from disk, text
compressed with gzip, everything else passed to gunicorn. Debian's chromium
(Playwright, ``executable_path``) opens each page once in a fresh context
(first visit: empty cache) on a 390×844 viewport, under the slow-phone profile
of issue 12 set through the DevTools protocol: 150 ms round trip, 1.6 Mbps down,
750 kbps up, CPU slowed 4×.

Per page (home, category, product, search, cart, checkout) it reports the bytes
transferred with images, the JS+CSS bytes, Largest Contentful Paint and
Cumulative Layout Shift, and on the category and product pages where the first
product and the add-to-cart button sit. Writes the "phone" section of
docs/benchmarks.md.

    .venv/bin/python scripts/bench_phone.py [--runs 3] [--no-write]
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import http.server
import mimetypes
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench import (  # noqa: E402
    Server,
    log,
    prepare,
    probe,
    targets,
)
from scripts.benchlib import median, write_section  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
# Issue 12's slow phone: DevTools' units are bytes per second and milliseconds.
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
CPU_SLOWDOWN = 4
TARGETS = {"bytes": 300_000, "code": 50_000, "lcp_ms": 2500, "cls": 0.1, "fold": 844}
SEARCH_QUERY = "/tim-kiem/?q=banh+pia"
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg")
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-encoding"}
# Recorded from the first paint on, read once the page has settled.
OBSERVE = """
window.__phone = {lcp: 0, cls: 0};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__phone.lcp = entry.startTime;
}).observe({type: "largest-contentful-paint", buffered: true});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (!entry.hadRecentInput) window.__phone.cls += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
FOLD_SCRIPT = """
(selector) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  return box.top + window.scrollY + box.height;
}
"""
CARD = "main article"
ADD_TO_CART = 'form[action$="/gio-hang/them/"] button[type="submit"]'


# --------------------------------------------------------------- the front server


def front_handler(roots: dict[str, Path], upstream: int):
    class Front(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # the bench prints its own lines
            pass

        def do_GET(self) -> None:
            for prefix, root in roots.items():
                if self.path.startswith(prefix):
                    return self.file(root, self.path[len(prefix) :].split("?")[0])
            return self.proxy()

        do_POST = do_GET

        def file(self, root: Path, relative: str) -> None:
            path = (root / relative).resolve()
            if root.resolve() not in path.parents or not path.is_file():
                return self.send(404, "text/plain", b"not found", [])
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            cache = [("Cache-Control", "public, max-age=31536000")]
            return self.send(200, kind, path.read_bytes(), cache)

        def proxy(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {
                k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS
            }
            conn = http.client.HTTPConnection("127.0.0.1", upstream, timeout=60)
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                answer = conn.getresponse()
                content = answer.read()
                kept = [
                    (k, v)
                    for k, v in answer.getheaders()
                    if k.lower() not in HOP_HEADERS | {"content-length", "content-type"}
                ]
                kind = answer.getheader("Content-Type", "text/html")
                self.send(answer.status, kind, content, kept)
            finally:
                conn.close()

        def send(self, status: int, kind: str, content: bytes, headers) -> None:
            accepts = "gzip" in self.headers.get("Accept-Encoding", "")
            packed = accepts and kind.startswith(TEXT_TYPES) and len(content) > 256
            if packed:
                content = gzip.compress(content, compresslevel=6)
            self.send_response(status)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(content)))
            if packed:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(content)

    return Front


def start_front(target, upstream: int) -> tuple[http.server.ThreadingHTTPServer, str]:
    roots = {
        "/static/": target.var_dir / "static",
        "/media/": target.var_dir / "media",
    }
    front = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), front_handler(roots, upstream)
    )
    threading.Thread(target=front.serve_forever, daemon=True).start()
    return front, f"http://127.0.0.1:{front.server_address[1]}"


# -------------------------------------------------------------------- measuring


@dataclass
class Visit:
    bytes: int = 0
    code_bytes: int = 0
    requests: int = 0
    lcp_ms: float = 0.0
    cls: float = 0.0
    fold: float | None = None


@dataclass
class PageFigures:
    name: str
    path: str
    fold_label: str = ""
    visits: list[Visit] = field(default_factory=list)

    def mid(self, attribute: str) -> float:
        return median([getattr(v, attribute) for v in self.visits])


class Transfers:
    """Bytes on the wire per request, from the DevTools Network domain."""

    def __init__(self, cdp) -> None:
        self.kinds: dict[str, str] = {}
        self.sizes: dict[str, int] = {}
        cdp.on("Network.responseReceived", self.received)
        cdp.on("Network.loadingFinished", self.finished)

    def received(self, event) -> None:
        self.kinds[event["requestId"]] = event.get("type", "")

    def finished(self, event) -> None:
        self.sizes[event["requestId"]] = int(event["encodedDataLength"])

    def visit(self) -> Visit:
        code = sum(
            size
            for rid, size in self.sizes.items()
            if self.kinds.get(rid) in ("Script", "Stylesheet")
        )
        return Visit(sum(self.sizes.values()), code, len(self.sizes))


def fill_cart(context, base: str, product_path: str) -> None:
    """Put one product in this context's cart with a real form post."""
    page = context.request.get(base + product_path)
    html = page.text()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    product = re.search(r'name="product" value="([^"]+)"', html)
    if not token or not product:
        raise SystemExit(f"{product_path}: no add-to-cart form found")
    answer = context.request.post(
        base + "/gio-hang/them/",
        form={
            "csrfmiddlewaretoken": token.group(1),
            "product": product.group(1),
            "quantity": "1",
        },
        headers={"Referer": base + product_path},
    )
    if answer.status >= 400:
        raise SystemExit(f"adding to the cart answered {answer.status}")


def one_visit(browser, base: str, figures: PageFigures, cart_from: str | None):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    try:
        if cart_from:
            fill_cart(context, base, cart_from)
        page = context.new_page()
        page.add_init_script(OBSERVE)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        transfers = Transfers(cdp)
        response = page.goto(base + figures.path, wait_until="load", timeout=120_000)
        if response is None or response.status != 200:
            raise SystemExit(f"{figures.path} answered {response and response.status}")
        page.wait_for_load_state("networkidle", timeout=120_000)
        page.wait_for_timeout(500)
        visit = transfers.visit()
        perf = page.evaluate("window.__phone")
        visit.lcp_ms, visit.cls = float(perf["lcp"]), float(perf["cls"])
        if figures.fold_label:
            selector = CARD if figures.name == "category" else ADD_TO_CART
            visit.fold = page.evaluate(FOLD_SCRIPT, selector)
        figures.visits.append(visit)
    finally:
        context.close()


def pages_to_visit(target) -> tuple[list[PageFigures], str]:
    paths = {page["name"]: page["path"] for page in probe(target, "pages")}
    product = paths["product"]
    pages = [
        PageFigures("home", paths["home"]),
        PageFigures("category", paths["category"], "first product card"),
        PageFigures("product", product, "add-to-cart button"),
        PageFigures("search", SEARCH_QUERY),
        PageFigures("cart", "/gio-hang/"),
        PageFigures("checkout", "/thanh-toan/"),
    ]
    return pages, product


def measure(target, runs: int) -> list[PageFigures]:
    from playwright.sync_api import sync_playwright

    pages, product = pages_to_visit(target)
    server = Server(target)
    front = None
    try:
        server.wait_ready()
        front, base = start_front(target, server.port)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-quic"],
            )
            for figures in pages:
                cart_from = product if figures.name in ("cart", "checkout") else None
                one_visit(browser, base, figures, cart_from)  # warm the server
                figures.visits.clear()
                for _ in range(runs):
                    one_visit(browser, base, figures, cart_from)
                log(f"phone: {figures.name} {figures.path} measured")
            browser.close()
    finally:
        if front:
            front.shutdown()
        server.stop()
    return pages


# ----------------------------------------------------------------------- report


def mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def row(figures: PageFigures) -> str:
    size, code = figures.mid("bytes"), figures.mid("code_bytes")
    lcp, cls = figures.mid("lcp_ms"), figures.mid("cls")
    ok = (
        size < TARGETS["bytes"]
        and code < TARGETS["code"]
        and lcp < TARGETS["lcp_ms"]
        and cls < TARGETS["cls"]
    )
    return (
        f"| {figures.name} | `{figures.path}` | {size / 1000:.1f} KB "
        f"({figures.mid('requests'):.0f}) | {code / 1000:.1f} KB | {lcp:,.0f} ms "
        f"| {cls:.3f} | {mark(ok)} |"
    )


def fold_lines(pages: list[PageFigures]) -> list[str]:
    lines = []
    for figures in pages:
        if not figures.fold_label:
            continue
        bottoms = [v.fold for v in figures.visits]
        if None in bottoms:
            lines.append(f"- {figures.name}: **no {figures.fold_label} found**")
            continue
        bottom, fold = max(bottoms), TARGETS["fold"]
        lines.append(
            f"- {figures.name}: the {figures.fold_label} ends {bottom:.0f} px down "
            f"(inside the first {fold} px: {mark(bottom <= fold)})"
        )
    return lines


def report(pages: list[PageFigures], runs: int) -> str:
    lines = [
        "## Phone: first visit on a slow network (`scripts/bench_phone.py`)",
        "",
        f"Chromium (Debian) at 390×844, empty cache, {runs} visits per page (median); "
        "DevTools profile: 150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4× "
        "slower. Served by gunicorn (production settings) behind a front server "
        "giving static files and media from disk and compressing text with gzip, as "
        "the deployment's web server does. Cart and checkout hold one product.",
        "",
        "Targets: under 300 KB transferred, under 50 KB of JS+CSS, LCP under 2.5 s, "
        "CLS under 0.1.",
        "",
        "| Page | Path | Transferred (requests) | JS+CSS | LCP | CLS | Targets met |",
        "|---|---|---|---|---|---|---|",
        *[row(figures) for figures in pages],
        "",
        *fold_lines(pages),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        log(f"{CHROMIUM} is missing: run scripts/chromium.sh")
        return 1
    target = targets(argparse.Namespace(sqlite_only=True))[0]
    prepare(target, args.reseed)
    pages = measure(target, args.runs)
    markdown = report(pages, args.runs)
    print(markdown)
    if not args.no_write:
        write_section("phone", markdown)
        log("written to docs/benchmarks.md (section 'phone')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
