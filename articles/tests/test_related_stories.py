"""The story page's related stories: public stories sharing a tag, newest first, then the
newest of the section; read through each tag's newest few in ``TaggedStory``, a copy of
the tag links kept right by every change (``articles.tagged_stories``)."""

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import story_lists, tagged_stories
from articles.management.commands.publish_scheduled import publish_due
from articles.models import Article, Section, Tag, TaggedStory, sharing_tags


@pytest.fixture(autouse=True)
def fresh_process():
    story_lists._newest.clear()


def tag(name):
    return Tag.objects.create(name=name, slug=name.replace(" ", "-"))


def related(story):
    return [related.headline for related in story.related_stories()]


def copies():
    """What ``TaggedStory`` holds, and what it should hold (the links and the stories)."""
    held = set(TaggedStory.objects.values_list("tag", "article", "published_at", "status"))
    truth = set(
        Article.tags.through.objects.values_list(
            "tag", "article", "article__published_at", "article__status"
        )
    )
    return held, truth


def test_shares_a_tag_newest_first_public_only_without_itself_or_twice(make_article):
    politics, economy = tag("siyaset"), tag("ekonomi")
    other = Section.objects.create(name_tr="Spor", slug_tr="spor", slug_en="sports")
    story = make_article(headline="Bu haber")
    story.tags.set([politics, economy])
    both = make_article(headline="İki etiketli", section=other)
    both.tags.set([politics, economy])
    older = make_article(headline="Eski ekonomi", section=other, published_at=story.published_at)
    older.tags.set([economy])
    for status in (Article.Status.DRAFT, Article.Status.WITHDRAWN):
        closed = make_article(headline=f"Okura kapalı {status}", section=other, status=status)
        closed.tags.set([politics])
    make_article(
        headline="Yarın çıkacak",
        section=other,
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=1),
    ).tags.set([politics])
    make_article(headline="Etiketsiz, aynı bölüm")

    assert related(story) == ["İki etiketli", "Eski ekonomi", "Etiketsiz, aynı bölüm"]


def test_the_section_fills_the_rest_and_the_tags_come_first(make_article):
    shared = tag("deprem")
    old_shared = make_article(headline="Eski deprem haberi")
    old_shared.tags.set([shared])
    story = make_article(headline="Bu haber")
    story.tags.set([shared])
    newer = [make_article(headline=f"Yeni {n}") for n in range(5)]
    assert related(story) == ["Eski deprem haberi", "Yeni 4", "Yeni 3", "Yeni 2"]
    assert len(newer) == 5


def test_four_at_most_from_many_tags_newest_first(make_article):
    tags = [tag(f"konu {n}") for n in range(10)]
    story = make_article(headline="On etiketli")
    story.tags.set(tags)
    for n, each in enumerate(tags):
        make_article(headline=f"Konu {n}").tags.set([each, tags[0]])
    assert related(story) == ["Konu 9", "Konu 8", "Konu 7", "Konu 6"]


def old_tag_among_newer_stories(make_article, newer=1_200):
    """A story whose one tag only old stories share, with ``newer`` stories after it."""
    section = Section.objects.get()
    old_tag = tag("eski konu")
    now = timezone.now()
    olds = []
    for n in range(4):
        old = make_article(headline=f"Eski {n}", published_at=now - timedelta(days=3_000 + n))
        old.tags.set([old_tag])
        olds.append(old)
    Article.objects.bulk_create(
        Article(
            headline=f"Yeni {n}",
            slug=f"yeni-{n}",
            spot="Spot",
            body="Metin.",
            section=section,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n + 1),
        )
        for n in range(newer)
    )
    # The newer stories have common tags of their own (written in bulk, then copied).
    common = [tag(f"sık konu {n}") for n in range(10)]
    newer_ids = list(Article.objects.filter(slug__startswith="yeni-").values_list("pk", flat=True))
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article_id=pk, tag=common[(pk + step) % 10])
        for pk in newer_ids
        for step in (0, 3)
    )
    tagged_stories.copy_stories(newer_ids)
    return olds


def test_a_story_whose_tag_only_old_stories_share(make_article):
    story, *others = old_tag_among_newer_stories(make_article)
    assert related(story) == ["Eski 1", "Eski 2", "Eski 3", "Yeni 0"]


def test_the_story_page_lists_the_old_tags_stories_first(client, make_article):
    story, *_others = old_tag_among_newer_stories(make_article, newer=1_000)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    aside = html[html.index('aria-labelledby="related-heading"') :]
    aside = aside[: aside.index("</aside>")]
    listed = ["Eski 1", "Eski 2", "Eski 3", "Yeni 0"]
    assert all(headline in aside for headline in listed), aside
    assert [aside.index(headline) for headline in listed] == sorted(
        aside.index(headline) for headline in listed
    )
    assert "Eski 0" not in aside  # the story itself


