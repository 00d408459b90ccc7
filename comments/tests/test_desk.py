"""The moderation desk (/moderation/) through real URLs: who may use it, what a card
shows, the order and filters, keyset pages, decisions one by one and in bulk, the
figures, commenters' standing and domain rules, and a flat query count."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments import identity
from comments.models import Comment, Commenter, DomainRule, Report
from comments.signals import comments_decided
from security.tests.conftest import make_user

DESK = "/en/moderation/"  # the desk in English; in Turkish at /moderation/


@pytest.fixture
def moderator(db):
    return make_user("mod", "Moderators", is_staff=True)


@pytest.fixture
def desk(client, moderator):
    """A moderator's browser on the desk, in English."""
    client.force_login(moderator)
    return client


@pytest.fixture
def held(story):
    """Make a held comment on ``story`` (or another), ``age`` old."""

    def make(body="Güzel bir haber.", age=timedelta(minutes=5), article=None, **fields):
        comment = Comment.objects.create(
            article=article or story,
            name=fields.pop("name", "Okur"),
            email=fields.pop("email", "okur@example.com"),
            body=body,
            **fields,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - age)
        return comment

    return make


def card_ids(response):
    return [int(pk) for pk in re.findall(r'data-comment="(\d+)"', response.content.decode())]


# Who may use the desk ------------------------------------------------------------------

ROLES = {
    # role: (how to make the user, expected status of GET /moderation/)
    "anonymous": (lambda: None, 302),
    "reader": (lambda: make_user("reader"), 403),
    "staff without the permission": (lambda: make_user("clerk", is_staff=True), 403),
    "moderator": (lambda: make_user("mod2", "Moderators", is_staff=True), 200),
    "editor": (lambda: make_user("ed", "Editors", is_staff=True), 200),
    "superuser": (lambda: make_user("boss", is_staff=True, is_superuser=True), 200),
    "permission but not staff": (lambda: user_with_change_comment(), 403),
}


def user_with_change_comment():
    user = make_user("outsider")
    user.user_permissions.add(Permission.objects.get(codename="change_comment"))
    return user


@pytest.mark.parametrize("role", ROLES)
def test_who_may_use_the_desk(client, held, role):
    make, expected = ROLES[role]
    user = make()
    if user:
        client.force_login(user)
    comment = held()
    response = client.get(DESK + "?rule=insult")
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"] == "/admin/login/?next=/en/moderation/%3Frule%3Dinsult"
    if expected == 200:
        assert "no-store" in response["Cache-Control"]  # e-mail addresses: never cached
    decision = client.post(f"{DESK}{comment.pk}/decide/", {"decision": "approve"})
    bulk = client.post(f"{DESK}all/approve/", {"upto": comment.pk})
    standing = client.post(f"{DESK}{comment.pk}/standing/", {"standing": "banned"})
    domain = client.post(f"{DESK}domains/", {"domain": "example.com", "action": "ban"})
    for answer in (decision, bulk, standing, domain):
        assert (answer.status_code == 302) if expected != 403 else answer.status_code == 403
    comment.refresh_from_db()
    allowed = expected == 200
    assert (comment.status == Comment.Status.APPROVED) is allowed
    assert DomainRule.objects.exists() is allowed
    assert Commenter.objects.filter(standing="banned").exists() is allowed


# What a card shows -------------------------------------------------------------------


