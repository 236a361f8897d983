"""Filters for the article list, its exports and `export_articles` — one definition of each parameter.

    f = ArticleFilter(request.GET, queryset=Article.objects.all())
    f.qs          # filtered and sorted; nothing at all when any parameter is invalid
    f.errors      # what was wrong, per parameter

Parameters (all optional; a plain dict works too, `country` may then be a str or a list):

- `country` — ISO code, repeatable: articles mentioning *all* of them (visible country claims).
- `pair` — two countries by ISO code or name (Russian or English), either order, any case, joined
  by a hyphen, dash or space: `CN-RU` = `ru-cn` = «Россия-Китай» = «Russia–China».
- `official` — an official's id: articles with a visible claim of that person.
- `agreement_kind` — an Agreement.Kind value: articles with a visible claim of such an agreement.
- `source` — the outlet: its id, or its name or any known spelling («ТАСС», «tass.ru»), any case.
- `date_after` / `date_before` — YYYY-MM-DD, inclusive. A partial date is in the range when it can
  fall in it (a month or a year overlapping the range). Articles without a year (day and month
  only, or no date) are left out as soon as either bound is given: they cannot be placed in time.
- `q` — full text (websearch syntax: words, "phrases", -exclusions, or), see articles/web/search.py.
- `sort` — `newest` (default), `oldest`, `relevance` (the default when `q` is given; without `q`
  it means newest). Articles whose year is unknown follow the dated ones, in the order of the day
  and month they give; undated articles come last either way.

Invalid input never widens the result: an unknown country, a malformed pair or date, an unknown
outlet or official — the form reports it and `qs` is empty.
"""

from __future__ import annotations

import re

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Agreement,
    AgreementClaim,
    Article,
    ArticlePair,
    Country,
    CountryClaim,
    Official,
    OfficialClaim,
    Outlet,
)
from articles.pipeline.text import normalise
from articles.web import reader, search
from articles.web.country_names import resolve_pair

MAX_COUNTRIES = 10
_ISO = re.compile(r"^[A-Za-z]{2}$")
_OUTLET_ID = re.compile(r"[0-9]{1,18}")  # not str.isdigit(): it accepts «²»
_PAIR = re.compile(r"^\s*([A-Za-z]{2})\s*[-–—_ ]\s*([A-Za-z]{2})\s*$")


class CountryCodesField(forms.ModelMultipleChoiceField):
    """Repeatable ISO codes, any case; cleans to the Country rows (one query)."""

    widget = forms.SelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Country.objects.all())
        kwargs.setdefault("to_field_name", "iso")
        super().__init__(**kwargs)

    def clean(self, value):
        if isinstance(value, str):
            value = [value]
        if isinstance(value, (list, tuple)):
            value = [v.strip().upper() for v in value if isinstance(v, str) and v.strip()]
            if len(value) > MAX_COUNTRIES:
                raise forms.ValidationError(
                    _("Не больше %(n)s стран за раз."), code="too_many", params={"n": MAX_COUNTRIES}
                )
            bad = [v for v in value if not _ISO.match(v)]
            if bad:
                raise forms.ValidationError(
                    _("«%(value)s» — не код страны ISO (две латинские буквы, например RU)."),
                    code="invalid_code",
                    params={"value": bad[0][:20]},
                )
        return super().clean(value)


