"""Whole short articles through extract(): other pairs, outlets' wordings and name forms.

Each article is written for these tests (not taken from the seeds or any evaluation set) and states
what an analyst would record: the countries named, the article's pair, the officials with their
countries and a word of their posts, and the agreements by kind, parties and status.
"""

from dataclasses import dataclass, field

import pytest

from articles.pipeline.dates import PartialDate
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.pipeline import extract
from articles.pipeline.parsing import ParsedArticle


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_files()


@dataclass
class Expected:
    countries: set[str]
    pair: tuple[str, str] | None
    officials: dict[str, tuple[str, str]]  # name → (country, a word of the post)
    agreements: set[tuple[str, tuple[str, ...], str]] = field(default_factory=set)  # (kind, parties, status)


ARTICLES = {
    "russia_indonesia_contract": (
        "Россия и Индонезия подписали контракт на поставку вертолетов Ми-17",
        "Генеральный директор «Рособоронэкспорта» Александр Михеев и заместитель министра обороны "
        "Индонезии Донни Эрмаван Тауфанто подписали в Джакарте контракт на поставку двенадцати "
        "вертолетов Ми-17В-5. Церемония прошла в присутствии президента Индонезии Прабово Субианто.\n\n"
        "По словам Михеева, российско-индонезийское военно-техническое сотрудничество развивается уже "
        "более шестидесяти лет. Стороны также намерены до конца года подписать межправительственное "
        "соглашение о совместном обслуживании авиатехники.\n\n"
        "В Джакарте напомнили, что ранее Индонезия отказалась от закупки истребителей Су-35 из-за "
        "угрозы американских санкций.",
        Expected(
            countries={"RU", "ID", "US"},
            pair=("ID", "RU"),
            officials={
                "Александр Михеев": ("RU", "директор"),
                "Донни Эрмаван Тауфанто": ("ID", "министра"),
                "Прабово Субианто": ("ID", "президент"),
            },
            agreements={("contract", ("ID", "RU"), "signed"), ("agreement", ("ID", "RU"), "planned")},
        ),
    ),
    "china_thailand_exercises": (
        "Китай и Таиланд проведут совместные учения",
        "Военно-морские силы Китая и Таиланда проведут в мае совместные учения у побережья провинции "
        "Чонбури, сообщило Министерство национальной обороны КНР. Официальный представитель ведомства "
        "Чжан Сяоган отметил, что китайско-таиландские учения направлены на отработку действий против "
        "пиратства.\n\n"
        "Накануне министр обороны Таиланда Сутин Клангсэнг провел в Пекине переговоры с министром "
        "обороны Китая Ли Шанфу. По итогам встречи стороны подписали меморандум о взаимопонимании в "
        "области военной подготовки.",
        Expected(
            countries={"CN", "TH"},
            pair=("CN", "TH"),
            officials={
                "Чжан Сяоган": ("CN", "представитель"),
                "Сутин Клангсэнг": ("TH", "министр"),
                "Ли Шанфу": ("CN", "министр"),
            },
            agreements={("memorandum", ("CN", "TH"), "signed")},
        ),
    ),
    "usa_poland_patriot": (
        "США одобрили продажу Польше комплексов Patriot",
        "Государственный департамент США одобрил возможную продажу Польше дополнительных зенитных "
        "ракетных комплексов Patriot на сумму около 15 млрд долларов. Министр национальной обороны "
        "Польши Владислав Косиняк-Камыш заявил, что Варшава рассчитывает подписать контракт до конца "
        "года.\n\n"
        "Ранее Польша и США заключили соглашение о поставке первых двух батарей Patriot. Глава "
        "Пентагона Ллойд Остин назвал Польшу «образцовым союзником по НАТО».",
        Expected(
            countries={"US", "PL"},
            pair=("PL", "US"),
            officials={
                "Владислав Косиняк-Камыш": ("PL", "министр"),
                "Ллойд Остин": ("US", "глава"),
            },
            agreements={("contract", ("PL", "US"), "planned"), ("agreement", ("PL", "US"), "signed")},
        ),
    ),
    "iran_tajikistan_drone_plant": (
        "Иран открыл в Таджикистане завод по производству беспилотников",
        "Начальник Генштаба вооруженных сил Ирана генерал-майор Мохаммад Багери и министр обороны "
        "Таджикистана генерал-полковник Шерали Мирзо открыли в Душанбе завод по производству иранских "
        "беспилотников «Абабиль-2».\n\n"
        "Стороны также подписали протокол о сотрудничестве в области подготовки военных кадров. "
        "Ирано-таджикские отношения в оборонной сфере заметно укрепились после визита президента "
        "Таджикистана Эмомали Рахмона в Тегеран.",
        Expected(
            countries={"IR", "TJ"},
            pair=("IR", "TJ"),
            officials={
                "Мохаммад Багери": ("IR", "начальник"),
                "Шерали Мирзо": ("TJ", "министр"),
                "Эмомали Рахмон": ("TJ", "президент"),
            },
            agreements={("protocol", ("IR", "TJ"), "signed")},
        ),
    ),
    "turkey_pakistan_corvettes": (
        "Турция спустила на воду корвет для ВМС Пакистана",
        "На верфи в Стамбуле состоялась церемония спуска на воду корвета, построенного для "
        "военно-морских сил Пакистана. В церемонии приняли участие начальник штаба ВМС Пакистана "
        "адмирал Навид Ашраф и заместитель министра национальной обороны Турции Мюсейн Акгюль.\n\n"
        "Контракт на строительство четырех корветов Анкара и Исламабад заключили в 2018 году. Как "
        "отметил Ашраф, Пакистан намерен расширить военно-морское сотрудничество с Турцией.",
        Expected(
            countries={"TR", "PK"},
            pair=("PK", "TR"),
            officials={
                "Навид Ашраф": ("PK", "начальник"),
                "Мюсейн Акгюль": ("TR", "министра"),
            },
            agreements={("contract", ("PK", "TR"), "signed")},
        ),
    ),
    "serbia_hungary_listed_ministers": (
        "Сербия и Венгрия подписали план военного сотрудничества",
        "Министры обороны Сербии и Венгрии Милош Вучевич и Кристоф Салаи-Бобровницки подписали в "
        "Белграде план военного сотрудничества на текущий год.\n\n"
        "Документ предусматривает совместные учения, обмен опытом и обучение сербских офицеров в "
        "венгерских военных вузах. По словам Вучевича, сербско-венгерские отношения сейчас находятся "
        "на самом высоком уровне за всю историю.",
        Expected(
            countries={"RS", "HU"},
            pair=("HU", "RS"),
            officials={
                "Милош Вучевич": ("RS", "министр"),
                "Кристоф Салаи-Бобровницки": ("HU", "министр"),
            },
            agreements={("plan", ("HU", "RS"), "signed")},
        ),
    ),
    "japan_philippines_access_agreement": (
        "Япония и Филиппины подписали соглашение о взаимном доступе войск",
        "Министр обороны Японии Гэн Накатани и министр национальной обороны Филиппин Гилберто "
        "Теодоро подписали в Маниле соглашение о взаимном доступе войск. Документ вступит в силу "
        "после ратификации парламентами двух стран.\n\n"
        "Японо-филиппинское сближение происходит на фоне роста напряженности в Южно-Китайском море.",
        Expected(
            countries={"JP", "PH"},
            pair=("JP", "PH"),
            officials={"Гэн Накатани": ("JP", "министр"), "Гилберто Теодоро": ("PH", "министр")},
            agreements={("agreement", ("JP", "PH"), "signed")},
        ),
    ),
    "kazakhstan_kyrgyzstan_met_in_a_third_capital": (
        "Казахстан и Киргизия договорились о совместной подготовке военных",
        "В Ташкенте на полях форума министров обороны Центральной Азии прошли переговоры министра "
        "обороны Казахстана Руслана Жаксылыкова с министром обороны Киргизии Бакытом Бекболотовым. "
        "Стороны договорились о совместной подготовке военных кадров и подписали дорожную карту "
        "военного сотрудничества на 2026–2027 годы.\n\n"
        "Казахстанско-киргизское взаимодействие в оборонной сфере развивается в рамках ОДКБ.",
        Expected(
            countries={"KZ", "KG", "UZ"},  # Tashkent only says where: in the list, not in the pair
            pair=("KG", "KZ"),
            officials={"Руслан Жаксылыков": ("KZ", "министр"), "Бакыт Бекболотов": ("KG", "министр")},
            agreements={("roadmap", ("KG", "KZ"), "signed")},
        ),
    ),
    "pakistan_turkey_foreign_ministers": (
        "Турция и Пакистан обсудили поставки корветов",
        "Глава МИД Турции Хакан Фидан и его пакистанский коллега Исхак Дар обсудили в Анкаре поставки "
        "корветов. Пакистано-турецкое военное сотрудничество за последние годы заметно выросло, "
        "подчеркнул Фидан.",
        Expected(
            countries={"TR", "PK"},
            pair=("PK", "TR"),
            officials={"Хакан Фидан": ("TR", "глава"), "Исхак Дар": ("PK", "глава")},
        ),
    ),
    "saudi_us_host_receives_guest": (
        "Саудовская Аравия и США подписали меморандум о сотрудничестве",
        "Наследный принц Саудовской Аравии Мухаммед бин Салман принял в Эр-Рияде госсекретаря США "
        "Марко Рубио. Стороны подписали меморандум о сотрудничестве в сфере обороны.",
        Expected(
            countries={"SA", "US"},
            pair=("SA", "US"),
            officials={"Мухаммед бин Салман": ("SA", "принц"), "Марко Рубио": ("US", "госсекретарь")},
            agreements={("memorandum", ("SA", "US"), "signed")},
        ),
    ),
}


