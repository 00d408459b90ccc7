"""Any string gets a verdict without raising, and every span lies inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comments.moderation import PASS, REJECT, REVIEW, moderate
from comments.moderation.findings import CODES, LIKELY_OFFENSIVE

pieces = st.sampled_from(
    list("siktr amkqSİIıiçğöşü4310@$*.!? \n\t")
    + ["\u0301", "\u0307", "\u200f", "\u202e", "\x00", "\x1b", "😀", "👍🏽", "🇹🇷"]
    + list("مرحبا שלום привет 你好")
)


def assert_well_formed(text):
    verdict = moderate(text)
    assert verdict.decision in (PASS, REVIEW, REJECT)
    assert verdict.lang in ("tr", "en", "other")
    for finding in verdict.findings:
        assert finding.rule in CODES
        assert finding.severity in (REVIEW, REJECT)
        assert 0 <= finding.start <= finding.end <= len(text)
        # Only the learned signal may have no evidence (no word weighs enough to show).
        assert finding.start < finding.end or finding.rule == LIKELY_OFFENSIVE
    return verdict


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gets_a_verdict_with_spans_inside_it(text):
    assert_well_formed(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=200).map("".join))
def test_swear_like_and_mixed_script_text_gets_a_verdict(text):
    assert_well_formed(text)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, min_size=50, max_size=50).map("".join))
def test_hundred_thousand_characters_get_a_verdict(chunk):
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    assert_well_formed(text)


def test_edge_cases_get_a_verdict():
    for text in [
        "",
        " ",
        "😀😀😀",
        "\u200f\u202eسلام عليكم",
        "\x00\x01\x02",
        "e\u0301\u0301\u0301",
        "İ" * 50,
        "s" + "\u0307" * 20 + "iktir",
        "a" * 100_000,
        "siktir " * 15_000,
    ]:
        assert_well_formed(text)


def test_emoji_only_comment_passes():
    assert moderate("👍👍👍").decision == PASS
