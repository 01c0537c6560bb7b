"""Modules import one way (scripts/check_imports.py): no cycle, no upward import."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_imports.py"


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_imports", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


checker = _load_checker()


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path):
    """An empty copy of the project's package layout to write modules into."""
    for package in checker.PACKAGES:
        _write(tmp_path, {f"{package}/__init__.py": ""})
    return tmp_path


def test_project_modules_import_one_way():
    result = subprocess.run(
        [sys.executable, str(SCRIPT)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cycle_through_an_import_inside_a_function_is_reported(tree):
    _write(
        tree,
        {
            "catalog/a.py": "from catalog import b\n",
            "catalog/b.py": "def later():\n    from catalog.a import thing\n",
        },
    )
    lines = checker.report(checker.import_graph(tree))
    assert lines[0] == "cycle 1 (2 modules):"
    assert "  catalog.a -> catalog.b" in lines
    assert "  catalog.b -> catalog.a" in lines


def test_type_checking_imports_are_left_out(tree):
    _write(
        tree,
        {
            "sellers/models.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from catalog.models import ProductPage\n"
            ),
            "catalog/models.py": "from sellers.models import SellerPage\n",
        },
    )
    assert checker.report(checker.import_graph(tree)) == []


def test_upward_import_names_both_layers(tree):
    _write(
        tree,
        {
            "sellers/services.py": "import marketplace.models.pages\n",
            "marketplace/models.py": "",
        },
    )
    assert checker.report(checker.import_graph(tree)) == [
        "layer: sellers.services (sellers) imports marketplace.models (shell)"
    ]


def test_relative_imports_are_resolved(tree):
    _write(
        tree,
        {
            "marketplace/formatting.py": "from .home import figures\n",
            "marketplace/home.py": "",
            "catalog/models/__init__.py": "from .pages import ProductPage\n",
            "catalog/models/pages.py": "from ..cards import ProductCard\n",
            "catalog/cards.py": "",
        },
    )
    graph = checker.import_graph(tree)
    assert graph["catalog.models"] == {"catalog.models.pages"}
    assert graph["catalog.models.pages"] == {"catalog.cards"}
    assert checker.report(graph) == [
        "layer: marketplace.formatting (helpers) imports marketplace.home (shell)"
    ]


def test_search_and_checkout_do_not_import_each_other(tree):
    _write(
        tree,
        {
            "marketplace/checkout/__init__.py": "",
            "marketplace/checkout/services.py": "from search import services\n",
            "search/services.py": "from catalog import models\n",
            "catalog/models.py": "from marketplace.formatting import format_vnd\n",
            "marketplace/formatting.py": "",
        },
    )
    assert checker.report(checker.import_graph(tree)) == [
        "layer: marketplace.checkout.services (checkout) imports "
        "search.services (search)"
    ]


def test_migrations_are_not_read(tree):
    _write(
        tree,
        {
            "sellers/migrations/__init__.py": "",
            "sellers/migrations/0001_initial.py": "import marketplace.settings\n",
            "marketplace/settings.py": "",
        },
    )
    assert checker.report(checker.import_graph(tree)) == []
