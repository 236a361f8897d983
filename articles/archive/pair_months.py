"""The pair × month table (`PairMonth`): visible pairs per pair and month, kept current.

Four counts a cell (articles/web/counting.py chooses one for a page):
- `articles`, `articles_primary`: articles with the pair visible (any pair / their primary pair);
- `stories`, `stories_primary`: stories with the pair visible in at least one of their articles
  (any pair / the primary pair of at least one), each story once, in the month of its lead (its
  earliest dated article, `earliest_first`): a reprint without a date counts where its story
  does, and a story never counts twice for a period. An article outside any story is a story of
  its own, in its own month.

No signals: the writer calls this module at each write that changes what the table counts — a pair
added or removed, rejected or restored, moved to other countries; an article's date changed; an
article moved between stories; an article or a country deleted — inside the writer's own
transaction, so an editor's rejection leaves the matrix the moment it commits, in every process.

- Article counts: the importer and re-extraction (articles/archive/claims.py, importing.py) know
  the rows they write: `pairs_added`, `pairs_removed` and `article_moved` count them without reading
  anything back.
- Story counts are a distinct count, kept through `StoryPair`: the rows a story (or a lone article)
  is counted under. `refresh(stories, articles)` recomputes those rows from the articles after a
  write, compares them with the stored ones and adds the difference; the story rows are locked
  first, so two imports joining one story count it once. articles/archive/stories.py refreshes
  after every placement, split and merge, `apply_extraction` after re-extraction.
- Stories change under one lock (`lock_stories`, a transaction-level advisory lock on PostgreSQL):
  placing an article reads which stories exist and who leads them, then moves articles between
  them; two imports doing that at once would each decide on what the other is changing (a story
  one merges away while the other joins it, a size or lead counted from a snapshot without the
  other's article). Placement is the last step of an import's transaction, so the lock is held
  only for it and the commit.
- Every other write (the admin's forms, inlines and deletions) runs inside `recounting(where,
  articles)`, which reads the visible cells of the pairs `where` selects, and the stories of the
  articles concerned, before and after the write.

Either way the difference is added with one upsert (`adjust`), safe under concurrent imports: the
increment is done by the database row by row, never read-modify-write in Python. A write that
calls none of these leaves the table stale; `rebuild()` (the `recount` command) recounts it all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Coalesce

from articles.models import Article, ArticlePair, PairMonth, Story, StoryPair
from articles.models.stories import earliest_first

Cell = tuple[str, str, int, int]  # country A, country B, year (0: none), month (0: none)
COLUMNS = ("articles", "articles_primary", "stories", "stories_primary")
Owner = tuple[str, int]  # ("story", id) or ("article", id) for an article outside any story
Placed = tuple[int, int, bool]  # year, month, primary
OwnerRows = dict[Owner, dict[tuple[str, str], Placed]]

# The year an article counts under: its own, or the estimate for a day and month given without one
# (Article.timeline_year, as the database computes it).
ARTICLE_YEAR = Coalesce("article__date_year", "article__date_estimated_year")
# The month likewise (Article.timeline_month): its own, or the one a story lent a copy that gives
# no date at all (set only with an estimated year and no month of its own).
ARTICLE_MONTH = Coalesce("article__date_month", "article__date_estimated_month")


def cell(a: str, b: str, year: int | None, month: int | None) -> Cell:
    return (a, b, year or 0, (month or 0) if year else 0)


class Delta:
    """Changes to add, per column: `delta["stories"][cell] += 1`."""

    def __init__(self) -> None:
        self.columns: dict[str, Counter] = {name: Counter() for name in COLUMNS}

    def __getitem__(self, column: str) -> Counter:
        return self.columns[column]

    def subtract(self, other: Delta) -> None:
        for name in COLUMNS:
            self.columns[name].subtract(other.columns[name])


def adjust(delta: Delta) -> None:
    """Add `delta` (negative to remove) to the table; drop the cells left empty."""
    cells: dict[Cell, list[int]] = defaultdict(lambda: [0] * len(COLUMNS))
    for i, name in enumerate(COLUMNS):
        for c, n in delta[name].items():
            if n:
                cells[c][i] += n
    rows = sorted((c, ns) for c, ns in cells.items() if any(ns))
    if not rows:
        return
    table = connection.ops.quote_name(PairMonth._meta.db_table)
    columns = ", ".join(COLUMNS)
    values = ", ".join([f"(%s, %s, %s, %s, {', '.join(['%s'] * len(COLUMNS))})"] * len(rows))
    updates = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in COLUMNS)
    params = [v for c, ns in rows for v in (*c, *ns)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (country_a_id, country_b_id, year, month, {columns}) VALUES {values} "
            f"ON CONFLICT (country_a_id, country_b_id, year, month) DO UPDATE SET {updates}",
            params,
        )
    emptied = [c for c, ns in rows if min(ns) < 0]
    if emptied:
        where = Q()
        for a, b, year, month in emptied:
            where |= Q(country_a=a, country_b=b, year=year, month=month)
        PairMonth.objects.filter(where, articles__lte=0, stories__lte=0).delete()


# --- articles ------------------------------------------------------------------------------------


def _article_delta(rows: Iterable[tuple[Cell, bool]], sign: int = 1) -> Delta:
    delta = Delta()
    for c, primary in rows:
        delta["articles"][c] += sign
        if primary:
            delta["articles_primary"][c] += sign
    return delta


def _in_hand(article: Article, pairs: Iterable[ArticlePair]) -> list[tuple[Cell, bool]]:
    return [
        (cell(p.country_a_id, p.country_b_id, article.timeline_year, article.timeline_month), p.primary)
        for p in pairs
        if p.is_visible
    ]


def pairs_added(article: Article, pairs: Iterable[ArticlePair]) -> None:
    """`pairs` of `article` were just inserted: count the visible ones (articles; its story is
    refreshed by the caller)."""
    adjust(_article_delta(_in_hand(article, pairs)))


def pairs_removed(article: Article, pairs: Iterable[ArticlePair]) -> None:
    """`pairs` of `article` are being deleted: uncount the visible ones (articles)."""
    adjust(_article_delta(_in_hand(article, pairs), -1))


def primary_changed(article: Article, pair: ArticlePair) -> None:
    """`pair` of `article` was just made primary or no longer primary (articles_primary)."""
    if pair.is_visible:
        delta = Delta()
        c = cell(pair.country_a_id, pair.country_b_id, article.timeline_year, article.timeline_month)
        delta["articles_primary"][c] += 1 if pair.primary else -1
        adjust(delta)


def article_moved(article: Article, year: int | None, month: int | None) -> None:
    """`article` was saved with a new date; it counted under `year` (its timeline year) and `month`:
    move its visible pairs (articles; its story is refreshed by the caller)."""
    old, new = cell("", "", year, month)[2:], cell("", "", article.timeline_year, article.timeline_month)[2:]
    if old == new:
        return
    delta = Delta()
    pairs = ArticlePair.objects.visible().filter(article=article)
    for a, b, primary in pairs.values_list("country_a", "country_b", "primary"):
        for sign, when in ((-1, old), (1, new)):
            delta["articles"][(a, b, *when)] += sign
            if primary:
                delta["articles_primary"][(a, b, *when)] += sign
    adjust(delta)


def stored_cells(where: Q) -> Delta:
    """The article counts of the visible pairs `where` selects, as the database has them now."""
    rows = (
        ArticlePair.objects.visible()
        .filter(where)
        .values_list("country_a", "country_b", ARTICLE_YEAR, ARTICLE_MONTH, "primary")
    )
    return _article_delta((cell(a, b, year, month), primary) for a, b, year, month, primary in rows)


# --- stories -------------------------------------------------------------------------------------


STORY_LOCK = (0x5354, 0)  # the advisory lock's keys: "ST", stories (registry.py uses "CN")


def lock_stories() -> None:
    """Serialise every change to stories until the transaction ends (PostgreSQL; SQLite has one
    writer at a time anyway). Taken before the first read that decides a change: each statement
    after it sees what the writers before committed."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", list(STORY_LOCK))


