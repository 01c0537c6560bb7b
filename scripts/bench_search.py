#!/usr/bin/env python3
"""Search benchmark (run by `make bench` after scripts/bench.py, or alone).

Uses the 1,300-product SQLite demo database of scripts/bench.py (seeding it when
missing), production settings and gunicorn on 127.0.0.1, and measures:

* a full rebuild of the catalogue's indexes (seconds, documents per second);
* 50 realistic queries with filters and facets against /api/search/, sequentially
  (median, p95) at 1,300 products and at 100,000 synthetic documents bulk-indexed
  straight into a separate alias;
* throughput with 10 connections as a share of /healthz/ in the same run;
* autocomplete (/api/suggest/) median;
* the engine's resident memory and each worker's peak.

Results go to the "search" section of docs/benchmarks.md. Needs the engine
(`make engine-start`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench import (  # noqa: E402
    BENCH_DIR,
    PYTHON,
    Server,
    Target,
    fetch,
    log,
    prepare,
)
from scripts.benchlib import median, percentile, write_section  # noqa: E402

SYNTHETIC_DOCS = 100_000
CONNECTIONS = 10

QUERIES = [
    {"q": "kẹo dừa"},
    {"q": "keo dua"},
    {"q": "keo dua", "ocop": "4"},
    {"q": "bánh tráng", "sort": "price_asc"},
    {"q": "banhtrang"},
    {"q": "banh trang", "category": "processed-food"},
    {"q": "đường thốt nốt"},
    {"q": "duong thot not", "in_stock": "1"},
    {"q": "nước mắm"},
    {"q": "nuoc mam", "ocop": ["3", "4"]},
    {"q": "nuocmam"},
    {"q": "bưởi năm roi"},
    {"q": "buoi", "category": "agro-aquatic"},
    {"q": "cam sành"},
    {"q": "cam sanh", "price_max": "100000"},
    {"q": "khô cá lóc"},
    {"q": "kho ca", "sort": "stars"},
    {"q": "chả lụa"},
    {"q": "gạo tím"},
    {"q": "gao", "seller_type": "cooperative"},
    {"q": "khoai lang tím"},
    {"q": "khoai lang", "ocop": "5"},
    {"q": "mứt dừa"},
    {"q": "mut", "sort": "newest"},
    {"q": "nón lá"},
    {"q": "non la", "category": "handicraft"},
    {"q": "chiếu"},
    {"q": "lục bình"},
    {"q": "luc binh", "price_min": "100000"},
    {"q": "gốm đỏ"},
    {"q": "gom", "category": "handicraft", "sort": "price_desc"},
    {"q": "dầu dừa"},
    {"q": "dau dua", "category": "household"},
    {"q": "rượu"},
    {"q": "ruou", "category": "beverages"},
    {"q": "trà"},
    {"q": "mật ong"},
    {"q": "hợp tác xã"},
    {"q": "htx", "seller_type": "cooperative"},
    {"q": "keoj dwaf"},
    {"q": "ba1nh tra1ng"},
    {"q": "banh tr"},
    {"q": "keo chuio"},
    {"q": "đặc sản"},
    {"q": "qua tet", "price_min": "200000"},
    {"category": "processed-food"},
    {"category": "processed-food", "ocop": "4", "sort": "price_asc"},
    {"ocop": ["4", "5"]},
    {"seller_type": "household_business", "in_stock": "1"},
    {"category": ["beverages", "household"], "price_max": "150000", "page": "2"},
]
PREFIXES = [
    "k", "ke", "keo", "keo d", "ba", "banh", "banh t", "nuo", "nuoc m", "duo",
    "duong t", "bu", "buoi n", "ca", "cam s", "kho", "kho c", "gao", "mu", "mut d",
    "no", "non l", "chi", "gom", "da", "dau d", "ru", "tra", "hop", "hop tac",
]  # fmt: skip


def path_for(params: dict, endpoint: str = "/api/search/") -> str:
    return endpoint + "?" + urllib.parse.urlencode(params, doseq=True)


def run_sequential(port: int, paths: list[str], rounds: int) -> tuple[list[float], int]:
    samples, errors = [], 0
    for _ in range(rounds):
        for path in paths:
            started = time.perf_counter()
            status, _size = fetch(port, path)
            samples.append((time.perf_counter() - started) * 1000)
            errors += status != 200
    return samples, errors


def throughput(port: int, paths: list[str], seconds: int) -> tuple[float, int]:
    """Requests per second with CONNECTIONS concurrent clients rotating ``paths``."""
    wrk = shutil.which("wrk")
    if wrk:
        quoted = ", ".join(f'"{p}"' for p in paths)
        script = f"paths = {{{quoted}}}\ni = 0\nrequest = function()\n"
        script += "  i = i % #paths + 1\n"
        script += '  return wrk.format("GET", paths[i])\nend\n'
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(script)
        try:
            output = subprocess.run(
                [
                    wrk, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
                    "-s", handle.name, f"http://127.0.0.1:{port}/",
                ],
                check=True, text=True, stdout=subprocess.PIPE,
            ).stdout  # fmt: skip
        finally:
            os.unlink(handle.name)
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        errors = 0
        if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
            errors = int(match.group(1))
        return rps, errors
    done, errors = [0] * CONNECTIONS, [0] * CONNECTIONS
    deadline = time.perf_counter() + seconds

    def worker(slot: int) -> None:
        n = slot
        while time.perf_counter() < deadline:
            try:
                status, _size = fetch(port, paths[n % len(paths)])
            except OSError:
                errors[slot] += 1
                continue
            n += 1
            done[slot] += 1
            errors[slot] += status != 200

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started), sum(errors)


def engine_rss_mb() -> float | None:
    pid_file = ROOT / "var" / "engine" / "engine.pid"
    try:
        status = Path(f"/proc/{pid_file.read_text().strip()}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else None


def rebuild_timing(target: Target) -> tuple[float, str]:
    """Time `search_index rebuild --only products` (renditions already exist)."""
    started = time.perf_counter()
    output = subprocess.run(
        [PYTHON, "manage.py", "search_index", "rebuild", "--only", "products",
         "--no-progress"],
        cwd=ROOT, env=target.env(), check=True, text=True, stdout=subprocess.PIPE,
    ).stdout  # fmt: skip
    wall = time.perf_counter() - started
    line = next((x for x in output.splitlines() if "documents in" in x), output)
    return wall, line.strip()


def index_synthetic(target: Target, prefix: str, count: int) -> float:
    """Bulk-index ``count`` documents derived from the real ones under ``prefix``."""
    code = f"""
