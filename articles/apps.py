from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Stories")

    def ready(self):
        from comments.signals import comments_decided

        from . import renewal, tagged_stories
        from .models import Article, Author, Byline, Section, Tag

        # The copy of the tag links the related stories read (see tagged_stories.py),
        # before the pages are renewed.
        post_save.connect(tagged_stories.story_saved, sender=Article, dispatch_uid="tag-copies")
        m2m_changed.connect(
            tagged_stories.tags_changed, sender=Article.tags.through, dispatch_uid="tag-copies"
        )

        # A change renews only the cached pages that show it (see renewal.py).
        for signal, receiver in (
            (pre_save, renewal.story_saving),
            (post_save, renewal.story_saved),
            (pre_delete, renewal.story_saving),
            (post_delete, renewal.story_deleted),
        ):
            signal.connect(receiver, sender=Article, dispatch_uid=f"pages-{receiver.__name__}")
        for signal, receiver in (
            (pre_save, renewal.byline_changing),
            (post_save, renewal.byline_changed),
            (pre_delete, renewal.byline_changing),
            (post_delete, renewal.byline_changed),
        ):
            signal.connect(
                receiver, sender=Byline, dispatch_uid=f"pages-byline-{receiver.__name__}"
            )
        m2m_changed.connect(
            renewal.tags_changing, sender=Article.tags.through, dispatch_uid="pages-tags"
        )
        for model in (Author, Section, Tag):
            uid = f"pages-{model._meta.model_name}"
            post_save.connect(renewal.site_changed, sender=model, dispatch_uid=f"{uid}-s")
            post_delete.connect(renewal.site_changed, sender=model, dispatch_uid=f"{uid}-d")
        comments_decided.connect(renewal.comments_decided, dispatch_uid="pages-comments-decided")
