from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from .models import Term
        from .terms import forget_terms

        # Word-list changes reach the engine on the next comment, without a restart.
        post_save.connect(forget_terms, sender=Term, dispatch_uid="terms-saved")
        post_delete.connect(forget_terms, sender=Term, dispatch_uid="terms-deleted")
