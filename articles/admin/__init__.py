"""The editors' desk: the Django admin, customised for reviewing what the extractor found.

- article.py   — articles and their bulk actions, the highlighted body
- queue.py     — the review queue's own page; benchmark machinery for superusers only
- claims.py    — the claim tables on the article page and how they are saved
- people.py    — officials and agreements, merging duplicates
- reference.py — countries and their forms, outlets and spellings, organisations, import batches
- history.py   — history with revert and `edited_fields` for every curated model, in human words
- decisions.py — claim decisions (who, when, what) on an article's history page
- highlight.py — the article body with claim spans marked; counts.py — per-row counts for columns
- officials_review.py — near-identical names to merge or set apart, disputed countries to settle
- agreements_review.py — the agreements registry: moving or splitting off mentions, likely duplicates
- stories.py   — stories: merging two, splitting an article off (judgements imports keep)
- accounts.py  — users: the staff flag follows membership of Editors; a login that says what is missing
"""

from django.contrib import admin

from articles.admin import accounts, article, officials_review, people, reference, stories  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = "CoopNews — рабочий стол редактора"
admin.site.site_title = "CoopNews"
admin.site.index_title = "Архив и его проверка"
admin.site.login_form = accounts.DeskAuthenticationForm
