#!/usr/bin/env python3
"""Page benchmark (`make bench`): the public pages against /healthz/.

For SQLite, and for PostgreSQL when it is running, this seeds the 1,300-product
demo into a database of its own under var/bench/, serves it with gunicorn
(production settings, 2 workers, 127.0.0.1 only) and measures home, a category
page (first page and a filtered page), a product page, a seller page and
/healthz/: latency of sequential requests, throughput with concurrent
connections, SQL queries per page and the workers' peak memory. Each page's
throughput is reported as a share of /healthz/'s, the yardstick of a request
that crosses the whole middleware without a database or a template. Results go
to the "pages" section of docs/benchmarks.md; the search, checkout, labels,
programme, spreadsheet and phone benchmarks (scripts/bench_*.py) run afterwards.

Every load goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.benchlib import median, percentile, write_section  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
BENCH_DIR = ROOT / "var" / "bench"
PG_BENCH_URL = "postgres://ocop:ocop@127.0.0.1:5432/ocop_bench"
MIN_PRODUCTS = 1300
FILTER_QUERY = "?sao=4&con_hang=1&sap_xep=price_asc"
# Production settings need a key; this run's own, shared by its processes.
BENCH_SECRET_KEY = secrets.token_urlsafe(50)

# Targets from the foundation issue: (minimum share of /healthz/ in %, max queries).
TARGETS = {
    "home": (1.5, 20),
    "category": (1.5, 20),
    "category-filtered": (1.5, 20),
    "product": (3.0, 15),
    "seller": (3.0, 15),
}
RSS_LIMIT_MB = 300
SEED_LIMIT_S = 180
LABELS = {
    "healthz": "/healthz/ (yardstick)",
    "home": "Home",
    "category": "Category, first page",
    "category-filtered": "Category, filtered",
    "product": "Product",
    "seller": "Seller",
}


@dataclass
class Target:
    """One database the site is benchmarked on."""

    label: str
    slug: str
    database_url: str
    var_dir: Path

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="marketplace.settings.production",
            SECRET_KEY=BENCH_SECRET_KEY,
            ALLOWED_HOSTS="127.0.0.1,testserver",
            SECURE_COOKIES="0",
            SECURE_SSL_REDIRECT="0",
            DATABASE_URL=self.database_url,
            VAR_DIR=str(self.var_dir),
            MEDIA_ROOT=str(self.var_dir / "media"),
            SEARCH_INDEX_PREFIX=f"ocopbench{self.slug}",
            # With CACHE_URL (make bench: Redis), each run and database its own keys.
            CACHE_KEY_PREFIX=f"ocopbench{self.slug}_{os.getpid()}",
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.pop("DEBUG", None)
        return env


@dataclass
class PageResult:
    name: str
    path: str
    queries: int
    cold_queries: int
    median_ms: float = float("nan")
    p95_ms: float = float("nan")
    rps: float = float("nan")
    share: float = float("nan")
    errors: int = 0


@dataclass
class RunResult:
    target: Target
    pages: list[PageResult] = field(default_factory=list)
    worker_rss_mb: list[float] = field(default_factory=list)
    seed_seconds: float | None = None
    seed_note: str = ""
    products: int = 0
    sellers: int = 0
    load_tool: str = ""
    engine: str = ""


# --------------------------------------------------------------------------- setup


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


def manage(target: Target, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=target.env(), check=True)


def probe(target: Target, command: str) -> dict:
    """Run this script's Django-side half in a separate process."""
    result = subprocess.run(
        [PYTHON, __file__, "--probe", command],
        cwd=ROOT,
        env=target.env(),
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def prepare(target: Target, reseed: bool) -> RunResult:
    run = RunResult(target=target)
    target.var_dir.mkdir(parents=True, exist_ok=True)
    seed_file = target.var_dir / "seed.json"
    if reseed:
        reset_database(target)
        seed_file.unlink(missing_ok=True)
    log(f"{target.label}: migrating {target.database_url}")
    manage(target, "migrate", "--noinput", "-v", "0")
    counts = probe(target, "counts")
    if counts["products"] < MIN_PRODUCTS:
        log(f"{target.label}: seeding the demo catalogue (timed)")
        started = time.perf_counter()
        manage(target, "seed_demo")
        run.seed_seconds = time.perf_counter() - started
        seed_file.write_text(json.dumps({"seconds": run.seed_seconds}))
        run.seed_note = "measured in this run"
        counts = probe(target, "counts")
    elif seed_file.exists():
        run.seed_seconds = json.loads(seed_file.read_text())["seconds"]
        run.seed_note = "measured when this database was seeded"
    else:
        run.seed_note = "not measured (database seeded elsewhere)"
    run.products, run.sellers = counts["products"], counts["sellers"]
    if run.products < MIN_PRODUCTS:
        raise SystemExit(
            f"{target.label}: only {run.products} live products after seed_demo"
        )
    run.engine = index_for_search(target)
    manage(target, "collectstatic", "--noinput", "-v", "0")
    return run


def reset_database(target: Target) -> None:
    if target.database_url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            (target.var_dir / f"db.sqlite3{suffix}").unlink(missing_ok=True)
        shutil.rmtree(target.var_dir / "media", ignore_errors=True)
    else:
        ensure_postgres_database(target.database_url, drop=True)


def ensure_postgres_database(url: str, drop: bool = False) -> None:
    """Create (or re-create) the benchmark's own PostgreSQL database."""
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
        connect_timeout=5,
    ) as conn:
        if drop:
            drop_sql = sql.SQL("DROP DATABASE IF EXISTS {}")
            conn.execute(drop_sql.format(sql.Identifier(name)))
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def index_for_search(target: Target) -> str:
    """Build the benchmark's own search index when the engine is up, so category
    pages are measured the way they are served; otherwise they use the database."""
    search_url = target.env().get("SEARCH_URL", "http://127.0.0.1:9201")
    first = search_url.split(",")[0]
    parts = urllib.parse.urlsplit(first)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        return "database (SEARCH_URL is not local)"
    try:
        socket.create_connection((parts.hostname, parts.port or 9200), 1).close()
    except OSError:
        return "database (engine not running)"
    if not (ROOT / "search" / "management" / "commands" / "search_index.py").exists():
        return "database (no search_index command yet)"
    log(f"{target.label}: indexing the demo into the search engine")
    try:
        manage(target, "search_index", "rebuild")
    except subprocess.CalledProcessError:
        return "database (search_index rebuild failed)"
    return f"engine at {first}"