class PairField(forms.CharField):
    """Two countries by ISO code or name, Russian or English, in either order and any case, joined
    by a hyphen, a dash or a space («CN-RU», «Россия-Китай», «Russia – China»); cleans to the two
    Country rows in ISO order."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        match = _PAIR.match(value)
        codes = match.groups() if match else resolve_pair(value)
        if not codes:
            raise forms.ValidationError(
                _(
                    "Не удалось узнать две страны в «%(value)s». Напишите их через дефис: "
                    "«Россия-Китай», «Russia-China» или CN-RU."
                ),
                code="invalid_pair",
                params={"value": value[:60]},
            )
        a, b = sorted(code.upper() for code in codes)
        if a == b:
            raise forms.ValidationError(_("Пара — это две разные страны."), code="same_country")
        countries = {c.iso: c for c in Country.objects.filter(iso__in=[a, b])}
        missing = [code for code in (a, b) if code not in countries]
        if missing:
            raise forms.ValidationError(
                _("Нет страны с кодом %(code)s."), code="unknown_country", params={"code": missing[0]}
            )
        return countries[a], countries[b]


class OutletField(forms.CharField):
    """An outlet by id, name or known spelling; cleans to the Outlet (one query)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if _OUTLET_ID.fullmatch(value):
            outlet = Outlet.objects.filter(pk=int(value)).first()
        else:
            key = normalise(value)
            outlet = (
                Outlet.objects.filter(Q(name=value.strip()) | Q(aliases__normalised=key))
                .order_by("pk")
                .first()
            )
        if outlet is None:
            raise forms.ValidationError(
                _("Нет такого издания: «%(value)s»."), code="unknown_source", params={"value": value[:60]}
            )
        return outlet


class CountriesFilter(django_filters.Filter):
    field_class = CountryCodesField


class PairFilter(django_filters.Filter):
    field_class = PairField


class OutletFilter(django_filters.Filter):
    field_class = OutletField


class ArticleFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        after, before = data.get("date_after"), data.get("date_before")
        if after and before and after > before:
            self.add_error("date_before", _("Конец периода раньше его начала."))
        return data


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    RELEVANCE = "relevance"
    CHOICES = [
        (NEWEST, _("сначала новые")),
        (OLDEST, _("сначала старые")),
        (RELEVANCE, _("по релевантности")),
    ]


ISO_DATE = ["%Y-%m-%d"]
NEWEST, OLDEST = reader.NEWEST, reader.OLDEST  # undated articles last either way


