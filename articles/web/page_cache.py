"""Readers' whole pages from the shared cache, never older than the archive's pages generation.

A reader's page changes only when the archive does: an import, a re-extraction, an editor's save.
The writer then replaces the pages generation in the shared cache (articles/archive/generation.py),
and every cached page is stored with the token it was rendered under, so a page rendered before a
write is stale once the write is published — in any process. Outside a batch that is the moment the
write commits; during an import at most COOPNEWS_PAGE_STALE_SECONDS later. Nothing a request sends
replaces it: only the writer's explicit calls do (the admin's writes go through articles/admin/writes.py).

Stale while revalidating: when a page is stale, one request renders it afresh (it takes a short
lock in the shared cache) while the others asking for it meanwhile get the stale copy — for at most
COOPNEWS_PAGE_REVALIDATE_SECONDS after the generation was published; later requests render it
themselves. Without that, every commit of an import made every reader render at once, on the
cores the import needs (p99 1.2–2.9 s). A reader's page is thus at most COOPNEWS_PAGE_STALE_SECONDS
+ COOPNEWS_PAGE_REVALIDATE_SECONDS behind a commit during a batch, and
COOPNEWS_PAGE_REVALIDATE_SECONDS behind an editor's save; editors themselves are never served
from the cache.

What is cached: 200 responses to GET for readers without a session (editors always see pages
fresh), with content (streamed exports are not), no cookie set, nothing marked private or
`no-store` (`never_cache`: /healthz, the admin). The key holds the generation, the host the page
was asked for (checked against ALLOWED_HOSTS first: a cached page is no way around the check), the
reader's language and the full path with its query string. COOPNEWS_PAGE_CACHE_SECONDS bounds the
age of a page left by changes made outside Django (raw SQL, a restored dump); 0 turns the cache off.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse

from articles.archive import generation
from articles.archive.generation import made_at, pages_generation, rendering_for_readers

log = logging.getLogger(__name__)

CACHE_HEADER = "X-CoopNews-Cache"
# Cookies that don't change what a reader is shown (the language is part of the key).
HARMLESS_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
# Response headers never replayed from the cache.
UNCACHED_HEADERS = {"set-cookie", "date", CACHE_HEADER.lower()}


# --- the middleware ------------------------------------------------------------------------------


def _page_key(request) -> str:
    # get_host() raises DisallowedHost (400) for a host outside ALLOWED_HOSTS, before any lookup.
    parts = [request.get_host(), getattr(request, "LANGUAGE_CODE", ""), request.get_full_path()]
    raw = "\n".join(parts)
    return "coopnews:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _cacheable_request(request) -> bool:
    if request.method != "GET":
        return False
    if any(name not in HARMLESS_COOKIES for name in request.COOKIES):
        return False  # a session (an editor), messages to show: the page is someone's own
    return not request.path.startswith(reverse("admin:index"))


def _cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _someone_else_renders(key: str, current: str) -> bool:
    """Whether a stale copy of the page may be served: the pages generation `current` was published
    less than COOPNEWS_PAGE_REVALIDATE_SECONDS ago and another request is rendering the page for it.
    Otherwise this request takes the render (a short lock in the shared cache, held at most that
    long) or, past the window, renders regardless: no page older than the bound is served."""
    window = settings.COOPNEWS_PAGE_REVALIDATE_SECONDS
    published = made_at(current)
    if window <= 0 or published is None or generation.WALL_CLOCK() - published > window:
        return False
    return not cache.add(f"{key}:rendering:{current}", True, window)


def _replay(stored: tuple, state: str) -> HttpResponse:
    _generation, status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    response.headers[CACHE_HEADER] = state
    return response


class ReaderPageCacheMiddleware:
    """Serve readers' pages from the shared cache; store them after rendering (see the module doc).

    Sits after the language middleware (the key needs the language) and before everything that
    renders: a hit skips the view, its queries and its templates.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.COOPNEWS_PAGE_CACHE_SECONDS
        if not seconds or not _cacheable_request(request):
            return self.get_response(request)
        key = _page_key(request)
        current = pages_generation()
        stored = cache.get(key)
        if stored is not None and stored[0] == current:
            return _replay(stored, "hit")
        if stored is not None and _someone_else_renders(key, current):
            return _replay(stored, "stale")
        with rendering_for_readers():
            response = self.get_response(request)
        if _cacheable_response(response):
            headers = [(n, v) for n, v in response.items() if n.lower() not in UNCACHED_HEADERS]
            cache.set(key, (current, response.status_code, headers, response.content), seconds)
            response.headers[CACHE_HEADER] = "miss"
        elif stored is not None:
            cache.delete(f"{key}:rendering:{current}")  # nothing to replace the stale copy with
        return response
