"""Insults (aimed or not), hurtful phrasing, and attacks on beliefs."""

import pytest

from comments.moderation import moderate


def severities(text, rule):
    return {f.severity for f in moderate(text).findings if f.rule == rule}


@pytest.mark.parametrize(
    "text",
    [
        "Sen tam bir salaksın",
        "salaksın sen",
        "aptal mısın nesin",
        "Gerizekalı seni",
        "şerefsiz seni",
        "You are an idiot",
        "you moron",
        "your stupid ideas",
    ],
)
def test_insult_aimed_at_the_reader_is_rejected(text):
    assert severities(text, "insult") == {"reject"}


@pytest.mark.parametrize(
    "text",
    [
        "Bu karar çok aptalca olmuş",
        "O salak adamlar yine aynı şeyi yaptı",
        "What an idiot move by the coach",
        "That was a stupid decision",
    ],
)
def test_insult_not_aimed_at_a_person_goes_to_review(text):
    assert severities(text, "insult") == {"review"}


def test_mention_near_an_insult_marks_it_aimed_but_only_sends_it_to_review():
    verdict = moderate("@ahmet aptal")
    finding = next(f for f in verdict.findings if f.rule == "insult")
    assert finding.severity == "review"
    assert "Aimed" in finding.message_en


@pytest.mark.parametrize(
    "text",
    [
        "Hayvan hakları için yürüdük",
        "Köpek parkı açıldı",
        "Mal varlığı açıklandı",
        "Ayı yavrusu ormanda görüldü",
        "Pig farming in Iowa",
        "Yazının müsveddesi masada kalmış.",  # a draft
        "Kanun teklifinin müsveddesi sızdırıldı.",
        "Müsvedde kağıdına not aldım.",
    ],
)
def test_words_that_insult_only_when_aimed_are_innocent_otherwise(text):
    assert not severities(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "sen hayvansın",
        "seni hayvan",
        "you pig",
        "Gazeteci müsveddesi seni.",
        "Sen gazeteci müsveddesisin",
        "adam müsveddesi bunlar",
    ],
)
def test_words_that_insult_when_aimed_are_hit_when_aimed(text):
    assert severities(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "Haddini bil ve sus",
        "Sen kimsin ki bana akıl veriyorsun",
        "Yazıklar olsun size",
        "Shut up and go back to your country",
        "Nobody cares about your opinion",
        "kill yourself",
    ],
)
def test_hurtful_phrasing_goes_to_review_never_reject(text):
    assert severities(text, "hurtful") == {"review"}


@pytest.mark.parametrize("text", ["@USER abv senin gibisine", "Abv, bir de utanmadan konuşuyor"])
def test_the_abbreviated_curse_is_hurtful(text):
    assert severities(text, "hurtful") == {"review"}


@pytest.mark.parametrize(
    "text",
    [
        "This stout is 8% ABV and worth every penny",
        "abvgd harfleriyle başlayan alfabe",
        "Abvan köyünden selamlar",
    ],
)
def test_words_and_units_that_only_look_like_the_abbreviated_curse_are_clean(text):
    assert severities(text, "hurtful") == set()


def test_hurtful_alone_never_rejects_the_comment():
    assert moderate("Yazıklar olsun, utanmıyor musunuz?").decision == "review"


@pytest.mark.parametrize(
    "text",
    [
        "Müslümanlar aptal insanlar",
        "Hristiyanlar salak",
        "Kuran uydurma bir masal",
        "İncil yalan dolu bir hurafe",
        "Alevilere yobaz diyenler",
        "Islam is a cult of barbaric savages",
        "Jews are scum",
        "Christians are idiots",
        "the Bible is a fairy tale for morons",
    ],
)
def test_belief_with_insulting_or_demeaning_words_is_a_belief_attack(text):
    assert severities(text, "belief_attack")


def test_belief_attack_with_an_insult_is_rejected_with_a_demeaning_word_reviewed():
    assert "reject" in severities("Müslümanlar aptal", "belief_attack")
    assert severities("Kuran bir masal kitabı", "belief_attack") == {"review"}


