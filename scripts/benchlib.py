"""Shared by the benchmark scripts: percentiles and writing a section of
docs/benchmarks.md without disturbing the sections other scripts own."""

import re
import statistics
from pathlib import Path

BENCH_FILE = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\nWritten by `make bench`; each section is replaced by the script "
    "that owns it. Machine: 2 cores, 24 GiB.\n"
)


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the section delimited by markers named ``name``."""
    BENCH_FILE.parent.mkdir(parents=True, exist_ok=True)
    text = BENCH_FILE.read_text(encoding="utf-8") if BENCH_FILE.exists() else HEADER
    start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    block = f"{start}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    BENCH_FILE.write_text(text, encoding="utf-8")
