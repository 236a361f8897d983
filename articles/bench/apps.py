from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling (`generate_corpus`, `benchmark`) as its own app: its commands are found by
    Django, and no production module imports it (tests/test_architecture.py checks)."""

    name = "articles.bench"
    label = "bench"
    verbose_name = "CoopNews benchmarks"
