"""The reader's URLs. They are fixed: bookmarks, feeds and tools rely on them."""

from django.urls import path

from articles.web import dossiers, downloads, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/feed/", views.article_feed, name="article_feed"),
    path("articles/export.csv", downloads.export_csv, name="export_csv"),
    path("articles/export.jsonl", downloads.export_jsonl, name="export_jsonl"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("pairs/", dossiers.pair_matrix, name="pair_matrix"),
    path("pairs/<str:slug>/", dossiers.pair_detail, name="pair"),
    path("pairs/<str:slug>/feed/", dossiers.pair_feed, name="pair_feed"),
    path("countries/", dossiers.country_list, name="country_list"),
    path("countries/<str:iso>/", dossiers.country_detail, name="country"),
    path("officials/", dossiers.official_list, name="official_list"),
    path("officials/export.csv", downloads.export_officials_csv, name="export_officials_csv"),
    path("officials/export.jsonl", downloads.export_officials_jsonl, name="export_officials_jsonl"),
    path("officials/<int:pk>/", dossiers.official_detail, name="official"),
    path("agreements/", dossiers.agreement_list, name="agreement_list"),
    path("agreements/export.csv", downloads.export_agreements_csv, name="export_agreements_csv"),
    path("agreements/export.jsonl", downloads.export_agreements_jsonl, name="export_agreements_jsonl"),
    path("agreements/<int:pk>/", dossiers.agreement_detail, name="agreement"),
    path("healthz", views.healthz, name="healthz"),
]
