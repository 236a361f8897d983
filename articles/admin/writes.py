"""The admin's writes reach readers: every admin page of the archive that saved something says so.

Editors change the archive through forms, inlines, bulk actions (some through `QuerySet.update()` or
bulk history helpers that send no model signal), deletions, merges and history reverts. Each of them
ends the same way when it succeeded: a POST from a signed-in staff user answered with a redirect.
So the ModelAdmin's views are wrapped once, here, rather than each write path remembering to call
the archive's generation: after such a response the pages generation is replaced
(articles/archive/generation.py). A POST from anyone else (refused by the admin's own login
redirect, its CSRF check or a permission check) and a form shown again with errors replace nothing.
"""

from __future__ import annotations

import functools

from django.contrib import admin
from django.urls import URLPattern

from articles.archive import generation


def _saved(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "POST"
        and user is not None
        and user.is_active
        and user.is_staff
        and response.status_code in (301, 302, 303)
    )


def publishes_writes(view):
    """Wrap an admin view: a successful write by an editor makes readers' pages stale."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if _saved(request, response):
            generation.bump_on_commit()
        return response

    return wrapped


class ArchiveAdmin(admin.ModelAdmin):
    """Base of every ModelAdmin of the archive's models (a test checks that none is left out)."""

    def get_urls(self):
        return [
            URLPattern(p.pattern, publishes_writes(p.callback), p.default_args, p.name)
            if isinstance(p, URLPattern)
            else p
            for p in super().get_urls()
        ]
