"""tools/benchmark_extraction.py keeps working: it extracts from the generated corpus and reports."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_extraction_benchmark_reports_rate_and_memory_for_the_articles_it_was_given():
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "tools/benchmark_extraction.py", "--articles", "5", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["articles"] == 5
    assert figures["articles_per_s"] > 0
    assert figures["peak_rss_mb"] > 0
    assert figures["entities_found"] > 0  # the generated texts name countries and people


def test_extraction_benchmark_refuses_a_count_below_one():
    result = subprocess.run(
        [sys.executable, "tools/benchmark_extraction.py", "--articles", "0"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "--articles must be at least 1" in result.stderr
