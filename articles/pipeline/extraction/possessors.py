"""A name in a post's complement, and the name after it: "пресс-секретарь президента РФ Владимира
Путина Дмитрий Песков".

positions.post_before gives the genitive name the complement's post («президент РФ») and marks the
post word before it (Post.outer); the name right after then holds that word, the complement and the
genitive name as written («пресс-секретарь президента РФ Владимира Путина»).
"""

from __future__ import annotations

from articles.pipeline.extraction.names import NATASHA_CASES
from articles.pipeline.extraction.positions import Post, Token, case_of, is_role, post_text


def post_of_possessor(tokens: list[Token], possessor: Post, name_first: int, name_last: int) -> Post | None:
    """The post of the name tokens[name_first:name_last] right after the possessor's name, or None.
    A role («тренер российского боксёра … Абель Санчес») does not take the possessor's country."""
    outer = possessor.outer
    if outer is None:
        return None
    case = case_of(tokens[outer])
    name_case = NATASHA_CASES.get(tokens[name_last - 1].feats.get("Case", ""))  # the surname's
    if name_case and case and name_case != case:
        return None
    text = post_text(tokens, outer, name_first)
    # scope: where the post's country is looked for; a role's ends before the possessor's states
    scope = name_first - 1 if is_role(tokens[outer].text) else outer
    return Post(first=outer, last=name_first, head=outer, text=text, case=case, scope=scope)
