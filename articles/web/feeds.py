"""Atom feeds: a country pair's latest articles (/pairs/<a>-<b>/feed/), and any article list —
filters, search — as a saved search to subscribe to (/articles/feed/?<the list's query>).

Django's Atom feed sends each entry's summary as `type="html"`, escaped once for XML: a feed reader
unescapes it and renders the result as HTML. Our summaries are plain text (an imported body, an
outlet's name), so they are escaped once more here — a body that holds `<img onerror=…>` reaches
the reader's screen as those characters, never as an element. Titles and author names are Atom
text constructs, shown as text already.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.models import Article
from articles.web import reader
from articles.web.presentation import cname, pdate

ITEMS = 25


class PairFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, a, b):
        return a, b

    def title(self, pair):
        a, b = pair
        return _("CoopNews: %(a)s — %(b)s") % {"a": cname(a), "b": cname(b)}

    def subtitle(self, pair):
        return _("Новые статьи о сотрудничестве этой пары стран.")

    def link(self, pair):
        return reader.pair_url(pair[0].iso, pair[1].iso)

    def items(self, pair):
        a, b = pair
        return (
            Article.objects.with_pair(a.iso, b.iso)
            .select_related("source")
            .defer("body", "raw_text")
            .annotate(lead=Substr("body", 1, 400))
            .order_by(*reader.NEWEST)[:ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        source = f"{item.source.name}. " if item.source else ""
        return escape(f"{pdate(item)}. {source}{item.lead}…")  # text inside type="html" (see above)

    def item_link(self, item):
        return reverse("articles:article", args=[item.pk])

    def item_pubdate(self, item):
        # Published on the first day its date can stand for. Without a year there is no such day:
        # no <published> at all (the import time is the entry's <updated>), never today's date.
        if item.date_from is None:
            return None
        return timezone.make_aware(dt.datetime.combine(item.date_from, dt.time(12)))

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.source.name if item.source else None


class ArticleListFeed(PairFeed):
    """The article list's newest matches for a validated ArticleFilter (the view answers 400
    before this runs when its query is invalid); the entries are a pair feed's."""

    def get_object(self, request, article_filter, link, described):
        return article_filter, link, described

    def title(self, obj):
        described = obj[2]
        return _("CoopNews: %(what)s") % {"what": described} if described else _("CoopNews: все статьи")

    def subtitle(self, obj):
        return _("Новые статьи по сохранённому запросу.")

    def link(self, obj):
        return obj[1]

    def items(self, obj):
        return (
            obj[0]
            .qs.select_related("source")
            .defer("body", "raw_text")
            .annotate(lead=Substr("body", 1, 400))
            .order_by(*reader.NEWEST)[:ITEMS]
        )
