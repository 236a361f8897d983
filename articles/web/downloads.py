"""Downloads: the article, officials and agreements lists as CSV or JSON Lines, with the lists' own
filters, streamed (the formats: articles/web/exporting.py for articles, shared with `export_articles`;
articles/web/entity_exports.py for officials and agreements, shared with `export_agreements`)."""

from __future__ import annotations

import csv

from django.http import StreamingHttpResponse

from articles.models import Agreement, Article, Official
from articles.web import entity_exports, exporting
from articles.web.filters import AgreementFilter, ArticleFilter, OfficialFilter
from articles.web.listing import rejected


class _Echo:
    """csv.writer target that hands each row back instead of storing it."""

    def write(self, value):
        return value


def _streamed(lines, filename, content_type):
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_lines(header, rows, excel: bool):
    """CSV text a row at a time; `excel`: a byte order mark first, so Excel reads it as UTF-8."""
    writer = csv.writer(_Echo(), lineterminator="\n")
    yield (exporting.EXCEL_BOM if excel else "") + writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


def _wants_excel(request) -> bool:
    return request.GET.get("excel") == "1"


def _per_story(request) -> bool:
    """`?per=story`: one row per story (its lead's, with the story's reports and outlets); any
    other value, one row per article."""
    return request.GET.get("per") == "story"


def _records(request, f):
    return (exporting.story_records if _per_story(request) else exporting.article_records)(f.qs)


def export_csv(request):
    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not f.is_valid():
        return rejected(f)
    rows = (exporting.csv_row(record) for record in _records(request, f))
    lines = _csv_lines(exporting.csv_header(_per_story(request)), rows, _wants_excel(request))
    name = "coopnews-stories.csv" if _per_story(request) else "coopnews-articles.csv"
    return _streamed(lines, name, "text/csv; charset=utf-8")


def export_jsonl(request):
    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not f.is_valid():
        return rejected(f)
    lines = (exporting.jsonl_line(record) + "\n" for record in _records(request, f))
    name = "coopnews-stories.jsonl" if _per_story(request) else "coopnews-articles.jsonl"
    return _streamed(lines, name, "application/x-ndjson; charset=utf-8")


def _list_export(request, filterset, queryset, records, name: str, columns=(), csv_row=None):
    """A list page's download with the list's own filters: CSV when `csv_row` is given, else JSON
    Lines; an invalid filter is a 400 saying why."""
    f = filterset(request.GET, queryset=queryset)
    if not f.is_valid():
        return rejected(f)
    if csv_row is not None:
        rows = (csv_row(record) for record in records(f.qs))
        lines = _csv_lines(list(columns), rows, _wants_excel(request))
        return _streamed(lines, f"{name}.csv", "text/csv; charset=utf-8")
    lines = (exporting.jsonl_line(record) + "\n" for record in records(f.qs))
    return _streamed(lines, f"{name}.jsonl", "application/x-ndjson; charset=utf-8")


def export_officials_csv(request):
    return _list_export(
        request,
        OfficialFilter,
        Official.objects.visible(),
        entity_exports.official_records,
        "coopnews-officials",
        entity_exports.OFFICIAL_COLUMNS,
        entity_exports.official_csv_row,
    )


def export_officials_jsonl(request):
    return _list_export(
        request,
        OfficialFilter,
        Official.objects.visible(),
        entity_exports.official_records,
        "coopnews-officials",
    )


def export_agreements_csv(request):
    return _list_export(
        request,
        AgreementFilter,
        Agreement.objects.visible(),
        entity_exports.agreement_records,
        "coopnews-agreements",
        entity_exports.AGREEMENT_COLUMNS,
        entity_exports.agreement_csv_row,
    )


def export_agreements_jsonl(request):
    return _list_export(
        request,
        AgreementFilter,
        Agreement.objects.visible(),
        entity_exports.agreement_records,
        "coopnews-agreements",
    )