@pytest.mark.parametrize(
    "text",
    [
        "Müslüman ve Hristiyan liderler barış için buluştu",
        "Kuran kursu açıldı",
        "The church hosted a charity dinner",
        "Muslims celebrate Eid this week",
        "Partiyi kuran isim istifa etti",
    ],
)
def test_neutral_mentions_of_beliefs_are_not_attacks(text):
    assert not severities(text, "belief_attack")


@pytest.mark.parametrize(
    "text",
    ["You are not dumb.", "Sen aptal değilsin", "Are you kidding? What a stupid rule."],
)
def test_negated_or_separate_sentence_insult_is_not_treated_as_aimed(text):
    assert severities(text, "insult") == {"review"}


@pytest.mark.parametrize(
    "text",
    [
        "Hristiyanların Allah belasını versin",
        "Yahudilerin hepsi gebersin",
        "Bu Alevilerin kökünü kazımak lazım",
        "Muslims should all die",
        "Death to the Jews",
    ],
)
def test_curses_and_death_wishes_on_a_faiths_followers_are_belief_attacks(text):
    assert severities(text, "belief_attack") == {"reject"}


@pytest.mark.parametrize(
    "text",
    [
        "Hristiyanlar bayramlarını kutladı, Allah razı olsun",
        "Yahudi cemaati sinagogda dua etti",
    ],
)
def test_followers_of_a_faith_mentioned_kindly_are_not_attacked(text):
    assert not severities(text, "belief_attack")
    assert moderate(text).decision != "reject"


def test_a_curse_near_a_place_of_worship_is_only_reviewed():
    text = "Kilisede kahretsin diye bağıran adam gözaltına alındı"
    assert severities(text, "belief_attack") == {"review"}
    assert moderate(text).decision == "review"


def test_a_curse_on_others_is_hurtful_never_a_belief_attack():
    text = "Bu teröristlerin Allah belasını versin"
    assert severities(text, "hurtful") == {"review"}
    assert not severities(text, "belief_attack")


@pytest.mark.parametrize(
    "text", ["Bir yalana kanmak seni aptal yapmaz", "Sen aptal değilsin", "Bu seni salak yapmaz"]
)
def test_a_negated_insult_is_not_aimed(text):
    assert "reject" not in severities(text, "insult")


@pytest.mark.parametrize(
    "text",
    ["Şeref yoksunu adam", "Sen bir şeref yoksunusun", "sanatçı bozuntusu", "seref yoksunu"],
)
def test_more_turkish_insults_are_hit(text):
    assert severities(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "Hiç bozuntuya vermedi.",
        "Şeref tribünü doluydu, yoksul ailelere yardım edildi.",
        "Ekmekten yoksun kalan ailelere yardım",
    ],
)
def test_words_near_the_new_insults_are_innocent(text):
    assert not severities(text, "insult")


@pytest.mark.parametrize(
    "text", ["Makamına tüküreyim böyle işin", "suratına tüküreyim", "Ağzınıza osurayım sizin"]
)
def test_crude_wishes_are_hurtful(text):
    assert severities(text, "hurtful") == {"review"}


@pytest.mark.parametrize("text", ["Yere tükürük atmayın.", "Tükürmek yasaktır."])
def test_words_near_the_crude_wishes_are_innocent(text):
    assert not severities(text, "hurtful")


@pytest.mark.parametrize(
    "text",
    [
        "Are we meant to be as stupid as they think?",
        "Sen. Warren said the plan is stupid",
        "I want to be an idiot-proof designer",
    ],
)
def test_english_be_and_sen_do_not_aim_an_insult_at_the_reader(text):
    assert "reject" not in severities(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "Hırsızlar iki gün sonra yakalandı.",
        "The Nazi occupation of Paris ended in 1944.",
        "Racist abuse of players must stop.",
        "Irkçı saldırıları kınıyoruz.",
        "Fascist Italy invaded Ethiopia in 1935.",
    ],
)
def test_words_that_describe_before_they_insult_count_only_when_aimed(text):
    assert not severities(text, "insult")


