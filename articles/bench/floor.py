"""The import's floor: the same files read, parsed and extracted in one process, with no database.

An import cannot be faster than its workers can parse and extract, so `benchmark` measures this
beside the import, on the same generated files in the same run, and reports the import's rate as
a share of it (`import_vs_extraction`). Each file goes through `batches.process`, the very function
the import's workers run; the NLP models load before the clock starts (load time is reported apart).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from articles.archive.batches import process
from articles.archive.sources import collect
from articles.pipeline.extraction.lexicon import Lexicon


@dataclass(frozen=True)
class FloorRun:
    articles: int  # articles parsed (and extracted) in the timed part
    seconds: float
    load_seconds: float  # the first file, which loads the models
    extract: bool

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def measure_floor(directory: Path, limit: int | None = None, extract: bool = True) -> FloorRun:
    """Parse and (with `extract`) extract the first `limit` files under `directory` (all of them
    without a limit); the reference data comes from the shipped files, as `migrate` loads it."""
    sources, _ = collect([str(directory)])
    sources = sorted(sources, key=lambda s: s.name)[: limit if limit else None]
    if len(sources) < 2:
        raise ValueError("the floor needs at least 2 files: one loads the models, the rest are timed")
    lexicon = Lexicon.from_files()
    started = time.perf_counter()
    process(sources[0], lexicon, settings.COOPNEWS_MAX_FILE_BYTES, extract)
    load_seconds = time.perf_counter() - started

    articles = 0
    started = time.perf_counter()
    for source in sources[1:]:
        articles += len(process(source, lexicon, settings.COOPNEWS_MAX_FILE_BYTES, extract))
    return FloorRun(articles, time.perf_counter() - started, load_seconds, extract)


def import_vs_extraction(import_per_s: float, workers: int, floor_per_s: float) -> float:
    """The import's rate as a share of what its workers could do at the floor (1.0: no overhead)."""
    return import_per_s / (workers * floor_per_s) if floor_per_s else 0.0