# ---------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with production settings, as deployed, on a free local port."""

    def __init__(self, target: Target, workers: int = 2):
        self.target = target
        self.port = free_port()
        self.log_path = target.var_dir / "gunicorn.log"
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "--config",
                "python:marketplace.gunicorn_conf",
                "marketplace.wsgi:application",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.target.env(),
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log_path}")
            try:
                if fetch(self.port, "/healthz/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer in {timeout:.0f} s")

    def worker_pids(self) -> list[int]:
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children")
        if children.exists():
            return [int(p) for p in children.read_text().split()]
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                pids.append(int(stat.parent.name))
        return pids

    def worker_peak_rss_mb(self) -> list[float]:
        peaks = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return peaks

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_file.close()


# -------------------------------------------------------------------- measurement


def fetch(port: int, path: str) -> tuple[int, int]:
    """One GET on a fresh connection; returns (status, body length)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": "vi"})
        response = conn.getresponse()
        body = response.read()
        return response.status, len(body)
    finally:
        conn.close()


def sequential(port: int, path: str, count: int) -> tuple[list[float], int]:
    samples, errors = [], 0
    for _ in range(count):
        started = time.perf_counter()
        status, _size = fetch(port, path)
        samples.append((time.perf_counter() - started) * 1000)
        errors += status != 200
    return samples, errors


def ensure_wrk() -> str | None:
    """Debian's wrk, installed on first use when we may; None means fall back."""
    found = shutil.which("wrk")
    if found or not shutil.which("apt-get"):
        return found
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Wait for another apt run (another tool's install) instead of failing.
    apt = [*prefix, "apt-get", "-o", "DPkg::Lock::Timeout=300"]
    install = [*apt, "install", "-y", "-q", "wrk"]
    log("installing Debian's wrk")
    quiet = {"env": env, "stdout": subprocess.DEVNULL, "check": False}
    if subprocess.run(install, **quiet).returncode != 0:
        subprocess.run([*apt, "update", "-q"], **quiet)
        subprocess.run(install, **quiet)
    return shutil.which("wrk")


def throughput_wrk(
    wrk: str, port: int, path: str, connections: int, seconds: int
) -> tuple[float, int]:
    output = subprocess.run(
        [
            wrk,
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-H",
            "Accept-Language: vi",
            f"http://127.0.0.1:{port}{path}",
        ],
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read \d+, write (\d+), timeout (\d+)", output
    ):
        # Read errors are gunicorn closing each connection after its response.
        errors += sum(int(n) for n in match.groups())
    return rps, errors


def throughput_threads(
    port: int, path: str, connections: int, seconds: int
) -> tuple[float, int]:
    """Fallback load tool: one thread per connection, each request on a new one."""
    done, errors = [0] * connections, [0] * connections
    deadline = time.perf_counter() + seconds

    def worker(slot: int) -> None:
        while time.perf_counter() < deadline:
            try:
                status, _size = fetch(port, path)
            except OSError:
                errors[slot] += 1
                continue
            done[slot] += 1
            errors[slot] += status != 200

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started), sum(errors)