def test_a_card_shows_the_story_commenter_evidence_rules_and_score(desk, held, story):
    commenter = Commenter.objects.create(
        email="okur@example.com", name="Okur", standing=Commenter.Standing.TRUSTED
    )
    earlier = [
        held(status=Comment.Status.APPROVED, commenter=commenter),
        held(status=Comment.Status.APPROVED, commenter=commenter),
        held(status=Comment.Status.REJECTED, commenter=commenter),
    ]
    Report.objects.create(comment=earlier[0], reporter="r1", reason="rude")
    comment = held(
        "Bu yazar aptal biri <script>",
        commenter=commenter,
        decision="review",
        rules="insult",
        score=0.873,
        language="tr",
        findings=[{"rule": "insult", "severity": "review", "start": 9, "end": 14, "field": "body"}],
    )
    Report.objects.create(comment=comment, reporter="r2", reason="insults the author")
    page = desk.get(DESK).content.decode()
    assert f'href="{story.get_canonical_url()}">{story.headline}</a>' in page
    assert "okur@example.com" in page and "Trusted by a moderator" in page
    assert "2 approved, 1 rejected, 2 reported" in page
    assert 'Bu yazar <mark class="evidence">aptal</mark> biri &lt;script&gt;' in page
    assert '<span class="badge text-bg-light border desk-rule">Insult</span>' in page
    assert '<span class="desk-score">0.87</span>' in page
    assert "Reported by 1 reader" in page and "insults the author" in page
    turkish = desk.get("/moderation/").content.decode()
    assert "Hakaret" in turkish and "Moderasyon masası" in turkish


def test_a_card_says_when_a_commenter_has_earned_trust_by_their_record(
    desk, held, moderator, settings
):
    """The badge follows identity.is_trusted: approved comments earn trust, a
    moderator's recent rejection takes it back, an unconfirmed address never has it."""
    settings.COMMENTS_TRUST_AFTER = 2
    commenter = Commenter.objects.create(
        email="okur@example.com", name="Okur", confirmed_at=timezone.now()
    )
    held(status=Comment.Status.APPROVED, commenter=commenter)
    comment = held(commenter=commenter)

    def badge():
        page = desk.get(DESK).content.decode()
        return re.search(r'desk-standing">([^<]*)<', page).group(1)

    assert badge() == "Earns trust by approved comments"
    held(status=Comment.Status.APPROVED, commenter=commenter)
    assert badge() == "Trusted by their record"
    assert identity.is_trusted(commenter)
    # An automatic rejection is not a moderator's: trust stays.
    held(status=Comment.Status.REJECTED, commenter=commenter)
    assert badge() == "Trusted by their record"
    rejected = held(status=Comment.Status.REJECTED, commenter=commenter)
    Comment.objects.filter(pk=rejected.pk).update(
        moderated_by=moderator, moderated_at=timezone.now()
    )
    assert badge() == "Earns trust by approved comments"
    assert not identity.is_trusted(commenter)
    # Rejected long enough ago, the record earns trust again.
    Comment.objects.filter(pk=rejected.pk).update(
        moderated_at=timezone.now() - timedelta(days=settings.COMMENTS_TRUST_CLEAN_DAYS + 1)
    )
    assert badge() == "Trusted by their record"
    Commenter.objects.filter(pk=commenter.pk).update(confirmed_at=None)
    assert badge() == "Earns trust by approved comments"
    assert comment.pk in card_ids(desk.get(DESK))


def test_cards_come_riskiest_first_then_by_score_then_oldest(desk, held):
    clean_old = held(age=timedelta(days=2))
    clean_scored = held(score=0.4, age=timedelta(minutes=1))
    review_unscored = held(decision="review", rules="spelling", age=timedelta(days=3))
    review_low = held(decision="review", rules="insult", score=0.2)
    review_high = held(decision="review", rules="insult", score=0.9)
    review_high_older = held(decision="review", rules="insult", score=0.9, age=timedelta(hours=1))
    clean_new = held(age=timedelta(seconds=1))
    held(status=Comment.Status.APPROVED)
    assert card_ids(desk.get(DESK)) == [
        review_high_older.pk,
        review_high.pk,
        review_low.pk,
        review_unscored.pk,
        clean_scored.pk,
        clean_old.pk,
        clean_new.pk,
    ]


