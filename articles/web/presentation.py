"""Presentation helpers shared by the reader's views and templates (registered as template tags by
articles/templatetags/reader.py): names and dates in the page's language, article bodies
with the recognised entities linked, search snippets. Everything from articles is escaped first;
only the markup added here is trusted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import iuliia
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from articles.pipeline.dates import PartialDate, Precision
from articles.pipeline.extraction.names import is_case_form
from articles.web.search import MARK_END, MARK_START

# Choice labels live untranslated in models.py; these make `makemessages` keep their English.
CHOICE_LABELS = [
    gettext_noop("меморандум"),
    gettext_noop("протокол"),
    gettext_noop("соглашение"),
    gettext_noop("договор"),
    gettext_noop("декларация"),
    gettext_noop("план"),
    gettext_noop("программа"),
    gettext_noop("дорожная карта"),
    gettext_noop("контракт"),
    gettext_noop("заявление"),
    gettext_noop("другое"),
    gettext_noop("планируется"),
    gettext_noop("проект"),
    gettext_noop("парафировано"),
    gettext_noop("подписано"),
    gettext_noop("ратифицировано"),
    gettext_noop("вступило в силу"),
]


def english() -> bool:
    return (get_language() or "ru").startswith("en")


def cname(country) -> str:
    """A Country's name in the page's language (also works on None: an empty string)."""
    if country is None:
        return ""
    return (country.name_en if english() else country.name_ru) or country.name_ru


def transliterated(text: str) -> str:
    """Latin letters for a Russian name by the Wikipedia scheme: «Сергей Шойгу» → «Sergey Shoygu»."""
    return iuliia.WIKIPEDIA.translate(text) if text else ""


def english_name(name: str, name_en: str = "") -> str:
    """A person's or outlet's name in the page's language: on English pages the editor's English
    name, else a transliteration."""
    if not english():
        return name
    return name_en or transliterated(name)


def official_name(official) -> str:
    """An Official's name in the page's language (also works on None: an empty string)."""
    if official is None:
        return ""
    return english_name(official.full_name, official.name_en)


def source_name(outlet) -> str:
    """An Outlet's name in the page's language (also works on None: an empty string)."""
    return "" if outlet is None else english_name(outlet.name, outlet.name_en)


def human_date(date: PartialDate) -> str:
    """A date at its precision, in the page's language. Month names and full dates come from
    Django's locale formats («18 августа 2024», «18 August 2024»: `E` is the genitive in Russian);
    only the shapes no format covers (a month, a day without its year) are put together here."""
    p = date.precision
    if p == Precision.DAY:
        return date_format(dt.date(date.year, date.month, date.day), "j E Y")
    if p == Precision.MONTH:
        return date_format(dt.date(date.year, date.month, 1), "F Y")
    if p == Precision.YEAR:
        return str(date.year)
    if p == Precision.DAY_MONTH:
        # 2000 is a leap year, so 29 February without a year is still a day.
        day_month = date_format(dt.date(2000, date.month, date.day), "j E")
        return _("%(day_month)s, год не указан") % {"day_month": day_month}
    return _("дата неизвестна")


def pdate(obj) -> str:
    """An article's or agreement's date at its precision: «18 августа, год не указан»; with an
    estimated year, «18 августа [2025?]»."""
    try:
        date = PartialDate(obj.date_year, obj.date_month, obj.date_day)
        date.validate()
    except (AttributeError, ValueError, TypeError):
        return _("дата неизвестна")
    estimated = getattr(obj, "estimated_date", None)
    if estimated is not None:
        day_month = date_format(dt.date(estimated.year, estimated.month, estimated.day), "j E")
        if obj.date_month is None:  # the whole date is the story's: «[15 октября 2025?]»
            return f"[{day_month} {estimated.year}?]"
        return f"{day_month} [{estimated.year}?]"
    return human_date(date)


def pdate_note(obj) -> str:
    """The tooltip of an estimated year (or date): where it came from."""
    if getattr(obj, "estimated_date", None) is None:
        return ""
    if obj.date_month is None:
        return _("Дата в тексте не указана; оценка: %(source)s") % {
            "source": _(obj.get_date_estimated_from_display())
        }
    return _("Год в тексте не указан; оценка: %(source)s") % {
        "source": _(obj.get_date_estimated_from_display())
    }


def pdate_iso(obj) -> str:
    try:
        return PartialDate(obj.date_year, obj.date_month, obj.date_day).iso() or ""
    except (AttributeError, ValueError, TypeError):
        return ""


def month_short(month: int) -> str:
    """A month under a chart's bar: «янв» / «Jan»."""
    short = date_format(dt.date(2000, month, 1), "b")  # the locale's own abbreviation: «янв», «jan»
    return short.capitalize() if english() else short