def measure(run: RunResult, args: argparse.Namespace) -> None:
    target = run.target
    pages = probe(target, "pages")
    if args.only:
        wanted = {"healthz", *args.only.split(",")}
        pages = [page for page in pages if page["name"] in wanted]
    wrk = None if args.python_load else ensure_wrk()
    run.load_tool = (
        f"wrk -t2 -c{args.connections}, {args.rounds} × "
        f"{max(1, round(args.duration / args.rounds))} s per page and as many on "
        "/healthz/"
        if wrk
        else f"Python threads, {args.connections} connections, {args.duration} s"
    )
    server = Server(target)
    try:
        server.wait_ready()
        for page in pages:
            status, _size = fetch(server.port, page["path"])
            if status != 200:
                raise SystemExit(
                    f"{target.label}: {page['path']} answered {status}; "
                    f"see {server.log_path}"
                )
        log(f"{target.label}: warming up (renditions, caches, both workers)")
        for page in pages:
            for _ in range(args.warmup):
                fetch(server.port, page["path"])
        healthz_rps: list[float] = []
        for page in pages:
            result = PageResult(
                name=page["name"],
                path=page["path"],
                queries=page["queries"],
                cold_queries=page["cold_queries"],
            )
            log(f"{target.label}: {page['name']} {page['path']}")
            samples, errors = sequential(server.port, page["path"], args.requests)
            result.median_ms, result.p95_ms = median(samples), percentile(samples, 95)
            if page["name"] != "healthz":
                result.errors = errors + paired_throughput(
                    result, server.port, args, wrk, healthz_rps
                )
            run.pages.append(result)
        healthz = next(p for p in run.pages if p.name == "healthz")
        healthz.rps, healthz.share = median(healthz_rps), 100.0
        run.worker_rss_mb = server.worker_peak_rss_mb()
    finally:
        server.stop()


def paired_throughput(
    result: PageResult,
    port: int,
    args: argparse.Namespace,
    wrk: str | None,
    healthz_rps: list[float],
) -> int:
    """The page's throughput and share of /healthz/, each round measuring both
    back to back; the medians over the rounds are kept.

    This machine's speed drifts by half within seconds (other virtual machines
    share its cores): a share from two loads minutes apart measures the drift.
    """
    seconds = max(1, round(args.duration / args.rounds))

    def load(path: str) -> tuple[float, int]:
        if wrk:
            return throughput_wrk(wrk, port, path, args.connections, seconds)
        return throughput_threads(port, path, args.connections, seconds)

    rates, shares, errors = [], [], 0
    for _round in range(args.rounds):
        yardstick, yardstick_errors = load("/healthz/")
        rate, page_errors = load(result.path)
        healthz_rps.append(yardstick)
        rates.append(rate)
        shares.append(rate / yardstick * 100 if yardstick else float("nan"))
        errors += yardstick_errors + page_errors
    result.rps, result.share = median(rates), median(shares)
    return errors


