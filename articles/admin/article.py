"""Articles on the editors' desk: the review queue, the evidence, corrections that imports keep."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, Value
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.utils import bulk_update_with_history

from articles.admin.claims import CLAIM_INLINES, CLAIM_MODELS, claim_marks, save_claim_formset
from articles.admin.counts import count_of
from articles.admin.derived import RecountsPairsOnDelete
from articles.admin.highlight import highlight
from articles.admin.history import DeskHistoryAdmin
from articles.admin.stories import split_from_story
from articles.archive import pair_months
from articles.models import Article, ArticlePair, ClaimState, ReviewState, YearEstimate
from articles.web.presentation import pdate

QUEUE_PARAM = "queue"
BULK_REASON = "confirmed in bulk from the review queue"


def has_claims_in(state=ClaimState.PROPOSED):
    """Exists() per claim kind, OR-ed: the article has at least one claim in `state`."""
    condition = None
    for model in CLAIM_MODELS:
        exists = Exists(model.objects.filter(article=OuterRef("pk"), state=state))
        condition = exists if condition is None else condition | exists
    return condition


def in_queue(queryset):
    """The review queue: unreviewed articles with something proposed, oldest first."""
    return queryset.filter(has_claims_in(), review_state=ReviewState.UNREVIEWED).order_by("created_at", "id")


def proposed_count():
    total = Value(0)
    for model in CLAIM_MODELS:
        total = total + count_of(model, "article", state=ClaimState.PROPOSED)
    return total


class ReviewFilter(admin.SimpleListFilter):
    title = "очередь проверки"
    parameter_name = QUEUE_PARAM

    def lookups(self, request, model_admin):
        return [
            ("yes", "в очереди: не проверена, есть предложенное"),
            ("proposed", "есть предложенное"),
            ("rejected", "есть отклонённое"),
            ("none", "нет предложенного"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "yes":
            return in_queue(queryset)
        if value == "proposed":
            return queryset.filter(has_claims_in())
        if value == "rejected":
            return queryset.filter(has_claims_in(ClaimState.REJECTED))
        if value == "none":
            return queryset.exclude(has_claims_in())
        return queryset


@admin.register(Article)
class ArticleAdmin(RecountsPairsOnDelete, DeskHistoryAdmin):
    list_display = ("title", "date_display", "source", "review_state", "proposed", "created_at")
    list_filter = (
        ReviewFilter,
        "review_state",
        "date_precision",
        "date_estimated_from",
        ("source", admin.RelatedOnlyFieldListFilter),
        "is_generated",
    )
    list_select_related = ("source",)
    search_fields = ("title", "source_file")
    date_hierarchy = "created_at"
    list_per_page = 50
    show_full_result_count = False  # "N of M" would count the whole archive on every filtered page
    autocomplete_fields = ("source",)
    actions = ("confirm_all_proposed", "mark_reviewed", "confirm_estimated_years", split_from_story)
    inlines = CLAIM_INLINES
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    ("date_day", "date_month", "date_year"),
                    ("date_estimated_year", "date_estimated_from"),
                    "date_summary",
                    ("source", "place"),
                    "url",
                    "review_state",
                )
            },
        ),
        ("Текст и найденное в нём", {"fields": ("marked_body",)}),
        (
            "Происхождение",
            {
                "classes": ("collapse",),
                "fields": (
                    "source_file",
                    "import_batch",
                    "title_derived",
                    "edited_fields",
                    "fingerprint",
                    "created_at",
                    "updated_at",
                ),
            },
        ),
        ("Исходный текст файла", {"classes": ("collapse",), "fields": ("raw_text",)}),
    )
    readonly_fields = (
        "date_estimated_from",
        "date_summary",
        "marked_body",
        "source_file",
        "import_batch",
        "title_derived",
        "edited_fields",
        "fingerprint",
        "created_at",
        "updated_at",
        "raw_text",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(proposed_total=proposed_count())

    def has_add_permission(self, request):
        return False  # articles come from imports (import_articles); the desk corrects them

    def get_ordering(self, request):
        if request.GET.get(QUEUE_PARAM) == "yes":
            return ("created_at", "id")  # the queue: oldest first
        return super().get_ordering(request)

    def get_urls(self):
        return [
            path(
                "queue/",
                self.admin_site.admin_view(self.queue_view),
                name="articles_article_queue",
            ),
            *super().get_urls(),
        ]

    def queue_view(self, request):
        url = reverse("admin:articles_article_changelist")
        # Sorted by the "created" column, so the table's header shows the queue's order too
        # (column 0 is the action checkbox).
        column = list(self.list_display).index("created_at") + 1
        return HttpResponseRedirect(f"{url}?{QUEUE_PARAM}=yes&o={column}")

    # --- columns and read-only fields -----------------------------------------------------------

    @admin.display(description="дата", ordering="date_from")
    def date_display(self, article):
        return pdate(article)

    @admin.display(description="предложено", ordering="proposed_total")
    def proposed(self, article):
        return article.proposed_total

    @admin.display(description="дата по тексту")
    def date_summary(self, article):
        if article.pk is None:
            return "—"
        return f"{pdate(article)} (точность: {article.get_date_precision_display()})"

    @admin.display(description="текст")
    def marked_body(self, article):
        legend = format_html(
            '<p class="desk-legend">{} {} {} · {} {} {}</p>',
            format_html('<mark class="hl hl-country">{}</mark>', "страна"),
            format_html('<mark class="hl hl-official">{}</mark>', "лицо"),
            format_html('<mark class="hl hl-agreement">{}</mark>', "соглашение"),
            format_html('<mark class="hl hl-proposed">{}</mark>', "предложено"),
            format_html('<mark class="hl hl-confirmed">{}</mark>', "подтверждено"),
            format_html('<mark class="hl hl-rejected">{}</mark>', "отклонено"),
        )
        return format_html(
            '{}<div class="desk-body" lang="ru">{}</div>',
            legend,
            highlight(article.body, claim_marks(article)),
        )

    # --- saving ---------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        changed = self.changed_fields(obj, form)
        if "title" in changed:
            obj.title_derived = False
        if "date_estimated_year" in changed:
            obj.date_estimated_from = YearEstimate.EDITOR if obj.date_estimated_year else ""
        if "_reviewed_next" in request.POST:
            obj.review_state = ReviewState.REVIEWED
        with pair_months.recounting(self.pairs_of([obj.pk])):  # a new year or month moves its pairs
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is ArticlePair:  # pairs added, deleted, rejected, restored or moved
            with pair_months.recounting(self.pairs_of([form.instance.pk])):
                save_claim_formset(formset)
        elif formset.model in CLAIM_MODELS:
            save_claim_formset(formset, editor=request.user)
        else:
            super().save_formset(request, form, formset, change)

    @staticmethod
    def pairs_of(pks: list) -> Q:
        return Q(article__in=pks)

    def response_change(self, request, obj):
        if "_reviewed_next" in request.POST:
            self.message_user(request, f"«{obj}» проверена.", messages.SUCCESS)
            following = in_queue(Article.objects.exclude(pk=obj.pk)).first()
            if following is None:
                self.message_user(request, "Очередь проверки пуста.", messages.INFO)
                return HttpResponseRedirect(reverse("admin:articles_article_queue"))
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[following.pk]))
        return super().response_change(request, obj)

    # --- bulk actions ---------------------------------------------------------------------------

    @admin.action(description="Подтвердить всё предложенное в выбранных статьях", permissions=["change"])
    def confirm_all_proposed(self, request, queryset):
        now = timezone.now()
        confirmed = 0
        touched: set[int] = set()
        ids = list(queryset.values_list("pk", flat=True))
        with transaction.atomic():
            for model in CLAIM_MODELS:
                claims = list(
                    model.objects.select_for_update().filter(article__in=ids, state=ClaimState.PROPOSED)
                )
                # Proposed → confirmed: a pair stays visible, so the pair × month table is unchanged.
                for claim in claims:
                    claim.state, claim.decided_at = ClaimState.CONFIRMED, now
                    touched.add(claim.article_id)
                if claims:
                    bulk_update_with_history(
                        claims,
                        model,
                        ["state", "decided_at"],
                        default_user=request.user,
                        default_change_reason=BULK_REASON,
                    )
                confirmed += len(claims)
        self.message_user(
            request,
            f"Подтверждено упоминаний: {confirmed}, в статьях: {len(touched)} "
            f"(выбрано статей: {len(ids)}, без предложенного: {len(ids) - len(touched)}).",
            messages.SUCCESS if confirmed else messages.WARNING,
        )

    @admin.action(description="Подтвердить оценку года у выбранных статей", permissions=["change"])
    def confirm_estimated_years(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        confirmed = 0
        with transaction.atomic():
            for article in Article.objects.select_for_update().filter(
                pk__in=ids, date_estimated_year__isnull=False
            ):
                if article.confirm_estimated_year():
                    article._change_reason = "estimated year confirmed"
                    article.save()
                    confirmed += 1
        self.message_user(
            request,
            f"Год подтверждён: {confirmed} (выбрано статей: {len(ids)}, без оценки года: {len(ids) - confirmed}).",
            messages.SUCCESS if confirmed else messages.WARNING,
        )

    @admin.action(description="Отметить выбранные статьи проверенными", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        with transaction.atomic():
            articles = list(
                Article.objects.select_for_update()
                .filter(pk__in=ids)
                .exclude(review_state=ReviewState.REVIEWED)
            )
            selected = len(ids)
            for article in articles:
                article.review_state = ReviewState.REVIEWED
            if articles:
                bulk_update_with_history(
                    articles,
                    Article,
                    ["review_state"],
                    default_user=request.user,
                    default_change_reason="marked reviewed",
                )
        self.message_user(
            request,
            f"Отмечено проверенными: {len(articles)} (уже были проверены: {selected - len(articles)}).",
            messages.SUCCESS if articles else messages.WARNING,
        )
