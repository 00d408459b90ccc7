"""Signals the comments app sends for other apps to follow.

``comments_decided`` is sent after the transaction commits whenever moderators change
comments' status (a desk decision, an admin action or form, a bulk decision), with
``article_ids``: the stories whose approved comments may have changed. The page cache
listens to it to renew only those stories' pages, ``list_cache`` their comment lists.
An approved comment saved through the ORM is announced the same way (``comment_saved``).
"""

from django.dispatch import Signal

comments_decided = Signal()


def comment_saved(sender, instance, created, **kwargs):
    """A comment saved through the ORM (``post_save``) may change its story's approved
    comments: a new approved one, or an existing one whatever it became (its status before
    is not known). Announced as a decision, after commit; a held or refused comment
    arriving changes nothing shown. ``update()`` and ``bulk_create()`` send nothing."""
    if created and instance.status != instance.Status.APPROVED:
        return
    from .decisions import announce

    announce([instance.article_id])