@pytest.mark.parametrize("text", ["sen hırsızsın", "you racist", "faşistsin sen"])
def test_the_same_words_aimed_at_the_reader_are_insults(text):
    assert severities(text, "insult")


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Allah'ın belası Yahudiler.", "belief_attack"),
        ("Allah'ın cezası Yahudiler.", "belief_attack"),
        ("Allah canını alsın.", "hurtful"),
        ("Ölmeni diliyorum.", "hurtful"),
        ("DIE IN A FIRE", "hurtful"),
        ("k*ll yourself", "hurtful"),
        ("Refugees are vermin.", "hurtful"),
        ("They are cockroaches, every one of them.", "hurtful"),
    ],
)
def test_curses_and_death_wishes(text, rule):
    assert severities(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        "Ambulansın gelmesi 40 dakika sürmüş, rezalet.",  # outrage at a situation
        "Ölmenin eşiğinden döndü.",
        "Cockroaches were found in the hospital kitchen.",
        "Allah'ın izniyle yarın başlıyoruz.",
    ],
)
def test_near_misses_of_the_curses(text):
    assert not (severities(text, "hurtful") or severities(text, "belief_attack"))


def rules(text):
    return {(f.rule, f.severity) for f in moderate(text).findings if f.rule != "likely_offensive"}


@pytest.mark.parametrize(
    "text",
    [
        "I hope your whole family dies",
        "I hope you die",
        "hope they all die",
        "I really hope that all of you die",
        "I hope your kids get cancer",
        "I hope he gets killed",
        "Hopefully their supporters drop dead",
        "may you rot",
        "I hope u die slowly",
        "you should die",
        "they should all be killed",
        "your family deserves to die",
        "people like you need to die",
        "I want you dead",
        "I wish you were dead",
        "Treason, he should hang",
        "I hope your children starve",
        "I hope you get run over by a bus",
        "I hope you get hit by a truck",
        "I hope they all get shot",
        "I hope your kids get stabbed",
    ],
)
def test_death_wishes_aimed_at_people_are_hurtful(text):
    assert ("hurtful", "review") in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hope the pain dies down soon",
        "my phone died again",
        "die-hard fans queued all night",
        "I hope you don't die out there, stay safe",
        "I hope nobody dies in this storm",
        "I hope your phone battery dies before the speech",
        "I hope they killed it at the concert",
        "I hope they know people die every day on that road",
        "I hope this trend dies",
        "Many people may die if the dam breaks",
        "I hope you die-hard fans enjoyed it",
        "He died peacefully, I hope his family finds comfort",
        "No one should die alone",
        "He didn't deserve to die",
        "you should die your hair blue",
        "Patients should die with dignity, the bill says",
        "Old habits must die",
        "you need to diet",
        "I want your opinion on dead languages",
        "I want you to know that many people die every day",
        "you should hang out with us",
        "I hope you hang in there",
        "they should hang the flag higher",
        "I hope they die laughing at my jokes",
        "I hope the kids never starve",
        "I hope you get to run the marathon",
        "I hope you run the business well",
        "I hope you hit the jackpot",
        "I hope they get a shot at the title",
        "I hope you get hit with good news",
        "I hope nobody gets hit by the storm",
        "Hope they get run out of the tournament early",
    ],
)
def test_death_words_not_wished_on_people_are_clean(text):
    assert not rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "O ölsün",
        "İnşallah ölürsün",
        "Seni sevmeyen ölsün",
        "Kahrolsun Ermeniler",
        "kahrolsun israil",
        "Kahrolsun Ahmet",
        "Geberesice herif",
        "Sen ölmelisin",
        "Ölmeyi hak ediyorsun",
        "Umarım ailen ölür",
        "inşallah hepsi ölürler",
        "İnşallah kanser olursun.",
        "Umarım felç olur o adam",
        "Kanser olasın.",
        "Kör olasıca herif",
    ],
)
def test_turkish_death_wishes_and_curses_on_people_are_hurtful(text):
    assert "hurtful" in {rule for rule, _ in rules(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kahrolsun terör",
        "Terör kahrolsun!",
        "kahrolsun savaş, çocuklar ölmesin",
        "Savaş bitsin artık",
        "Geçmiş olsun, Allah şifa versin",
        "Hayırlı olsun, mutlu olsunlar",
        "Kazada üç kişi öldü",
        "Onu ölesiye seviyorum",
        "İnşallah olur",
        "insallah olur",
        "iyi olsun",
        "Kimse ölmeyi hak etmiyor",
        "Sen olmalisin",
        "Senin için ölürüm",
        "Umarım kimse ölmez",
        "İnşallah yarın güzel olur. Ölür müyüz bilmem",
        "Allahtan kimse ölmedi",
        "Sigara içersen kanser olursun, bırak artık.",
        "İnşallah kanser olursa erken teşhis edilir.",
        "Umarım kimse kanser olmaz.",
        "Kanser olasılığı yaşla artıyor.",
        "İnşallah kör olan kedi iyileşir.",
    ],
)
def test_curses_on_things_and_wishes_of_good_are_clean(text):
    assert not rules(text) - {("no_turkish_chars", "review"), ("no_turkish_chars", "reject")}


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Ermeni dölü", "insult"),
        ("Bu Kürt dölü yine konuşmuş", "insult"),
        ("Suriyeli piçleri", "insult"),
        ("Arap uşağı", "insult"),
        ("Amerikan beslemesi", "insult"),
        ("Yahudi dölü", "belief_attack"),
        ("Hristiyan köpekleri", "belief_attack"),
        # A people in the plural right beside a curse or a death wish.
        ("Kürtler ölsün", "insult"),
        ("Kahrolsun Ermeniler!", "insult"),
        ("Suriyelilerin Allah belasını versin", "insult"),
        ("Yahudiler ölsün", "belief_attack"),
    ],
)
def test_a_people_named_with_a_slur_noun_is_rejected(text, rule):
    assert (rule, "reject") in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ermeni asıllı yazarın kitabı çıktı",
        "Suriyeli mülteciler sınırda bekliyor",
        "Kürt kızı şarkısını çok severim",
        "Alman kurdu köpeği besliyorum",
        "Türkler domuz eti yemez",
        "Arapların köpeği kaybolmuş",
        "Yerli Türk tohumu ekildi",
        "Kurt kopegi cinsleri",
        "Döl yatağı kanseri taraması ücretsiz",
        "Köpeği gezdirdim, iti sokakta gördüm",
        "Ermeniler geldi, kahrolsun terör dediler",
    ],
)
def test_peoples_and_slur_nouns_apart_are_clean(text):
    assert not {rule for rule, _ in rules(text)} & {"insult", "belief_attack", "profanity"}