import random, time
from django.conf import settings
from search import engine
from search.documents import PRODUCTS, alias_name, index_definition
from search.indexing import fingerprint
real = [src for _id, src in engine.scan_sources(alias_name(PRODUCTS), ["*"])]
settings.SEARCH_INDEX_PREFIX = {prefix!r}
alias = alias_name(PRODUCTS)
name = alias + "_synthetic"
for old in engine.alias_targets(alias) + [name]:
    engine.delete_index(old)
body = index_definition(PRODUCTS, name).to_dict()
body["settings"]["refresh_interval"] = "-1"
engine.create_index(name, body)
rng = random.Random(2025)
words = sorted({{w for d in real for w in d["title"].split()}})
started = time.perf_counter()
batch = []
for n in range({count}):
    doc = dict(rng.choice(real))
    extra = " ".join(rng.sample(words, 2))
    doc["title"] = f"{{doc['title']}} {{extra}}"
    doc["suggest"] = doc["title"]
    doc["price_vnd"] = max(1000, int(doc["price_vnd"] * rng.uniform(0.5, 1.8)))
    doc["in_stock"] = rng.random() > 0.1
    doc["url"] = f"/san-pham-tong-hop/{{n}}/"
    doc["fingerprint"] = fingerprint(doc)
    batch.append(("index", name, str(10_000_000 + n), doc))
    if len(batch) == 2000:
        engine.bulk(batch, require_alias=False)
        batch = []
engine.bulk(batch, require_alias=False)
engine.put_settings(name, {{"index": {{"refresh_interval": "1s"}}}})
engine.refresh(name)
engine.call(
    "POST", f"/{{name}}/_forcemerge", params={{"max_num_segments": 1}}, timeout=300
)
engine.swap_alias(alias, name, [])
print(f"SECONDS {{time.perf_counter() - started:.1f}}")
"""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=target.env(), check=True, text=True, stdout=subprocess.PIPE,
    ).stdout  # fmt: skip
    return float(re.search(r"SECONDS ([\d.]+)", output).group(1))


def drop_synthetic(target: Target, prefix: str) -> None:
    code = f"""
from search import engine
for name in engine.indexes_matching({prefix!r} + "_*"):
    engine.delete_index(name)