def _stored_rows(story_ids: list[int], article_ids: list[int]) -> OwnerRows:
    """What the table counts for these stories and lone articles now (each owner present, maybe
    empty). The stories are locked first: a concurrent writer of one of them waits, then reads
    what this one stored."""
    lock_stories()
    rows: OwnerRows = {("story", pk): {} for pk in story_ids}
    rows.update({("article", pk): {} for pk in article_ids})
    if story_ids:
        list(Story.objects.select_for_update().filter(pk__in=story_ids).order_by("pk").values_list("pk"))
    where = Q(story__in=story_ids) | Q(story=None, article__in=article_ids)
    if not story_ids and not article_ids:
        return rows
    for story, article, a, b, year, month, primary in StoryPair.objects.filter(where).values_list(
        "story", "article", "country_a", "country_b", "year", "month", "primary"
    ):
        owner = ("story", story) if story is not None else ("article", article)
        rows.setdefault(owner, {})[(a, b)] = (year, month, primary)
    return rows


def _live_rows(
    story_ids: list[int] | None, article_ids: list[int] | None, leads: dict[int, int] | None = None
) -> OwnerRows:
    """What these stories and lone articles should count, from their articles (None: all);
    `leads` gets each story's lead."""
    rows: OwnerRows = {}
    leads = {} if leads is None else leads
    if story_ids is None or story_ids:
        rows.update({("story", pk): {} for pk in story_ids or ()})
        members = Article.objects.exclude(story=None)
        pairs = ArticlePair.objects.visible().exclude(article__story=None)
        if story_ids is not None:
            members, pairs = members.filter(story__in=story_ids), pairs.filter(article__story__in=story_ids)
        months: dict[int, tuple[int, int]] = {}
        ordered = members.order_by("story_id", *earliest_first()).values_list(
            "story_id", "pk", "date_year", "date_estimated_year", "date_month", "date_estimated_month"
        )
        for story, pk, year, estimated, month, lent_month in ordered:
            if story not in months:  # the first of each story is its lead
                timeline = year if year is not None else estimated
                months[story] = cell("", "", timeline, month if month is not None else lent_month)[2:]
                leads[story] = pk
        for story, a, b, primary in pairs.values_list("article__story", "country_a", "country_b", "primary"):
            _add(rows.setdefault(("story", story), {}), a, b, *months[story], primary)
    if article_ids is None or article_ids:
        rows.update({("article", pk): {} for pk in article_ids or ()})
        lone = ArticlePair.objects.visible().filter(article__story=None)
        if article_ids is not None:
            lone = lone.filter(article__in=article_ids)
        for article, a, b, year, month, primary in lone.values_list(
            "article", "country_a", "country_b", ARTICLE_YEAR, ARTICLE_MONTH, "primary"
        ):
            _add(rows.setdefault(("article", article), {}), a, b, *cell("", "", year, month)[2:], primary)
    return rows


