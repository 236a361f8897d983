"""What the stories read of an article's text (pipeline/story_text.py) is computed by the import's worker
processes beside the extraction, so the writer only stores and compares it; the writer takes it only
when it is of the article's own title and body, and computes it itself otherwise."""

import pytest
from test_stories import article, import_files, write

from articles.archive import batches, stories
from articles.archive.sources import collect
from articles.models import ArticleSignature
from articles.pipeline import nearduplicates
from articles.pipeline.extraction.lexicon import Lexicon
from articles.pipeline.story_text import story_text

REPORT = (
    "Перу и Чили провели переговоры о поставках вертолетов\n\n"
    "ЛИМА, 4 июня. Министр обороны Перу провел в Лиме переговоры с министром обороны Чили. Стороны "
    "обсудили поставки вертолетов для перуанской армии и обучение летчиков в чилийском училище."
)
OTHER = (
    "Чили передаст Перу патрульные катера\n\n"
    "САНТЬЯГО, 9 июня. Военно-морские силы Чили передадут флоту Перу два патрульных катера до конца "
    "года, сообщили в министерстве обороны Чили после встречи командующих флотами."
)


def test_the_workers_read_the_story_text_beside_the_extraction(tmp_path):
    path = write(tmp_path, "a.txt", REPORT, " date 2025-06-04 ")
    sources, _ = collect([str(path)])
    (processed,) = batches.process(sources[0], Lexicon.from_files(), 10**6)
    parsed = processed.parsed
    assert processed.story == story_text(parsed.title, parsed.body)
    assert processed.story.signature == nearduplicates.signature(parsed.body)
    assert processed.story.words and processed.story.event is not None


def test_a_text_too_short_for_a_signature_has_no_words_to_compare():
    short = story_text("Заголовок", "Два слова.")
    assert (short.signature, short.words, short.event) == (None, frozenset(), None)


@pytest.mark.django_db
def test_the_writer_stores_the_workers_story_text(tmp_path):
    import_files(write(tmp_path, "a.txt", REPORT, " date 2025-06-04 "))
    a = article("a.txt")
    assert bytes(ArticleSignature.objects.get(article=a).minhash) == story_text(a.title, a.body).signature


@pytest.mark.django_db
def test_a_story_text_of_another_body_is_not_taken_for_the_articles(tmp_path):
    import_files(write(tmp_path, "a.txt", REPORT, " date 2025-06-04 "))
    a = article("a.txt")
    stale = story_text(*OTHER.split("\n\n", 1))
    stories.place(a, text=stale)  # an editor's body, say: the worker read the file's
    assert bytes(ArticleSignature.objects.get(article=a).minhash) == nearduplicates.signature(a.body)
    assert bytes(ArticleSignature.objects.get(article=a).minhash) != stale.signature
