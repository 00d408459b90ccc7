"""Turkish letters on a dictionary: correct Turkish is never refused, restorations are exact.

The data-driven tests read ``shared/moderation`` beside the checkout and skip without it.
"""

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest

from comments.moderation import OFFENCE_RULES, Engine, moderate
from comments.moderation.deasciify import restore
from comments.moderation.dictionary import turkish_words
from comments.moderation.evaluation import restoration, typed_without_letters
from comments.moderation.text import TURKISH_LETTERS, tokenize, url_spans
from comments.tests.test_moderation_datasets import rows

SENTENCE_RE = re.compile(r"[^.!?\n]+")
WORD_RE = re.compile(r"[^\W\d_]+")
RULES_ONLY = Engine(use_model=False)


def no_turkish_chars(text):
    return [f for f in moderate(text).findings if f.rule == "no_turkish_chars"]


# Correct Turkish that needs no special letter: greetings, prayers, praise, news talk.
CORRECT_WITHOUT_SPECIAL_LETTERS = [
    "Tebrikler, harika bir analiz.",
    "Harika bir haber olmuş",  # (has a letter: never asked anyway)
    "Allah rahmet eylesin, mekanı cennet olsun",
    "Allah razı olsun",
    "Merhaba arkadaşlar, iyi akşamlar",
    "Merhaba, iyi bayramlar",
    "Harika bir yazı olmuş, tebrikler",
    "Sanki her şey yolunda",
    "Olur mu olmaz mı bilemem",
    "Bu olay bir an evvel aydınlatılmalı",
    "Harika",
    "Tebrikler",
    "Sanki bir film gibi",
    "Olmak ya da olmamak",
    "Sabah erkenden yola kalktık",
    "Kaleme alan yazara selam olsun",
    "Amin, Allah kabul etsin",
    "Bayramınız kutlu olsun",
    "Nerede kaldı bu adalet",
    "Emeklinin maaşı yetmiyor",
]
ASCII_ONLY_CORRECT = [
    "Tebrikler, harika bir analiz.",
    "Allah rahmet eylesin",
    "Allah kabul etsin, amin",
    "Merhaba, iyi bayramlar",
    "Sanki her an olabilir",
    "Olur, neden olmasin diye sordu",  # "olmasin" lacks ı: told, but only this word
    "Harika bir maka",
    "Bravo, tebrikler, yine harika bir analiz",
    "Sabah sabah bu haber iyi geldi",
    "Olay yerine ekipler sevk edildi",
    "Adana Mersin yolu kapandi mi",
    "Mekani cennet olsun",
    "Ellerine emeklerine sağlık",
    "Iyi bayramlar",
    "Selam olsun",
    "Kalemine sağlık, tebrikler",
    "Yine harika bir yazi",
    "Bu sene kar erken geldi",
    "Bence de olmaz",
    "Amin amin amin",
]


@pytest.mark.parametrize("text", CORRECT_WITHOUT_SPECIAL_LETTERS + ASCII_ONLY_CORRECT[:5])
def test_correct_turkish_is_never_told_it_lacks_letters(text):
    assert not no_turkish_chars(text)
    assert moderate(text).decision != "reject"


def test_harika_is_never_offered_as_harika_with_a_dotless_i():
    assert moderate("Tebrikler, harika bir analiz.").suggestion is None
    verdict = moderate("harika bir analiz, cok guzel olmus, tesekkurler")
    assert "harika" in verdict.suggestion and "harıka" not in verdict.suggestion


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        ("Washington cok guzel bir sehir", "Washington çok güzel bir şehir"),
        ("Rabbim sabir versin, cok uzuldum", "Rabbim sabır versin, çok üzüldüm"),
        ("sozcusu aciklama yapti", "sözcüsü açıklama yaptı"),
        ("cok uzuluyorum, celiskili aciklamalar", "çok üzülüyorum, çelişkili açıklamalar"),
        ("cok sukur adim adim ilerliyoruz", "çok şükür adım adım ilerliyoruz"),
        ("Allah kimseyi olmesin, cok uzuldum", "Allah kimseyi ölmesin, çok üzüldüm"),
        ("Erdogan'in aciklamasi", "Erdoğan'ın açıklaması"),
        ("Ankara'daki toplanti cok onemli", "Ankara'daki toplantı çok önemli"),
        ("Istanbul'dakilerin hepsi uzgun", "İstanbul'dakilerin hepsi üzgün"),
        ("Izmir'e gittim, cok guzeldi", "İzmir'e gittim, çok güzeldi"),
        ("bu dogru mu, gercekten mi", "bu doğru mu, gerçekten mi"),
        ("Ne zaman gelecek misin, cok merak ettim", "Ne zaman gelecek misin, çok merak ettim"),
        ("cok guzelll olmussss", "çok güzelll olmuşşşş"),
    ],
)
def test_restoration_is_whole_and_leaves_names_alone(ascii_text, restored):
    assert moderate(ascii_text).suggestion == restored


def test_unsure_words_never_reject():
    # One sure word: review, not reject; names, "su"/"şu" and words right as typed count none.
    text = "Biden bugun Washington'da bir konferans verdi"
    (finding,) = no_turkish_chars(text)
    assert finding.severity == "review"
    assert text[finding.start : finding.end] == "bugun"
    assert moderate(text).suggestion == "Biden bugün Washington'da bir konferans verdi"
    assert not no_turkish_chars("Kemal Sunal su an olur dedi")


