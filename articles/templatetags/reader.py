"""The reader's template tags: registrations only. The helpers live in articles/web/presentation.py,
shared with the views."""

from django import template

from articles.web import presentation

register = template.Library()

register.filter("cname", presentation.cname)
register.filter("official_name", presentation.official_name)
register.filter("source_name", presentation.source_name)
register.filter("english_name", presentation.english_name)
register.filter("pdate", presentation.pdate)
register.filter("pdate_iso", presentation.pdate_iso)
register.filter("pdate_note", presentation.pdate_note)
register.filter("month_label", presentation.month_label)
register.filter("marked", presentation.marked)
register.filter("clip", presentation.clip)
register.filter("is_web_url", presentation.is_web_url)
register.simple_tag(presentation.shade, name="shade")
register.simple_tag(presentation.options, name="options")
