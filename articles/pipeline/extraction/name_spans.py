"""Where a name Natasha tagged really begins and ends, and whether it names a person at all:
one span cut at commas and brackets, a possessor or an organisation before a name, signatures
alone on a line, ships in quotes, organisations and places."""

from __future__ import annotations

import re

from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.extraction.names import (
    is_initial,
    is_particle,
    is_patronymic,
    known_name_parses,
    name_key,
    same_name_word,
    surname_first,
)
from articles.pipeline.extraction.positions import Token
from articles.pipeline.nlp import parses

# Words right before a name that make it a thing, not a person: "завод имени Ленина".
_NOT_A_PERSON_BEFORE = frozenset(
    "имени им памятник памятника памятнику улица улице улицы проспект проспекте".split()
)
LATIN = re.compile(r"[A-Za-z]")
# Nouns that make a single capitalised word after them the name of a company, a team or a machine:
# "команда Феррари", "болида Феррари", "концерна Фольксваген" (lemmas; a full name after them,
# "компании Илона Маска", still names a person).
_ORGANISATION_NOUNS = frozenset(
    """
    команда компания концерн корпорация холдинг фирма марка бренд клуб болид автомобиль
    автоконцерн автопроизводитель производитель издательство агентство банк
    """.split()
)


def split_at_punctuation(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """One tagged span that is several names: "Овечкин, Фёдоров", "Бернс (Рой" — cut at the marks.
    A word in brackets after a full name is that person's other surname, not someone else; a name
    in Latin letters is the spelling of the one before it."""
    parts, start = [], first
    for i in [*range(first, last), last]:
        if i == last or tokens[i].text in _NAME_BREAKS:
            maiden = (
                tokens[start - 1].text == "("
                and i - start == 1
                and parts
                and parts[-1][1] - parts[-1][0] >= 2
            )
            latin = i > start and LATIN.search(tokens[start].text)  # "(Scott Horowitz)": a spelling
            if i > start and not maiden and not latin:  # "Екатерина Аталык (Половникова)": her other surname
                parts.append((start, i))
            start = i + 1
    return parts


# Marks no name runs across: list punctuation, brackets, bullets and dashes of a list or a score line
# («• Эль Сальвадор • Эфиопия», «Вратари: Уорд — Набоков»).
_NAME_BREAKS = frozenset({",", ";", "(", ")", "•", "·", "|", "/", "—", "–"})


def alone_on_line(text: str, start: int, stop: int) -> bool:
    """A name that is a whole line: the author's signature or a caption, not a person in the story."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", stop)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    line = _BYLINE_LABEL.sub("", line)  # "Текст: Иван Петров", "Автор — …"
    return line.strip(" \t.,;:—–-") == text[start:stop].strip()


# The label of a signature line: «Текст:», «Автор:», «Фото —», «Беседовала:».
_BYLINE_LABEL = re.compile(
    r"^\s*(?:текст|автор\w*|фото\w*|материал\w*|подготовил\w*|беседовал\w*|записал\w*|"
    r"обозреватель|корреспондент|редактор|перевод\w*)\s*[:—–-]\s*"
    r"(?:[\w .«»\"-]{1,30}/\s*)?",  # "Фото: ТАСС/Вадим Савицкий": the agency before the name
    re.IGNORECASE,
)


def past_possessor_or_organisation(tokens: list[Token], first: int, last: int) -> int:
    """Where the name really begins: "вдова Ельцина Наина Иосифовна" names Наина Иосифовна (a
    surname before a first name and patronymic is someone else's, in the genitive); "Аль-Джазиры
    Сами аль-Хадж", "Аль-Кайда Усама бин Ладен" start with an organisation's Arabic article;
    "Всё-таки Проди", "Впрочем Иванов": a capitalised particle or adverb opening the sentence is not
    part of the name."""
    if last - first >= 2 and _opens_sentence(tokens, first) and _function_word(tokens[first].text):
        return first + 1
    if last - first < 3:
        return first
    head = tokens[first].text
    if _ARABIC_ARTICLE.match(head) and not is_first_name(head):
        return first + 1
    if (
        last - first == 3
        and not is_first_name(head)
        and is_first_name(tokens[first + 1].text)
        and is_patronymic(tokens[first + 2].text, dictionary_only=True)
        # «генерал-майора Лагуткина Сергея Павловича»: one oblique form, his own surname written first
        and not surname_first(
            tokens[first].text, tokens[first + 1].text, tokens[first + 2].text, oblique=True
        )
    ):
        return first + 1
    return first


_ARABIC_ARTICLE = re.compile(r"^(?:Аль|Эль|Ал|Эл)-[А-ЯЁ]")
_GENERATION = re.compile(r"-(?:младш|старш)\w*$")
FEMALE_PATRONYMIC = re.compile(r"(?:овн|евн|ичн)(?:а|ы|е|у|ой)$")
_GLUED_INITIALS = re.compile(r"^((?:[А-ЯЁ][а-яё]?\.)+)([А-ЯЁ].+)$")


# Parts of speech a name's word never is (when the dictionary knows no name of that spelling).
_FUNCTION_POS = frozenset({"PRCL", "ADVB", "CONJ", "INTJ", "PREP", "NPRO"})


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    """The first word of the sentence, or of a quotation or a line after a dash ("— Впрочем …")."""
    return all(not any(ch.isalnum() for ch in t.text) for t in tokens[:i])


def _function_word(word: str) -> bool:
    if len(word) < 4 or is_initial(word):
        return False  # "Э. Чернов", "Ван Вэньтянь": an initial or a short syllable of a foreign name
    found = parses(word.lower())
    return bool(found) and found[0].tag.POS in _FUNCTION_POS and not known_name_parses(word.lower())


def name_words(written: str) -> list[str]:
    """Words of a name, initials kept with their full stop: "И. Алиев", "И.Алиев" → ["И.", "Алиев"]."""
    words: list[str] = []
    for word in written.split():
        glued = _GLUED_INITIALS.match(word)
        words.extend(glued.groups() if glued else [word])
    return [w.strip(',;:()«»"') for w in words if any(ch.isalpha() for ch in w)]


def is_first_name(word: str) -> bool:
    return any("Name" in p.tag for p in known_name_parses(word.lower()))


def _hyphenated_forms(lexicon: Lexicon) -> dict[str, list[list[str]]]:
    """The lexicon's hyphenated place names by their first part: «коста» → [["рика"]]."""
    index = getattr(lexicon, "_hyphenated_forms", None)
    if index is None:
        index = {}
        for form in lexicon.country_forms:
            if "-" in form and " " not in form:
                first, *rest = form.split("-")
                index.setdefault(first, []).append(rest)
        lexicon._hyphenated_forms = index  # built once per lexicon: the extractor reads it per name
    return index


def hyphenless_place(words: list[str], lexicon: Lexicon) -> bool:
    """«Коста Рика», «в Эль Сальвадоре», «Сьерра Леоне»: a hyphenated country or capital written
    without its hyphen, in any case (each later part keeps all but its last letter)."""
    if len(words) < 2:
        return False
    tail = [name_key(w) for w in words[1:]]
    for rest in _hyphenated_forms(lexicon).get(name_key(words[0]), ()):
        if len(rest) == len(tail) and all(
            w.startswith(r[: max(3, len(r) - 1)]) for r, w in zip(rest, tail, strict=True)
        ):
            return True
    return False


def _lemma(word: str) -> str:
    found = parses(word.lower())
    return found[0].normal_form if found else word.lower()


def looks_like_person(words, written, tokens, first, last, lexicon: Lexicon) -> bool:
    last_word = _GENERATION.sub("", words[-1]) if words else ""  # "Маркос-младший"
    if not words or not last_word.rpartition("-")[2][:1].isupper() or LATIN.search(written):
        return False  # photo credits and bylines in Latin script; lower-case words
    if all(is_initial(w) for w in words):
        return False
    before = tokens[first - 1].text if first else ""
    after = tokens[last].text if last < len(tokens) else ""
    if before in {"«", '"', "„", "“"} and after in {"»", '"', "“", "”"}:
        return False  # «Адмирал Кузнецов», «Орлан»: names of ships, products, operations
    if before.lower().rstrip(".") in _NOT_A_PERSON_BEFORE:
        return False
    if len(words) == 1 and before.islower() and _lemma(before) in _ORGANISATION_NOUNS:
        return False
    key = name_key(written)
    if key in lexicon.organisations or key in lexicon.country_forms or key in lexicon.outlets:
        return False  # «передает корреспондент Арменпресс»: an outlet, not a person
    if hyphenless_place(words, lexicon):
        return False
    if len(words) == 1 and len(words[0]) > 1 and words[0].isupper():
        return False  # «ЕРЕВАН, 18 июня. АРМЕНПРЕСС.»: a word in capitals is a dateline or an acronym
    if len(words) == 1 and _only_adjective(words[0]):
        return False  # «Чрезвычайный и Полномочный посол»: a post's adjective with its capital
    return True


def _only_adjective(word: str) -> bool:
    """A word the dictionary knows only as a full adjective, never as a name («Чрезвычайный»; not
    «Толстой», a surname too)."""
    found = [p for p in parses(word.lower()) if p.score >= 0.01]
    return bool(found) and not known_name_parses(word.lower()) and all(p.tag.POS == "ADJF" for p in found)


_NAME_PARTICLES = frozenset("аль эль ал эл бин бен ибн абу де ди да дель дос фон ван ле ла".split())


def split_run_together(
    spans: list[tuple[int, int, int]], sentences: list[list[Token]]
) -> list[tuple[int, int, int]]:
    """ "отец Кима Чен Ира Ким Ир Сен": two names the tagger read as one span. A span of four words
    or more that begins with the whole of another span of the article (two or three words, word by
    word the same name in any case) and goes on for two words more is that name and the next one."""
    if not any(last - first >= 4 for _s, first, last in spans):
        return spans
    words = {
        tuple(t.text for t in sentences[s][f:stop])
        for s, f, stop in spans
        if 2 <= stop - f <= 3 and all(t.text.isalpha() for t in sentences[s][f:stop])
    }
    out = []
    for sentence, first, last in spans:
        tokens = sentences[sentence]
        cut = None
        if last - first >= 4 and all(t.text.replace("-", "").isalpha() for t in tokens[first:last]):
            for size in (3, 2):
                head = [t.text for t in tokens[first : first + size]]
                rest = tokens[first + size].text
                # "Мухаммед бин Салман Аль Сауд": a particle goes on with the same name
                if is_particle(rest) or rest.lower() in _NAME_PARTICLES:
                    break
                if last - first - size >= 2 and any(
                    len(other) == size and all(map(same_name_word, head, other)) for other in words
                ):
                    cut = first + size
                    break
        if cut is None and last - first >= 4:
            cut = _second_first_name(tokens, first, last)
        initial = _initial_after_name(tokens, first, last) if cut is None else None
        if initial is not None:  # «Гейдар Алиев Х.Акара», «Х. ЗАРИФИ С А. ВАХИДИ»
            out += [(sentence, first, initial[0]), (sentence, initial[1], last)]
        elif cut is None:
            out.append((sentence, first, last))
        else:
            out += [(sentence, first, cut), (sentence, cut, last)]
    return out


def _initial_after_name(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """ "аэропорту Гейдар Алиев Х.Акара встретили", "ВСТРЕЧА Х. ЗАРИФИ С А. ВАХИДИ": an initial and a
    surname after a name of two words or more (or an initial and a surname) start a second name; a
    one-letter preposition between them («С» of a heading in capitals) is neither's. The end of the
    first name and the start of the second, or None («Джон Ф. Кеннеди»: one name)."""
    for k in range(first + 2, last - 2):
        if not _is_initial_at(tokens, k) or not tokens[k + 2].text.isalpha():
            continue
        end = k
        if len(tokens[k - 1].text) == 1 and tokens[k - 1].text.lower() in _ONE_LETTER_PREPOSITIONS:
            end = k - 1
        before = [t for t in tokens[first:end] if t.text != "."]
        if len(before) >= 2 and len(tokens[end - 1].text) >= 2 and tokens[end - 1].text.isalpha():
            return end, k
    return None


def _is_initial_at(tokens: list[Token], k: int) -> bool:
    return len(tokens[k].text) == 1 and tokens[k].text.isupper() and tokens[k + 1].text == "."


_ONE_LETTER_PREPOSITIONS = frozenset("с в к у о".split())


def _second_first_name(tokens: list[Token], first: int, last: int) -> int | None:
    """ "с министром Сергеем Шойгу Александр Лукашенко заявил": a span of four words or more in which
    a first name after the second word stands in another case than the first word, itself a first
    name, starts a second name."""
    cases = {p.tag.case for p in known_name_parses(tokens[first].text.lower()) if "Name" in p.tag}
    if not cases:
        return None
    for k in range(first + 2, last - 1):
        if is_particle(tokens[k].text) or tokens[k].text.lower() in _NAME_PARTICLES:
            continue  # "Мухаммед бин Салман Аль Сауд": one name goes on
        other = {p.tag.case for p in known_name_parses(tokens[k].text.lower()) if "Name" in p.tag}
        if k + 1 < last and tokens[k + 1].text.lower() in _ROMANCE_PARTICLES:
            continue  # "Луис Инасиу Лула да Силва": «Лула» before «да» is the surname's first part
        if other and not other & cases and not is_patronymic(tokens[k - 1].text):
            return k
    return None


_ROMANCE_PARTICLES = frozenset("да де ди до дос дас дель делла ла".split())
