from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switch carries no CSRF token, so readers' pages hold nothing per visitor and can
    # be served from the shared cache (articles/web/page_cache.py). A forged switch can only change the
    # language a reader's pages are shown in; it touches no account and no data.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("articles.web.urls")),
]
