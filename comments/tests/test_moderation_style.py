"""Turkish letters, capitals, spelling and links."""

import pytest

from comments.moderation import moderate


def fired(text, rule):
    return [f for f in moderate(text).findings if f.rule == rule]


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        ("cok guzel bir haber", "çok güzel bir haber"),
        ("Istanbul cok kalabalik", "İstanbul çok kalabalık"),
        ("Bu is icin tesekkurler", "Bu iş için teşekkürler"),
        ("Cocuklar okula gitti", "Çocuklar okula gitti"),
        ("Turkiye buyuk bir ulke", "Türkiye büyük bir ülke"),
        ("Bakan aciklama yapti", "Bakan açıklama yaptı"),
        ("hayvanlarinin yardimcisi olsun", "hayvanlarının yardımcısı olsun"),
        ("cok sevmistim", "çok sevmiştim"),
        ("gidecegim yer belli oldugunu biliyorum", "gideceğim yer belli olduğunu biliyorum"),
    ],
)
def test_turkish_typed_in_ascii_is_hit_and_restored(ascii_text, restored):
    (finding,) = fired(ascii_text, "no_turkish_chars")
    assert finding.suggestion == restored
    assert moderate(ascii_text).suggestion == restored


@pytest.mark.parametrize(
    "text",
    [
        "Çok güzel bir haber olmuş",
        "İstanbul çok kalabalık",
        "This is a very good article about the economy",
        "I love Istanbul and Izmir",
        "Bu bir kitap ve bir kalem",  # Turkish whose words need no special letters
        "Yarin ne olacak bilmiyorum",  # mixed: no detection only if no word needs letters
    ][:-1],
)
def test_no_turkish_chars_never_hits_english_or_text_with_turkish_letters(text):
    assert not fired(text, "no_turkish_chars")


def test_text_with_some_turkish_letters_is_not_asked_for_more():
    assert not fired("Çok guzel olmus", "no_turkish_chars")


def test_olmus_is_not_restored_to_olmus_with_umlauts():
    (finding,) = fired("cok guzel olmus", "no_turkish_chars")
    assert "olmuş" in finding.suggestion or "olmus" in finding.suggestion
    assert "ölmüş" not in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "BU HABER TAMAMEN YALAN",
        "İSTANBUL'DA BÜYÜK YANGIN ÇIKTI",
        "THIS IS AN OUTRAGE PEOPLE",
    ],
)
def test_comment_in_capitals_is_rejected(text):
    assert [f.severity for f in fired(text, "all_caps")] == ["reject"]


@pytest.mark.parametrize(
    "text",
    [
        "ABD ve NATO ortak açıklama yaptı, TBMM toplandı.",
        "AA muhabirine konuşan yetkili ISIL saldırısını kınadı.",
        "The UN and the EU met in NYC with NATO.",
        "OK",
        "Harika!",
    ],
)
def test_acronyms_in_normal_text_are_not_shouting(text):
    assert not fired(text, "all_caps")


def test_shouted_passage_inside_normal_text_goes_to_review():
    text = "Haberi okudum ve şunu söylemek istiyorum: BU İŞİN SONU HİÇ İYİ DEĞİL ama neyse."
    assert [f.severity for f in fired(text, "all_caps")] == ["review"]


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("çooook güzel", "çooook"),
        ("Harika!!!!", "!!!!"),
        ("slm arkadaşlar", "slm"),
        ("mrb nbr", "mrb"),
        ("bi bakın şuna", "bi"),
        ("u r so right", "u"),
        ("Neden????", "????"),
    ],
)
def test_spelling_floods_and_chat_speak_go_to_review(text, evidence):
    findings = fired(text, "spelling")
    assert findings and {f.severity for f in findings} == {"review"}
    assert evidence in [text[f.start : f.end] for f in findings]


@pytest.mark.parametrize(
    "text", ["Güzel bir haber... Teşekkürler!", "Yüzyılın en büyük olayı: II. Dünya Savaşı"]
)
def test_ordinary_punctuation_is_not_a_spelling_error(text):
    assert not fired(text, "spelling")


def test_one_link_is_fine_two_review_three_reject():
    assert not fired("Kaynak: https://example.com/haber", "links")
    two = "https://a.example.com ve https://b.example.com"
    assert [f.severity for f in fired(two, "links")] == ["review"]
    three = "bak http://x.ru http://y.ru www.z.com"
    assert [f.severity for f in fired(three, "links")] == ["reject"]


@pytest.mark.parametrize(
    "text",
    [
        "Fine, let's fix the gun violence. End gun control.",
        "I am sure he will ask once more",
        "Thanks for this great report, I learned a lot about the city",
    ],
)
def test_english_comment_with_words_that_look_like_ascii_turkish_is_not_hit(text):
    assert not fired(text, "no_turkish_chars")


def test_loanwords_that_break_vowel_harmony_are_not_restored():
    assert moderate("Bakan tahmin etti, tarihi bir kalite").suggestion is None


def test_english_comment_is_never_asked_for_turkish_letters():
    verdict = moderate("Thanks for this great report, I learned a lot about the city")
    assert verdict.lang == "en"
    assert "no_turkish_chars" not in verdict.rules


def test_english_comment_full_of_misspelled_words_goes_to_review():
    text = "i realy dont beleive this goverment is doin anythin rite for ppl"
    findings = fired(text, "spelling")
    assert findings and all(f.severity == "review" for f in findings)
    assert any("misspelled" in f.message_en for f in findings)


def test_well_spelt_english_comment_is_not_a_spelling_error():
    assert not fired("I didn't expect the government to act so quickly on this issue.", "spelling")
