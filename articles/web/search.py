"""Full-text search over article titles and bodies, one entry point per backend.

PostgreSQL: the stored, generated `search_vector` column (migration 0004: title weight A, body
weight B, `russian` configuration, GIN index) matched with `websearch_to_tsquery`, ranked with
`ts_rank`, snippets from `ts_headline`. The column is not a model field, so the ORM reaches it
through `StoredSearchVector`.

SQLite: a real fallback. SQLite's LIKE and lower() fold only ASCII, so a Python function
(`coopnews_fold`: lower case + ё→е) is registered on the connection and both sides are folded.
The query is read with the same websearch syntax (words, "quoted phrases", -exclusions, `or`),
and words are cut to a rough stem so «Китай» also finds «Китаем». A phrase is its words' stems in
sequence, each followed by any ending («"меморандум о взаимопонимании"» finds «меморандума о
взаимопонимании»), matched with SQLite's REGEXP (Django registers it) after a cheap substring test
of each stem. Relevance: title hits first.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection as default_connection
from django.db import models
from django.db.backends.signals import connection_created
from django.db.models import Case, Expression, F, Func, Q, Value, When
from django.db.models.functions import Concat
from django.dispatch import receiver

from articles.pipeline.text import fold

CONFIG = "russian"
MAX_QUERY_LENGTH = 300
# A page of search results ranks at most this many matches (the newest, or the earliest when sorted
# oldest first): ranking every match of a common word («Россия») reads every article's vector.
# Exports are not capped.
PAGE_LIMIT = 500
# Characters that cannot occur in article text: ts_headline marks matches with them, the template
# escapes everything and only then turns them into <mark> (see templatetags/reader.py).
MARK_START = "\ue000"
MARK_END = "\ue001"


def _fold_sql(text: str | None) -> str | None:
    return None if text is None else fold(text)  # SQL NULL stays NULL


def _register_fold(raw_connection) -> None:
    raw_connection.create_function("coopnews_fold", 1, _fold_sql, deterministic=True)


@receiver(connection_created)
def _on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        _register_fold(connection.connection)


class Fold(Func):
    """coopnews_fold(text) on SQLite (registered on the connection); lower() elsewhere."""

    function = "LOWER"
    output_field = models.TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # The signal covers new connections; this covers one opened before this module was imported.
        connection.ensure_connection()
        _register_fold(connection.connection)
        return super().as_sql(compiler, connection, function="coopnews_fold", **extra_context)


class StoredSearchVector(Expression):
    """The generated `search_vector` column of articles_article (PostgreSQL only).

    Keeps its table alias through relabelling, so it also works inside subqueries (pk__in, Exists).
    """

    output_field = SearchVectorField()

    def __init__(self, alias: str = "articles_article"):
        super().__init__()
        self.alias = alias

    def relabeled_clone(self, change_map):
        clone = copy.copy(self)
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def as_sql(self, compiler, connection):
        return (
            f"{compiler.quote_name_unless_alias(self.alias)}.{connection.ops.quote_name('search_vector')}",
            [],
        )

    def get_group_by_cols(self):
        return [self]


def is_postgresql(connection=None) -> bool:
    return (connection or default_connection).vendor == "postgresql"


class PrefixWebSearchQuery(SearchQuery):
    """websearch_to_tsquery, then each stem of four letters or more widened to
    `(stem:* | stem-minus-its-last-letter)`.

    The snowball stemmer cuts Russian country names unevenly: Китай, Китаем → `кита`, Китая → `кит`,
    китайского → `китайск`. `кита:*` finds Китай, Китаем and китайского; `| кит` adds Китая.
    The text is cast back with ::tsquery, so the stems are not normalised a second time."""

    def __init__(self, value):
        super().__init__(value, search_type="websearch", config=CONFIG)

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection, function=function, template=template)
        return (
            f"regexp_replace(({sql})::text, %s, %s, 'g')::tsquery",
            [*params, "'([^']{3,})([^'])'", "('\\1\\2':* | '\\1')"],
        )


def web_query(q: str) -> SearchQuery:
    return PrefixWebSearchQuery(q)


# --- the SQLite fallback's reading of websearch syntax -------------------------------------------

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_ENDINGS = sorted(
    (
        "иями ями ами ого его ому ему ыми ими ией ией иях ях ах ой ей ий ый ая яя ое ее ые ие "
        "ую юю ом ем ам ям ов ев ью ия ие а я о е ы и у ю ь й"
    ).split(),
    key=len,
    reverse=True,
)
_WORD_CHARS = re.compile(r"[\w-]+")


def rough_stem(word: str) -> str:
    """Drop one common Russian ending when a stem of four letters or more remains."""
    word = fold(word)
    if not re.fullmatch(r"[а-я-]+", word):
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@dataclass
class ParsedQuery:
    """Groups of terms: every group must match (AND); within a group any term may (OR)."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def terms(self) -> list[str]:
        return [term for group in self.groups for term in group]


