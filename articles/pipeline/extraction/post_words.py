"""The words posts are made of: heads of offices, roles, ranks, and the words around them; and the
words that tell a single name is a person's (a verb of speech, a kinship noun)."""

from __future__ import annotations

import re

# Lemmas of words that head a post. Prefixed forms (вице-, экс-, зам-) are handled below.
POSITION_HEADS = frozenset(
    """
    министр замминистра заместитель замглавы зампред зампредседателя глава руководитель
    председатель сопредседатель президент премьер премьер-министр канцлер король королева принц
    кронпринц эмир султан шейх монарх аятолла генсек секретарь госсекретарь директор гендиректор
    замдиректора начальник замначальника командующий главнокомандующий главком командир комендант
    комиссар посол посланник спецпосланник атташе консул генконсул советник помощник
    представитель полпред спецпредставитель пресс-секретарь пресс-атташе спикер депутат сенатор
    конгрессмен парламентарий губернатор мэр лидер вождь эксперт аналитик политолог военачальник
    шеф управляющий координатор член инспектор прокурор генпрокурор судья омбудсмен уполномоченный
    конструктор генконструктор начштаба дипломат министр-президент главнокомандующий ректор
    глава-министр атаман кандидат замгубернатора вице-губернатор
    замгендиректора префект аким хоким наместник заведующий зав
    """.split()
)
# Roles of people who hold no office: a post for the page, never a state's office, so they say
# nothing of the person's country on their own ("военный эксперт", "корреспондент", "тренер").
ROLES = frozenset(
    """
    эксперт аналитик политолог востоковед историк экономист социолог юрист адвокат академик
    профессор учёный ученый исследователь журналист корреспондент обозреватель редактор главред
    фотограф фотокорреспондент оператор блогер писатель поэт публицист режиссёр режиссер актёр актер
    актриса певец певица музыкант композитор художник тренер наставник спортсмен футболист хоккеист
    боксёр боксер борец теннисист шахматист гроссмейстер чемпион вратарь защитник полузащитник
    нападающий форвард врач хирург медик астронавт космонавт лётчик летчик пилот бизнесмен
    предприниматель миллиардер инженер правозащитник активист основатель создатель владелец совладелец
    сотрудник докладчик солист вокалист гитарист барабанщик автор соавтор
    патриарх митрополит архиепископ епископ священник протоиерей игумен настоятель муфтий раввин
    """.split()
)
# Not roles, though they name one: "политик" is also «политика» (policy) in the genitive, "рабочий"
# an adjective («рабочая встреча») — as post words they turned tag clouds and meetings into posts.
RANKS = frozenset(
    """
    генерал генерал-майор генерал-лейтенант генерал-полковник генерал-аншеф майор-генерал маршал фельдмаршал
    адмирал вице-адмирал контр-адмирал полковник подполковник майор капитан капитан-лейтенант
    лейтенант бригадир коммодор прапорщик мичман сержант старшина ефрейтор
    """.split()
)
PREFIXES = ("вице-", "экс-", "зам-", "и.о.")
# Posts written as an abbreviation with a dot, and the post word each stands for: "зам. губернатора".
ABBREVIATED_POSTS = {"зам.": "заместитель"}
# "исполняющий обязанности министра", "врио губернатора": words before a post that belong to it.
ACTING = frozenset("временно исполняющий исполняющая исполняющего исполняющим обязанности и.о. врио".split())
# Posts proper: what a periphrasis like "глава военного ведомства" stands for when the article names it.
TITLES = frozenset(
    "министр президент премьер-министр премьер канцлер председатель король вице-премьер госсекретарь".split()
)
# "глава военного ведомства", "руководитель правительства": a post described, not named.
PERIPHRASIS_NOUNS = frozenset("ведомство государство правительство министерство кабинет".split())
# Words that stand for a post in apposition without naming one: "с российским коллегой Сергеем …".
COUNTERPARTS = frozenset({"коллега", "визави"})
# The office of a post: «посол» of a story about «Посольство Польши» is Poland's.
OFFICES = {"посол": "посольство", "консул": "консульство", "генконсул": "генконсульство"}
# A state's leaders: one holder of each at a time («президент», «премьер-министр»), and leaders meet
# leaders of other states.
STATE_LEADERS = frozenset("президент премьер-министр премьер канцлер король лидер".split())
# Adjectives that describe the person, not the post: left out of the position text.
EVALUATIVE = frozenset("известный знаменитый видный авторитетный опытный нынешний новый".split())
# Prepositions a post may contain: "посол России в Китае", "директор по экспорту", "представитель при ООН",
# "депутат Госдумы от ЛДПР", "член Палаты представителей от штата Аризона", "сенатор от Техаса",
# "лидер Движения против нелегальной иммиграции".
INNER_PREPOSITIONS = frozenset("в во по при на от против".split())
# Prepositions that make a country in a post a place, not the post's country: "посол России в Китае".
PLACE_PREPOSITIONS = frozenset("в во на при из с со для к по".split())
# Demonstratives a place inside a post may take after its preposition: "посол России в этой стране".
PLACE_DEMONSTRATIVES = frozenset("этой этом эту данной данном той".split())
# Demonstratives before a state noun that ends a post: "начальник Генштаба этой страны", "министр обороны
# данного государства" — the state named just before (state_nouns.py).
STATE_DEMONSTRATIVES = frozenset("этой этого этих данной данного".split())
# Numerals a plural post may hold: "министры обороны двух стран", "главы МИД обеих стран". Such a
# post says which states only with the order of a list the text does not give.
SEVERAL_STATES = frozenset("двух обеих обоих трех трёх".split())
# Lemmas of verbs of speech and opinion: a single capitalised word as their subject, right before or
# after them ("Проди заявил", "предрёк сам Нострадамус"), is a person, not a place or a thing.
SPEECH_VERBS = frozenset(
    """
    заявить заявлять сказать говорить отметить отмечать сообщить сообщать рассказать рассказывать
    считать полагать подчеркнуть подчёркивать добавить пояснить уточнить признать признаться
    напомнить ответить написать объявить пообещать обещать предречь предсказать предсказывать счесть
    заметить указать уверять убеждать возразить призвать выразить высказаться
    """.split()
)
# Kinship nouns: a first name alone right after them names a person ("его дочь Лиза", "мать Раиса").
KIN_NOUNS = frozenset(
    """
    мать отец сын дочь жена муж супруга супруг вдова вдовец брат сестра внук внучка дед бабушка
    дедушка дядя тётя тетя племянник племянница
    """.split()
)

# A state body written as one short word between a post's head and its state: «глава Минобороны
# Беларуси», «глава МИД КНР», «командующий ВМС Индии» — a «Мин…» compound or a capitalised abbreviation.
AGENCY_WORD = re.compile(r"^(?:Мин[а-яё]{3,}|[А-ЯЁ]{2,5})$")
