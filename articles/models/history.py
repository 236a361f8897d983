"""simple-history's HistoricalRecords for CoopNews: a manager class built once, and history rows
that a writer can defer to the end of its transaction and insert one statement a kind.

An import writes an article, its claims, officials and agreements in one transaction; each save
and each many-to-many change would otherwise insert its history row at once (with two more
queries to snapshot an agreement's parties and signatories). Inside `deferred_history()` the rows
are collected instead and `flush()` inserts them: one INSERT per historical model and one per
many-to-many history table, however many rows. Changes to one record within the transaction
(created, then its parties added) make one row with the record's state at the end, as an editor
reads the write: one change. Outside the context every save writes its row at once, as before.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone
from simple_history.manager import HistoryManager
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_field_name


class _HistoryManager(HistoryManager):
    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class, class_name=None):
        return super().from_queryset(queryset_class, class_name)


class _Pending:
    """History rows of one transaction, in the order they happened, one a record."""

    def __init__(self) -> None:
        self.rows: list = []  # historical instances, unsaved
        self.records: dict[tuple[type, object], int] = {}  # (model, pk) → its row's index
        self.sources: list[tuple[History, object]] = []  # per row: the History and the live instance

    def add(self, history: History, instance, history_type: str) -> None:
        key = (type(instance), instance.pk)
        index = self.records.get(key)
        if index is not None and history_type == "~" and self.rows[index].history_type != "-":
            # Changed again in the same transaction: the one row takes the latest state.
            self.rows[index] = history.historical(instance, self.rows[index].history_type)
            self.sources[index] = (history, instance)
            return
        self.records[key] = len(self.rows)
        self.rows.append(history.historical(instance, history_type))
        self.sources.append((history, instance))

    def flush(self) -> None:
        by_model: dict[type, list] = defaultdict(list)
        for row in self.rows:
            by_model[type(row)].append(row)
        for model, rows in by_model.items():
            model.objects.bulk_create(rows)  # PostgreSQL and SQLite ≥ 3.35 return the ids
        self._flush_m2m()
        self.__init__()

    def _flush_m2m(self) -> None:
        """Each row's many-to-many snapshot, read once a relation for all its records."""
        wanted: dict[tuple[History, object], list[tuple[object, object]]] = defaultdict(list)
        for row, (history, instance) in zip(self.rows, self.sources, strict=True):
            for field in getattr(row, "_history_m2m_fields", ()):
                wanted[(history, field)].append((row, instance))
        for (history, field), rows in wanted.items():
            through = field.remote_field.through
            source = get_m2m_field_name(field)
            links = defaultdict(list)
            for link in through.objects.filter(**{f"{source}__in": {i.pk for _, i in rows}}):
                links[getattr(link, f"{source}_id")].append(link)
            columns = [f.attname for f in through._meta.fields]
            model = history.m2m_models[field]
            model.objects.bulk_create(
                [
                    model(history=row, **{c: getattr(link, c) for c in columns})
                    for row, instance in rows
                    for link in links[instance.pk]
                ]
            )


_pending: ContextVar[_Pending | None] = ContextVar("coopnews_deferred_history", default=None)


@contextmanager
def deferred_history() -> Iterator[None]:
    """Collect the history rows written inside and insert them, one statement a kind, on the way
    out (not when it is left by an exception: the caller's transaction rolls back anyway). Call it
    inside the transaction. Nested: the outer one inserts."""
    if _pending.get() is not None:
        yield
        return
    pending = _Pending()
    token = _pending.set(pending)
    try:
        yield
        pending.flush()
    finally:
        _pending.reset(token)


class History(HistoricalRecords):
    """simple-history's HistoricalRecords, but `Model.history` builds its manager class once, not
    on every access: the library reads it for each historical row it writes, and building a class
    (inspect.getmembers over the queryset) cost the import about 3 ms an article. Inside
    `deferred_history()` its rows wait for the end of the transaction (see the module doc)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("history_manager", _HistoryManager)
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        cls._coopnews_history = self  # for created_with_history()

    def historical(self, instance, history_type: str):
        """The unsaved history row of `instance` as it is now (what the library's
        create_historical_record builds before saving it)."""
        manager = getattr(instance, self.manager_name)
        attrs = {field.attname: getattr(instance, field.attname) for field in self.fields_included(instance)}
        if getattr(manager.model, "history_relation", None) is not None:
            attrs["history_relation"] = instance
        return manager.model(
            history_date=getattr(instance, "_history_date", None) or timezone.now(),
            history_type=history_type,
            history_user=self.get_history_user(instance),
            history_change_reason=self.get_change_reason_for_object(instance, history_type, None),
            **attrs,
        )

    def create_historical_record(self, instance, history_type, using=None):
        pending = _pending.get()
        if pending is None:
            return super().create_historical_record(instance, history_type, using=using)
        pending.add(self, instance, history_type)
        return None


def history_deferred() -> bool:
    return _pending.get() is not None


def created_with_history(model, instances: Iterable) -> None:
    """Rows just inserted in bulk (no post_save): their "+" history rows, deferred."""
    history = model._coopnews_history
    pending = _pending.get()
    for instance in instances:
        pending.add(history, instance, "+")
