"""Precision of the Turkish offence checks (test_moderation_turkish_offence.py): each tightened
condition with the offence it must still catch and the innocent comments it must now leave
alone."""

import pytest

from comments.moderation import moderate
from comments.moderation.lexicon import parse_entry, with_softened


def rules(text):
    return {f.rule for f in moderate(text).findings if f.rule != "likely_offensive"}


# --- A faith called a disease, or its book to be burnt: the predicate said of the faith, right
# after it in the same clause (rules/belief.py, _predicate_of).


@pytest.mark.parametrize(
    "text",
    [
        "İslam bir hastalıktır.",
        "Islam bir hastaliktir.",
        "İslam, akıl hastalığıdır, tehlikeli bir virüstür.",  # the topic set off by a comma
        "Müslümanlar tehlikeli bir virüstür.",  # one word more, the faith the subject
        "Kuran'ı hemen yakmak lazım.",
        "Tevrat yakılmalı.",
        "Peygamberine sövüyorum.",
        "Yahudiler zaten dünyanın başına bela.",
    ],
)
def test_a_faith_called_a_disease_or_burnt_is_still_a_belief_attack(text):
    assert "belief_attack" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "İslam ülkelerinde obezite yaygın bir hastalıktır, uzmanlar uyarıyor.",  # another subject
        "Yahudi mahallesinde yaşayan hastanın teşhisi kanserdir.",
        "Kış gelmeden kilisenin sobasını yakmak lazım, yaşlılar üşüyor.",  # the church's stove
        "Camide soba yakmak gerek, cemaat donuyor.",  # a place, not the faith
        "Yahudi doktorun tezi: şeker bir zehirdir.",  # another clause
        "Noel gecesi mum yakmalıyız diyen Hristiyan komşumuz kiliseye gitti.",  # before the faith
        "Savaş insanlığın belası, dedi Müslüman din adamları.",
    ],
)
def test_a_disease_or_a_fire_near_a_faith_is_no_belief_attack(text):
    assert "belief_attack" not in rules(text)


# --- A softened demeaning stem (pisliği, fanatiği) is a noun in a case: said of a faith only
# right after it.


def test_softened_stems_of_a_list_can_count_only_when_aimed():
    softened = with_softened([parse_entry("pislik*")], aimed=True)[-1]
    assert softened.words[0].stem == "pisliğ"
    assert softened.aimed_only
    assert not with_softened([parse_entry("pislik*")])[-1].aimed_only


def test_a_softened_demeaning_word_right_after_a_faith_is_a_belief_attack():
    assert "belief_attack" in rules("Alevilerin pisliği.")


@pytest.mark.parametrize(
    "text",
    [
        "Kilisenin bahçesindeki pisliğe belediye el attı.",
        "Futbol fanatiği olan imam maçı cemaatle izledi.",
    ],
)
def test_a_softened_demeaning_word_elsewhere_is_no_belief_attack(text):
    assert "belief_attack" not in rules(text)


# --- Insinuations and curses need their insinuating context (lexicons/hurtful.txt), and the
# idioms that hold them are allow-listed (lexicons/allowed.txt).