def run(title: str, body: str, lexicon):
    article = ParsedArticle(
        source_file="article.txt",
        title=title,
        title_derived=False,
        body=body,
        raw_text=f"{title}\n\n{body}",
        date=PartialDate(),
    )
    return extract(article, lexicon)


@pytest.mark.parametrize("name", ARTICLES)
def test_the_article_s_countries_and_pair(name, lexicon):
    title, body, expected = ARTICLES[name]
    found = run(title, body, lexicon)
    assert {c.iso for c in found.countries} == expected.countries
    assert (found.primary_pair.countries if found.primary_pair else None) == expected.pair


@pytest.mark.parametrize("name", ARTICLES)
def test_the_article_s_officials(name, lexicon):
    title, body, expected = ARTICLES[name]
    found = {o.name: o for o in run(title, body, lexicon).officials}
    assert set(found) == set(expected.officials)
    for person, (country, post_word) in expected.officials.items():
        assert found[person].country == country, person
        assert post_word in found[person].position, (person, found[person].position)


@pytest.mark.parametrize("name", ARTICLES)
def test_the_article_s_agreements(name, lexicon):
    title, body, expected = ARTICLES[name]
    found = {(a.kind, tuple(a.parties), a.status) for a in run(title, body, lexicon).agreements}
    assert found == expected.agreements