"""
    subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=target.env(), check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def measure_server(target: Target, env_prefix: str | None, args) -> dict:
    if env_prefix:
        target = Target(target.label, target.slug, target.database_url, target.var_dir)
        original_env = target.env

        def patched_env():
            env = original_env()
            env["SEARCH_INDEX_PREFIX"] = env_prefix
            return env

        target.env = patched_env  # type: ignore[method-assign]
    server = Server(target)
    try:
        server.wait_ready()
        paths = [path_for(q) for q in QUERIES]
        suggest_paths = [path_for({"q": p}, "/api/suggest/") for p in PREFIXES]
        run_sequential(server.port, paths + suggest_paths, 1)  # warm up
        samples, errors = run_sequential(server.port, paths, args.rounds)
        degraded = sum(b'"degraded"' in _body(server.port, p) for p in paths[:5])
        suggest, suggest_errors = run_sequential(
            server.port, suggest_paths, args.rounds
        )
        result = {
            "median": median(samples),
            "p95": percentile(samples, 95),
            "errors": errors + suggest_errors,
            "suggest_median": median(suggest),
            "degraded": degraded,
        }
        if not env_prefix:
            health_rps, health_err = throughput(
                server.port, ["/healthz/"], args.duration
            )
            search_rps, search_err = throughput(server.port, paths, args.duration)
            result.update(
                health_rps=health_rps,
                search_rps=search_rps,
                share=100 * search_rps / health_rps if health_rps else float("nan"),
                load_errors=health_err + search_err,
            )
        result["worker_rss"] = server.worker_peak_rss_mb()
        result["engine_rss"] = engine_rss_mb()
        return result
    finally:
        server.stop()


def _body(port: int, path: str) -> bytes:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        return conn.getresponse().read()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the mix")
    parser.add_argument("--duration", type=int, default=15, help="seconds of load")
    parser.add_argument("--synthetic", type=int, default=SYNTHETIC_DOCS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    target = Target(
        "SQLite",
        "sqlite",
        f"sqlite:///{BENCH_DIR / 'sqlite' / 'db.sqlite3'}",
        BENCH_DIR / "sqlite",
    )
    run = prepare(target, reseed=False)
    if not run.engine.startswith("engine"):
        log(f"search benchmark needs the engine: {run.engine}")
        return 1
    log("timing a full rebuild of the product index")
    rebuild_wall, rebuild_line = rebuild_timing(target)
    log(rebuild_line)
    found = re.search(r"in ([\d.]+) s", rebuild_line)
    rebuild_seconds = float(found.group(1)) if found else float("inf")

    log("1,300 products: sequential queries, autocomplete, throughput")
    small = measure_server(target, None, args)

    big_prefix = f"ocopbench{target.slug}big"
    log(f"bulk-indexing {args.synthetic:,} synthetic documents")
    try:
        synthetic_seconds = index_synthetic(target, big_prefix, args.synthetic)
        log(f"{args.synthetic:,} synthetic documents: sequential queries")
        big = measure_server(target, big_prefix, args)
    finally:
        drop_synthetic(target, big_prefix)

    def verdict(ok: bool) -> str:
        return "✅" if ok else "❌"

    rows = [
        ("Sequential median, 1,300 products", f"{fmt(small['median'])} ms", "< 15 ms",
         verdict(small["median"] < 15)),
        ("Sequential p95, 1,300 products", f"{fmt(small['p95'])} ms", "< 40 ms",
         verdict(small["p95"] < 40)),
        (f"Sequential median, {args.synthetic:,} documents", f"{fmt(big['median'])} ms",
         "< 40 ms", verdict(big["median"] < 40)),
        (f"Sequential p95, {args.synthetic:,} documents", f"{fmt(big['p95'])} ms",
         "< 120 ms", verdict(big["p95"] < 120)),
        (f"Throughput, {CONNECTIONS} connections (share of /healthz/)",
         f"{fmt(small['search_rps'])} req/s = {fmt(small['share'], 2)} % "
         f"(/healthz/ {fmt(small['health_rps'])} req/s)", "≥ 2 %",
         verdict(small["share"] >= 2)),
        ("Autocomplete median, 1,300 products", f"{fmt(small['suggest_median'])} ms",
         "< 10 ms", verdict(small["suggest_median"] < 10)),
        (f"Autocomplete median, {args.synthetic:,} documents",
         f"{fmt(big['suggest_median'])} ms", "—", ""),
        ("Full rebuild, product index", rebuild_line.split(" -> ")[0], "< 15 s",
         verdict(rebuild_seconds < 15)),
        ("Rebuild command incl. Django start-up", f"{rebuild_wall:.1f} s", "—", ""),
        (f"Bulk indexing {args.synthetic:,} synthetic documents",
         f"{synthetic_seconds:.1f} s "
         f"({args.synthetic / synthetic_seconds:,.0f} docs/s)",
         "—", ""),
        ("Engine resident memory (after the 100k run)",
         f"{fmt(big['engine_rss'], 0)} MB",
         "—", ""),
        ("gunicorn workers' peak memory", ", ".join(
            f"{m:.0f} MB" for m in small["worker_rss"]) or "n/a", "—", ""),
        ("Errors (non-200) / degraded answers",
         f"{small['errors'] + big['errors'] + small['load_errors']} / "
         f"{small['degraded'] + big['degraded']}", "0 / 0", ""),
    ]  # fmt: skip
    lines = [
        "## Search",
        "",
        f"`scripts/bench_search.py`, {time.strftime('%Y-%m-%d %H:%M')}: "
        f"{run.products:,} live products (SQLite demo), production settings, "
        "gunicorn with 2 workers on 127.0.0.1, OpenSearch 2.19 (one node, 512 MB heap) "
        f"on the same 2 cores. {len(QUERIES)} queries with filters and facets "
        f"(Vietnamese with and without diacritics, Telex/VNI, glued, typos, "
        f"filter-only listings), {args.rounds} passes; {len(PREFIXES)} autocomplete "
        "prefixes. The synthetic catalogue is the real documents recombined, "
        "bulk-indexed into a separate alias served by a second gunicorn.",
        "",
        "| Measure | Result | Target | |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
    ]
    markdown = "\n".join(lines)
    print(markdown)
    if not args.no_write:
        write_section("search", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