def _add(owned: dict[tuple[str, str], Placed], a: str, b: str, year: int, month: int, primary: bool) -> None:
    known = owned.get((a, b))
    owned[(a, b)] = (year, month, primary or (known is not None and known[2]))


def _story_delta(rows: OwnerRows, sign: int) -> Delta:
    delta = Delta()
    for owned in rows.values():
        for (a, b), (year, month, primary) in owned.items():
            delta["stories"][(a, b, year, month)] += sign
            if primary:
                delta["stories_primary"][(a, b, year, month)] += sign
    return delta


def _replace(before: OwnerRows, after: OwnerRows) -> None:
    """Store `after` in place of `before` for the owners whose rows changed; count the difference."""
    changed = [
        owner for owner in before.keys() | after.keys() if before.get(owner, {}) != after.get(owner, {})
    ]
    if not changed:
        return
    delta = _story_delta({o: after.get(o, {}) for o in changed}, 1)
    delta.subtract(_story_delta({o: before.get(o, {}) for o in changed}, 1))
    # Stored rows to delete: an owner stored with none has nothing to delete.
    stored = [owner for owner in changed if before.get(owner)]
    if stored:
        stories = [pk for kind, pk in stored if kind == "story"]
        lone = [pk for kind, pk in stored if kind == "article"]
        StoryPair.objects.filter(Q(story__in=stories) | Q(story=None, article__in=lone)).delete()
    StoryPair.objects.bulk_create(
        StoryPair(
            story_id=pk if kind == "story" else None,
            article_id=pk if kind == "article" else None,
            country_a_id=a,
            country_b_id=b,
            year=year,
            month=month,
            primary=primary,
        )
        for kind, pk in sorted(changed)
        for (a, b), (year, month, primary) in sorted(after.get((kind, pk), {}).items())
    )
    adjust(delta)


