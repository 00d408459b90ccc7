"""The learned signal: its own code, a probability on every verdict, review only, never a rule."""

import pytest

from comments.moderation import RULE_CODES, Engine
from comments.moderation.findings import LIKELY_OFFENSIVE
from comments.moderation.model import (
    BUCKETS,
    Model,
    default_model,
    is_holdout,
    shape_features,
    text_features,
    word_features,
    word_of,
)
from comments.moderation.text import tokenize


def constant_model(bias: float, weights=None) -> Model:
    return Model(
        weights=weights or [0.0] * BUCKETS,
        bias=bias,
        thresholds={"tr": 0.5, "en": 0.5, "other": 0.5},
    )


def test_learned_signal_is_its_own_finding_and_never_a_rule_of_the_notice():
    verdict = Engine(model=constant_model(10.0)).moderate("Bu haber hakkında ne düşünüyorsunuz?")
    assert verdict.decision == "review"
    assert [(f.rule, f.severity) for f in verdict.findings] == [(LIKELY_OFFENSIVE, "review")]
    assert LIKELY_OFFENSIVE not in RULE_CODES
    assert "hurtful" not in verdict.rules
    assert verdict.score == pytest.approx(1.0, abs=1e-4)
    assert "1.00" in verdict.findings[0].message_en


def test_every_verdict_carries_the_score_and_low_scores_add_nothing():
    verdict = Engine(model=constant_model(-10.0)).moderate("Güzel bir gün")
    assert verdict.decision == "pass"
    assert verdict.findings == ()
    assert 0.0 <= verdict.score < 0.001
    assert verdict.to_dict()["score"] == round(verdict.score, 4)


def test_evidence_is_the_word_that_weighs_most_or_none():
    weights = [0.0] * BUCKETS
    for bucket in word_features("masa"):
        weights[bucket] = 2.0
    verdict = Engine(model=constant_model(0.0, weights)).moderate("bu adam masa gibi biri")
    (finding,) = [f for f in verdict.findings if f.rule == LIKELY_OFFENSIVE]
    assert "bu adam masa gibi biri"[finding.start : finding.end] == "masa"
    # No word weighs: the finding points at nothing (not at a random word).
    verdict = Engine(model=constant_model(3.0)).moderate("This is a very good article about it.")
    (finding,) = verdict.findings
    assert finding.start == finding.end


def test_engine_without_model_uses_rules_only_and_has_no_score():
    assert Engine(use_model=False).model is None
    verdict = Engine(use_model=False).moderate("Güzel bir gün")
    assert verdict.decision == "pass" and verdict.score is None


def test_holdout_split_is_stable():
    assert [is_holdout(str(i)) for i in range(10)] == [is_holdout(str(i)) for i in range(10)]
    share = sum(is_holdout(str(i)) for i in range(10_000)) / 10_000
    assert 0.15 < share < 0.25


def test_features_are_deterministic_hashes_inside_the_table():
    texts = [t.text for t in tokenize("Sen ne biçim adamsın @USER")]
    words, buckets, pairs = text_features(texts)
    assert words == ["sen", "ne", "bicim", "adamsin", "@user"]
    assert (words, buckets, pairs) == text_features(texts)
    assert all(0 <= b < BUCKETS for b in buckets + pairs)
    assert word_features("adamsin") == word_features("adamsin")


def test_shape_features_read_symbols_emphasis_and_counts_not_ordinary_punctuation():
    def shape(text):
        return set(shape_features(text, [t.text for t in tokenize(text)]))

    plain = shape("Bu haber çok iyi, teşekkürler.")
    assert plain == shape("Bu haber çok iyi teşekkürler")  # commas and full stops add nothing
    assert len(shape("Bu haber çok iyi teşekkürler 🖕") - plain) == 1
    assert len(shape("Bu haber çok iyi teşekkürler!!!") - plain) == 2  # "!" and its run
    assert shape("@USER bu haber çok iyi teşekkürler") != plain  # a mention
    assert shape("BU HABER çok iyi teşekkürler") != plain  # words in capitals
    assert all(0 <= b < BUCKETS for b in shape("Ne diyorsun sen 🤬🤬 ?!?!"))


def test_a_weighted_symbol_moves_the_score_without_any_word():
    (finger,) = set(shape_features("a 🖕", ["a"])) - set(shape_features("a", ["a"]))
    weights = [0.0] * BUCKETS
    weights[finger] = 20.0
    engine = Engine(model=constant_model(-2.0, weights))
    flagged = engine.moderate("Bu habere yorumum 🖕")
    assert LIKELY_OFFENSIVE in flagged.rules and flagged.score > 0.9
    clean = engine.moderate("Bu habere yorumum 🙂")
    assert clean.decision == "pass" and clean.score < 0.2


def test_shipped_model_is_calibrated_and_separates_clear_cases():
    model = default_model()
    assert model is not None
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    engine = Engine()
    clean = engine.moderate("Çok güzel bir haber, emeğinize sağlık, teşekkürler.")
    hostile = engine.moderate("Seni gidi şerefsiz alçak herif, utanmaz adam.")
    assert 0.0 <= clean.score < hostile.score <= 1.0
    assert clean.score < model.threshold("tr") <= hostile.score
    english = engine.moderate("This is a very good article about the war in Syria.")
    assert LIKELY_OFFENSIVE not in english.rules and "hurtful" not in english.rules


def test_learned_signal_adds_nothing_when_an_offence_rule_already_fired():
    verdict = Engine(model=constant_model(10.0)).moderate("sen salaksın")
    assert [f.rule for f in verdict.findings] == ["insult"]
    assert verdict.score > 0.99


@pytest.mark.parametrize(
    ("named", "other"),
    [
        ("Suriyeliler sınırda bekliyor.", "Almanlar sınırda bekliyor."),
        ("Kürtler bu seçimde oyunu kullandı.", "Gürcüler bu seçimde oyunu kullandı."),
        ("Yahudiler bayramı kutluyor.", "Müslümanlar bayramı kutluyor."),
        ("Muslims around the world celebrate Eid.", "Christians around the world celebrate Eid."),
    ],
)
def test_the_model_weighs_what_is_said_of_a_people_not_which_people_is_named(named, other):
    """Every name of a people or faith is one word to the model, which weighs nothing alone:
    putting one people in another's place changes no score."""
    engine = Engine()
    assert engine.moderate(named).score == pytest.approx(engine.moderate(other).score)
    assert word_features(word_of("Suriyeliler")) == ()


def test_naming_a_people_in_plain_news_is_not_likely_offensive():
    engine = Engine()
    for text in (
        "Suriyeliler sınırda bekliyor.",
        "Yahudiler ve Müslümanlar Kudüs'te bir arada yaşıyor.",
        "Müslümanlar ramazan ayında oruç tutuyor.",
        "Ateistler de bu ülkenin vatandaşı, haklarına saygı gösterilmeli.",
    ):
        assert engine.moderate(text).decision == "pass", text
    # What is said of a people still weighs: a curse on one is held, whichever it is.
    hostile = engine.moderate("Suriyeliler defolsun gitsin bu ülkeden, istemiyoruz.")
    assert hostile.decision != "pass"
