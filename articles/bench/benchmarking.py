"""Measuring CoopNews: importing a generated corpus through the real import command, and the
reader's pages through the real URL stack. Used by `generate_corpus` and `benchmark`.

Pages are requested with django.test.Client under the project's own settings (DEBUG off, the
production middleware, templates and database), over HTTPS as production serves them; only the
host name is added so the client's `testserver` is allowed. Timings are wall-clock for the whole
response, streamed bodies included; the query count comes from one extra request.
"""

from __future__ import annotations

import io
import os
import resource
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, Max
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from articles.bench.corpus import write_corpus
from articles.models import Article, ArticlePair, ImportBatch, OfficialClaim

SEARCH_WORD = "Россия"


def real_articles_exist() -> bool:
    return Article.objects.filter(is_generated=False).exists()


# --- memory ----------------------------------------------------------------------------------------


def _maxrss_mb(who: int) -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS, where this is only approximate).
    return resource.getrusage(who).ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident memory now (Linux /proc; the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return _maxrss_mb(resource.RUSAGE_SELF)


# --- importing a generated corpus --------------------------------------------------------------------


@dataclass
class ImportRun:
    articles: int  # generated articles in the archive after the run
    files: int
    seconds: float
    generate_seconds: float
    peak_rss_parent_mb: float
    peak_rss_worker_mb: float
    workers: int
    extract: bool
    output: str = ""  # what import_articles printed
    failed: str = ""  # its error message when some files failed

    @property
    def per_second(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0

    @property
    def peak_rss_mb(self) -> float:
        """All import processes together, at their peaks (an upper bound: forked workers share pages)."""
        workers = self.workers if self.workers > 1 else 0
        return self.peak_rss_parent_mb + workers * self.peak_rss_worker_mb


def _extracting(workers: int, writers: int) -> int:
    """The processes that extracted: each writer extracts its own share (writers.py, PostgreSQL);
    on SQLite --writers runs as --workers."""
    from articles.archive import writers as several

    if writers > 1 and several.possible():
        return writers
    return max(workers, writers)


def import_generated(
    count: int,
    *,
    seed: int = 1,
    workers: int = 1,
    writers: int = 1,
    extract: bool = True,
    directory: Path | None = None,
) -> ImportRun:
    """Write `count` generated articles as .txt files and import them with `import_articles`,
    then mark every article of that import batch as generated."""
    with tempfile.TemporaryDirectory(prefix="coopnews-corpus-") as tmp:
        where = directory or Path(tmp)
        started = time.perf_counter()
        files = write_corpus(where, count, seed=seed, fmt="txt")
        generated = time.perf_counter() - started

        last_batch = ImportBatch.objects.aggregate(m=Max("pk"))["m"] or 0
        out = io.StringIO()
        failure = ""
        started = time.perf_counter()
        try:
            call_command(
                "import_articles",
                str(where),
                workers=workers,
                writers=writers,
                no_extract=not extract,
                verbosity=1,
                stdout=out,
                stderr=out,
            )
        except CommandError as exc:  # some files failed (exit 1) or the run was interrupted
            failure = str(exc)
        finally:
            seconds = time.perf_counter() - started
            batches = [b.pk for b in ImportBatch.objects.filter(pk__gt=last_batch) if b.paths == [str(where)]]
            Article.objects.filter(import_batch__in=batches).update(is_generated=True)
    return ImportRun(
        articles=Article.objects.filter(is_generated=True).count(),
        files=files,
        seconds=seconds,
        generate_seconds=generated,
        peak_rss_parent_mb=_maxrss_mb(resource.RUSAGE_SELF),
        peak_rss_worker_mb=_maxrss_mb(resource.RUSAGE_CHILDREN),
        workers=_extracting(workers, writers),
        extract=extract,
        output=out.getvalue(),
        failed=failure,
    )


def analyze() -> None:
    """Fresh planner statistics (and a visibility map for index-only scans) after a bulk import, as
    autovacuum would produce a little later; VACUUM cannot run inside a transaction (tests)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")


# --- pages -------------------------------------------------------------------------------------------


@dataclass
class PageResult:
    url: str
    timings_ms: list[float] = field(default_factory=list)
    queries: int = 0
    status: int = 0
    bytes: int = 0
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        ordered = sorted(self.timings_ms)
        return {
            "p50_ms": round(_percentile(ordered, 50), 1),
            "p95_ms": round(_percentile(ordered, 95), 1),
            "queries": self.queries,
            "status": self.status,
            "url": self.url,
            "requests": len(ordered),
            "bytes": self.bytes,
            **self.extra,
        }


def _percentile(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least pct % of the values at or below it."""
    if not ordered:
        return 0.0
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def page_urls() -> dict[str, str]:
    """The benchmark's pages, with parameters taken from the data: the busiest pair, its first
    country in the busiest full year, the most mentioned official."""
    top = (
        ArticlePair.objects.visible()
        .filter(primary=True)
        .order_by()
        .values("country_a", "country_b")
        .annotate(n=Count("id"))
        .order_by("-n", "country_a", "country_b")
        .first()
    )
    a, b = (top["country_a"], top["country_b"]) if top else ("CN", "RU")
    year = (
        Article.objects.filter(date_year__isnull=False)
        .order_by()
        .values("date_year")
        .annotate(n=Count("id"))
        .order_by("-n", "-date_year")
        .values_list("date_year", flat=True)
        .first()
    ) or 2024
    official = (
        OfficialClaim.objects.visible()
        .order_by()
        .values("official")
        .annotate(n=Count("id"))
        .order_by("-n", "official")
        .values_list("official", flat=True)
        .first()
    )
    country = a if a != "RU" else b
    return {
        "home": "/",
        "articles_list": "/articles/",
        "articles_filter_pair": f"/articles/?pair={a}-{b}",
        "articles_filter_country_date": (
            f"/articles/?country={country}&date_after={year}-01-01&date_before={year}-12-31"
        ),
        "articles_search": f"/articles/?q={SEARCH_WORD}",
        "pairs_matrix": "/pairs/",
        "pair_dossier": f"/pairs/{a.lower()}-{b.lower()}/",
        "official": f"/officials/{official}/" if official else "/officials/",
        "agreements_list": "/agreements/",
        "export_csv": "/articles/export.csv",
    }


@contextmanager
def production_like(page_cache: bool = False):
    """The project's settings as they are, DEBUG off; the test client's host name allowed, and the
    plain static storage when collectstatic has not been run (the manifest would be missing).
    Without `page_cache` whole pages are not served from the cache: every timed request renders."""
    overrides = {
        "DEBUG": False,
        "ALLOWED_HOSTS": [*settings.ALLOWED_HOSTS, "testserver"],
        "COOPNEWS_PAGE_CACHE_SECONDS": (settings.COOPNEWS_PAGE_CACHE_SECONDS or 600) if page_cache else 0,
    }
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        overrides["STORAGES"] = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    with override_settings(**overrides):
        yield


def _fetch(client: Client, url: str, on_chunk: Callable[[int], None] | None = None) -> tuple[int, int]:
    response = client.get(url, secure=True)
    size = 0
    if response.streaming:
        for chunk in response.streaming_content:
            size += len(chunk)
            if on_chunk:
                on_chunk(len(chunk))
    else:
        size = len(response.content)
    # No response.close(): the test client has closed it (a second request_finished would run
    # close_old_connections and, inside a transaction, drop the connection).
    return response.status_code, size


def measure_page(client: Client, url: str, repeat: int, warmup: int = 2) -> PageResult:
    result = PageResult(url)
    for _ in range(warmup):
        _fetch(client, url)
    for _ in range(repeat):
        started = time.perf_counter()
        result.status, result.bytes = _fetch(client, url)
        result.timings_ms.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        _fetch(client, url)
    result.queries = len(queries)
    return result


def measure_export(client: Client, url: str, repeat: int) -> PageResult:
    """A streamed export: the whole download's time, the time to its first bytes, and this
    process's memory sampled while the body streams (flat: the same after a quarter of the rows
    as after all of them). The first run also counts the queries (an export of 100,000 articles
    takes a minute or more, so no run is spent on that alone)."""
    result = PageResult(url)
    first_bytes: list[float] = []
    for i in range(max(1, repeat)):
        samples: list[float] = []
        first: list[float] = []
        rss_before = current_rss_mb()
        started = time.perf_counter()

        def on_chunk(_size: int, started=started, first=first, samples=samples) -> None:
            if not first:
                first.append((time.perf_counter() - started) * 1000)
            if len(first) == 1 and (len(samples) == 0 or time.perf_counter() - started > len(samples) * 0.05):
                samples.append(current_rss_mb())  # about every 50 ms of streaming

        if i == 0:
            with CaptureQueriesContext(connection) as queries:
                result.status, result.bytes = _fetch(client, url, on_chunk=on_chunk)
            result.queries = len(queries)
        else:
            result.status, result.bytes = _fetch(client, url, on_chunk=on_chunk)
        result.timings_ms.append((time.perf_counter() - started) * 1000)
        first_bytes.extend(first)
        if i == 0:
            samples.append(current_rss_mb())
            quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)] for q in (1, 2, 3, 4)]
            result.extra = {
                "rss_before_mb": round(rss_before, 1),
                "rss_quarters_mb": [round(v, 1) for v in quarters],
                "rss_growth_mb": round(max(samples) - rss_before, 1),
            }
    result.extra["rows"] = Article.objects.count()
    result.extra["first_byte_ms"] = round(_percentile(sorted(first_bytes), 50), 1)
    return result


