"""The admin speaks one language and one time zone: rule names, the commenter's other
comments and the login-throttling entries in Turkish (the admin lives outside the
language prefix, so it is in the site's default language), times in Istanbul time."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from comments.models import Comment


@pytest.fixture
def admin_in(client, db):
    """A client logged in as a superuser."""
    user = User.objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(user)
    return client


def test_the_rule_filter_and_the_findings_name_rules_in_turkish(admin_in, make_article):
    name = "Küfür"
    comment = Comment.objects.create(
        article=make_article(),
        name="Okur",
        email="okur@example.com",
        body="kötü söz",
        findings=[{"rule": "profanity", "severity": "reject", "start": 0, "end": 4}],
        rules="profanity",
    )
    client = admin_in
    listing = client.get(reverse("admin:comments_comment_changelist")).content.decode()
    assert f'<a href="?rule=profanity">{name}</a>' in listing
    assert ">profanity<" not in listing
    change = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert f"<strong>{name}</strong>" in change.content.decode()


def test_the_other_comments_are_in_the_site_time_zone(admin_in, make_article):
    story = make_article()
    utc = ZoneInfo("UTC")
    first = Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="Birinci yorum"
    )
    second = Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="İkinci yorum"
    )
    Comment.objects.filter(pk=first.pk).update(created_at=datetime(2026, 11, 25, 10, 5, tzinfo=utc))
    # The page shows the second comment's time too: a fixed one, or a run at 07:05 UTC fails.
    Comment.objects.filter(pk=second.pk).update(created_at=datetime(2026, 11, 26, 9, 0, tzinfo=utc))
    html = admin_in.get(reverse("admin:comments_comment_change", args=[second.pk])).content.decode()
    assert "25 Kas 2026 13:05" in html  # 10:05 UTC is 13:05 in Istanbul
    assert "10:05" not in html


def test_login_throttling_entries_are_one_group_named_in_turkish(admin_in):
    html = admin_in.get(reverse("admin:index")).content.decode()
    assert "Yönetici girişi sınırlama" in html
    for entry in ["Başarısız erişimler", "Erişim denemeleri", "Erişim kayıtları"]:
        assert entry in html
    assert ">Axes<" not in html