@pytest.mark.parametrize("text", ["@mk", "@mk bu ne ya", "@USER @amk", "Sen @mk", "@piç"])
def test_swearing_written_as_a_mention_is_profanity(text):
    assert ("profanity", "reject") in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "@USER haklısın",
        "@amkara_spor maç saat kaçta?",
        "@mkoc bu haber doğru mu?",
        "@Dick thanks for the link",
        "@sikkeci koleksiyon harika",
    ],
)
def test_user_names_that_start_like_swearing_are_mentions(text):
    assert not {rule for rule, _ in rules(text)} & {"profanity", "insult"}


@pytest.mark.parametrize(
    "text",
    [
        "you are a worthless piece of shit",
        "you're a useless piece of garbage",
        "ur such a stupid pig",
        "your a worthless idiot",
        "you are a disgusting pig and a liar",
        "you stupid little shit",
        "you are a complete waste of space",
    ],
)
def test_what_the_reader_is_called_is_aimed(text):
    assert {"reject"} & {severity for rule, severity in rules(text) if rule != "hurtful"}


@pytest.mark.parametrize(
    "text",
    [
        "Are you a pig farmer?",
        "you are a pig farmer, right?",
        "Are you the snake handler from the zoo?",
        "you are a trash collector and proud of it",
        "The new stadium is a waste of space",
    ],
)
def test_a_word_that_only_describes_something_else_is_not_what_the_reader_is_called(text):
    assert not rules(text)


@pytest.mark.parametrize(
    "text",
    ["Suriyeliler için lanet olsun bu savaşa", "kahrolsun israil", "Kürtler. Ölsün diyen utansın"],
)
def test_a_curse_not_beside_a_people_is_no_insult(text):
    assert "insult" not in {rule for rule, _ in rules(text)}
