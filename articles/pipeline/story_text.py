"""What placing an article in its story reads of its text, computed without the database: the body's
MinHash signature (pipeline/nearduplicates.py), its content words (pipeline/eventwords.py) and its event
text — the headline's and the lead sentence's words, the stages their verbs tell and the designations
they give (`EventText`).

Pure, so the import's worker processes compute it beside the extraction (archive/batches.py) and the
writer only stores and compares it (archive/stories.py); the event rule itself is archive/story_events.py.
"""

from __future__ import annotations

from typing import NamedTuple

from articles.pipeline import eventmarks, eventstage, eventwords, nearduplicates

SEPARATOR = "|"  # between the stored parts of an EventText (lemmas and stage names have none)


class EventText(NamedTuple):
    """What the event rule reads of one report besides its words: its headline's and its lead
    sentence's words (`eventwords.headline_words`), the stages their verbs tell and the
    designations and names they give (`eventmarks.marks`). Kept with the
    article's signature when it is indexed, so placing the pair's next reports reads them back
    instead of lemmatising every neighbour's headline and lead again."""

    headline: frozenset[str]
    lead: frozenset[str]
    stage: frozenset[str]
    marks: frozenset[str]

    def encode(self) -> str:
        """The stored form (ArticleSignature.event_text): the three `eventwords.encode`d, joined by
        SEPARATOR, so that even a report with none of them stores something."""
        return SEPARATOR.join(eventwords.encode(part) for part in self)

    @classmethod
    def decode(cls, stored: str) -> EventText | None:
        """None for a row indexed before the event text (or its marks) was kept: read again then."""
        parts = stored.split(SEPARATOR)
        return cls(*map(eventwords.decode, parts)) if len(parts) == len(cls._fields) else None


def event_text(title: str, body: str) -> EventText:
    lead = eventwords.lead_sentence(body)
    return EventText(
        eventwords.headline_words(title),
        eventwords.headline_words(lead),
        eventstage.stages(title, lead),
        eventmarks.marks(title, lead),
    )


class StoryText(NamedTuple):
    """An article's text as the stories read it, for one title and body (`story_text`)."""

    title: str
    body: str
    signature: bytes | None  # None: too short to have one (nearduplicates.MIN_SHINGLES)
    words: frozenset[str]
    event: EventText | None

    def of(self, title: str, body: str) -> bool:
        """Whether it was computed for this title and body (an editor's body makes it stale)."""
        return (self.title, self.body) == (title, body)


def story_text(title: str, body: str) -> StoryText:
    signature = nearduplicates.signature(body)
    if signature is None:
        return StoryText(title, body, None, frozenset(), None)
    return StoryText(
        title, body, signature, eventwords.content_words(f"{title}\n{body}"), event_text(title, body)
    )
