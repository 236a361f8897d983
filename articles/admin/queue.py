"""The review queue: its own page on the desk, /admin/articles/article/queue/.

The queue is the article changelist narrowed to unreviewed articles with something proposed, oldest
import first, with the columns an editor decides by (title, outlet, date, the article's pair, how
many claims wait, when it came in) and none of the archive-wide filters. It is the same changelist
underneath, so search, paging and the bulk actions work there as on the full list.

Benchmark machinery (the «generated for benchmarks» flag) is for superusers only, here and on the
full list.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db.models import Exists, OuterRef, Subquery, Value
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format

from articles.admin.claims import CLAIM_MODELS
from articles.admin.counts import count_of
from articles.admin.writes import publishes_writes
from articles.models import ArticlePair, ClaimState, ReviewState

QUEUE_URL_NAME = "articles_article_queue"
QUEUE_TITLE = "Очередь проверки"
LIST_TITLE = "Статьи архива"
# Fields and filters that only serve benchmarks: hidden from everyone but superusers.
BENCHMARK_FIELDS = frozenset({"is_generated"})
QUEUE_ORDER = ("created_at", "id")  # oldest import first: nothing waits forever


def has_claims_in(state=ClaimState.PROPOSED):
    """Exists() per claim kind, OR-ed: the article has at least one claim in `state`."""
    condition = None
    for model in CLAIM_MODELS:
        exists = Exists(model.objects.filter(article=OuterRef("pk"), state=state))
        condition = exists if condition is None else condition | exists
    return condition


def in_queue(queryset):
    """The review queue: unreviewed articles with something proposed, oldest first."""
    return queryset.filter(has_claims_in(), review_state=ReviewState.UNREVIEWED).order_by(*QUEUE_ORDER)


def proposed_count():
    total = Value(0)
    for model in CLAIM_MODELS:
        total = total + count_of(model, "article", state=ClaimState.PROPOSED)
    return total


def without_benchmark(request, names):
    """`names` (list_filter entries or field names) without benchmark ones, unless a superuser asks."""
    if request.user.is_superuser:
        return tuple(names)
    return tuple(n for n in names if (n[0] if isinstance(n, tuple) else n) not in BENCHMARK_FIELDS)


def _primary_pair(column: str):
    pairs = ArticlePair.objects.filter(article=OuterRef("pk"), primary=True).exclude(
        state=ClaimState.REJECTED
    )
    return Subquery(pairs.values(column)[:1])


class QueueChangeList(ChangeList):
    # The table header marks the sorted column from ModelAdmin.ordering, not get_ordering(): without
    # this it would mark the full list's date column while the queue is sorted by import time.
    def _get_default_ordering(self):
        return QUEUE_ORDER


class ReviewQueueAdmin:
    """Mixin for the article ModelAdmin: the queue page next to the full changelist."""

    queue_list_display = ("title", "source", "date_display", "pair_display", "waiting", "imported")
    queue_list_filter = (("source", admin.RelatedOnlyFieldListFilter), "date_precision")

    @staticmethod
    def is_queue(request) -> bool:
        return getattr(request, "desk_queue", False)

    def get_urls(self):
        view = publishes_writes(self.admin_site.admin_view(self.queue_view))  # bulk actions post here
        return [path("queue/", view, name=QUEUE_URL_NAME), *super().get_urls()]

    def queue_view(self, request):
        request.desk_queue = True
        return self.changelist_view(request)

    def changelist_view(self, request, extra_context=None):
        queue = self.is_queue(request)
        context = {"title": QUEUE_TITLE if queue else LIST_TITLE, "desk_queue": queue}
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not self.is_queue(request):
            return queryset
        return in_queue(queryset).annotate(
            pair_a=_primary_pair("country_a"), pair_b=_primary_pair("country_b")
        )

    def get_list_display(self, request):
        return self.queue_list_display if self.is_queue(request) else super().get_list_display(request)

    def get_changelist(self, request, **kwargs):
        return QueueChangeList if self.is_queue(request) else super().get_changelist(request, **kwargs)

    def get_list_display_links(self, request, list_display):
        return ("title",)

    def get_list_filter(self, request):
        names = self.queue_list_filter if self.is_queue(request) else super().get_list_filter(request)
        return without_benchmark(request, names)

    def get_ordering(self, request):
        if self.is_queue(request):
            return QUEUE_ORDER
        return super().get_ordering(request)

    def lookup_allowed(self, lookup, value, request=None):
        if (
            request is not None
            and not request.user.is_superuser
            and lookup.split("__")[0] in BENCHMARK_FIELDS
        ):
            return False  # a filter typed into the URL is refused too (?e=1), not just hidden
        return super().lookup_allowed(lookup, value, request)

    @admin.display(description="ждут решения", ordering="proposed_total")
    def waiting(self, article):
        return article.proposed_total

    @admin.display(description="импортирована", ordering="created_at")
    def imported(self, article):
        return date_format(timezone.localtime(article.created_at), "SHORT_DATETIME_FORMAT")

    @admin.display(description="пара")
    def pair_display(self, article):
        a, b = getattr(article, "pair_a", None), getattr(article, "pair_b", None)
        return f"{a}–{b}" if a and b else "—"
