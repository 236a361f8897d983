"""The article body with every claim's evidence marked, for the editor's change page.

Pure: a body and a list of marks in, escaped HTML out. Spans may overlap (a country inside an
official's post); the text is cut at every span boundary and each piece carries the classes of every
mark covering it. Out-of-range or empty spans (a body edited since extraction) are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from articles.pipeline.text import fold


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # country | official | agreement | pair
    state: str  # proposed | confirmed | rejected
    label: str  # what the span is evidence of, shown as a tooltip
    anchor: str = ""  # id of the first span of a claim, so the claims table can link to it


def highlight(body: str, marks: list[Mark]) -> SafeString:
    marks = [m for m in marks if 0 <= m.start < m.end <= len(body)]
    cuts = sorted({0, len(body), *(m.start for m in marks), *(m.end for m in marks)})
    anchors_done: set[str] = set()
    parts: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        text = conditional_escape(body[start:end])
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            parts.append(text)
            continue
        classes = ["hl"]
        for m in covering:
            classes += [f"hl-{m.kind}", f"hl-{m.state}"]
        anchor = next((m.anchor for m in covering if m.anchor and m.start == start), "")
        if anchor in anchors_done:
            anchor = ""
        anchors_done.add(anchor)
        title = "; ".join(
            dict.fromkeys(f"{m.label} — {_STATE_LABELS.get(m.state, m.state)}" for m in covering)
        )
        if anchor:
            parts.append(
                format_html(
                    '<mark class="{}" title="{}" id="{}">{}</mark>',
                    " ".join(dict.fromkeys(classes)),
                    title,
                    anchor,
                    text,
                )
            )
        else:
            parts.append(
                format_html(
                    '<mark class="{}" title="{}">{}</mark>', " ".join(dict.fromkeys(classes)), title, text
                )
            )
    return mark_safe("".join(parts))  # every piece above is escaped


_STATE_LABELS = {"proposed": "предложено", "confirmed": "подтверждено", "rejected": "отклонено"}


def find_spans(body: str, forms: list[str], limit: int = 50) -> list[list[int]]:
    """Where any of `forms` occurs in `body` as a word start, extended to the end of the word.

    Used to find evidence for claims an editor adds by hand. Russian inflects names, so a form longer
    than four letters is also looked for without its last letter: «Китай» finds «Китая», «Шойгу» stays.
    """
    folded = fold(body)
    stems: set[str] = set()
    for form in forms:
        form = " ".join(fold(form).split())
        if len(form) < 2:
            continue
        stems.add(form)
        if len(form) > 4 and form[-1] in "аеиоуыэюяйь":
            stems.add(form[:-1])
    spans: set[tuple[int, int]] = set()
    for stem in sorted(stems, key=len, reverse=True):
        at = folded.find(stem)
        while at != -1 and len(spans) < limit:
            if at == 0 or not folded[at - 1].isalnum():
                end = at + len(stem)
                while end < len(folded) and folded[end].isalpha():
                    end += 1
                spans.add((at, end))
            at = folded.find(stem, at + 1)
    # Drop spans inside longer ones (the stem of a form found inside the full name).
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return [list(s) for s in sorted(kept)]
