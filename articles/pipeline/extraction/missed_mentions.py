"""A person's full name written again where the tagger did not see a name.

Natasha sometimes misses a name it finds elsewhere in the same text: «министр иностранных дел РА
Арарат Мирзоян 10 ноября встретился …» untagged, «Арарат Мирзоян подчеркнул …» tagged. The same
written form is the same person in the same case; the post before it is read as for any mention.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.pipeline.extraction.positions import post_before


def add_missed_mentions(text: str, sentences, people, country_spans) -> None:
    """Give each person a mention (with the post before it) wherever a full form of his name that
    the tagger took elsewhere stands untagged."""
    taken = [m.span for p in people for m in p.mentions]
    for person in people:
        for template in {m.written: m for m in person.mentions if m.full and not m.given_only}.values():
            pattern = rf"(?<![\w-]){re.escape(template.written)}(?![\w-])"
            for match in re.finditer(pattern, text):
                start, stop = match.span()
                if any(s < stop and start < e for s, e in taken):
                    continue
                mention = _mention_at(sentences, people, template, start, stop, country_spans)
                if mention is not None:
                    person.mentions.append(mention)
                    taken.append((start, stop))
        person.mentions.sort(key=lambda m: m.span)


def _mention_at(sentences, people, template, start: int, stop: int, country_spans):
    for index, tokens in enumerate(sentences):
        if not tokens or not tokens[0].start <= start < tokens[-1].stop:
            continue
        first = next((i for i, t in enumerate(tokens) if t.start == start), None)
        last = next((i + 1 for i, t in enumerate(tokens) if t.stop == stop), None)
        if first is None or last is None or last - first != template.last - template.first:
            return None
        barrier = max(
            (m.last for p in people for m in p.mentions if m.sentence == index and m.last <= first),
            default=0,
        )
        countries = {
            i for i, t in enumerate(tokens) if any(s < t.stop and t.start < e for s, e, _ in country_spans)
        }
        post = post_before(tokens, first, barrier, countries)
        return replace(
            template,
            sentence=index,
            first=first,
            last=last,
            span=(start, stop),
            post=post,
            country=None,
            group=None,
        )
    return None
