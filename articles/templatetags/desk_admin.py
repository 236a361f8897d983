"""Template tags of the editors' desk (admin index)."""

from django import template

register = template.Library()

QUEUE_COUNT_CAP = 1000  # the index shows "1000+": counting a large queue exactly costs a full scan


@register.simple_tag
def review_queue_size() -> str:
    from articles.admin.queue import in_queue
    from articles.models import Article

    size = in_queue(Article.objects.order_by())[:QUEUE_COUNT_CAP].count()
    return f"{QUEUE_COUNT_CAP}+" if size >= QUEUE_COUNT_CAP else str(size) if size else ""
