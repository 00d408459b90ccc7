"""Which cached pages a change makes out of date, renewed once the change is committed.

A change renews only the pages that show what changed (``page_cache`` explains topics
and facts):

==========================================  ==============================================
change                                      renewed
==========================================  ==============================================
a story saved or deleted, its tags or       the story's page (old and new address), the
bylines changed, its status changed by the  pages of its neighbours before and after (their
admin's bulk actions or by                  previous/next links), ``LATEST`` (home, archive,
``manage.py publish_scheduled``             language lists, feeds, sitemaps), its sections,
                                            tags and authors, before and after
comments decided (``comments_decided``:     those stories' pages only
the desk, the admin, intake approving)
a section, author or tag saved or deleted   every page (``SITE``: their names are in the
                                            navigation and in bylines everywhere)
==========================================  ==============================================

A draft's edits renew only its own facts. Everything runs in ``transaction.on_commit``,
so no server renders a page from data a rollback takes back. What nothing announces is
listed in the README ("What readers see at once").
"""

from django.db import transaction
from django.db.models import Prefetch

from . import page_cache
from .models import PUBLIC_STATUSES, Article, Byline


def story_facts_name(slug):
    return f"story:{slug}"


def snapshot(article_ids):
    """What the pages that show these stories depend on, as the database says now."""
    bylines = Prefetch("bylines", queryset=Byline.objects.select_related("author"))
    stories = (
        Article.objects.filter(pk__in=list(article_ids))
        .select_related("section")
        .prefetch_related("tags", bylines)
        .only("id", "slug", "status", "published_at", "section__slug_tr", "section__slug_en")
    )
    return [
        {
            "id": story.pk,
            "slug": story.slug,
            "shown": story.status in PUBLIC_STATUSES,
            "published_at": story.published_at,
            "topics": {
                *(
                    page_cache.topic("section", slug)
                    for slug in (story.section.slug_tr, story.section.slug_en)
                    if slug
                ),
                *(page_cache.topic("tag", tag.slug) for tag in story.tags.all()),
                *(page_cache.topic("author", b.author.slug) for b in story.bylines.all()),
            },
        }
        for story in stories
    ]


def stories_changed(before, article_ids):
    """Renew, after commit, the pages that showed these stories (``before``, a
    :func:`snapshot` taken before the change) and those that show them now."""
    article_ids = set(article_ids)

    def renew_now():
        facts, topics = set(), set()
        for state in [*before, *snapshot(article_ids)]:
            facts.add(story_facts_name(state["slug"]))
            if not state["shown"]:
                continue
            topics |= {page_cache.LATEST, *state["topics"]}
            position = (state["published_at"], state["id"])
            for neighbour in (
                Article.objects.previous_to(*position),
                Article.objects.next_to(*position),
            ):
                if neighbour is not None:
                    facts.add(story_facts_name(neighbour.slug))
        page_cache.forget(*facts)
        if topics:
            page_cache.renew(*topics)

    transaction.on_commit(renew_now)


def comments_decided(sender, article_ids, **kwargs):
    """Only these stories' pages show the decided comments."""
    slugs = Article.objects.filter(pk__in=list(article_ids)).values_list("slug", flat=True)
    page_cache.forget(*(story_facts_name(slug) for slug in slugs))


def site_changed(sender, **kwargs):
    """A section, author or tag: their names are on every page."""
    transaction.on_commit(lambda: page_cache.renew(page_cache.SITE))


# Signal receivers: the state before a change is kept on the instance until it is saved.


def story_saving(sender, instance, **kwargs):
    instance._renewal_before = snapshot([instance.pk]) if instance.pk else []


def story_saved(sender, instance, **kwargs):
    stories_changed(getattr(instance, "_renewal_before", []), [instance.pk])


def story_deleted(sender, instance, **kwargs):
    stories_changed(getattr(instance, "_renewal_before", []), [])


def byline_changing(sender, instance, **kwargs):
    instance._renewal_before = snapshot([instance.article_id])


def byline_changed(sender, instance, **kwargs):
    stories_changed(getattr(instance, "_renewal_before", []), [instance.article_id])


def tags_changing(sender, instance, action, reverse, pk_set, **kwargs):
    article_ids = (pk_set or set()) if reverse else {instance.pk}
    if reverse and action in ("pre_clear", "post_clear"):  # a tag's stories all at once
        site_changed(sender)
        return
    if action.startswith("pre_"):
        instance._renewal_before = snapshot(article_ids)
    else:
        stories_changed(getattr(instance, "_renewal_before", []), article_ids)
