"""Posts written as an abbreviation with a dot: "Иван Петров, зам. председателя облсовета".

The segmenter cuts «зам.» in two; people.analyse joins it again into one token, which
positions.head_lemma reads as the post word it stands for (post_words.ABBREVIATED_POSTS).
"""

from __future__ import annotations

from articles.pipeline.extraction.positions import Token
from articles.pipeline.extraction.post_words import ABBREVIATED_POSTS
from articles.pipeline.text import fold


def join_abbreviated_posts(tokens: list[Token]) -> list[Token]:
    """The sentence's tokens with «зам» «.» as one token «зам.» when a lower-case word follows
    (otherwise the dot may end a sentence)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            fold(token.text) + "." in ABBREVIATED_POSTS
            and i + 2 < len(tokens)
            and tokens[i + 1].text == "."
            and tokens[i + 1].start == token.stop
            and tokens[i + 2].text[:1].islower()
        ):
            out.append(Token(token.text + ".", token.start, tokens[i + 1].stop, "NOUN", {}))
            i += 2
            continue
        out.append(token)
        i += 1
    return out
