"""A synthetic corpus of Russian defence-cooperation news for benchmarks: pure and deterministic.

`generate(count, seed)` yields the same articles for the same seed, article *i* independent of
`count` (so 200 articles are the first 200 of 100,000). Each article is a file the importer reads
the way it reads real ones: a ` date YYYY-MM-DD` header or a headline, a wire dateline
(`МОСКВА, 17 декабря. /ТАСС/.`), paragraphs — sometimes hard-wrapped, with a photo credit or a
repeated block — or a `.jsonl` line with `text`, `title`, `date`, `source` and `url`.
`truth` says what the text holds (pair, countries, officials, documents) for checking extraction,
and what recurs (articles.bench.corpus.recurrence): each document's identity and the reprint family.
`write_corpus` leaves both beside the files in `corpus_truth.json`.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from articles.bench.corpus import vocabulary as V
from articles.bench.corpus.compose import Story, compose
from articles.bench.corpus.entities import Cast, build_cast
from articles.bench.corpus.recurrence import (
    REPRINT_REACH,
    TRUTH_FILE,
    build_documents,
    corpus_truth,
    light_edits,
    reprint_origin,
)
from articles.pipeline.dates import MONTHS_GENITIVE

Format = Literal["txt", "jsonl"]
NAME_PREFIX = "gen"


@dataclass(frozen=True)
class GeneratedArticle:
    name: str  # file name (txt) or the record's key (jsonl)
    text: str  # the file's content (txt) or the `text` field (jsonl)
    record: dict | None  # the jsonl object, None for txt
    truth: dict
    outlet: str = ""  # who published it (truth["source"] is None where the text doesn't say)


def generate(count: int, seed: int = 1, fmt: Format = "txt", start: int = 0) -> Iterator[GeneratedArticle]:
    """Articles start … start+count-1 of the corpus for `seed`; no two have the same text, and no
    two originals the same body (a reprint has its original's, lightly edited: see recurrence)."""
    if count < 0:
        raise ValueError("count must not be negative")
    cast = build_cast(seed)
    cast.documents = build_documents(seed)
    seen: set[bytes] = set()
    texts: set[bytes] = set()
    recent: dict[int, tuple[Story, str | None]] = {}  # originals a later reprint may still follow
    for index in range(start, start + count):
        origin = reprint_origin(seed, index)
        if origin is None:
            for attempt in range(20):
                rng = random.Random(f"coopnews-corpus:{seed}:{index}:{attempt}")
                story = compose(rng, cast)
                key = hashlib.sha1("\n".join(story.paragraphs).encode()).digest()
                if key not in seen:
                    seen.add(key)
                    break
            article = _render(rng, story, seed, index, fmt)
            recent[index] = (story, article.outlet)
            recent.pop(index - 2 * REPRINT_REACH, None)
        else:
            story, outlet = recent.get(origin) or _original(cast, seed, origin, fmt)
            for attempt in range(20):
                rng = random.Random(f"coopnews-reprint:{seed}:{index}:{attempt}")
                edited = replace(story, paragraphs=light_edits(rng, story.paragraphs))
                article = _render(rng, edited, seed, index, fmt, origin=origin, avoid_outlet=outlet)
                if hashlib.sha1(article.text.encode()).digest() not in texts:
                    break
        texts.add(hashlib.sha1(article.text.encode()).digest())
        yield article


def _original(cast: Cast, seed: int, index: int, fmt: Format) -> tuple[Story, str | None]:
    """An original gone from `recent` (a corpus started past it): its first composition again."""
    rng = random.Random(f"coopnews-corpus:{seed}:{index}:0")
    story = compose(rng, cast)
    return story, _render(rng, story, seed, index, fmt).outlet


def write_corpus(
    directory: Path, count: int, seed: int = 1, fmt: Format = "txt", per_file: int = 1000
) -> int:
    """Write the corpus under `directory`: .txt files in folders of `per_file`, or .jsonl files of
    `per_file` lines. Returns the number of articles written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = 0
    handle = None
    truths: list[tuple[str, dict]] = []
    try:
        for article in generate(count, seed, fmt):
            truths.append((article.name, article.truth))
            chunk = written // per_file
            if fmt == "txt":
                folder = directory / f"{chunk:04d}"
                if written % per_file == 0:
                    folder.mkdir(exist_ok=True)
                (folder / article.name).write_text(article.text, encoding="utf-8", newline="")
            else:
                if written % per_file == 0:
                    if handle:
                        handle.close()
                    handle = (directory / f"{NAME_PREFIX}-s{seed}-{chunk:04d}.jsonl").open(
                        "w", encoding="utf-8"
                    )
                handle.write(json.dumps(article.record, ensure_ascii=False) + "\n")
            written += 1
    finally:
        if handle:
            handle.close()
    # Beside the articles: the importer reads .txt and .jsonl files only.
    truth = corpus_truth(seed, fmt, truths)
    (directory / TRUTH_FILE).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return written


# -- rendering a story as a file ----------------------------------------------------------------


def _dateline(rng: random.Random, style: str, spelling: str, place: str, day: int, month: int) -> str:
    month_gen = MONTHS_GENITIVE[month - 1]
    upper = place.upper()
    return {
        "tass": f"{upper}, {day} {month_gen}. /{spelling}/. ",
        "interfax": f"{place}. {day} {month_gen}. {spelling} - ",
        "ria": f"{upper}, {day} {V.MONTHS_SHORT[month - 1]} — {spelling}. ",
        "camto": f"{spelling}, {day} {month_gen}. ",
        "xinhua": f"{place}, {day} {month_gen} /{spelling}/ -- ",
        "belta": f"{upper}, {day} {month_gen} ({spelling}) - ",
        "trend": f"{place}, {day} {month_gen}. /{spelling}/. ",
    }.get(style, "")


_ATTRIBUTIONS = ["сообщает {s}", "передает {s}", "пишет {s}"]
_QUOTED = {"Известия", "Коммерсантъ", "Российская газета", "Звезда"}


def _render(
    rng: random.Random,
    story: Story,
    seed: int,
    index: int,
    fmt: Format,
    origin: int | None = None,
    avoid_outlet: str | None = None,
) -> GeneratedArticle:
    """Article `index` telling `story`: its own, or as a reprint of article `origin` by an outlet
    other than the original's."""
    outlets = [o for o in V.OUTLETS if o[0] != avoid_outlet] if avoid_outlet else V.OUTLETS
    outlet, spelling, style, _ = rng.choices(outlets, weights=[o[3] for o in outlets])[0]
    place = story.place
    if style in ("tass", "interfax", "ria") and rng.random() < 0.6:
        place = "Москва"
    elif style == "xinhua" and rng.random() < 0.6:
        place = "Пекин"
    elif style == "belta":
        place = "Минск"
    dateline = _dateline(rng, style, spelling, place, story.day, story.month)
    paragraphs = list(story.paragraphs)
    family = f"{NAME_PREFIX}-s{seed}-{index if origin is None else origin:07d}"
    if style == "attribution":
        quoted = f"«{spelling}»" if spelling in _QUOTED else spelling
        lead = paragraphs[0].rstrip(".")
        paragraphs[0] = f"{lead}, {rng.choice(_ATTRIBUTIONS).format(s=quoted)}."
    paragraphs[0] = dateline + paragraphs[0]
    if rng.random() < 0.1:
        credit = rng.choice(V.PHOTO_CREDITS).format(
            name=rng.choice(["Сергей Бобылев", "Li Wei", "Григорий Сысоев"])
        )
        paragraphs.insert(1, credit)
    if rng.random() < 0.03 and len(paragraphs) > 2:
        paragraphs.append(paragraphs[1])  # a block repeated by the site's layout; the parser drops it

    truth = {
        "scenario": story.scenario,
        "title": story.title,
        "pair": "-".join(story.pair) if story.pair else None,
        "countries": story.countries,
        "officials": [
            {"name": o.name.nominative, "position": o.position, "country": o.country} for o in story.officials
        ],
        "agreements": [
            {"kind": d.kind, "status": d.status, "title": d.nom, "id": d.identity or f"{family}-doc{k}"}
            for k, d in enumerate(story.documents, start=1)
        ],
        "source": outlet if style != "none" else None,
        "family": family,  # the original's name without extension: its reprints share it
        "reprint_of": family if origin is not None else None,
    }

    if fmt == "jsonl":
        record = {"text": "\n\n".join(paragraphs), "title": story.title}
        roll = rng.random()
        if roll < 0.85:
            record["date"] = f"{story.year:04d}-{story.month:02d}-{story.day:02d}"
        elif roll < 0.93:
            record["date"] = f"{story.year:04d}-{story.month:02d}"
        elif roll < 0.97:
            record["date"] = f"{story.year:04d}"
        record["source"] = spelling
        record["url"] = f"https://news.example.org/{story.year}/{index:07d}"
        truth["date"] = record.get("date")
        truth["source"] = outlet
        name = f"{NAME_PREFIX}-s{seed}-{index:07d}"
        return GeneratedArticle(name, record["text"], record, truth, outlet)

    roll = rng.random()
    if roll < 0.55 or not dateline:
        # ` date 2026-01-27 Title`, then the body (like the wire exports some outlets send).
        head = f" date {story.year:04d}-{story.month:02d}-{story.day:02d} {story.title}\n\n"
        truth["date"] = f"{story.year:04d}-{story.month:02d}-{story.day:02d}"
        separator = "\n\n"
    elif roll < 0.88:
        head = f"{story.title}\n"  # a headline, and a dateline without the year
        truth["date"] = f"--{story.month:02d}-{story.day:02d}"
        separator = rng.choice(["\n", "\n\n"])
    else:
        head = ""  # no headline: the title is derived from the lead
        truth["date"] = f"--{story.month:02d}-{story.day:02d}"
        truth["title"] = None
        separator = "\n\n"
    if rng.random() < 0.1:
        paragraphs = [_hard_wrap(p, rng.randint(64, 80)) for p in paragraphs]
        separator = "\n"
    text = head + separator.join(paragraphs) + "\n"
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return GeneratedArticle(f"{NAME_PREFIX}-s{seed}-{index:07d}.txt", text, None, truth, outlet)


def _hard_wrap(paragraph: str, width: int) -> str:
    lines, line = [], ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)