def refresh(
    stories: Iterable[int | None] = (), articles: Iterable[int] = (), *, before: OwnerRows | None = None
):
    """After a write that may change what these stories and articles count (their pairs, dates,
    leads or membership): recount them. `articles` that belong to no story count as stories of
    their own; pass every article that may have left or joined a story. `before`: the stored rows
    read before the write, when the write may have deleted them (`recounting`)."""
    story_ids = sorted({pk for pk in stories if pk is not None})
    article_ids = sorted(set(articles))
    known = before or {}
    missing_stories = [pk for pk in story_ids if ("story", pk) not in known]
    missing_articles = [pk for pk in article_ids if ("article", pk) not in known]
    stored = {**known, **_stored_rows(missing_stories, missing_articles)}
    leads: dict[int, int] = {}
    _replace(stored, _live_rows(story_ids, article_ids, leads))
    _set_leads(leads)


def story_created(story_id: int, article: Article) -> None:
    """Count a story created in this transaction for one article, its lead (an imported article
    that joins none), not counted under any story or alone yet: `refresh` without reading back what
    cannot be stored, nor the members `_live_rows` would read (the one article, at hand)."""
    owned: dict[tuple[str, str], Placed] = {}
    for a, b, primary in (
        ArticlePair.objects.visible().filter(article=article).values_list("country_a", "country_b", "primary")
    ):
        _add(owned, a, b, *cell("", "", article.timeline_year, article.timeline_month)[2:], primary)
    _replace({("story", story_id): {}}, {("story", story_id): owned})


def _set_leads(leads: dict[int, int]) -> None:
    """Story.lead where it changed (one query, and one a story whose lead moved)."""
    if not leads:
        return
    current = dict(Story.objects.filter(pk__in=leads).values_list("pk", "lead_id"))
    for story, pk in sorted(leads.items()):
        if story in current and current[story] != pk:
            Story.objects.filter(pk=story).update(lead_id=pk)


def _stories_of(article_ids: list[int]) -> set[int]:
    return set(
        Article.objects.filter(pk__in=article_ids).exclude(story=None).values_list("story_id", flat=True)
    )


@contextmanager
def recounting(where: Q, articles: Iterable[int] = ()) -> Iterator[None]:
    """Around a write that may change the pairs `where` selects (their state, countries, article's
    date, existence) or the `articles` (their dates, existence): their cells before and after, and
    the difference added — for the articles and for their stories."""
    before = stored_cells(where)
    article_ids = sorted(
        {pk for pk in articles if pk is not None}
        | set(ArticlePair.objects.filter(where).values_list("article_id", flat=True))
    )
    story_ids = sorted(_stories_of(article_ids))
    stored = _stored_rows(story_ids, article_ids)
    yield
    delta = stored_cells(where)
    delta.subtract(before)
    adjust(delta)
    refresh(set(story_ids) | _stories_of(article_ids), article_ids, before=stored)


def rebuild() -> None:
    """Recount the whole table and what each story counts from the pairs (after a write that
    bypassed the calls above)."""
    lock_stories()
    PairMonth.objects.all().delete()
    StoryPair.objects.all().delete()
    adjust(stored_cells(Q()))
    leads: dict[int, int] = {}
    _replace({}, _live_rows(None, None, leads))
    _set_leads(leads)