def test_a_text_with_turkish_letters_is_never_asked_for_more():
    assert not no_turkish_chars("Çok guzel olmus")


def correct_sentences_from_the_data(limit=600):
    """Sentences of clean Turkish tweets whose every word is a Turkish word as typed, with no
    special letter (at least three words, not shouted, no mention or link)."""
    words = turkish_words()
    found = []
    for row in rows("offenseval-tr.jsonl"):
        if row["label"] != "clean":
            continue
        for sentence in SENTENCE_RE.findall(row["text"]):
            sentence = sentence.strip(" ,;:-\"'")
            tokens = WORD_RE.findall(sentence)
            if (
                len(tokens) < 3
                or "@" in sentence
                or "URL" in sentence
                or "#" in sentence
                or not TURKISH_LETTERS.isdisjoint(sentence)
                or any(t.isupper() and len(t) > 1 for t in tokens)  # shouting: all_caps
                or not sentence.isascii()
            ):
                continue
            lowered = [t.replace("I", "ı").lower() for t in tokens]
            if all(len(w) > 1 and words.known(w) for w in lowered):
                found.append(sentence)
    return found[:limit]


def test_five_hundred_correct_sentences_from_the_data_are_never_refused():
    sentences = correct_sentences_from_the_data()
    assert len(sentences) >= 500
    verdicts = [RULES_ONLY.moderate(s) for s in sentences]
    assert [
        s for s, v in zip(sentences, verdicts, strict=True) if "no_turkish_chars" in v.rules
    ] == []
    # Rejected only for an offence (an aimed insult in a tweet labelled clean), and rarely.
    rejected = [v for v in verdicts if v.decision == "reject"]
    assert all(v.rules <= OFFENCE_RULES for v in rejected)
    assert len(rejected) <= len(sentences) // 100