def test_pages_follow_a_keyset_through_the_whole_queue(desk, held):
    comments = [
        held(decision="review" if n % 3 == 0 else "pass", score=(n % 7) / 7 or None)
        for n in range(60)
    ]
    expected = list(Comment.objects.held().desk_order().values_list("id", flat=True))
    seen, url = [], DESK
    while url:
        response = desk.get(url)
        seen += card_ids(response)
        found = re.search(r'id="next-page" href="([^"]+)"', response.content.decode())
        url = found.group(1).replace("&amp;", "&") if found else None
    assert seen == expected and len(seen) == len(comments)
    assert desk.get(DESK + "?after=abc").status_code == 400
    assert desk.get(DESK + "?language=xx").status_code == 400


def test_filters_by_rule_story_language_standing_and_reported(desk, held, make_article):
    other_story = make_article()
    banned = Commenter.objects.create(email="b@example.com", standing=Commenter.Standing.BANNED)
    insult = held(rules="insult,spelling", decision="review")
    caps = held(rules="all_caps", decision="review", article=other_story)
    english = held(language="en")
    from_banned = held(commenter=banned, email="b@example.com")
    reported = held()
    Report.objects.create(comment=reported, reporter="x")
    assert card_ids(desk.get(DESK + "?rule=spelling")) == [insult.pk]
    assert card_ids(desk.get(f"{DESK}?story={other_story.pk}")) == [caps.pk]
    assert card_ids(desk.get(DESK + "?language=en")) == [english.pk]
    assert card_ids(desk.get(DESK + "?standing=banned")) == [from_banned.pk]
    assert from_banned.pk not in card_ids(desk.get(DESK + "?standing=earning"))
    assert card_ids(desk.get(DESK + "?reported=1")) == [reported.pk]
    page = desk.get(DESK + "?rule=spelling").content.decode()
    assert (
        "Approve all 1 shown" in page and 'href="/en/moderation/all/approve/?rule=spelling"' in page
    )


# Decisions ---------------------------------------------------------------------------


def test_approve_and_reject_without_javascript_come_back_to_the_filtered_desk(
    desk, held, moderator
):
    first, second = held(rules="insult"), held(rules="insult")
    announced = []

    def listen(sender, article_ids, **kwargs):
        announced.append(article_ids)

    comments_decided.connect(listen)
    try:
        response = desk.post(
            f"{DESK}{first.pk}/decide/", {"decision": "approve", "back": "rule=insult&after=3"}
        )
        assert response.status_code == 302
        assert response["Location"] == "/en/moderation/?rule=insult&after=3"
        response = desk.post(
            f"{DESK}{second.pk}/decide/",
            {"decision": "reject", "reason": "name-calling", "back": "rule=insult"},
            follow=True,
        )
    finally:
        comments_decided.disconnect(listen)
    assert "Rejected the comment by Okur." in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Comment.Status.APPROVED and first.moderated_by == moderator
    assert second.status == Comment.Status.REJECTED
    assert second.moderation_reason == "name-calling" and second.moderated_at is not None
    assert announced == []  # the test's transaction never commits: nothing announced yet
    again = desk.post(f"{DESK}{first.pk}/decide/", {"decision": "reject"}, follow=True)
    assert "already decided" in again.content.decode()
    first.refresh_from_db()
    assert first.status == Comment.Status.APPROVED
    assert desk.post(f"{DESK}{first.pk}/decide/", {"decision": "delete"}).status_code == 400
    assert desk.post(f"{DESK}999999/decide/", {"decision": "approve"}).status_code == 404