def parse_query(q: str) -> ParsedQuery:
    """Terms are stems; a term of several stems joined by spaces is a phrase (see `term_pattern`)."""
    parsed = ParsedQuery()
    pending_or = False
    for match in _TOKEN.finditer(q):
        negated, phrase, word = match.groups()
        if word is not None:
            if word.lower() == "or" and parsed.groups:
                pending_or = True
                continue
            negated = word.startswith("-") and len(word) > 1
            word = word.lstrip("-") if negated else word
            words = _WORD_CHARS.findall(word)
        else:
            words = _WORD_CHARS.findall(phrase or "")
        term = " ".join(t for t in (rough_stem(w) for w in words) if t)
        if not term:
            continue
        if negated:
            parsed.excluded.append(term)
        elif pending_or:
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        pending_or = False
    return parsed


def term_pattern(term: str) -> str:
    """A regular expression over folded text for a term: a word's stem anywhere (as the substring
    test finds it); a phrase's stems in sequence, each at a word's start and followed by the rest
    of its word, only spaces or punctuation between them."""
    stems = term.split(" ")
    if len(stems) == 1:
        return re.escape(term) + r"\w*"
    return r"(?<!\w)" + r"\w*[\W_]+".join(re.escape(stem) for stem in stems) + r"\w*"


def _matches(field: str, term: str) -> Q:
    condition = Q()
    for stem in term.split(" "):
        condition &= Q(**{f"{field}__contains": stem})  # a cheap test first: REGEXP runs in Python
    if " " in term:
        condition &= Q(**{f"{field}__regex": term_pattern(term)})
    return condition


# --- entry points --------------------------------------------------------------------------------


def search(queryset: models.QuerySet, q: str) -> models.QuerySet:
    """Narrow `queryset` to articles matching `q`; alias `rank` (higher is better) for sorting."""
    if is_postgresql():
        return rank(queryset.alias(search_vector=StoredSearchVector()).filter(search_vector=web_query(q)), q)
    parsed = parse_query(q)
    if not parsed:  # nothing searchable (only punctuation): nothing found
        return rank(queryset.none(), q)
    queryset = queryset.alias(
        search_text=Fold(Concat(F("title"), Value("\n"), F("body"), output_field=models.TextField()))
    )
    for group in parsed.groups:
        condition = Q()
        for term in group:
            condition |= _matches("search_text", term)
        queryset = queryset.filter(condition)
    for term in parsed.excluded:
        queryset = queryset.exclude(_matches("search_text", term))
    return rank(queryset, q)


def rank(queryset: models.QuerySet, q: str) -> models.QuerySet:
    """Alias `rank` for `q` without filtering: ts_rank on PostgreSQL; title hits first on SQLite."""
    if is_postgresql():
        return queryset.alias(rank=SearchRank(StoredSearchVector(), web_query(q)))
    in_title = Q(pk__in=[])
    for term in parse_query(q).terms:
        in_title |= _matches("search_title", term)
    return queryset.alias(search_title=Fold(F("title"))).alias(
        rank=Case(When(in_title, then=Value(1.0)), default=Value(0.5), output_field=models.FloatField())
    )


def with_snippets(queryset: models.QuerySet, q: str) -> models.QuerySet:
    """Annotate `snippet` on PostgreSQL: the best fragments of the body, matches between marks.

    On SQLite the snippet is cut in Python from the body (see `snippet`)."""
    if not is_postgresql():
        return queryset
    return queryset.annotate(
        snippet=SearchHeadline(
            "body",
            web_query(q),
            config=CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def snippet(body: str, q: str, width: int = 240) -> str:
    """A window of the body around the first match, matches between marks (the SQLite snippet).
    The window starts and ends between words."""
    folded = fold(body)
    patterns = [re.compile(term_pattern(t)) for t in sorted(set(parse_query(q).terms), key=len, reverse=True)]
    first = min((m.start() for m in (p.search(folded) for p in patterns) if m), default=0)
    start = max(0, first - width // 3)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > first else end
    window, folded_window = body[start:end], folded[start:end]
    spans = []
    for pattern in patterns:
        # A stem matched inside a word marks the whole word: «Кита» → «Китаем».
        spans += [(match.start(), match.end()) for match in pattern.finditer(folded_window)]
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        out += [window[pos:s], MARK_START, window[s:e], MARK_END]
        pos = e
    out.append(window[pos:])
    text = "".join(out)
    return ("… " if start else "") + text + (" …" if end < len(body) else "")
