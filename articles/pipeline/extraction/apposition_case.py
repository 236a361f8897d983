"""The case of a name that only the post after it shows.

"Встречи прошли с А. Ван Хоангом, президентом страны, и Т. Минь Куангом, премьер-министром": the
second name follows a comma, so no preposition or post before it governs its case, and the tagger
may misread the ending of a foreign surname it does not know. The post set off after the name
agrees with it; when that post stands in an oblique case and the surname has an ending of that
case, the name is read in it («Куангом» → «Куанг») and the post is his.
"""

from __future__ import annotations

from articles.pipeline.extraction.names import NameReading, read_name


def reading_by_post_after(
    written: list[str], reading: NameReading, post_case: str | None, **tags
) -> NameReading | None:
    """The name re-read in the case of the post after it, if its own ending shows that case.

    tags: read_name's tagged_case, tagged_gender and chinese_allowed, as the first reading had them."""
    if post_case in (None, "nomn") or reading.case == post_case:
        return None
    again = read_name(written, context_case=post_case, **tags)
    if again.words[-1] == written[-1]:
        return None  # the surname has no ending of that case: the post may start a new phrase
    return again
