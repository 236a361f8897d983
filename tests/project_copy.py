"""A fresh copy of the project, as a clone would have it: the tests that build, install or follow
the README work there, never in this checkout."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Local state, not part of a clone.
NOT_SOURCE = (
    ".git",
    ".venv",
    "var",
    "build",
    "*.egg-info",
    "__pycache__",
    ".env",
    "test-artifacts",
    ".*_cache",
)


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    return dest