def month_label(value) -> str:
    """(year, month) → «май 2024» / «May 2024»."""
    year, month = value
    return human_date(PartialDate(year, month))


def clip(text, length: int = 240) -> str:
    """At most `length` characters of `text`, cut between words, «…» when something was cut."""
    text = text or ""
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > 0 else length].rstrip(" ,;:—-") + " …"


def marked(text) -> SafeString:
    """Escape a search snippet, then turn its match sentinels into <mark> elements."""
    if not text:
        return mark_safe("")
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):  # a fragment cut inside a match
        html = html.replace("<mark>", "").replace("</mark>", "")
    return mark_safe(html)  # escaped above; only <mark> added


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str
    kind: str  # country | official | agreement
    label: str


def _spans(claim) -> list[tuple[int, int]]:
    raw = claim.spans or ([[claim.start, claim.end]] if claim.start is not None else [])
    spans = []
    for span in raw if isinstance(raw, list) else []:
        if (
            isinstance(span, (list, tuple))
            and len(span) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
        ):
            spans.append((span[0], span[1]))
    return spans


def claim_links(country_claims, official_claims, agreement_claims) -> list[Link]:
    links = []
    for claim in country_claims:
        for s, e in _spans(claim):
            links.append(Link(s, e, claim.country_url, "country", cname(claim.country)))
    for claim in official_claims:
        for s, e in _spans(claim):
            links.append(Link(s, e, claim.official_url, "official", official_name(claim.official)))
    for claim in agreement_claims:
        for s, e in _spans(claim):
            links.append(Link(s, e, claim.agreement_url, "agreement", claim.agreement.title))
    return links


def linked_body(body: str, links: list[Link]) -> SafeString:
    """The body as paragraphs, each recognised span a link to its entity. Spans that fall outside the
    body or overlap an earlier, longer one are skipped (links can't nest)."""
    chosen: list[Link] = []
    end_of_last = -1
    for link in sorted(links, key=lambda x: (x.start, -(x.end - x.start))):
        if 0 <= link.start < link.end <= len(body) and link.start >= end_of_last:
            chosen.append(link)
            end_of_last = link.end
    parts: list[str] = []
    pos = 0
    for link in chosen:
        parts.append(escape(body[pos : link.start]))
        parts.append(
            format_html(
                '<a class="hl hl-{}" href="{}" title="{}">{}</a>',
                link.kind,
                link.url,
                link.label,
                body[link.start : link.end],
            )
        )
        pos = link.end
    parts.append(escape(body[pos:]))
    html = "".join(parts)
    paragraphs = [p.strip() for p in html.replace("\r\n", "\n").split("\n\n")]
    return mark_safe(
        "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs if p)
    )  # pieces escaped above


def shade(count, maximum) -> str:
    """CSS class for a matrix cell: six buckets on a square-root scale (0 = no articles)."""
    if not count:
        return "shade-0"
    if not maximum or maximum <= 1:
        return "shade-5"
    ratio = (count**0.5 - 1) / (maximum**0.5 - 1)
    return f"shade-{min(5, 1 + int(ratio * 5))}"


def is_web_url(url) -> bool:
    """Only http(s) addresses become links: an imported `javascript:` URL stays text."""
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def options(choices, selected=None) -> SafeString:
    """<option>s for (value, label) pairs, built in one go: a 250-country select rendered with the
    template's own loop costs more than every query of the page."""
    chosen = {str(v) for v in selected} if isinstance(selected, (list, tuple, set)) else {str(selected)}
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, mark_safe(" selected") if str(value) in chosen else "", label) for value, label in choices),
    )


def country_choices(rows) -> list[tuple[str, str]]:
    """(iso, name in the page's language) sorted by name, from (iso, name_ru, name_en) rows."""
    en = english()
    return sorted(
        ((iso, (name_en or name_ru) if en else name_ru) for iso, name_ru, name_en in rows), key=lambda c: c[1]
    )


def public_aliases(official, aliases) -> list:
    """The other names an official's page lists: spellings, transliterations, name changes. The
    case forms an import recorded ("Ильхама Алиева") stay internal: they only match the next text."""
    return [a for a in aliases if not is_case_form(a.name, official.full_name)]
