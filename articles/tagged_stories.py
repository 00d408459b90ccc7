"""Keeps ``TaggedStory`` (each tag link with its story's time and status) a true copy.

The related stories read a tag's newest public stories from ``TaggedStory``'s index, so
every change of a story's tags, time or status copies them again, in the same
transaction as the change:

- a story's save (``post_save``; the admin saves the story, then its tags);
- a change of a story's tags or of a tag's stories (``m2m_changed``: ``add``,
  ``remove``, ``set``, ``clear`` from either side);
- the bulk status changes, which send no signal: the admin's actions and
  ``publish_scheduled`` call :func:`copy_stories` themselves, as they renew pages.

A story's or a tag's deletion takes its copies with it (``on_delete=CASCADE``). What a
bare ``QuerySet.update()`` of a story's time or status elsewhere changes is not copied:
call :func:`copy_stories` after it (bench loaders write links with COPY and fill the
copy with SQL).
"""

from .models import Article, TaggedStory

BATCH = 500  # ids per query (SQLite's limit on a query's parameters)


def copy_stories(article_ids):
    """Copy these stories' tag links with their current time and status."""
    article_ids = sorted(set(article_ids))
    for start in range(0, len(article_ids), BATCH):
        ids = article_ids[start : start + BATCH]
        TaggedStory.objects.filter(article__in=ids).delete()
        links = Article.tags.through.objects.filter(article__in=ids).values_list(
            "tag_id", "article_id", "article__published_at", "article__status"
        )
        # Written over, should another transaction have copied the story meanwhile (two
        # saves at once): the last to commit leaves its own copy.
        TaggedStory.objects.bulk_create(
            [
                TaggedStory(tag_id=tag, article_id=article, published_at=time, status=status)
                for tag, article, time, status in links
            ],
            update_conflicts=True,
            unique_fields=["tag", "article"],
            update_fields=["published_at", "status"],
        )


def story_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:  # a new story has no tags yet
        copy_stories([instance.pk])


def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        copy_stories([instance.pk])
    elif action == "post_clear":  # a tag taken from all its stories
        TaggedStory.objects.filter(tag=instance).delete()
    else:
        copy_stories(pk_set)
