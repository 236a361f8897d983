"""What every curated model's admin shares: history with revert, and protecting editor changes.

SimpleHistoryAdmin records who changed what and when (HistoryRequestMiddleware supplies the user)
and offers a revert of every version. The fields an editor changes are recorded in the record's
`edited_fields` through the model's one vocabulary (`EditorProtected.PROTECTS`), which the importer
and re-extraction read to leave those fields alone.
"""

from __future__ import annotations

from simple_history.admin import SimpleHistoryAdmin

from articles.admin.writes import ArchiveAdmin


class DeskHistoryAdmin(ArchiveAdmin, SimpleHistoryAdmin):
    # The package's list template carries an inline style, which the site's CSP refuses.
    object_history_list_template = "admin/desk/history_list.html"
    object_history_form_template = "admin/desk/history_form.html"

    class Media:
        css = {"all": ("admin-extra/desk.css",)}

    def save_model(self, request, obj, form, change):
        obj.record_edits(self.changed_fields(obj, form))
        super().save_model(request, obj, form, change)

    def changed_fields(self, obj, form) -> set[str]:
        """Fields whose value differs from the database — also right for a revert, whose form starts
        from the old version rather than from what is stored now."""
        changed = set(form.changed_data)
        plain = [
            obj._meta.get_field(name)
            for name in self.model.PROTECTS
            if name in form.fields and not obj._meta.get_field(name).many_to_many
        ]
        if obj.pk and plain:
            stored = type(obj)._default_manager.filter(pk=obj.pk).values(*[f.attname for f in plain]).first()
            if stored is not None:
                changed |= {f.name for f in plain if stored[f.attname] != getattr(obj, f.attname)}
        return changed

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        record = getattr(obj, "_history", None)  # set on the instance of a version being reverted to
        if record is None:
            return form_class
        # A version's form must show that version's many-to-many values (parties, signatories), not
        # today's: the instance simple-history rebuilds only carries the plain fields.
        initial = {}
        for field in self.model._meta.many_to_many:
            rows = getattr(record, field.name, None)
            if rows is not None and field.name in form_class.base_fields:
                column = f"{field.m2m_reverse_field_name()}_id"
                initial[field.name] = [getattr(row, column) for row in rows.all()]

        class VersionForm(form_class):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                if not self.is_bound:  # bound: compare with what is stored, so changed_data is right
                    self.initial.update(initial)

        return VersionForm
