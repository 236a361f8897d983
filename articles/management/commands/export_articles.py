"""export_articles: the archive as JSONL (one object per article) or CSV (one row per article)."""

from __future__ import annotations

import csv
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from articles.models import Article
from articles.web.exporting import (
    EXCEL_BOM,
    article_records,
    csv_header,
    csv_row,
    jsonl_line,
    story_records,
)


class Command(BaseCommand):
    help = (
        "Export articles with their visible (proposed or confirmed) countries, pairs, officials and "
        "agreements. Filters are those of the reader pages."
    )

    def add_arguments(self, parser):
        add_output_arguments(parser)
        parser.add_argument(
            "--country", action="append", default=[], metavar="XX", help="ISO code; repeat for all of several"
        )
        parser.add_argument(
            "--pair", metavar="A-B", help="two countries by code or name, e.g. CN-RU or Россия-Китай"
        )
        parser.add_argument("--official", metavar="ID", help="an official's id")
        parser.add_argument("--agreement-kind", metavar="KIND", help="memorandum, protocol, agreement, …")
        parser.add_argument("--date-after", metavar="YYYY-MM-DD", help="published on or after this day")
        parser.add_argument("--date-before", metavar="YYYY-MM-DD", help="published on or before this day")
        parser.add_argument("--source", metavar="OUTLET", help="an outlet's name, spelling or id")
        parser.add_argument("--q", metavar="TEXT", help="full-text search")
        parser.add_argument("--sort", choices=["newest", "oldest", "relevance"], help="default: newest")
        parser.add_argument(
            "--per-story",
            action="store_true",
            help="one row per story: its lead's fields, the story id, its number of reports and their outlets",
        )

    def handle(self, *args, **options):
        check_output_arguments(options)
        queryset = self._filtered(options)
        records = (story_records if options["per_story"] else article_records)(queryset)
        count = write_records(self, options, csv_header(options["per_story"]), csv_row, records)
        if options["output"]:
            what = "stories" if options["per_story"] else "articles"
            self.stderr.write(f"{count} {what} written to {options['output']}")

    def _filtered(self, options):
        params = {
            "pair": options["pair"],
            "official": options["official"],
            "agreement_kind": options["agreement_kind"],
            "date_after": options["date_after"],
            "date_before": options["date_before"],
            "source": options["source"],
            "q": options["q"],
            "sort": options["sort"],
        }
        data = QueryDict(mutable=True)
        for key, value in params.items():
            if value not in (None, ""):
                data[key] = value
        for code in options["country"]:
            data.appendlist("country", code)
        from articles.web.filters import ArticleFilter  # the reader pages' one definition of each filter

        article_filter = ArticleFilter(data, queryset=Article.objects.all())
        if not article_filter.is_valid():
            problems = "; ".join(
                f"--{field.replace('_', '-')}: {' '.join(messages)}"
                if field != "__all__"
                else " ".join(messages)
                for field, messages in article_filter.errors.items()
            )
            raise CommandError(f"bad filter: {problems}")
        if not options["sort"] and not options["q"]:
            return article_filter.qs.order_by("id")  # a dump reads best in import order
        return article_filter.qs


def add_output_arguments(parser) -> None:
    """--format, --output and --excel: the same for every export command."""
    parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="default: jsonl")
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    parser.add_argument(
        "--excel",
        action="store_true",
        help="CSV for Excel: start with a UTF-8 byte order mark, so Cyrillic opens ungarbled",
    )


def check_output_arguments(options) -> None:
    if options["excel"] and options["format"] != "csv":
        raise CommandError("--excel is for CSV: add --format csv")


def write_records(command: BaseCommand, options, header, csv_row, records) -> int:
    """Write `records` as the options ask (JSONL, or CSV rows by `csv_row` under `header`); the count."""
    count = 0
    with opened(command, options["output"]) as write:
        if options["format"] == "csv":
            if options["excel"]:
                write(EXCEL_BOM)
            writer = csv.writer(_Lines(write), lineterminator="\n")
            writer.writerow(header)
            for record in records:
                writer.writerow(csv_row(record))
                count += 1
        else:
            for record in records:
                write(jsonl_line(record) + "\n")
                count += 1
    return count


@contextmanager
def opened(command: BaseCommand, output: str | None):
    """A `write(text)` to the file `output`, or to the command's standard output."""
    if not output:
        yield lambda text: command.stdout.write(text, ending="")
        return
    path = Path(output)
    try:
        fh = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise CommandError(f"cannot write {output}: {exc.strerror or exc}") from None
    with fh:
        yield fh.write


class _Lines:
    """A file-like `write` for csv.writer over any text sink."""

    def __init__(self, write):
        self.write = write
