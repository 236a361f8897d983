"""export_agreements: the agreements registry, one row per document (JSONL or CSV)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from articles.management.commands.export_articles import (
    add_output_arguments,
    check_output_arguments,
    write_records,
)
from articles.models import Agreement
from articles.web.entity_exports import (
    AGREEMENT_COLUMNS,
    agreement_csv_row,
    agreement_records,
)


class Command(BaseCommand):
    help = (
        "Export the agreements registry: one row per document with its kind, title, parties, "
        "signatories, status, signing date and every stage with its date and the articles that give "
        "it. Only visible agreements; filters are those of the agreements list."
    )

    def add_arguments(self, parser):
        add_output_arguments(parser)
        parser.add_argument("--kind", metavar="KIND", help="memorandum, protocol, agreement, …")
        parser.add_argument("--status", metavar="STATUS", help="planned, signed, ratified, in_force, …")
        parser.add_argument("--party", metavar="XX", help="a party's ISO code")
        parser.add_argument("--year", metavar="YYYY", help="the signing year")

    def handle(self, *args, **options):
        check_output_arguments(options)
        records = agreement_records(self._filtered(options))
        count = write_records(self, options, AGREEMENT_COLUMNS, agreement_csv_row, records)
        if options["output"]:
            self.stderr.write(f"{count} agreements written to {options['output']}")

    def _filtered(self, options):
        data = QueryDict(mutable=True)
        for key in ("kind", "status", "party", "year"):
            if options[key] not in (None, ""):
                data[key] = options[key]
        from articles.web.filters import (
            AgreementFilter,  # the agreements list's one definition of each filter
        )

        agreement_filter = AgreementFilter(data, queryset=Agreement.objects.visible())
        if not agreement_filter.is_valid():
            problems = "; ".join(
                f"--{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
                for field, messages in agreement_filter.errors.items()
            )
            raise CommandError(f"bad filter: {problems}")
        return agreement_filter.qs.order_by("id")  # a dump reads best in id order
