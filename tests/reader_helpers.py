"""A small archive for the reader's tests (test_reader_pages, test_filters, test_search, …),
built directly in the database so the pages are tested apart from import and extraction quality."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from articles.archive import pair_months
from articles.models import (
    Agreement,
    AgreementClaim,
    Article,
    ArticlePair,
    ClaimState,
    Country,
    CountryClaim,
    Official,
    OfficialClaim,
    Outlet,
)

_numbers = itertools.count(1)


def spans_of(body: str, *forms: str) -> list[list[int]]:
    spans = []
    for form in forms:
        start = body.find(form)
        while start >= 0:
            spans.append([start, start + len(form)])
            start = body.find(form, start + 1)
    return sorted(spans)


def make_article(title="Статья", body="Текст статьи.", *, date=(None, None, None), **fields) -> Article:
    n = next(_numbers)
    year, month, day = date
    return Article.objects.create(
        title=title,
        body=body,
        raw_text=fields.pop("raw_text", body),
        source_file=fields.pop("source_file", f"reader-{n}.txt"),
        fingerprint=fields.pop("fingerprint", f"reader-fingerprint-{n}"),
        date_year=year,
        date_month=month,
        date_day=day,
        **fields,
    )


def claim_country(article, iso, *forms, state=ClaimState.PROPOSED):
    spans = spans_of(article.body, *forms) if forms else []
    return CountryClaim.objects.create(
        article=article,
        country_id=iso,
        spans=spans,
        start=spans[0][0] if spans else None,
        end=spans[0][1] if spans else None,
        quote=article.body[spans[0][0] : spans[0][1]] if spans else "",
        state=state,
    )


def claim_pair(article, a, b, *, primary=True, state=ClaimState.PROPOSED):
    """A pair written as the writer writes one: counted in the pair × month table."""
    pair = ArticlePair.objects.create(
        article=article, country_a_id=a, country_b_id=b, primary=primary, state=state
    )
    pair_months.pairs_added(article, [pair])
    pair_months.refresh([article.story_id], [article.pk])
    return pair


def claim_official(article, official, *forms, position="", country=None, state=ClaimState.PROPOSED):
    spans = spans_of(article.body, *forms) if forms else []
    return OfficialClaim.objects.create(
        article=article,
        official=official,
        spans=spans,
        start=spans[0][0] if spans else None,
        end=spans[0][1] if spans else None,
        position=position,
        country_id=country,
        state=state,
    )


def claim_agreement(article, agreement, *forms, state=ClaimState.PROPOSED):
    spans = spans_of(article.body, *forms) if forms else []
    return AgreementClaim.objects.create(
        article=article,
        agreement=agreement,
        spans=spans,
        start=spans[0][0] if spans else None,
        end=spans[0][1] if spans else None,
        state=state,
    )


def build_archive() -> SimpleNamespace:
    """Russia–China, Belarus–China and Russia–India coverage, with the awkward cases the pages must
    handle: partial and missing dates, a derived title, markup in the text, a rejected claim."""
    tass, _ = Outlet.objects.get_or_create(name="ТАСС")
    ria, _ = Outlet.objects.get_or_create(name="РИА Новости")

    shoigu = Official.objects.create(full_name="Сергей Шойгу", position="министр обороны", country_id="RU")
    dong = Official.objects.create(full_name="Дун Цзюнь", position="министр обороны", country_id="CN")
    khrenin = Official.objects.create(full_name="Виктор Хренин", position="министр обороны", country_id="BY")
    ghost = Official.objects.create(full_name="Иван Призраков", position="", country_id="RU")

    memo = Agreement.objects.create(
        kind=Agreement.Kind.MEMORANDUM,
        title="Меморандум о военно-техническом сотрудничестве",
        status=Agreement.Status.SIGNED,
        date_year=2024,
        date_month=5,
        date_day=16,
    )
    memo.parties.set(["RU", "CN"])
    memo.signatories.set([shoigu, dong])
    plan = Agreement.objects.create(
        kind=Agreement.Kind.PLAN,
        title="План военного сотрудничества на 2025 год",
        status=Agreement.Status.PLANNED,
        date_year=2024,
    )
    plan.parties.set(["BY", "CN"])

    body1 = (
        "Россия и Китай подписали меморандум о военно-техническом сотрудничестве. "
        "Министр обороны России Сергей Шойгу встретился с Дун Цзюнем в Пекине.\n\n"
        "Стороны обсудили поставки систем ПВО. Китаем также интересуется Индия."
    )
    a1 = make_article(
        "Россия и Китай подписали меморандум", body1, date=(2024, 5, 16), source=tass, url="https://tass.ru/1"
    )
    claim_country(a1, "RU", "Россия", "России", state=ClaimState.CONFIRMED)
    claim_country(a1, "CN", "Китай", "Китаем")
    claim_country(a1, "IN", "Индия", state=ClaimState.REJECTED)
    claim_pair(a1, "CN", "RU")
    claim_official(a1, shoigu, "Сергей Шойгу", position="министр обороны", country="RU")
    claim_official(a1, dong, "Дун Цзюнем", position="министр обороны", country="CN")
    claim_official(a1, ghost, state=ClaimState.REJECTED)
    claim_agreement(a1, memo, "меморандум о военно-техническом сотрудничестве")

    body2 = "Китайского производства самолёты показали в Москве. Россия рассматривает закупки."
    a2 = make_article("Выставка в Москве", body2, date=(2024, 8, None), source=ria)
    claim_country(a2, "RU", "Россия")
    claim_country(a2, "CN", "Китайского")
    claim_pair(a2, "CN", "RU")
    claim_official(a2, shoigu, position="министр обороны Российской Федерации", country="RU")

    body3 = "Белоруссия и Китай утвердили план военного сотрудничества. Виктор Хренин посетил Пекин."
    a3 = make_article("Белоруссия и Китай: план на 2025 год", body3, date=(2024, None, None), source=tass)
    claim_country(a3, "BY", "Белоруссия")
    claim_country(a3, "CN", "Китай")
    claim_pair(a3, "BY", "CN")
    claim_official(a3, khrenin, "Виктор Хренин", position="министр обороны", country="BY")
    claim_agreement(a3, plan, "план военного сотрудничества")

    body4 = "Россия и Индия обсудили совместное производство. <script>alert('x')</script> & «кавычки»."
    a4 = make_article("<script>alert('title')</script> Россия — Индия", body4, date=(None, 8, 18))
    claim_country(a4, "RU", "Россия")
    claim_country(a4, "IN", "Индия")
    claim_pair(a4, "IN", "RU")

    body5 = "Делегации России и Китая провели консультации, сообщили в ведомстве."
    a5 = make_article("Делегации России и Китая провели консультации", body5, title_derived=True, source=ria)
    claim_country(a5, "RU", "России")
    claim_country(a5, "CN", "Китая")
    claim_pair(a5, "CN", "RU", state=ClaimState.CONFIRMED)

    body6 = "Индия и Китай обменялись мнениями о безопасности."
    a6 = make_article("Индия и Китай", body6, date=(2023, 1, 10), source=tass)
    claim_country(a6, "IN", "Индия")
    claim_country(a6, "CN", "Китай")
    claim_pair(a6, "CN", "IN", state=ClaimState.REJECTED)

    return SimpleNamespace(
        tass=tass,
        ria=ria,
        shoigu=shoigu,
        dong=dong,
        khrenin=khrenin,
        ghost=ghost,
        memo=memo,
        plan=plan,
        a1=a1,
        a2=a2,
        a3=a3,
        a4=a4,
        a5=a5,
        a6=a6,
        countries=Country.objects.filter(iso__in=["RU", "CN", "BY", "IN"]),
    )


def add_articles(n: int, pair=("CN", "RU"), start_year=2020) -> list[Article]:
    """`n` more articles of one pair, each with a country claim per side and an official — for
    tests that a page's query count does not grow with its rows."""
    official = Official.objects.get_or_create(full_name="Пётр Многоликов", defaults={"country_id": pair[1]})[
        0
    ]
    articles = []
    for i in range(n):
        body = f"Сообщение номер {i}: Китай и Россия продолжают сотрудничество."
        article = make_article(f"Сообщение {i}", body, date=(start_year + i // 12, i % 12 + 1, 1))
        claim_country(article, pair[0], "Китай")
        claim_country(article, pair[1], "Россия")
        claim_pair(article, *pair)
        claim_official(article, official, position=f"пост {i % 3}", country=pair[1])
        articles.append(article)
    return articles
