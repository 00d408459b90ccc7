from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Stories")

    def ready(self):
        from . import page_cache
        from .models import Article, Author, Byline, Section, Tag

        # Any change to what reader pages show makes every cached page out of date.
        for model in (Article, Author, Byline, Section, Tag):
            uid = f"pages-{model._meta.model_name}"
            post_save.connect(page_cache.content_changed, sender=model, dispatch_uid=f"{uid}-s")
            post_delete.connect(page_cache.content_changed, sender=model, dispatch_uid=f"{uid}-d")
        m2m_changed.connect(
            page_cache.content_changed, sender=Article.tags.through, dispatch_uid="pages-tags"
        )