def scans(plan):
    """Every node of a JSON plan."""
    yield plan
    for child in plan.get("Plans", []):
        yield from scans(child)


def plan_nodes(story, prepared=False):
    """The nodes of the executed plan (EXPLAIN ANALYZE) of the story's read by tag: as
    PostgreSQL plans it for the story's values, or (``prepared``) the plan it keeps for
    the prepared statement after ten runs (a generic plan, made without the values, if
    it did not look dearer: ``newsportal/prepared_reads.py``)."""
    with CaptureQueriesContext(connection) as queries:
        for _ in range(10 if prepared else 1):
            story.related_stories()
    (by_tag, *_) = [q["sql"] for q in queries.captured_queries if "taggedstory" in q["sql"]]
    if prepared:
        values = {f"tag_{n}": tag.pk for n, tag in enumerate(story.tag_list)}
        read = sharing_tags(len(values))
        by_tag = read.execute_sql(pk=story.pk, now=timezone.now(), **values)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {by_tag}")
        (plan,) = cursor.fetchone()[0]
    return list(scans(plan["Plan"]))


def rows_read(nodes):
    return sum(
        node["Actual Rows"] * node["Actual Loops"] for node in nodes if "Scan" in node["Node Type"]
    )


def test_old_and_common_tags_are_index_reads_on_postgresql(postgres_only, make_article):
    story, *_others = old_tag_among_newer_stories(make_article, newer=3_000)
    common = Tag.objects.get(name="sık konu 0")  # on 600 of the 3,000 newer stories
    common_story = make_article(published_at=timezone.now() - timedelta(days=1))
    common_story.tags.set([common])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article, articles_taggedstory")
    for each, prepared in itertools.product((story, common_story), (False, True)):
        nodes = plan_nodes(each, prepared)
        # No full read of a table; the copy's index gives a few entries, the stories
        # are then read by id: not the public stories' index from the newest on.
        assert not [node for node in nodes if node["Node Type"] == "Seq Scan"], nodes
        assert [node for node in nodes if node.get("Relation Name") == "articles_taggedstory"]
        assert rows_read(nodes) <= 20, nodes
    assert related(story) == ["Eski 1", "Eski 2", "Eski 3", "Yeni 0"]


def test_the_copy_follows_saves_and_tag_changes(make_article):
    politics, economy = tag("siyaset"), tag("ekonomi")
    story, other = make_article(), make_article()
    story.tags.set([politics, economy])
    other.tags.add(politics)
    assert copies()[0] == copies()[1] != set()

    story.status = Article.Status.WITHDRAWN
    story.published_at -= timedelta(days=1)
    story.save()
    assert copies()[0] == copies()[1]
    story.tags.remove(economy)
    economy.articles.add(other)
    assert copies()[0] == copies()[1]
    politics.articles.remove(story)
    assert copies()[0] == copies()[1]
    politics.articles.clear()
    other.tags.clear()
    assert copies()[0] == copies()[1]
    other.tags.set([politics])
    economy.delete()
    story.delete()
    assert (
        copies()[0]
        == copies()[1]
        == {(politics.pk, other.pk, other.published_at, Article.Status.PUBLISHED)}
    )


def test_the_copy_follows_a_scheduled_story_going_live(make_article):
    shared = tag("seçim")
    story = make_article(headline="Bu haber")
    story.tags.set([shared])
    scheduled = make_article(
        headline="Zamanlı",
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() - timedelta(seconds=1),
    )
    scheduled.tags.set([shared])
    assert publish_due() == [scheduled.pk]
    assert copies()[0] == copies()[1]
    assert (shared.pk, scheduled.pk, scheduled.published_at, "published") in copies()[0]
    assert related(story)[0] == "Zamanlı"


@pytest.mark.parametrize("action", ["withdraw", "back_to_draft", "publish_now"])
def test_the_copy_follows_the_admins_bulk_actions(admin_client, make_article, action):
    shared = tag("seçim")
    story = make_article(headline="Bu haber")
    story.tags.set([shared])
    others = [make_article(headline=f"Öteki {n}") for n in range(2)]
    for other in others:
        other.tags.set([shared])
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [other.pk for other in others]},
    )
    assert response.status_code == 302
    assert copies()[0] == copies()[1]
    shown = related(story)
    if action == "publish_now":  # both at the same time now: the later id first
        assert shown == ["Öteki 1", "Öteki 0"]
    else:
        assert shown == []
