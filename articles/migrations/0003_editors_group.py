from django.db import migrations


def create_editors_group(apps, schema_editor):
    from articles.archive.roles import ensure_editors_group

    ensure_editors_group(apps, using=schema_editor.connection.alias)


def remove_editors_group(apps, schema_editor):
    from articles.archive.roles import EDITORS_GROUP

    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name=EDITORS_GROUP
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_editors_group, remove_editors_group),
    ]