def test_restoration_of_the_ascii_copies():
    pairs = rows("turkish-chars-pairs.jsonl")
    originals = {r["id"]: r["text"] for r in pairs if r["label"] == "has_turkish_chars"}
    score = restoration(
        (row["text"], originals[row["id"].removesuffix("-ascii")])
        for row in pairs
        if row["label"] == "no_turkish_chars"
    )
    # Measured 0.793 exact, 0.855 on originals with all their letters, 0.981 per word, 13 of
    # 1,326 capitalised words changed (all but two where the original lacks letters elsewhere
    # or in capitals); a regression fails. The ceiling: 910 originals have all their letters
    # (hashtags' parts included), 742 of them no word with letters the table does not know.
    assert score.comments == 1000
    assert score.exact / score.comments >= 0.793
    assert score.consistent_exact / score.consistent >= 0.855
    assert score.right_words / score.words >= 0.9809
    assert score.names_changed <= 13
    assert (score.complete, score.in_table) == (910, 742)
    assert score.in_table_exact / score.in_table >= 0.924
    # Words restored to something their original is not (typed so or not): 217 before the
    # question particle, names with suffixes and the language model's rarer neighbours.
    assert len([w for w in score.wrong_words if w[0] != w[1]]) <= 211


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # Spoken forms no dictionary lists, restored by the letters around each letter.
        ("neden beni birakiyosunuz, cok uzuldum", "neden beni bırakıyosunuz, çok üzüldüm"),
        ("kafam cok agriyo bugun", "kafam çok ağrıyo bugün"),
        # Forms too rare to compare, decided by their stems (şair, işletme).
        ("Necip Fazil buyuk bir sairdir", "Necip Fazıl büyük bir şairdir"),
        (
            "esnaf zor durumda, isletmelere destek lazim",
            "esnaf zor durumda, işletmelere destek lazım",
        ),
        # A sentence that starts with "Su" mostly means "Şu"; water stays water.
        ("Su haberi okudum, cok uzuldum", "Şu haberi okudum, çok üzüldüm"),
        ("sicakta bol su icmek lazim, cok onemli", "sıcakta bol su içmek lazım, çok önemli"),
        # Words typed with circumflexes or joined to digits.
        ("kiyâmet gunu cok yakin", "kıyâmet günü çok yakın"),
        ("19Mayis1919 cok guzel bir gundu", "19Mayıs1919 çok güzel bir gündü"),
        # Foreign words are left alone.
        ("stalingrad savasi cok uzun surdu", "stalingrad savaşı çok uzun sürdü"),
        ("Bu activity cok guzeldi", "Bu activity çok güzeldi"),
        ("Wachowski kardeslerin filmi cok guzel", "Wachowski kardeşlerin filmi çok güzel"),
        # English words are not guessed at (not "şales", "restleşs"), nor words whose vowels
        # meet as Turkish words' do not (not "şelfie").
        ("sales ekibi cok iyi", "sales ekibi çok iyi"),
        ("Bu restless bir durum, cok guzel olmus.", "Bu restless bir durum, çok güzel olmuş."),
        ("selfie cekmek guzel", "selfie çekmek güzel"),
        # ... while Turkish words the table lacks still are, by stem and suffixes.
        ("yapisinda sorun var", "yapısında sorun var"),
    ],
)
def test_restoration_of_spoken_rare_and_foreign_words(ascii_text, restored):
    assert moderate(ascii_text).suggestion == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # Words typed together, each part a clear word, in a hashtag too.
        ("bugun kacbintane mesaj geldi", "bugün kaçbintane mesaj geldi"),
        # A short last part is often a spoken suffix (sor-cak), never read as a word (çak).
        ("yarin sorcak bana", "yarın sorcak bana"),
        ("#hayirliaksamlar herkese", "#hayırlıakşamlar herkese"),
        # ... or with the question particle in harmony with the word before it.
        ("sen hazirmi degilsin", "sen hazırmı değilsin"),
        # The spoken present tense (-yo for -yor), as its written form is restored.
        ("kapiyi acmiyo kimse", "kapıyı açmıyo kimse"),
        ("evi supurmuyo", "evi süpürmüyo"),
        # A capitalised word inside a sentence may be a name: left as typed; foreign words too.
        ("dun Kacbintane ile gorustuk", "dün Kacbintane ile görüştük"),
        ("yarin comeback var", "yarın comeback var"),
        # A part that is no clear word leaves the whole word alone.
        ("sizce bukadar zor mu", "sizce bukadar zor mu"),
    ],
)
def test_restoration_of_words_typed_together_and_spoken_forms(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    text, changes = restore(ascii_text, tokens)
    assert text == restored
    # Such readings are guesses: offered, never a sure missing letter.
    typed_together = {"kaçbintane", "hazırmı", "açmıyo", "süpürmüyo"}
    assert not any(c.sure for c in changes if c.restored in typed_together)


def test_words_typed_together_are_never_a_reason_to_reject():
    assert moderate("kacbintane").decision == "pass"
    assert moderate("acmiyo").decision == "pass"


def test_words_restored_only_by_their_letters_never_count():
    # Spoken forms the dictionary does not hold are restored in the suggestion, never sure.
    assert moderate("birakiyosunuz").decision == "pass"
    (finding,) = no_turkish_chars("hic calismiyosun")
    assert finding.severity == "review"


@pytest.mark.parametrize(
    "word, lacking",
    [
        ("icin", True),
        ("GUZEL", True),
        ("Üzüntusunde", True),
        ("için", False),
        ("İÇİN", False),
        ("harika", False),
        ("Washington", False),
        ("olur", False),
    ],
)
def test_words_typed_without_their_letters_in_an_original(word, lacking):
    assert typed_without_letters(word) is lacking


def test_restoration_measure_lists_the_words_restored_wrong():
    score = restoration(
        [
            ("su an cok guzel", "şu an çok güzel"),
            ("bu icin iyi", "bu icin iyi"),  # the original itself lacks a letter
        ]
    )
    assert score.wrong_words == [("icin", "için", "icin")]
    assert score.wrong_lines() == ["  icin -> için (original icin) x1 [typed so]"]


def test_restoration_measure_compares_whole_comments_words_and_names():
    score = restoration(
        [
            ("cok guzel bir gun", "çok güzel bir gün"),
            ("Dun Washington ile gorustuk", "Dün Washington ile görüştük"),
            ("bu icin iyi", "bu icin iyi"),  # the original itself lacks a letter
        ]
    )
    assert (score.comments, score.exact, score.consistent, score.consistent_exact) == (3, 2, 2, 2)
    assert (score.right_words, score.words) == (10, 11)
    assert (score.names, score.names_changed) == (1, 0)
    assert score.inconsistent_words == ["icin"]


def test_restoration_measure_states_its_ceiling():
    score = restoration(
        [
            ("cok guzel bir gun", "çok güzel bir gün"),
            # A hashtag the original writes without letters: no restorer could match it.
            ("cok guzel #AliKocBaskan", "çok güzel #AliKocBaskan"),
            ("hepimiz #SiddeteHayir diyoruz", "hepimiz #SiddeteHayir diyoruz"),
            # A word with letters no dictionary holds: only a guess could match it.
            ("geri dondum tivikir", "geri döndüm tivikır"),
            ("bu icin iyi", "bu icin iyi"),  # a word without its letters
        ]
    )
    assert (score.comments, score.consistent) == (5, 4)
    assert (score.complete, score.complete_exact) == (2, 1)
    assert (score.in_table, score.in_table_exact) == (1, 1)
    assert "ceiling: 2 originals have all their letters" in score.lines()[2]


def test_names_of_the_story_are_written_as_the_story_writes_them():
    story = "Bakan Özdemir, Washington'da Trumpov ile görüştü. Görüşme iki saat sürdü."
    text = "Ozdemir ile Trumpov gorusmesi cok iyi gecti"
    verdict = moderate(text, story=story)
    assert verdict.suggestion == "Özdemir ile Trumpov görüşmesi çok iyi geçti"
    (finding,) = [f for f in verdict.findings if f.rule == "no_turkish_chars"]
    assert text[finding.start : finding.end] == "gorusmesi cok iyi gecti"
    # A name the story writes without Turkish letters stays exactly so.
    assert "Washington" in moderate("Washington gorusmesi cok iyi", story=story).suggestion


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The words around choose between forms (Zemberek-NLP's bigram language model).
        ("su an evdeyim, cok yorgunum", "şu an evdeyim, çok yorgunum"),
        ("buz gibi soguk su ictim", "buz gibi soğuk su içtim"),
        ("sakin ha bir daha yapma, cok uzuldum", "sakın ha bir daha yapma, çok üzüldüm"),
        ("cok sakin bir insan", "çok sakin bir insan"),
        # Forms too rare in the tweets, by the language model's counts.
        ("kutsal kitabimizin sayfalari", "kutsal kitabımızın sayfaları"),
        # Known names with Turkish letters (Zemberek's lexicon); names as typed stay.
        ("Dun Turkiye ile Katircioglu gorustu", "Dün Türkiye ile Katırcıoğlu görüştü"),
        ("Bu aksam Erdogan konustu", "Bu akşam Erdoğan konuştu"),
        ("Dun Washington ile gorustuk", "Dün Washington ile görüştük"),
        ("Ahmet Sik bugun konustu", "Ahmet Sik bugün konuştu"),
        # A suffix typed apart after a quote, and words run together with capitals.
        ("Burhan ‘in kitabi cok guzel", "Burhan ‘ın kitabı çok güzel"),
        ("bugun KanalDegistirsin dedik", "bugün KanalDeğiştirsin dedik"),
        # A flood with capitals and small letters mixed, inside a sentence.
        ("bugun SOOOo guzel", "bugün SOOOo güzel"),
        ("bugun Cok GuzEEEl oldu", "bugün Çok GüzEEEl oldu"),
    ],
)
def test_restoration_by_the_words_around_and_known_names(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    assert restore(ascii_text, tokens)[0] == restored


@pytest.mark.parametrize(
    "text, word",
    [
        ("su an evdeyim, cok yorgunum", "şu"),  # the words around: a guess
        ("ne goruyosunuz boyle", "görüyosunuz"),  # known only from Zemberek's lists
        ("kutsal kitabimizin sayfalari", "kitabımızın"),  # the language model's counts
        ("Dun Turkiye ile gorustuk", "Türkiye"),  # a name
    ],
)
def test_guesses_are_offered_but_never_sure(text, word):
    _, changes = restore(text, tokenize(text, url_spans(text)))
    (change,) = [c for c in changes if c.restored == word]
    assert not change.sure


def test_a_guess_alone_never_rejects_nor_tells():
    assert moderate("ne goruyosunuz").decision == "pass"
    assert not no_turkish_chars("Sakin ol")
    assert not no_turkish_chars("Kemal Sunal su an olur dedi")


def _build_script():
    path = Path(__file__).resolve().parents[2] / "scripts" / "build_turkish_words.py"
    spec = importlib.util.spec_from_file_location("build_turkish_words", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_context_pairs_are_kept_only_where_they_change_the_choice():
    moves_choice = _build_script()._moves_choice
    unigram = np.array([-3.4, -3.7], dtype=np.float32)  # şu, su: too close to choose
    delta = np.array(
        [
            [0.0, 0.0],  # a word that says nothing
            [1.2, 0.1],  # "şu an": şu clearly
            [-0.5, 1.0],  # "bol su": su clearly
            [0.2, 0.0],  # still too close
        ],
        dtype=np.float32,
    )
    assert moves_choice(unigram, delta).tolist() == [False, True, True, False]
    clear = np.array([-2.0, -4.0], dtype=np.float32)  # already clear: only a reversal counts
    assert moves_choice(clear, delta).tolist() == [False, False, True, False]


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        ("Turkiye dunyada 3'uncu sirada", "Türkiye dünyada 3'üncü sırada"),  # üç
        ("1990'li yillarda cok zor gunler", "1990'lı yıllarda çok zor günler"),  # doksan
        ("enflasyon yuzde 40'in uzerinde", "enflasyon yüzde 40'ın üzerinde"),  # kırk
        ("vergi 100'u gecti", "vergi 100'ü geçti"),  # yüz
        ("2000'li yillar cok guzeldi", "2000'li yıllar çok güzeldi"),  # bin
        ("6'si cocuk, cok uzucu", "6'sı çocuk, çok üzücü"),  # altı
        ("5,4'luk deprem cok korkuttu", "5,4'lük deprem çok korkuttu"),  # dört
        ("30'u gecmis, cok uzgunum", "30'u geçmiş, çok üzgünüm"),  # otuz: as typed
    ],
)
def test_a_suffix_after_a_number_follows_the_number_read_aloud(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    assert restore(ascii_text, tokens)[0] == restored


def test_the_last_word_of_a_number_read_aloud():
    from comments.moderation.deasciify import spoken_ending

    cases = {"0": "sıfır", "3": "üç", "10": "on", "1990": "doksan", "2023": "üç", "100": "yüz"}
    cases |= {"1500": "yüz", "2000": "bin", "3000000": "milyon", "7000000000": "milyar"}
    assert {digits: spoken_ending(digits) for digits in cases} == cases


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The tweets use bakım three times as often as bakim, the language model ten times:
        # both agree, so the suggestion restores it (a guess, never a sure missing letter).
        (
            "Yasli bakim evlerinin denetimi siklastirilmali",
            "Yaşlı bakım evlerinin denetimi sıklaştırılmalı",
        ),
        ("arabanin bakim masrafi cok", "arabanın bakım masrafı çok"),
    ],
)
def test_a_form_both_counts_prefer_is_offered(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    text, changes = restore(ascii_text, tokens)
    assert text == restored
    assert not any(c.sure for c in changes if c.restored == "bakım")


def restored_text(ascii_text):
    return restore(ascii_text, tokenize(ascii_text, url_spans(ascii_text)))[0]


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # An abbreviation read letter by letter: the suffix follows the last letter's name.
        ("CHP'nin kurultayi yarin", "CHP'nin kurultayı yarın"),  # pe
        ("BJK nin gunahi ne", "BJK nin günahı ne"),  # ke, typed apart
        ("ABD'ye gitti", "ABD'ye gitti"),  # de
        ("TBMM'de kabul edildi", "TBMM'de kabul edildi"),  # me
        ("AB'nin aciklamasi", "AB'nin açıklaması"),  # be: two capitals, a vowel first
        ("AP'nin karari", "AP'nin kararı"),  # pe
        ("Ab'in evi", "Ab'ın evi"),  # not in capitals: a word
        ("at mi kosturuyor", "at mı koşturuyor"),  # a word, not an abbreviation
        ("NATO'nun zirvesi", "NATO'nun zirvesi"),  # read as a word
        # A circumflexed vowel is its plain vowel to the suffix after it.
        ("Islâm in nuru", "İslâm ın nuru"),
        ("Imâm i Malik", "İmâm ı Malik"),
        # The table knows the word with its suffix, against vowel harmony.
        ("Kemal'in evi cok guzel", "Kemal'in evi çok güzel"),
        ("gol'u atti", "gol'ü attı"),
        ("Erdal'in kitabi", "Erdal'ın kitabı"),
    ],
)
def test_a_suffix_follows_how_the_word_before_is_read(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        (
            "Bugun Secim Sonuclari Aciklaniyor Herkes Sandiga",
            "Bugün Seçim Sonuçları Açıklanıyor Herkes Sandığa",
        ),
        (
            "Ogretmenler Gunu Kutlu Olsun Tum Ogretmenlerimize",
            "Öğretmenler Günü Kutlu Olsun Tüm Öğretmenlerimize",
        ),
        # Not title case: a capitalised word inside the sentence may be a name.
        ("Bugun Ahmet Sik ile gorustum", "Bugün Ahmet Sik ile görüştüm"),
    ],
)
def test_a_text_in_title_case_is_restored_word_by_word(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    text, changes = restore(ascii_text, tokens)
    assert text == restored
    # A capitalised word inside a sentence may still be a name: never a sure missing letter.
    assert not any(c.sure for c in changes if c.start > 0 and text[c.start].isupper())


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The question particle typed apart takes the last vowel of the word before it.
        ("guzel mi", "güzel mi"),
        ("tatli mi", "tatlı mı"),
        ("olur mu", "olur mu"),
        ("kotu mu", "kötü mü"),
        ("yapar misin", "yapar mısın"),
        ("ogrenci misin", "öğrenci misin"),
        ("gormus muydun", "görmüş müydün"),
        ("tatli miydi", "tatlı mıydı"),
        ("doktor musunuz", "doktor musunuz"),
        ("kiz mi erkek mi", "kız mı erkek mi"),
        # ... or of the number or the abbreviation read aloud.
        ("6 mi yoksa 7 mi", "6 mı yoksa 7 mi"),
        ("CHP mi kazanir", "CHP mi kazanır"),
    ],
)
def test_the_question_particle_follows_the_word_before(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        ("Burhan ‘in kitabi", "Burhan ‘ın kitabı"),  # a suffix typed apart after a quote
        # A word in quotes, or one drawn out, is no suffix of the word before.
        (
            "Ne zaman ‘manitiiiiiiimmmmmm!’ diye kosarak",
            "Ne zaman ‘manitiiiiiiimmmmmm!’ diye koşarak",
        ),
        ("dedi ki 'gelin' ve gitti", "dedi ki 'gelin' ve gitti"),
    ],
)
def test_a_word_in_quotes_is_not_a_suffix(ascii_text, restored):
    assert restored_text(ascii_text) == restored


