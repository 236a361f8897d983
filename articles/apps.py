from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Архив CoopNews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from articles.archive import generation
        from articles.archive.reference import ensure_reference_data_after_migrate
        from articles.archive.roles import ensure_editors_group_after_migrate

        # A flush (transactional tests) empties auth_group: recreate the Editors group if it is gone.
        post_migrate.connect(ensure_editors_group_after_migrate, dispatch_uid="articles_editors_group")
        # …and the reference tables (countries, their forms, outlets, organisations).
        post_migrate.connect(ensure_reference_data_after_migrate, dispatch_uid="articles_reference_data")
        # `migrate` makes cached pages stale; every other write does so by an explicit call.
        generation.connect()
