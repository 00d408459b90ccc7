from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from . import list_cache
        from .models import Comment, Term
        from .signals import comment_saved, comments_decided
        from .terms import forget_terms

        # The stories' approved comments, kept in the shared cache: renewed after each
        # decision, and after any save of a comment but a new one that is not approved.
        comments_decided.connect(list_cache.comments_decided, dispatch_uid="comment-lists")
        post_save.connect(comment_saved, sender=Comment, dispatch_uid="comment-saved")

        # Word-list changes reach the engine on the next comment, without a restart.
        post_save.connect(forget_terms, sender=Term, dispatch_uid="terms-saved")
        post_delete.connect(forget_terms, sender=Term, dispatch_uid="terms-deleted")