def sure_words(text):
    """The words of ``text`` the restorer counts as surely lacking letters."""
    _, changes = restore(text, tokenize(text, url_spans(text)))
    return [text[c.start : c.end] for c in changes if c.sure]


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        ("Annem 'arkadas bir yere kadardir' derdi", "Annem 'arkadaş bir yere kadardır' derdi"),
        ("Hocam 'sabir' dedi, cok dogru", "Hocam 'sabır' dedi, çok doğru"),
        # ... while a suffix typed apart after a quote still follows the word before.
        ("Burhan ‘in kitabi cok guzel", "Burhan ‘ın kitabı çok güzel"),
    ],
)
def test_a_word_after_an_opening_quote_is_a_word(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # A list item's number starts a sentence: its first capital is no name.
        (
            "Yapilacaklar: 1- Sabah erken kalkmak 2- Ogle yemegi",
            "Yapılacaklar: 1- Sabah erken kalkmak 2- Öğle yemeği",
        ),
        ("Sebepleri 1) Issizlik 2) Pahalilik", "Sebepleri 1) İşsizlik 2) Pahalılık"),
    ],
)
def test_a_list_item_starts_a_sentence(ascii_text, restored):
    assert restored_text(ascii_text) == restored


def test_a_list_items_first_word_counts_as_a_missing_letter():
    assert "Ogle" in sure_words("Yapilacaklar: 1- Sabah erken kalkmak 2- Ogle yemegi")
    assert "Ozgur" not in sure_words("2019-Ozgur kazandi")


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # Lines of a poem run together with spaces: a line's capital is the line's.
        (
            "Yani yasiyor olmak,    Yasamakla bagdasmaz bazen.",
            "Yani yaşıyor olmak,    Yaşamakla bağdaşmaz bazen.",
        ),
        (
            "Neredesin sevgilim   Emsalsizligin gorunur",
            "Neredesin sevgilim   Emsalsizliğin görünür",
        ),
        # A known name after such spaces stays as typed.
        (
            "Cok guzel bir film    Kemal Sunal yine harika",
            "Çok güzel bir film    Kemal Sunal yine harika",
        ),
        # A text with wide spaces between most words has no lines: a capital may be a name's.
        (
            "1517  de   Yavus  Sultan  Selim  bu  topraklari  aldi",
            "1517  de   Yavus  Sultan  Selim  bu  toprakları  aldı",
        ),
        # Two spaces are a typing habit, not a line break: the capital may be a name's.
        ("seni seviyorum  Yasamakla ilgili", "seni seviyorum  Yasamakla ilgili"),
    ],
)
def test_a_capital_after_a_line_break_typed_as_spaces(ascii_text, restored):
    assert restored_text(ascii_text) == restored