@pytest.mark.parametrize(
    "text",
    [
        "Kaç para aldın bu haberi yazmak için?",
        "Kaç para aldınız bu yazı için?",
        "Bu yazıyı yazmak için kaç para aldınız?",
        "Yandaş gazeteci, kimden emir aldığın belli.",
        "Bu yazarın para aldığı belli.",
        "Ahırda büyümüş gibi konuşuyorsun.",
        "Sen insan mısın?",
        "Senin beynin yok mu?",
        "Akıl hastanesinden kaçmış gibi yazıyorsun.",
        "Senin gibiler yüzünden kimse haber okumuyor.",
        "Senin gibilerin yaşamaya hakkı yok.",
        "Senin ölümünü görmek isterim.",
        "Cehennemin dibine git.",
        "Allah seni bildiği gibi yapsın.",
        "Allah onu bildiği gibi yapsın.",
        "Senin yerin çöplük.",
        "Sen ölsen kimse ağlamaz.",
        "Aynısı senin başına gelsin.",
    ],
)
def test_insinuations_and_curses_in_their_context_are_hurtful(text):
    assert "hurtful" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kaç para aldın bu evi alırken, kredi mi çektin?",
        "Kaç para aldınız bu yıl ikramiye olarak?",
        "Bir kitap yazmak için kaç para harcanır, yazar anlattı.",
        "Emeklilerin kaç para aldığı belli oldu, zam oranı açıklandı.",
        "Asgari ücretlinin ne kadar para aldığı belli, geçinmek zor.",
        "Yeni çalışan ilk gün kimden emir aldığını sordu.",
        "Bu buzağı ahırda büyümüş, şimdi çiftliğin gururu.",
        "İnsan mısın robot musun testi yine çıktı, siteye giremedim.",
        "Sen insan mısın melek misin, bu kadar iyilik olmaz.",
        "Alzheimer hastalığında beynin yok olan hücreleri yenilenemiyor.",
        "Aklın yok saydığı korkuları anlatan kitap çok satıyor.",
        "Akıl hastanesinden kaçan hasta polis tarafından bulundu.",
        "Senin gibiler bu ülkenin geleceği, helal olsun kardeşim.",
        "Sizin gibilerin emeğiyle bu köprü bitti.",
        "Bizim gibilerin yaşamaya gücü kalmadı, emekli maaşı yetmiyor.",
        "Benim gibiler yüzünden kuyruk uzadı, özür dilerim.",
        "Babasının ölümünü görmek zorunda kalan çocuk tedavi görüyor.",
        "Dante'nin eserinde şair cehennemin dibine kadar iniyor.",
        "Usta işini bildiği gibi yapsın, karışmayalım.",
        "Piknik yapılan yerin çöplüğe dönmesi çok üzücü.",
        "Sen ölsen de kalsan da bu ülke değişmez diyordu rahmetli babam.",
        "Sen olsen de kalsan da bu ulke degismez diyordu rahmetli babam.",
        "Güzel şeyler başına gelsin, sen bunu hak ediyorsun.",
    ],
)
def test_the_same_words_in_an_ordinary_sense_are_not_hurtful(text):
    assert "hurtful" not in rules(text)


# --- A phrase denied by "değil" right after it is not said (rules/hurtful.py, _denied).


@pytest.mark.parametrize(
    "text",
    [
        "Annesi onu doğurduğuna hiç pişman değil, gurur duyuyor.",
        "Senin gibi insanlar yüzünden değil, senin gibi insanlar sayesinde ayaktayız.",
    ],
)
def test_a_denied_phrase_is_not_hurtful(text):
    assert "hurtful" not in rules(text)


def test_the_question_that_affirms_a_phrase_is_no_denial():
    assert "hurtful" in rules("Bu beyinsizlik değil de ne?")
    assert "hurtful" in rules("Annen seni doğurduğuna pişmandır.")


# --- "en sık" (most often) typed without its "ı" is no swear word beside a faith.


def test_most_often_typed_in_ascii_is_no_swear_word():
    found = rules("Musluman ulkelerde en sik gorulen olum nedeni kalp hastaligidir.")
    assert not found & {"profanity", "belief_attack"}
    assert "profanity" in rules("Sikerim böyle işi.")


# --- Insulting words inside a plain phrase (lexicons/allowed.txt): humble, low pressure, an
# inferiority complex.


@pytest.mark.parametrize(
    "text",
    [
        "Alçak gönüllü bir insandı, Allah rahmet eylesin.",
        "Çok alçakgönüllü bir sanatçı, başarısı da bundan.",
        "Alçak basınç sistemi yarın Marmara'ya ulaşacak, yağış bekleniyor.",
        "Alcak basinc sistemi yarin Marmaraya ulasacak.",
        "Alçak sesle konuşun, bebek uyuyor.",
        "Uçak alçak irtifada uçarken görüntülendi.",
        "Bu adamda ciddi bir aşağılık kompleksi var bence.",
        "Aşağılık duygusu çocuklukta başlar, psikologlar böyle söylüyor.",
    ],
)
def test_insulting_words_inside_a_plain_phrase_are_no_insult(text):
    assert not rules(text) & {"insult", "hurtful", "profanity", "belief_attack"}, text


@pytest.mark.parametrize(
    "text",
    ["Sen alçak bir insansın.", "Alçak herif gönüllü olarak gelmiş.", "Aşağılık herif!"],
)
def test_the_same_words_outside_the_phrase_still_count(text):
    assert rules(text) & {"insult", "hurtful"}, text
