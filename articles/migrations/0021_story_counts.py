"""PairMonth's story and primary-pair counts and StoryPair (articles/archive/pair_months.py keeps
them current), filled from the archive as `pair_months.rebuild()` would."""

from collections import Counter, defaultdict

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F

VISIBLE_STATES = ("proposed", "confirmed")


def _when(year, month):
    return (year or 0, (month or 0) if year else 0)


def fill(apps, schema_editor):
    db = schema_editor.connection.alias
    Article = apps.get_model("articles", "Article")
    ArticlePair = apps.get_model("articles", "ArticlePair")
    PairMonth = apps.get_model("articles", "PairMonth")
    StoryPair = apps.get_model("articles", "StoryPair")
    months = {}
    leads = (
        Article.objects.using(db)
        .exclude(story=None)
        .order_by("story_id", F("date_from").asc(nulls_last=True), "id")
        .values_list("story_id", "date_year", "date_estimated_year", "date_month")
    )
    for story, year, estimated, month in leads.iterator(chunk_size=10_000):
        months.setdefault(story, _when(year if year is not None else estimated, month))
    owned = defaultdict(dict)
    primary_articles = Counter()
    rows = (
        ArticlePair.objects.using(db)
        .filter(state__in=VISIBLE_STATES)
        .values_list(
            "article_id", "article__story_id", "article__date_year", "article__date_estimated_year",
            "article__date_month", "country_a_id", "country_b_id", "primary",
        )
    )
    for article, story, year, estimated, month, a, b, primary in rows.iterator(chunk_size=10_000):
        own = _when(year if year is not None else estimated, month)
        if primary:
            primary_articles[(a, b, *own)] += 1
        owner = ("story", story) if story is not None else ("article", article)
        when = months[story] if story is not None else own
        known = owned[owner].get((a, b))
        owned[owner][(a, b)] = (*when, primary or (known is not None and known[2]))
    stories, stories_primary = Counter(), Counter()
    story_pairs = []
    for (kind, pk), pairs in owned.items():
        for (a, b), (year, month, primary) in pairs.items():
            stories[(a, b, year, month)] += 1
            stories_primary[(a, b, year, month)] += primary
            story_pairs.append(
                StoryPair(
                    story_id=pk if kind == "story" else None,
                    article_id=pk if kind == "article" else None,
                    country_a_id=a, country_b_id=b, year=year, month=month, primary=primary,
                )
            )
    StoryPair.objects.using(db).bulk_create(story_pairs, batch_size=5_000)
    cells = set(stories) | set(primary_articles)
    existing = {
        (r.country_a_id, r.country_b_id, r.year, r.month): r for r in PairMonth.objects.using(db).all()
    }
    changed, new = [], []
    for key in cells:
        row = existing.get(key)
        if row is None:  # a story counted in its lead's month, where none of its pair's articles is
            row = PairMonth(country_a_id=key[0], country_b_id=key[1], year=key[2], month=key[3], articles=0)
            new.append(row)
        else:
            changed.append(row)
        row.articles_primary = primary_articles[key]
        row.stories, row.stories_primary = stories[key], stories_primary[key]
    PairMonth.objects.using(db).bulk_update(
        changed, ["articles_primary", "stories", "stories_primary"], batch_size=5_000
    )
    PairMonth.objects.using(db).bulk_create(new, batch_size=5_000)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0020_merged_away'),
    ]

    operations = [
        migrations.AddField(
            model_name='pairmonth',
            name='articles_primary',
            field=models.IntegerField(default=0, verbose_name='статей (основная пара)'),
        ),
        migrations.AddField(
            model_name='pairmonth',
            name='stories',
            field=models.IntegerField(default=0, verbose_name='сюжетов'),
        ),
        migrations.AddField(
            model_name='pairmonth',
            name='stories_primary',
            field=models.IntegerField(default=0, verbose_name='сюжетов (основная пара)'),
        ),
        migrations.CreateModel(
            name='StoryPair',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(help_text='0 — без даты.', verbose_name='год')),
                ('month', models.PositiveSmallIntegerField(help_text='0 — известен только год или нет даты.', verbose_name='месяц')),
                ('primary', models.BooleanField(default=False, verbose_name='основная пара хотя бы одной статьи')),
                ('article', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.article', verbose_name='статья без сюжета')),
                ('country_a', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.country', verbose_name='страна A')),
                ('country_b', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.country', verbose_name='страна B')),
                ('story', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.story', verbose_name='сюжет')),
            ],
            options={
                'verbose_name': 'пара сюжета',
                'verbose_name_plural': 'пары сюжетов',
                'ordering': ['story_id', 'article_id', 'country_a_id', 'country_b_id'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('story__isnull', True), ('article__isnull', False)), models.Q(('story__isnull', False), ('article__isnull', True)), _connector='OR'), name='story_pair_one_owner'), models.UniqueConstraint(fields=('story', 'country_a', 'country_b'), name='story_pair_unique_story'), models.UniqueConstraint(fields=('article', 'country_a', 'country_b'), name='story_pair_unique_article')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