def test_a_capital_after_spaces_is_never_a_sure_missing_letter():
    # It may be a name: restored when the table knows it, never a reason to reject.
    assert sure_words("Yani yasiyor olmak,    Yasamakla bagdasmaz bazen.") == [
        "yasiyor",
        "bagdasmaz",
    ]


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The user name of a pasted retweet is no word.
        ("RT gurselgil: cok guzel bir yazi olmus", "RT gurselgil: çok güzel bir yazı olmuş"),
        ("RT SocialKadin: Cunku ancak bir kadin", "RT SocialKadin: Çünkü ancak bir kadın"),
        # RT without a name and a colon is a word as any other.
        ("RT yapalim, cok guzel bir yazi", "RT yapalım, çok güzel bir yazı"),
        ("Erdogan: cok guzel bir gun", "Erdoğan: çok güzel bir gün"),
        # A mention's parts after an underscore are its name too.
        ("@ahmet_yilmaz bu haberi gormustun", "@ahmet_yilmaz bu haberi görmüştün"),
        ("@ali__sahin_06 cok dogru", "@ali__sahin_06 çok doğru"),
        # An underscore outside a mention joins no name.
        ("@ahmet _yilmaz cok dogru", "@ahmet _yılmaz çok doğru"),
    ],
)
def test_the_user_name_of_a_retweet_or_a_mention_is_left_alone(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # A text in capitals: a capital says nothing of a name.
        ("BEGENI YAPAN KARSILIKLI TAKIPLESIR", "BEĞENİ YAPAN KARŞILIKLI TAKİPLEŞİR"),
        ("GIDEN ASKLARIMIN ARDINDAN AGLAYAMAM", "GİDEN AŞKLARIMIN ARDINDAN AĞLAYAMAM"),
        # An abbreviation in capitals inside a sentence is left alone.
        ("Bugun ITU ile mac yapildi", "Bugün ITU ile maç yapıldı"),
    ],
)
def test_a_text_in_capitals_is_restored_word_by_word(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The Persian -i of a compound after a hyphen follows the word before.
        ("Eshab-i kiram hakkinda guzel bir yazi", "Eshab-ı kiram hakkında güzel bir yazı"),
        ("Bu hadisi Imâm-i Mâlik rivayet etti", "Bu hadisi İmâm-ı Mâlik rivayet etti"),
        ("ehl-i sunnet ve cemaat", "ehl-i sünnet ve cemaat"),
        # After a vowel the izafet stays -i.
        ("sila-i rahim yapmak lazim", "sıla-i rahim yapmak lazım"),
        # Not a lone i: a word after a hyphen is left to its own reading.
        ("Ankara-Istanbul yolu", "Ankara-İstanbul yolu"),
    ],
)
def test_the_izafet_after_a_hyphen_follows_the_word_before(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # Unknown words: a known stem with -laş/-leş (becoming) and more suffixes.
        ("Ulke kapitallesiyor", "Ülke kapitalleşiyor"),
        ("herkes takiplesir oldu", "herkes takipleşir oldu"),
        # Spoken forms with a raised vowel, restored as the written form is.
        (
            "Firtinaya kapildiklarinda siginicaklari liman olmali",
            "Fırtınaya kapıldıklarında sığınıcakları liman olmalı",
        ),
        ("isteklerimle yasiyacak kadar cesuruz", "isteklerimle yaşıyacak kadar cesuruz"),
    ],
)
def test_unknown_words_by_their_suffixes_and_spoken_vowels(ascii_text, restored):
    assert restored_text(ascii_text) == restored