class ArticleFilter(django_filters.FilterSet):
    country = CountriesFilter(method="filter_country", label=_("Страна"))
    pair = PairFilter(method="filter_pair", label=_("Пара стран"))
    official = django_filters.ModelChoiceFilter(
        queryset=Official.objects.select_related("country"),
        method="filter_official",
        label=_("Должностное лицо"),
    )
    agreement_kind = django_filters.ChoiceFilter(
        choices=Agreement.Kind.choices, method="filter_agreement_kind", label=_("Вид соглашения")
    )
    source = OutletFilter(method="filter_source", label=_("Издание"))
    date_after = django_filters.DateFilter(
        method="filter_date_after",
        input_formats=ISO_DATE,
        label=_("С даты"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_before = django_filters.DateFilter(
        method="filter_date_before",
        input_formats=ISO_DATE,
        label=_("По дату"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    q = django_filters.CharFilter(
        method="filter_q",
        max_length=search.MAX_QUERY_LENGTH,
        strip=True,
        label=_("Поиск по тексту"),
    )
    sort = django_filters.ChoiceFilter(
        choices=Sort.CHOICES, method="filter_sort", label=_("Порядок"), empty_label=None
    )

    class Meta:
        model = Article
        fields: list[str] = []
        form = ArticleFilterForm

    def __init__(self, data=None, *args, **kwargs):
        # Unbound means "no filters": still sorted the same way as a bound empty form.
        super().__init__(data if data is not None else {}, *args, **kwargs)

    # -- each parameter ---------------------------------------------------------------------------

    def filter_country(self, queryset, name, countries):
        for country in countries:
            queryset = queryset.filter(
                Exists(CountryClaim.objects.visible().filter(article=OuterRef("pk"), country_id=country.iso))
            )
        return queryset

    def filter_pair(self, queryset, name, pair):
        a, b = pair
        return queryset.filter(
            Exists(
                ArticlePair.objects.visible().filter(
                    article=OuterRef("pk"), country_a_id=a.iso, country_b_id=b.iso
                )
            )
        )

    def filter_official(self, queryset, name, official):
        return queryset.filter(
            Exists(OfficialClaim.objects.visible().filter(article=OuterRef("pk"), official=official))
        )

    def filter_agreement_kind(self, queryset, name, kind):
        return queryset.filter(
            Exists(AgreementClaim.objects.visible().filter(article=OuterRef("pk"), agreement__kind=kind))
        )

    def filter_source(self, queryset, name, outlet):
        return queryset.filter(source=outlet)

    def filter_date_after(self, queryset, name, day):
        # date_to is null exactly when the year is unknown: those rows drop out here.
        return queryset.filter(date_to__gte=day)

    def filter_date_before(self, queryset, name, day):
        return queryset.filter(date_from__lte=day)

    def filter_q(self, queryset, name, q):
        return search.search(queryset, q)

    def filter_sort(self, queryset, name, value):
        return queryset  # applied last, in filter_queryset, once `q` has aliased the rank

    # -- the whole ------------------------------------------------------------------------------

    @property
    def query_text(self) -> str:
        return (self.form.cleaned_data.get("q") or "") if self.is_valid() else ""

    @property
    def sort_order(self) -> str:
        value = self.form.cleaned_data.get("sort") if self.is_valid() else None
        if self.query_text and value in (None, "", Sort.RELEVANCE):
            return Sort.RELEVANCE
        return value if value in (Sort.NEWEST, Sort.OLDEST) else Sort.NEWEST

    def filter_queryset(self, queryset):
        if not self.form.is_valid():
            return queryset.none()
        return self._sorted(super().filter_queryset(queryset))

    def _sorted(self, queryset):
        order = self.sort_order
        if order == Sort.OLDEST:
            return queryset.order_by(*OLDEST)
        if order == Sort.RELEVANCE:
            return queryset.order_by(F("rank").desc(), *NEWEST)
        return queryset.order_by(*NEWEST)

    def page_qs(self, limit: int):
        """`qs` for a page of the list: with `q`, only the `limit` newest matches (earliest for
        sort=oldest) are ranked and paginated, so a common word stays fast. Without `q`, `qs`."""
        q = self.query_text
        if not q:
            return self.qs
        window = OLDEST if self.sort_order == Sort.OLDEST else NEWEST
        ids = self.qs.order_by(*window).values("pk")[:limit]
        return self._sorted(search.rank(self.queryset.filter(pk__in=ids), q))


# --- the other lists -----------------------------------------------------------------------------


class CountryCodeField(forms.CharField):
    """One ISO code, any case; cleans to the upper-case code (an unknown code simply matches nothing)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 2)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if not _ISO.match(value):
            raise forms.ValidationError(
                _("«%(value)s» — не код страны ISO (две латинские буквы, например RU)."),
                code="invalid_code",
                params={"value": value[:20]},
            )
        return value.upper()


class CountryCodeFilter(django_filters.Filter):
    field_class = CountryCodeField


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class ValidatingFilterSet(django_filters.FilterSet):
    """Bound even without data; invalid input narrows to nothing."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data if data is not None else {}, *args, **kwargs)

    def filter_queryset(self, queryset):
        if not self.form.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)


class OfficialFilter(ValidatingFilterSet):
    """/officials/: `country` (ISO code) and `name` (any part of the name, any case)."""

    country = CountryCodeFilter(field_name="country_id", label=_("Страна"))
    name = django_filters.CharFilter(method="filter_name", max_length=100, label=_("Имя"))

    class Meta:
        model = Official
        fields: list[str] = []

    def filter_name(self, queryset, name, value):
        # `normalised` is already case-folded (ё→е): plain substring match works on SQLite too.
        return queryset.filter(normalised__contains=normalise(value))

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("full_name", "id")


class AgreementFilter(ValidatingFilterSet):
    """/agreements/: `kind`, `status`, `party` (ISO code) and `year`."""

    kind = django_filters.ChoiceFilter(choices=Agreement.Kind.choices, label=_("Вид"))
    status = django_filters.ChoiceFilter(choices=Agreement.Status.choices, label=_("Статус"))
    party = CountryCodeFilter(method="filter_party", label=_("Сторона"))
    year = YearFilter(field_name="date_year", min_value=1, max_value=9999, label=_("Год"))

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_party(self, queryset, name, iso):
        return queryset.filter(
            Exists(Agreement.parties.through.objects.filter(agreement=OuterRef("pk"), country_id=iso))
        )

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by(*NEWEST)
