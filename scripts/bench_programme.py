"""Programme dashboard benchmark: the department's dashboard and every export of
its tables on the 1,300-product demo (issue 14: dashboard under 300 ms, each
export under 5 s).

Seeds the demo into a SQLite database of its own (var/bench/programme/) the first
time, then measures in one process with Django's test client, logged in as a
department user: the dashboard with its counts cached (as most views find it) and
cold (just after a publish forgot them), and each report's XLSX and CSV export.
The search engine is not used (the dashboard does not search).

Writes the "programme" section of docs/benchmarks.md.

    .venv/bin/python scripts/bench_programme.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR_DIR = ROOT / "var" / "bench" / "programme"
MIN_PRODUCTS = 1300
DASHBOARD_TARGET_MS = 300
EXPORT_TARGET_S = 5.0


def configure() -> None:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
    os.environ.setdefault("MEDIA_ROOT", str(VAR_DIR / "media"))
    os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))
    # Nothing listens there: seeding does not index into the shared engine.
    os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9")
    import django

    django.setup()


def ensure_demo() -> float | None:
    """Migrate and seed when the database has too few products; the seed's time."""
    from django.core.management import call_command

    from catalog.models import ProductPage

    call_command("migrate", "--noinput", verbosity=0)
    if ProductPage.objects.live().count() >= MIN_PRODUCTS:
        return None
    started = time.perf_counter()
    call_command("seed_demo", verbosity=0)
    return time.perf_counter() - started


def department_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from sellers.services import DEPARTMENT_GROUP

    user, _created = get_user_model().objects.get_or_create(
        username="bench-so-cong-thuong", defaults={"email": "bench@example.vn"}
    )
    user.groups.add(Group.objects.get(name=DEPARTMENT_GROUP))
    client = Client()
    client.force_login(user)
    return client


def timed(client, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.get(url)
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
    else:
        size = len(response.content)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    return elapsed, size


def measure_dashboard(client, runs: int) -> tuple[list[float], list[float]]:
    from django.urls import reverse

    from marketplace.programme.figures import forget_figures

    url = reverse("programme:dashboard")
    timed(client, url)  # warm-up: templates, the session
    warm, cold = [], []
    for _run in range(runs):
        warm.append(timed(client, url)[0])
        forget_figures()
        cold.append(timed(client, url)[0])
    return warm, cold


def measure_exports(client) -> list[tuple[str, str, float, int]]:
    from django.urls import reverse

    from marketplace.programme.figures import forget_figures
    from marketplace.programme.tables import TABLES

    results = []
    for table in TABLES.values():
        for export in ("xlsx", "csv"):
            forget_figures()  # the worst case: counted again
            elapsed, size = timed(client, f"{reverse(table.url_name)}?export={export}")
            results.append((table.key, export, elapsed, size))
    return results


def report(warm, cold, exports, products, seed_seconds, runs) -> tuple[str, bool]:
    from scripts.benchlib import median, percentile

    worst_export = max(elapsed for _k, _f, elapsed, _s in exports)
    dashboard_ok = percentile(cold, 95) * 1000 < DASHBOARD_TARGET_MS
    exports_ok = worst_export < EXPORT_TARGET_S
    seed = f"seeded in {seed_seconds:.0f} s" if seed_seconds else "already seeded"
    lines = [
        "## Programme dashboard",
        "",
        f"SQLite, {products} live products ({seed}), Django's test client in one "
        f"process, {runs} runs; load average {os.getloadavg()[0]:.1f} on this "
        "machine's cores (shared with other work while measured).",
        "",
        f"- Dashboard, counts cached: median {median(warm) * 1000:.0f} ms, "
        f"p95 {percentile(warm, 95) * 1000:.0f} ms.",
        f"- Dashboard, counts forgotten (after a publish): median "
        f"{median(cold) * 1000:.0f} ms, p95 {percentile(cold, 95) * 1000:.0f} ms; "
        f"target under {DASHBOARD_TARGET_MS} ms: {'yes' if dashboard_ok else 'NO'}.",
        f"- Exports, each counted afresh: worst {worst_export:.2f} s; target under "
        f"{EXPORT_TARGET_S:.0f} s: {'yes' if exports_ok else 'NO'}.",
        "",
        "| Table | XLSX | CSV |",
        "|---|---|---|",
    ]
    by_table: dict[str, dict[str, str]] = {}
    for key, export, elapsed, size in exports:
        cell = f"{elapsed * 1000:.0f} ms ({size / 1024:.0f} KiB)"
        by_table.setdefault(key, {})[export] = cell
    for key, cells in by_table.items():
        lines.append(f"| {key} | {cells['xlsx']} | {cells['csv']} |")
    return "\n".join(lines) + "\n", dashboard_ok and exports_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    configure()
    from catalog.models import ProductPage
    from scripts.benchlib import write_section

    seed_seconds = ensure_demo()
    products = ProductPage.objects.live().count()
    client = department_client()
    warm, cold = measure_dashboard(client, args.runs)
    exports = measure_exports(client)
    markdown, ok = report(warm, cold, exports, products, seed_seconds, args.runs)
    write_section("programme", markdown)
    print(markdown)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
