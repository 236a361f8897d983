"""The planner's statistics during a bulk import (PostgreSQL).

PostgreSQL chooses each plan from the statistics `ANALYZE` keeps on every table. A table that was
never analysed is planned as nearly empty: the story candidates' query for a busy pair
(`story_candidates.pair_neighbours`) then walks every report of the pair, probing each one's date,
instead of reading the week's reports through the date index. Autovacuum refreshes statistics after
about a tenth of a table has changed, but it may be off (it is on this project's CI machine) or
behind a fast import, and PostgreSQL's documentation advises running `ANALYZE` after a bulk load.
So an import does it itself: whenever the articles it added reach GROWTH of the archive as it was at
the last run (and at least FLOOR), and once at its end on the same terms. `ANALYZE` reads a bounded
sample of each table (a few seconds at any size here) and blocks no writer.

Measured on a generated archive of about 22,000 articles never analysed: the pair's neighbour query
16.3 → 8.2 ms an article (the same 200 articles, before and after one `ANALYZE`); 600 more articles
with `import_articles --writers 2` took 49–56 s before it, 39.5–41 s after (docs/performance.md).

SQLite plans without statistics unless `ANALYZE` has run; nothing is done there.
"""

from __future__ import annotations

from django.db import connection

from articles.models import Article

GROWTH = 0.25  # of the archive's size at the last run: about 25 runs from 500 to 100,000 articles
FLOOR = 500  # new articles before the first run, however small the archive


class PlannerStatistics:
    """Counts the articles an import adds and runs `ANALYZE` when they change the archive's size
    enough to change a plan."""

    def __init__(self) -> None:
        self.enabled = connection.vendor == "postgresql"
        self.size = Article.objects.count() if self.enabled else 0
        self.added = 0
        self.runs = 0

    def added_one(self) -> None:
        self.added += 1
        if self._due():
            self._analyze()

    def finish(self) -> None:
        """At the import's end: the last articles count too, on the same terms."""
        if self._due():
            self._analyze()

    def _due(self) -> bool:
        return self.enabled and self.added >= max(FLOOR, GROWTH * self.size)

    def _analyze(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.size += self.added
        self.added = 0
        self.runs += 1
