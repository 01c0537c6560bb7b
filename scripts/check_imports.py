#!/usr/bin/env python3
"""Import layers (`make lint`): no cycle between project modules, no upward import.

Reads every module of the project packages (migrations aside) with ``ast`` and
collects each ``import``/``from ... import`` it holds, the ones inside functions
too; imports under ``if TYPE_CHECKING:`` are left out, as they never run.
Importing ``a.b.c`` is an edge to the deepest project module the name reaches.

The layers, bottom to top (issue 10):
  0 helpers   marketplace.formatting, marketplace.page_mixins, marketplace.formats,
              marketplace.helpers, search.text
  1 sellers
  2 catalog
  3 search, marketplace.checkout (side by side: neither imports the other)
  4 shell     the rest of marketplace

Prints every cycle (strongly connected component) and every edge that goes up
or across, and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("marketplace", "catalog", "sellers", "search")

HELPERS = (
    "marketplace.formatting",
    "marketplace.page_mixins",
    "marketplace.formats",
    "marketplace.helpers",
    "search.text",
)
# (prefix, layer name, rank): the longest matching prefix wins.
LAYERS = [
    *((prefix, "helpers", 0) for prefix in HELPERS),
    ("sellers", "sellers", 1),
    ("catalog", "catalog", 2),
    ("search", "search", 3),
    ("marketplace.checkout", "checkout", 3),
    ("marketplace", "shell", 4),
]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules(root: Path) -> dict[str, Path]:
    """Every project module by dotted name, migrations left out."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.relative_to(root).parts:
                continue
            modules[module_name(path, root)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements under ``node``, skipping ``if TYPE_CHECKING:`` bodies."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _imports_of(other)
        else:
            yield from _imports(child)


def _imports_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _imports(node)


def _deepest(name: str, modules: dict[str, Path]) -> str | None:
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def _base_of(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module a ``from`` import names, relative levels resolved."""
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    # A package's own name is its first level; a module's is its parent's.
    keep = len(parts) - node.level + (1 if is_package else 0)
    base = parts[:keep]
    if node.module:
        base.append(node.module)
    return ".".join(base)


def targets(
    node: ast.Import | ast.ImportFrom,
    module: str,
    is_package: bool,
    modules: dict[str, Path],
) -> set[str]:
    """Project modules one import statement reaches."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = _base_of(node, module, is_package)
        names = [f"{base}.{alias.name}" for alias in node.names]
    found = {_deepest(name, modules) for name in names}
    return {target for target in found if target and target != module}


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    modules = project_modules(root)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        edges = graph.setdefault(module, set())
        for node in _imports(tree):
            edges |= targets(node, module, is_package, modules)
    return graph


def layer_of(module: str) -> tuple[str, int]:
    best = ("", "shell", 4)
    for prefix, name, rank in LAYERS:
        matches = module == prefix or module.startswith(prefix + ".")
        if matches and len(prefix) > len(best[0]):
            best = (prefix, name, rank)
    return best[1], best[2]


def breaks_layers(source: str, target: str) -> bool:
    """True when ``source`` imports up, or across between search and checkout."""
    (source_layer, source_rank), (target_layer, target_rank) = (
        layer_of(source),
        layer_of(target),
    )
    if target_rank > source_rank:
        return True
    return target_rank == source_rank and source_layer != target_layer


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
                continue
            if child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return sorted(found)


def upward_edges(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted(
        (source, target)
        for source, edges in graph.items()
        for target in edges
        if breaks_layers(source, target)
    )


def report(graph: dict[str, set[str]]) -> list[str]:
    """Lines describing every problem; empty when the layers hold."""
    lines = []
    cycles = strongly_connected(graph)
    for number, component in enumerate(cycles, 1):
        lines.append(f"cycle {number} ({len(component)} modules):")
        members = set(component)
        for module in component:
            inside = sorted(graph[module] & members)
            lines.append(f"  {module} -> {', '.join(inside)}")
    for source, target in upward_edges(graph):
        lines.append(
            f"layer: {source} ({layer_of(source)[0]}) imports "
            f"{target} ({layer_of(target)[0]})"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    lines = report(import_graph(args.root))
    if lines:
        print("\n".join(lines))
        print(f"\nimport layers: {len(lines)} problem line(s); see above.")
        return 1
    print("import layers: no cycle, no upward import.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
