"""Stories on the editors' desk: merge two stories, split an article off its story.

Each action records a StoryJudgement, which the import resolver consults before any similarity:
the editor's word lasts through re-import and `reextract`.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html

from articles.admin.writes import ArchiveAdmin
from articles.archive import story_editing
from articles.models import Article, Story, StoryJudgement
from articles.models.stories import earliest_first
from articles.web.presentation import pdate


class StoryArticleInline(admin.TabularInline):
    model = Article
    fields = ("link", "source", "date_display")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "статьи сюжета (первая — ведущая)"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source").order_by(*earliest_first())

    @admin.display(description="статья")
    def link(self, article):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[article.pk]), article.title
        )

    @admin.display(description="дата")
    def date_display(self, article):
        return pdate(article)


@admin.register(Story)
class StoryAdmin(ArchiveAdmin):
    list_display = ("__str__", "size", "created_at")
    list_filter = ()
    ordering = ("-size", "-id")
    readonly_fields = ("size", "created_at")
    inlines = (StoryArticleInline,)
    actions = ("merge_stories",)

    def has_add_permission(self, request):
        return False

    @admin.action(description="Объединить выбранные сюжеты в один", permissions=["change"])
    def merge_stories(self, request, queryset):
        chosen = list(queryset.order_by("id"))
        if len(chosen) < 2:
            self.message_user(request, "Выберите хотя бы два сюжета.", messages.WARNING)
            return
        with transaction.atomic():
            target = chosen[0]
            for other in chosen[1:]:
                story_editing.merge(target, other, editor=request.user)
        target.refresh_from_db()
        self.message_user(request, f"Сюжеты объединены в «{target}»: статей {target.size}.", messages.SUCCESS)


@admin.register(StoryJudgement)
class StoryJudgementAdmin(ArchiveAdmin):
    list_display = ("article", "other", "verdict", "editor", "created_at")
    list_filter = ("verdict",)
    raw_id_fields = ("article", "other")
    readonly_fields = ("editor", "created_at")


@admin.action(description="Отделить выбранные статьи от их сюжетов", permissions=["change"])
def split_from_story(modeladmin, request, queryset):
    with transaction.atomic():
        articles = list(Article.objects.select_for_update().filter(pk__in=queryset.values("pk")))
        for article in articles:
            story_editing.split(article, editor=request.user)
    modeladmin.message_user(
        request, f"Отделено статей: {len(articles)}; каждая теперь — отдельный сюжет.", messages.SUCCESS
    )
