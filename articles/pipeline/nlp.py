"""The Russian NLP toolkit, loaded once per process.

natasha and yargy import `pymorphy2`, which is unmaintained and breaks on Python 3.11+
(inspect.getargspec) and 3.12 / setuptools>=82 (pkg_resources). We alias the maintained fork
`pymorphy3` as `pymorphy2` before anything imports it; scores are identical. Models ship inside
the wheels (natasha's embeddings and NER, pymorphy3-dicts-ru): nothing is downloaded.
"""

from __future__ import annotations

import os
import sys
from functools import cache, lru_cache

# natasha's models multiply small matrices one sentence at a time: OpenBLAS's thread pool only
# spins against the other import workers (88 → 23 ms an article on 2 cores). It reads this once,
# when numpy is first imported — which happens after this module is (natasha imports it lazily).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _alias_pymorphy3() -> None:
    import pymorphy3

    sys.modules.setdefault("pymorphy2", pymorphy3)
    for sub in ("analyzer", "tagset", "shapes", "units", "opencorpora_dict", "lang", "utils"):
        try:
            module = __import__(f"pymorphy3.{sub}", fromlist=["_"])
        except ImportError:
            continue
        sys.modules.setdefault(f"pymorphy2.{sub}", module)


_alias_pymorphy3()


@cache
def morph():
    """pymorphy3's analyzer for Russian (about 15 MB, shared by the whole process)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


# Words whose parses are kept. An entry holds a few kB of parse objects, so this bounds what an
# import worker grows to on a batch with a large vocabulary: fed 66,000 distinct dictionary words,
# the extractor's word caches grow by 34 MB (three separate caches of 50,000–65,536 words grew by
# 135 MB). News vocabulary is Zipfian: on the generated corpus speed and memory are unchanged.
PARSE_CACHE_WORDS = 20_000


@lru_cache(maxsize=PARSE_CACHE_WORDS)
def parses(word: str) -> tuple:
    """pymorphy3's parses of a word: the one cache every part of the extractor reads through."""
    return tuple(morph().parse(word))


@cache
def natasha():
    """Natasha's segmenter, embeddings, NER tagger and morphology vocabulary, loaded once."""
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "emb": emb,
        "ner": NewsNERTagger(emb),
        "morph_tagger": NewsMorphTagger(emb),
        "morph_vocab": MorphVocab(),
    }
