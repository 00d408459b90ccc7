"""Roots of Turkish word forms, read by the learned signal beside the words."""

from comments.moderation.lemmas import Lemmas, default_lemmas, longest_root
from comments.moderation.model import BUCKETS, Model, _bucket, word_features
from comments.moderation.text import tokenize


def test_shipped_table_gives_the_root_of_suffixed_forms():
    lemmas = default_lemmas()
    assert lemmas is not None
    assert lemmas.root("salaklar") == "salak"
    assert lemmas.root("kitaplarimizdan") == "kitap"
    assert lemmas.root("geliyorum") == "gel"
    assert lemmas.root("kafasina") == "kafa"


def test_forms_the_analyser_never_saw_get_their_longest_known_beginning():
    roots = frozenset({"salak", "sal", "kitap"})
    lemmas = Lemmas(roots, {"anani": "ana"})
    assert lemmas.root("salaklastirilmis") == "salak"  # the longest root, not "sal"
    assert lemmas.root("anani") == "ana"  # the analyser's answer where the rule would err
    assert lemmas.root("masa") is None
    assert longest_root("sa", roots) is None  # shorter than any root the rule accepts


def test_only_folded_letters_have_a_root():
    lemmas = Lemmas(frozenset({"salak"}), {})
    assert lemmas.root("salak1") is None
    assert lemmas.root("@user") is None
    assert lemmas.root("şalak") is None  # the model reads words folded to ASCII


def test_two_forms_of_one_root_share_its_feature_and_allowed_words_have_none():
    root = _bucket("l:salak")
    assert root in word_features("salaklar") and root in word_features("salaksiniz")
    assert root not in word_features("masa")
    # A word of the allow-list is read whole, with no root to weigh like the stem inside it.
    assert word_features("sikke") == (_bucket("w:sikke"),)


def test_a_weighted_root_scores_a_form_of_it_that_has_no_weight_of_its_own():
    weights = [0.0] * BUCKETS
    weights[_bucket("l:salak")] = 8.0
    model = Model(weights=weights, bias=-2.0, thresholds={"other": 0.5})

    def score(text):
        return model.score(text, [t.text for t in tokenize(text)])[0]

    assert score("bunlar salaklarimizdan") > 0.9
    assert score("bunlar masalarimizdan") < 0.2
