"""The newest stories of a section, beside every story of it: read once per process, yet
current after every announced change (``articles.story_lists``)."""

import time

import pytest

from articles import page_cache, story_lists
from articles.models import Article, Section


@pytest.fixture(autouse=True)
def fresh_process():
    story_lists._newest.clear()


def related(story):
    """The related stories' headlines, as a page rendered now lists them (a cached page
    of another story keeps its list up to PAGE_CACHE_SECONDS: README)."""
    return [related.headline for related in story.related_stories()]


def test_the_list_is_read_once_while_the_section_is_unchanged(
    make_article, section, django_assert_num_queries
):
    stories = [make_article() for _ in range(6)]
    with django_assert_num_queries(1):
        first = story_lists.newest_in_section(section, 5)
    with django_assert_num_queries(0):
        again = story_lists.newest_in_section(section, 5)
    assert again == first == stories[::-1][:5]


def test_a_story_saved_in_the_section_shows_beside_the_others_at_once(make_article, committed):
    old, _other = make_article(headline="Eski haber"), make_article(headline="Öteki haber")
    assert related(old) == ["Öteki haber"]
    with committed():
        newest = make_article(headline="En yeni haber")
    assert related(old) == ["En yeni haber", "Öteki haber"]
    with committed():
        newest.status = Article.Status.WITHDRAWN
        newest.save()
    assert related(old) == ["Öteki haber"]


def test_a_renamed_section_shows_in_the_list_at_once(make_article, section, committed):
    old, _other = make_article(), make_article()
    assert [story.section.name for story in old.related_stories()] == ["Dünya"]
    with committed():
        section.name_tr = "Dış Haberler"
        section.save()
    assert [story.section.name for story in old.related_stories()] == ["Dış Haberler"]


def test_other_sections_keep_their_lists(make_article, section, committed):
    sports = Section.objects.create(
        name_tr="Spor", name_en="Sports", slug_tr="spor", slug_en="sports"
    )
    make_article(section=sports)
    kept = story_lists.newest_in_section(sports, 5)
    with committed():
        make_article(section=section)
    assert story_lists.newest_in_section(sports, 5) is kept


def test_a_list_is_kept_at_most_page_cache_seconds(make_article, section, settings, monkeypatch):
    """What nothing announces (a bare update) shows within PAGE_CACHE_SECONDS, as on pages."""
    story = make_article(headline="Eski başlık")
    story_lists.newest_in_section(section, 5)
    Article.objects.filter(pk=story.pk).update(headline="Yeni başlık")
    assert story_lists.newest_in_section(section, 5)[0].headline == "Eski başlık"
    later = time.monotonic() + settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(story_lists.time, "monotonic", lambda: later)
    assert story_lists.newest_in_section(section, 5)[0].headline == "Yeni başlık"


def test_with_the_page_cache_off_the_list_is_read_every_time(
    make_article, section, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    make_article()
    for _ in range(2):
        with django_assert_num_queries(1):
            story_lists.newest_in_section(section, 5)


def test_without_a_cache_the_list_is_read(make_article, section, monkeypatch):
    make_article(headline="Tek haber")

    def unreachable(keys, extra, found):
        raise ConnectionError("cache down")

    monkeypatch.setattr(page_cache, "fetch", unreachable)
    assert [s.headline for s in story_lists.newest_in_section(section, 5)] == ["Tek haber"]


def test_with_redis_the_list_is_kept_under_the_versions_in_redis(
    redis_url, settings, make_article, section, django_assert_num_queries
):
    """The versions are read in the page cache's own round trip (``page_cache.fetch``)."""
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_url}
    }
    stories = [make_article() for _ in range(3)]
    with django_assert_num_queries(1):
        assert story_lists.newest_in_section(section, 5) == stories[::-1]
    with django_assert_num_queries(0):
        assert story_lists.newest_in_section(section, 5) == stories[::-1]
    page_cache.renew(page_cache.topic("section", section.slug_tr))
    with django_assert_num_queries(1):
        assert story_lists.newest_in_section(section, 5) == stories[::-1]