# ------------------------------------------------------------------------ report


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def report(runs: list[RunResult], args: argparse.Namespace) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        check=False,
    ).stdout.strip()
    lines = [
        "## Pages",
        "",
        f"Measured {dt.date.today():%d/%m/%Y} on commit `{commit or '?'}` by "
        "`make bench` (`scripts/bench.py`): production settings (DEBUG off), "
        "gunicorn with 2 gthread workers of 4 threads on 127.0.0.1, no page cache. "
        "Latency: "
        f"{args.requests} sequential requests per page, each on a new connection. "
        f"Throughput: {args.connections} concurrent connections, in "
        f"{args.rounds} rounds of {max(1, round(args.duration / args.rounds))} s "
        "on `/healthz/` then the same on the page. Queries: Django's test client "
        "in a separate process, second request (the first, with image renditions "
        "still to make, in brackets). Share: the page's throughput as a "
        "percentage of `/healthz/`'s in the same round, median over the rounds "
        "(this machine's speed drifts by half within seconds, so only loads "
        "measured back to back compare); req/s are the medians.",
        "",
        "Targets: product and seller pages at least 3% of `/healthz/` with at most "
        "15 queries; category pages and home at least 1.5% with at most 20; a "
        f"worker's peak RSS under {RSS_LIMIT_MB} MB; `seed_demo` under "
        f"{SEED_LIMIT_S // 60} minutes.",
    ]
    for run in runs:
        lines += [
            "",
            f"### {run.target.label}",
            "",
            f"{run.products:,} live products from {run.sellers} sellers; load tool: "
            f"{run.load_tool}; category listings served from the {run.engine}.",
            "",
            "| Page | Path | Median | p95 | req/s | Share of /healthz/ "
            "| Queries | Target | Met |",
            "|---|---|---:|---:|---:|---:|---:|---|---|",
        ]
        for page in run.pages:
            share = page.share
            if page.name in TARGETS:
                min_share, max_queries = TARGETS[page.name]
                target_text = f"≥ {min_share:g}%, ≤ {max_queries} queries"
                ok = share >= min_share and page.queries <= max_queries
                met = verdict(ok and not page.errors)
                share_text = f"{share:.1f}%"
            else:
                target_text, met, share_text = "yardstick", "", "100%"
            errors = f" ({page.errors} errors)" if page.errors else ""
            lines.append(
                f"| {LABELS.get(page.name, page.name)} | `{page.path}` "
                f"| {page.median_ms:.1f} ms | {page.p95_ms:.1f} ms "
                f"| {page.rps:,.0f}{errors} | {share_text} "
                f"| {page.queries} ({page.cold_queries}) | {target_text} | {met} |"
            )
        rss = ", ".join(f"{mb:.0f} MB" for mb in run.worker_rss_mb) or "not read"
        rss_ok = bool(run.worker_rss_mb) and max(run.worker_rss_mb) < RSS_LIMIT_MB
        lines += [
            "",
            f"- Worker peak RSS (VmHWM after the run): {rss}; "
            f"under {RSS_LIMIT_MB} MB: {verdict(rss_ok)}.",
        ]
        if run.seed_seconds is not None:
            lines.append(
                f"- `seed_demo`: {run.seed_seconds:.0f} s ({run.seed_note}); under "
                f"{SEED_LIMIT_S} s: {verdict(run.seed_seconds < SEED_LIMIT_S)}."
            )
        else:
            lines.append(f"- `seed_demo`: {run.seed_note}.")
    return "\n".join(lines)


# ------------------------------------------------------------------ the targets


