from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Архив CoopNews"
    default_auto_field = "django.db.models.BigAutoField"
