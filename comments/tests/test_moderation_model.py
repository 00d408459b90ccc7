"""The learned signal: review only, never reject; reproducible split; shipped weights load."""

from comments.moderation import Engine
from comments.moderation.model import BUCKETS, Model, default_model, features, is_holdout
from comments.moderation.text import tokenize


def always_offensive() -> Model:
    return Model(weights=[0.0] * BUCKETS, bias=10.0, threshold=0.5)


def test_learned_signal_sends_to_review_and_never_rejects():
    verdict = Engine(model=always_offensive()).moderate("Bu haber hakkında ne düşünüyorsunuz?")
    assert verdict.decision == "review"
    assert [(f.rule, f.severity) for f in verdict.findings] == [("hurtful", "review")]
    assert "Automatic" in verdict.findings[0].message_en


def test_learned_signal_adds_nothing_when_a_rule_already_fired():
    verdict = Engine(model=always_offensive()).moderate("sen salaksın")
    assert [f.rule for f in verdict.findings] == ["insult"]


def test_engine_without_model_uses_rules_only():
    assert Engine(use_model=False).model is None
    assert Engine(use_model=False).moderate("Güzel bir gün").decision == "pass"


def test_holdout_split_is_stable():
    assert [is_holdout(str(i)) for i in range(10)] == [is_holdout(str(i)) for i in range(10)]
    share = sum(is_holdout(str(i)) for i in range(10_000)) / 10_000
    assert 0.15 < share < 0.25


def test_features_are_deterministic_hashes_inside_the_table():
    found = features("Sen ne biçim adamsın @USER")
    assert found == features("Sen ne biçim adamsın @USER")
    assert all(0 <= f < BUCKETS for f in found)


def test_shipped_model_gives_a_probability():
    model = default_model()
    assert model is not None
    probability, _ = model.score(tokenize("çok güzel bir haber, teşekkürler"))
    assert 0.0 <= probability <= 1.0
    assert 0.0 < model.threshold < 1.0
