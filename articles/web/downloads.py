"""Downloads: the article, officials and agreements lists as CSV or JSON Lines, with the lists' own
filters, streamed (articles/web/exporting.py has the formats, shared with `export_articles`)."""

from __future__ import annotations

import csv

from django.http import StreamingHttpResponse

from articles.models import Agreement, Article, Official
from articles.web import exporting
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


def export_csv(request):
    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not f.is_valid():
        return rejected(f)
    rows = (exporting.csv_row(record) for record in exporting.article_records(f.qs))
    lines = _csv_lines(exporting.csv_header(), rows, _wants_excel(request))
    return _streamed(lines, "coopnews-articles.csv", "text/csv; charset=utf-8")


def export_jsonl(request):
    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    if not f.is_valid():
        return rejected(f)
    lines = (exporting.jsonl_line(record) + "\n" for record in exporting.article_records(f.qs))
    return _streamed(lines, "coopnews-articles.jsonl", "application/x-ndjson; charset=utf-8")


def _officials(request):
    f = OfficialFilter(request.GET, queryset=Official.objects.visible())
    return f, exporting.official_records(f.qs)


def export_officials_csv(request):
    f, records = _officials(request)
    if not f.is_valid():
        return rejected(f)
    rows = (exporting.official_csv_row(record) for record in records)
    lines = _csv_lines(list(exporting.OFFICIAL_COLUMNS), rows, _wants_excel(request))
    return _streamed(lines, "coopnews-officials.csv", "text/csv; charset=utf-8")


def export_officials_jsonl(request):
    f, records = _officials(request)
    if not f.is_valid():
        return rejected(f)
    lines = (exporting.jsonl_line(record) + "\n" for record in records)
    return _streamed(lines, "coopnews-officials.jsonl", "application/x-ndjson; charset=utf-8")


def _agreements(request):
    f = AgreementFilter(request.GET, queryset=Agreement.objects.visible())
    return f, exporting.agreement_records(f.qs)


def export_agreements_csv(request):
    f, records = _agreements(request)
    if not f.is_valid():
        return rejected(f)
    rows = (exporting.agreement_csv_row(record) for record in records)
    lines = _csv_lines(list(exporting.AGREEMENT_COLUMNS), rows, _wants_excel(request))
    return _streamed(lines, "coopnews-agreements.csv", "text/csv; charset=utf-8")


def export_agreements_jsonl(request):
    f, records = _agreements(request)
    if not f.is_valid():
        return rejected(f)
    lines = (exporting.jsonl_line(record) + "\n" for record in records)
    return _streamed(lines, "coopnews-agreements.jsonl", "application/x-ndjson; charset=utf-8")
