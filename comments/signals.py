"""Signals the comments app sends for other apps to follow.

``comments_decided`` is sent after the transaction commits whenever moderators change
comments' status (a desk decision, an admin action or form, a bulk decision), with
``article_ids``: the stories whose approved comments may have changed. The page cache
listens to it to renew only those stories' pages.
"""

from django.dispatch import Signal

comments_decided = Signal()