def test_a_decision_asked_for_in_json_is_answered_in_json(desk, held):
    comment = held()
    response = desk.post(
        f"{DESK}{comment.pk}/decide/", {"decision": "approve"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {
        "message": "Approved the comment by Okur.",
        "id": comment.pk,
        "changed": 1,
        "status": "approved",
    }
    bad = desk.post(f"{DESK}{comment.pk}/decide/", {}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and "decision" in bad.json()["errors"]


def test_approve_all_shown_confirms_the_count_then_decides_in_one_update(
    desk, held, make_article, moderator
):
    other_story = make_article()
    shown = [held(rules="spelling", decision="review") for _ in range(3)]
    not_shown = held(rules="insult", decision="review")
    elsewhere = held(rules="spelling", article=other_story)
    confirm = desk.get(f"{DESK}all/approve/?rule=spelling&story={shown[0].article_id}")
    page = confirm.content.decode()
    assert "Approve 3 held comments? They are published at once." in page
    assert 'name="rule" value="spelling"' in page
    upto = int(re.search(r'name="upto" value="(\d+)"', page).group(1))
    late = held(rules="spelling")  # arrives after the confirmation page: not decided
    with CaptureQueriesContext(connection) as queries:
        response = desk.post(
            f"{DESK}all/approve/",
            {"rule": "spelling", "story": shown[0].article_id, "upto": upto, "reason": "ok"},
        )
    assert response.status_code == 302
    assert response["Location"] == f"/en/moderation/?rule=spelling&story={shown[0].article_id}"
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    approved = Comment.objects.filter(status=Comment.Status.APPROVED)
    assert set(approved.values_list("id", flat=True)) == {c.pk for c in shown}
    assert all(c.moderated_by == moderator and c.moderation_reason == "ok" for c in approved)
    for comment in (not_shown, elsewhere, late):
        comment.refresh_from_db()
        assert comment.status == Comment.Status.HELD
    follow = desk.get(response["Location"]).content.decode()
    assert "Approved 3 comments." in follow
    reject = desk.get(f"{DESK}all/reject/?rule=spelling")
    assert "Reject 2 held comments?" in reject.content.decode()
    assert desk.get(f"{DESK}all/delete/").status_code == 404
    assert desk.post(f"{DESK}all/reject/", {"upto": "x"}).status_code == 400


# Commenters and domains --------------------------------------------------------------


def test_moderators_set_a_commenters_standing_from_a_card(desk, held, moderator):
    first = held(email="yeni@example.com")
    second = held(email="yeni@example.com")
    response = desk.post(f"{DESK}{first.pk}/standing/", {"standing": "trusted", "back": ""})
    assert response.status_code == 302 and response["Location"] == DESK
    commenter = Commenter.objects.get(email="yeni@example.com")
    assert commenter.standing == Commenter.Standing.TRUSTED
    assert commenter.standing_set_by == moderator and commenter.standing_set_at is not None
    second.refresh_from_db()
    assert second.commenter == commenter
    answer = desk.post(
        f"{DESK}{second.pk}/standing/", {"standing": "banned"}, HTTP_ACCEPT="application/json"
    )
    assert answer.json()["standing"] == "banned"
    assert Commenter.objects.get().standing == Commenter.Standing.BANNED
    assert desk.post(f"{DESK}{first.pk}/standing/", {"standing": "king"}).status_code == 400


def test_moderators_add_replace_and_remove_domain_rules(desk, held, moderator):
    held(email="a@spam.example")
    desk.post(f"{DESK}domains/", {"domain": "@Spam.Example", "action": "hold"})
    rule = DomainRule.objects.get()
    assert (rule.domain, rule.action, rule.created_by) == ("spam.example", "hold", moderator)
    desk.post(f"{DESK}domains/", {"domain": "spam.example", "action": "ban", "note": "bots"})
    rule = DomainRule.objects.get()
    assert (rule.action, rule.note) == ("ban", "bots")
    page = desk.get(DESK).content.decode()
    assert "Ban everyone at spam.example" in page and "<strong>spam.example</strong>: Ban" in page
    for bad in ["not a domain", "com", "-x.example", "a@b.example", "x.example."]:
        invalid = desk.post(f"{DESK}domains/", {"domain": bad, "action": "ban"})
        assert invalid.status_code == 400, bad
    desk.post(f"{DESK}domains/", {"domain": "пример.рф", "action": "hold"})
    assert DomainRule.objects.filter(domain="xn--e1afmkfd.xn--p1ai").exists()
    DomainRule.objects.filter(domain="xn--e1afmkfd.xn--p1ai").delete()
    desk.post(f"{DESK}domains/{rule.pk}/delete/")
    assert not DomainRule.objects.exists()


# Figures -----------------------------------------------------------------------------


def test_figures_held_oldest_decided_today_median_and_per_moderator(desk, held, moderator):
    other = make_user("mod3", "Moderators", is_staff=True)
    held(age=timedelta(days=2, hours=1))
    held()
    now = timezone.now()
    for minutes, who in [(10, moderator), (30, moderator), (50, other), (70, other)]:
        comment = held(status=Comment.Status.APPROVED)
        Comment.objects.filter(pk=comment.pk).update(
            created_at=now - timedelta(minutes=minutes + 5),
            moderated_at=now - timedelta(minutes=5),
            moderated_by=who,
        )
    old = held(status=Comment.Status.REJECTED)
    Comment.objects.filter(pk=old.pk).update(
        moderated_at=now - timedelta(days=8), moderated_by=moderator
    )
    html = desk.get(DESK).content.decode()
    assert '<dd id="held-count" data-count="2">2</dd>' in html
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    today = 2 if now - timedelta(minutes=5) >= midnight else 0  # run just after midnight
    assert f'<dd id="decided-today" data-count="{2 * today}">{2 * today}</dd>' in html
    # Per moderator: today and the last 7 days (the rejection 8 days ago is not counted).
    assert f"<tr><td>mod</td><td>{today}</td><td>2</td></tr>" in html
    assert f"<tr><td>mod3</td><td>{today}</td><td>2</td></tr>" in html
    # The oldest held comment, and the median time to a decision.
    assert "2\xa0days, 1\xa0hour ago</time>" in html and "<dd>40\xa0minutes</dd>" in html


# A flat cost -------------------------------------------------------------------------


def queries_for_desk(client, url=DESK):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(card_ids(response))


def test_the_desk_costs_the_same_queries_with_10_and_10000_held_comments(desk, story, make_article):
    stories = [story] + [make_article() for _ in range(4)]
    commenters = Commenter.objects.bulk_create(
        Commenter(email=f"c{n}@example.com") for n in range(50)
    )

    def load(count, start):
        Comment.objects.bulk_create(
            Comment(
                article=stories[n % 5],
                name=f"Okur {n}",
                email=f"c{n % 50}@example.com",
                commenter=commenters[n % 50],
                body=f"Yorum {n}",
                decision="review" if n % 4 == 0 else "pass",
                score=(n % 10) / 10,
                rules="insult" if n % 4 == 0 else "",
            )
            for n in range(start, start + count)
        )

    load(10, 0)
    small = [queries_for_desk(desk), queries_for_desk(desk, DESK + "?rule=insult&reported=1")]
    load(9_990, 10)
    assert Comment.objects.held().count() == 10_000
    big = [queries_for_desk(desk), queries_for_desk(desk, DESK + "?rule=insult&reported=1")]
    assert [count for count, _cards in small] == [count for count, _cards in big]
    assert small[0][1] == 10 and big[0][1] == 25
    after = Comment.objects.held().desk_order()[5000].pk
    assert queries_for_desk(desk, f"{DESK}?after={after}")[0] == small[0][0]


# The admin -----------------------------------------------------------------------------


def test_the_admin_shows_the_score_and_keeps_commenters_and_domain_rules(admin_client, held):
    held(score=0.873)
    page = admin_client.get("/admin/comments/comment/").content.decode()
    assert '<td class="field-score">0,873</td>' in page
    commenter = Commenter.objects.create(email="okur@example.com")
    response = admin_client.post(
        f"/admin/comments/commenter/{commenter.pk}/change/",
        {"email": "okur@example.com", "name": "Okur", "standing": "held"},
    )
    assert response.status_code == 302
    commenter.refresh_from_db()
    assert commenter.standing == Commenter.Standing.HELD
    assert commenter.standing_set_by.username == "admin"
    admin_client.post(
        "/admin/comments/domainrule/add/", {"domain": "spam.example", "action": "ban", "note": ""}
    )
    assert DomainRule.objects.get().created_by.username == "admin"