def measure_pages(
    repeat: int = 20, export_repeat: int = 2, only: set[str] | None = None, page_cache: bool = False
) -> dict[str, dict]:
    """Each page rendered `repeat` times; with `page_cache`, served from the readers' page cache
    instead (the first, untimed request renders and stores it; streamed exports are never cached)."""
    results = {}
    with production_like(page_cache=page_cache):
        client = Client(raise_request_exception=False)
        for name, url in page_urls().items():
            if (only and name not in only) or (page_cache and name == "export_csv"):
                continue
            if name == "export_csv":
                results[name] = measure_export(client, url, export_repeat).as_dict()
            else:
                results[name] = measure_page(client, url, repeat).as_dict()
    return results


# --- the load test's URL mix -------------------------------------------------------------------------

SEARCH_WORDS = ["Россия", "Китай", "контракт", "меморандум", "учения", "Су-35", "С-400", "Индия Россия"]


def loadtest_urls(count: int = 1000, seed: int = 1) -> list[str]:
    """A reader's mix of URLs over the data in the database (tools/loadtest.lua picks at random):
    home, lists with filters and search, the matrix, dossiers, articles, officials, agreements."""
    import random

    rng = random.Random(seed)
    pairs = list(
        ArticlePair.objects.visible()
        .order_by()
        .values_list("country_a", "country_b")
        .annotate(n=Count("id"))
        .order_by("-n")[:20]
    )
    officials = [
        official
        for official, _ in OfficialClaim.objects.visible()
        .order_by()
        .values_list("official")
        .annotate(n=Count("id"))
        .order_by("-n")[:40]
    ]
    # Real ids (ids have gaps after deletes and merges): a sample, so article pages are never 404s.
    article_ids = list(Article.objects.order_by("?").values_list("pk", flat=True)[:500])
    years = list(
        Article.objects.filter(date_year__isnull=False).values_list("date_year", flat=True).distinct()
    )
    if not pairs or not years or not article_ids:
        raise ValueError("the database holds no articles with pairs and dates: import some first")
    pages = max(1, Article.objects.count() // 25)

    def pair():
        return rng.choice([(a, b) for a, b, _ in pairs])

    makers = [
        (10, lambda: "/"),
        (10, lambda: "/articles/"),
        (5, lambda: f"/articles/?page={rng.randint(2, min(pages, 200))}"),
        (10, lambda: "/articles/?pair={}-{}".format(*pair())),
        (
            10,
            lambda: "/articles/?country={}&date_after={y}-01-01&date_before={y}-12-31".format(
                rng.choice(pair()), y=rng.choice(years)
            ),
        ),
        (10, lambda: "/articles/?" + urlencode({"q": rng.choice(SEARCH_WORDS)})),
        (5, lambda: "/pairs/"),
        (10, lambda: "/pairs/{}-{}/".format(*(c.lower() for c in pair()))),
        (15, lambda: f"/articles/{rng.choice(article_ids)}/"),
        (5, lambda: f"/officials/{rng.choice(officials)}/" if officials else "/officials/"),
        (5, lambda: "/agreements/" + rng.choice(["", "?kind=contract", "?status=signed", "?party=RU"])),
        (5, lambda: f"/countries/{rng.choice(pair()).lower()}/"),
    ]
    weights = [w for w, _ in makers]
    return [rng.choices(makers, weights=weights)[0][1]() for _ in range(count)]
