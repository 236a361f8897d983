"""What a count counts — the one definition of the two switches the counting pages share.

- `?count=articles`: every copy of a report; by default a story (a report and its reprints and
  rewrites) counts once.
- `?pairs=all`: every visible pair of an article; by default only its primary pair, so that a pair
  named in passing («в отличие от договора России с КНДР») does not rank beside the pair the
  article is about.

The two compose. Any other value is ignored (the default applies): a switch cannot make a page
fail. The pair × month table holds the four counts (PairMonth, articles/archive/pair_months.py);
pages that count from articles count distinct `story_key`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

COUNT, PAIRS = "count", "pairs"


@dataclass(frozen=True)
class Counting:
    articles: bool = False  # count copies instead of stories
    all_pairs: bool = False  # count every pair of an article instead of its primary pair

    @property
    def column(self) -> str:
        """The PairMonth column holding this count."""
        return ("articles" if self.articles else "stories") + ("" if self.all_pairs else "_primary")

    @property
    def key(self) -> tuple:
        return (self.articles, self.all_pairs)

    def params(self) -> dict[str, str]:
        """The URL parameters that give this counting (none for the default)."""
        params = {}
        if self.articles:
            params[COUNT] = "articles"
        if self.all_pairs:
            params[PAIRS] = "all"
        return params

    def extend(self, query: str) -> str:
        """A link's query («?from=2024-01» or "") with this counting's parameters added."""
        params = urlencode(self.params())
        if not params:
            return query
        return f"{query}&{params}" if query else f"?{params}"


DEFAULT = Counting()


def counting_of(request) -> Counting:
    return Counting(
        articles=request.GET.get(COUNT) == "articles",
        all_pairs=request.GET.get(PAIRS) == "all",
    )


def toggles(request, counting: Counting, *, pairs: bool = True) -> list[dict]:
    """The switches for a page: each a group of options linking to this page with the other
    parameters kept (and the page number dropped). `pairs`: whether the page counts pairs."""

    def url(name: str, value: str | None) -> str:
        query = request.GET.copy()
        query.pop("page", None)
        query.pop(name, None)
        if value:
            query[name] = value
        return "?" + query.urlencode() if query else "?"

    groups = [
        {
            "label": _("Считать"),
            "options": [
                {"label": _("сюжеты"), "url": url(COUNT, None), "active": not counting.articles},
                {"label": _("все статьи"), "url": url(COUNT, "articles"), "active": counting.articles},
            ],
        }
    ]
    if pairs:
        groups.append(
            {
                "label": _("Пары"),
                "options": [
                    {
                        "label": _("основная пара статьи"),
                        "url": url(PAIRS, None),
                        "active": not counting.all_pairs,
                    },
                    {"label": _("все пары"), "url": url(PAIRS, "all"), "active": counting.all_pairs},
                ],
            }
        )
    return groups


def story_key(prefix: str = ""):
    """An article's story as a number to count distinct: its story's id, or minus its own id for
    an article in no story (a story of its own; ids are positive, so the two never meet)."""
    return Coalesce(F(f"{prefix}story_id"), Value(0) - F(f"{prefix}id"))


def counted(counting: Counting, prefix: str = "article__"):
    """Count(…) over claims (one an article, reaching it through `prefix`): the claims, which are
    the articles, or their articles' distinct stories."""
    if counting.articles:
        return Count("id")
    return Count(story_key(prefix), distinct=True)


def page_context(request, counts: Counting, *, pairs: bool = True) -> dict:
    """The page's counting, its switches and the hidden fields a period form keeps it with."""
    return {
        "counting": counts,
        "counting_toggles": toggles(request, counts, pairs=pairs),
        "counting_params": sorted(counts.params().items()),
    }