def test_the_suffix_of_becoming_and_of_doing():
    from comments.moderation.deasciify import _suffixes

    # -laş/-leş before -iyor, -ir, -ti, -me; -la/-le + -sin (doing) keeps its s.
    assert _suffixes("kapitalle", "siyor") == "şiyor"
    assert _suffixes("kapitalle", "sti") == "şti"
    assert _suffixes("yakla", "sma") == "şma"
    assert _suffixes("takiple", "sir") == "şir"
    assert _suffixes("temizle", "sin") == "sin"
    assert _suffixes("temizle", "se") == "se"


@pytest.mark.parametrize(
    "text",
    [
        "Sebepler: 1- Kira 2- Faiz 3- Enflasyon",
        "Tebrikler    Harika bir analiz",
        "Allah rahmet eylesin    Amin, kabul olsun",
        "TEBRIKLER, HARIKA BIR ANALIZ OLMUS",
        "RT haberci: Harika bir analiz",
        "Ehl-i beyt sevgisi",
    ],
)
def test_list_items_lines_capitals_and_retweets_never_tell_correct_turkish_it_lacks_letters(text):
    assert not no_turkish_chars(text)


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The word after is itself ambiguous (su: şu or su): the model's pairs with either count.
        ("ilik su ile yikayin", "ılık su ile yıkayın"),
        ("kemik iligi nakli", "kemik iliği nakli"),
        # Idioms with words beyond the most used ones.
        ("tahtali koyu boylamak uzere", "tahtalı köyü boylamak üzere"),
        ("koyu bir kahve ictim", "koyu bir kahve içtim"),
    ],
)
def test_restoration_by_neighbours_that_are_themselves_ambiguous(ascii_text, restored):
    assert restored_text(ascii_text) == restored