def postgres_url() -> str | None:
    """DATABASE_URL when it names PostgreSQL, else the local cluster if it runs."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    try:
        socket.create_connection(("127.0.0.1", 5432), 1).close()
    except OSError:
        return None
    try:
        ensure_postgres_database(PG_BENCH_URL)
    except Exception as error:  # noqa: BLE001 - any failure means "not available"
        log(f"PostgreSQL answers but the bench database is unusable: {error}")
        return None
    return PG_BENCH_URL


def targets(args: argparse.Namespace) -> list[Target]:
    chosen = [
        Target(
            "SQLite",
            "sqlite",
            f"sqlite:///{BENCH_DIR / 'sqlite' / 'db.sqlite3'}",
            BENCH_DIR / "sqlite",
        )
    ]
    if not args.sqlite_only and (url := postgres_url()):
        chosen.append(Target("PostgreSQL 15", "pg", url, BENCH_DIR / "postgres"))
    elif not args.sqlite_only:
        log("PostgreSQL is not running: SQLite only (make postgres-start to add it)")
    return chosen


def run_other_benchmarks() -> int:
    failures = 0
    for name in (
        "bench_search.py",
        "bench_checkout.py",
        "bench_labels.py",
        "bench_programme.py",
        "bench_spreadsheet.py",
        "bench_phone.py",
        "bench_seller_home.py",
    ):
        script = ROOT / "scripts" / name
        if not script.exists():
            log(f"scripts/{name} not present yet: skipped")
            continue
        log(f"running scripts/{name}")
        done = subprocess.run([PYTHON, str(script)], cwd=ROOT, check=False)
        failures += done.returncode != 0
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--duration", type=int, default=40, help="seconds of load per page"
    )
    parser.add_argument(
        "--rounds", type=int, default=10, help="rounds of /healthz/ then the page"
    )
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=10, help="requests per page")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--reseed", action="store_true", help="drop and re-seed")
    parser.add_argument(
        "--python-load", action="store_true", help="use threads instead of wrk"
    )
    parser.add_argument(
        "--pages-only", action="store_true", help="skip the search/checkout scripts"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print, do not touch docs/"
    )
    parser.add_argument(
        "--only",
        help="page names to measure with /healthz/, comma-separated (no writing)",
    )
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:
        args.no_write = args.pages_only = True
    if args.probe:
        return run_probe(args.probe)

    runs = []
    for target in targets(args):
        run = prepare(target, args.reseed)
        measure(run, args)
        runs.append(run)
    markdown = report(runs, args)
    print(markdown)
    if not args.no_write:
        write_section("pages", markdown)
        log("written to docs/benchmarks.md (section 'pages')")
    failures = 0 if args.pages_only else run_other_benchmarks()
    return 1 if failures else 0


# ------------------------------------------- the Django side (separate process)


def run_probe(command: str) -> int:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from catalog.models import CategoryPage, ProductPage
    from marketplace.models import HomePage
    from sellers.models import SellerPage

    products = ProductPage.objects.live()
    if command == "counts":
        print(
            json.dumps(
                {
                    "products": products.count(),
                    "sellers": SellerPage.objects.live().count(),
                }
            )
        )
        return 0

    home = HomePage.objects.live().first()
    category = (
        CategoryPage.objects.live()
        .annotate(n=Count("category__products"))
        .order_by("-n", "pk")
        .first()
    )
    product = (
        products.filter(ocop_certificates__isnull=False)
        .annotate(n=Count("gallery_images", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    seller = (
        SellerPage.objects.live()
        .annotate(n=Count("products"))
        .order_by("-n", "pk")
        .first()
    )
    paths = [
        ("healthz", "/healthz/"),
        ("home", home.url),
        ("category", category.url),
        ("category-filtered", category.url + FILTER_QUERY),
        ("product", product.url),
        ("seller", seller.url),
    ]
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    pages = []
    for name, path in paths:
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
            counts.append(len(queries))
        cold, warm = counts
        pages.append(
            {"name": name, "path": path, "cold_queries": cold, "queries": warm}
        )
    print(json.dumps(pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
