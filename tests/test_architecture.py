"""The layout is the architecture: data flows file → pipeline → archive → web/admin, and the
benchmark tooling ships beside production code without being part of it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "articles"


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def offending(root: Path, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        bad = sorted(
            m for m in imported_modules(path) if m.split(".")[0] in forbidden or m.startswith(forbidden)
        )
        if bad:
            found[str(path.relative_to(ARTICLES.parent))] = bad
    return found


PIPELINE_FORBIDDEN = ("django", "articles.models", "articles.archive", "articles.web", "articles.admin")


def production_files() -> list[Path]:
    return [p for p in ARTICLES.rglob("*.py") if "bench" not in p.relative_to(ARTICLES).parts[:1]]


def test_the_pipeline_imports_neither_django_nor_the_archive():
    assert offending(ARTICLES / "pipeline", PIPELINE_FORBIDDEN) == {}


def test_no_production_module_imports_the_benchmark_tooling():
    found = {
        str(p.relative_to(ARTICLES.parent)): sorted(
            m for m in imported_modules(p) if m.startswith("articles.bench")
        )
        for p in production_files()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_the_archive_does_not_import_the_web_side():
    assert offending(ARTICLES / "archive", ("articles.web", "articles.admin")) == {}


@pytest.mark.parametrize(
    "source, forbidden",
    [
        ("import django.db\n", PIPELINE_FORBIDDEN),
        ("def f():\n    from articles.models import Article\n", PIPELINE_FORBIDDEN),
        ("from articles.bench.corpus import write_corpus\n", ("articles.bench",)),
    ],
)
def test_the_import_walk_catches_an_offending_import(tmp_path, source, forbidden):
    (tmp_path / "module.py").write_text(source)
    found = set()
    for module in imported_modules(tmp_path / "module.py"):
        if module.split(".")[0] in forbidden or module.startswith(forbidden):
            found.add(module)
    assert found