class _TinyModel:
    """A bigram model of four words: ılık, ilik, şu, su (ids 0-3)."""

    words = ["ılık", "ilik", "şu", "su"]
    unigram = np.log10(np.array([0.1, 0.1, 0.6, 0.2], dtype=np.float32))
    backoff = np.zeros(4, dtype=np.float32)
    pairs = {(0, 3): np.log10(0.5)}  # "ılık su" only

    def bigram(self, first, second):
        return np.array(
            [self.pairs.get((int(a), int(b)), np.nan) for a, b in zip(first, second, strict=True)]
        )


def test_a_folded_neighbour_stands_for_all_its_forms():
    build = _build_script()
    model = _TinyModel()
    near = np.array([[2, 3, 0]])  # the folded "su": şu (most used), then su
    present = np.array([[True, True, False]])
    shares = np.array([[0.75, 0.25, 0.0]])
    forms = np.array([0, 1])  # ılık, ilik
    after = build._neighbour_deltas(model, near, present, shares, forms, "after")
    # Before "su" (any of its forms): P(su | ılık) = 0.5 where 0.6 + 0.2 = 0.8 came from the
    # unigrams alone, against 0.6 for şu; ilik has no pair: no telling.
    expected = np.log10((0.6 + 0.5) / (0.6 + 0.2))
    assert after[0, 0] == pytest.approx(expected, abs=1e-6)
    assert after[0, 1] == 0.0
    # After "su" (şu three times out of four): no pair, no telling.
    before = build._neighbour_deltas(model, near, present, shares, forms, "before")
    assert before.tolist() == [[0.0, 0.0]]


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # A name the table spells without Turkish letters, its suffixes typed on without an
        # apostrophe: the suffixes follow the name's vowels, the name stays as typed.
        (
            "Din egitimi Kurani Kerim ezberletmekten ibaret degil",
            "Din eğitimi Kuranı Kerim ezberletmekten ibaret değil",
        ),
        ("bence Ayasofyayi ibadete acmak lazim", "bence Ayasofyayı ibadete açmak lazım"),
        ("dun Rusyanin aciklamasi geldi", "dün Rusyanın açıklaması geldi"),
        ("ben de Adanaliyim", "ben de Adanalıyım"),
        # Left alone: the whole word is used as typed (Kemal'in), the name has Turkish letters
        # (Oğuzhan: a name is never changed, nor its word), the table does not know the name
        # (Trump), the suffix already follows the name (Paris'i, Umut'un), or its capital I
        # may be an I (Ilgaz).
        ("dun Kemalin evine gittik", "dün Kemalin evine gittik"),
        ("Hala Oguzhanin yapamadigini yapti", "Hala Oguzhanin yapamadığını yaptı"),
        ("dun Trumpin aciklamasini okudum", "dün Trumpin açıklamasını okudum"),
        ("dun Parisi gezdik, Umutun evinde kaldik", "dün Parisi gezdik, Umutun evinde kaldık"),
        ("Rifat Ilgazin siirleri cok guzel", "Rifat Ilgazin şiirleri çok güzel"),
        # -gil keeps its i after any vowel; a short word is no name (Zamina is not zam-ına).
        ("dun aksam Korkmazgil bize geldi", "dün akşam Korkmazgil bize geldi"),
        ("dun Zamina ile gorustum", "dün Zamina ile görüştüm"),
    ],
)
def test_the_suffixes_typed_onto_a_name_follow_its_vowels(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    text, changes = restore(ascii_text, tokens)
    assert text == restored
    # The name's suffixes are a guess: offered, never a sure missing letter.
    assert not any(c.sure for c in changes if text[c.start].isupper())


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # A line of a dialogue or a list: a dash after a line break typed as spaces.
        (
            "M.Akif Ersoy(r.a)   -Su sozu ve siiri bugun de gecerli",
            "M.Akif Ersoy(r.a)   -Şu sözü ve şiiri bugün de geçerli",
        ),
        ("Sorular:   - Su an neredesin?   - Evdeyim", "Sorular:   - Şu an neredesin?   - Evdeyim"),
        # A dash inside a line is no line break: a capital after it may be a name's.
        (
            "M.Akif Ersoy -Su sozu ve siiri bugun de gecerli",
            "M.Akif Ersoy -Su sözü ve şiiri bugün de geçerli",
        ),
    ],
)
def test_a_dash_after_a_line_break_starts_a_line(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The accusative -nı/-nu after a possessive, typed apart with a quote or a space.
        (
            "Sayin Ekrem Imamoglu 'nu destekliyorum",
            "Sayın Ekrem İmamoğlu 'nu destekliyorum",
        ),
        ("Onun babasi 'ni cok severim", "Onun babası 'nı çok severim"),
        ("kitap kurdu nu gordum", "kitap kurdu nu gördüm"),
    ],
)
def test_the_accusative_after_a_possessive_typed_apart_follows_the_word(ascii_text, restored):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # At a sentence start the tweets write Şu far more than Su, but the language model
        # reads "su kemeri" (an aqueduct) as water: the two disagree, so the word is left.
        ("Su kemeri cok eski", "Su kemeri çok eski"),
        # ... while where they agree, or the model alone is clear, the choice stands.
        ("Su haberi okudum, cok uzuldum", "Şu haberi okudum, çok üzüldüm"),
        ("su an evdeyim", "şu an evdeyim"),
        ("su adami tanimiyorum", "şu adamı tanımıyorum"),
    ],
)
def test_the_tweets_decide_a_word_only_when_the_language_model_does_not_disagree(
    ascii_text, restored
):
    assert restored_text(ascii_text) == restored


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # The question particle typed onto a finite verb is not the -mış of hearsay: okur
        # musun, not okurmuşun.
        ("kitabi bana okurmusun", "kitabı bana okurmusun"),
        ("annem manti yermisin diye sordu", "annem mantı yermisin diye sordu"),
        ("bunu dile getirirmisiniz lutfen", "bunu dile getirirmisiniz lütfen"),
        ("bu filmi gormusmusun", "bu filmi görmüşmüsün"),
        ("bunu yaparmisin lutfen", "bunu yaparmısın lütfen"),
        # Hearsay itself is restored: its persons have no -sIn with one s after -mış.
        ("ben de gorurmusum", "ben de görürmüşüm"),
        ("sen gelmissin", "sen gelmişsin"),
        # A verb's root in -r takes -mış, not the particle: kur-muş-unuz, gör-müş-ün.
        ("evi siz mi kurmusunuz", "evi siz mi kurmuşunuz"),
        ("sen de gormusun", "sen de görmüşün"),
        # An aorist or a root (yat-ır, or yatır-): unsure, left as typed.
        ("kac para yatirmisin", "kaç para yatirmisin"),
    ],
)
def test_the_question_particle_typed_onto_a_verb_is_no_hearsay(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    text, changes = restore(ascii_text, tokens)
    assert text == restored
    # Words typed together are a guess: never a sure missing letter.
    asked = re.compile(r"m[ıiuü]s[ıiuü]n(?:[ıiuü]z)?$")
    assert not any(c.sure for c in changes if asked.search(c.restored))


def test_a_stem_more_used_does_not_override_a_form_the_language_model_prefers():
    # sınır is used more than sinir, but the model finds "sinirim" (my anger) more likely
    # than "sınırım": the word is right as typed and stays so.
    assert restored_text("Sinirim yalnizca bu tarz kisilere") == (
        "Sinirim yalnızca bu tarz kişilere"
    )
    # ... while a stem both prefer still decides (şair, not sair).
    assert restored_text("Necip Fazil buyuk bir sairdir") == "Necip Fazıl büyük bir şairdir"


@pytest.mark.parametrize(
    "ascii_text, restored",
    [
        # Rarer neighbours than the language model's 100,000 most used words still choose.
        (
            "canli yayin acarsaniz on siralardan izleriz",
            "canlı yayın açarsanız ön sıralardan izleriz",
        ),
        (
            "'Ise soktugum insanlarin duasi beni cennete goturur' diyor",
            "'İşe soktuğum insanların duası beni cennete götürür' diyor",
        ),
        # ... and where they say nothing, the word is left as typed.
        ("on kisi geldi", "on kişi geldi"),
    ],
)
def test_every_word_of_the_language_model_is_a_neighbour(ascii_text, restored):
    tokens = tokenize(ascii_text, url_spans(ascii_text))
    text, changes = restore(ascii_text, tokens)
    assert text == restored
    # A choice by the words around is a guess, never a sure missing letter.
    assert not any(c.sure for c in changes if c.restored in {"ön", "İşe"})
