"""English moderation, round 12: harm called for or wished on people, insinuations, attacks on
faiths said as "X is a disease" or as calls to burn holy books, swearing spelled out, quoted
speech, and the near misses of every new word (allow-list phrases, animals, plants, news)."""

import pytest

from comments.moderation import Engine
from comments.moderation.context import Context
from comments.moderation.lexicon import default_lexicon, parse_entry

RULES_ONLY = Engine(use_model=False)


def rules(text):
    return {(f.rule, f.severity) for f in RULES_ONLY.moderate(text, lang="en").findings}


def rule_names(text):
    return {rule for rule, _ in rules(text)}


# --- Harm called for or wished on a person -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I hope you choke on it",
        "I hope she chokes on her lies",
        "I hope you and everyone you love dies",
        "Someone should shoot the editor",
        "somebody should hang him",
        "Someone should put a bullet in his head",
        "Somebody should just go and stab that journalist",
        "You deserve to be raped",
        "People like him should be lined up and shot",
        "Migrants like you should be drowned in the sea",
        "I'd love to see you beaten to a pulp",
        "I hope your plane crashes",
        "I hope the whole lot of them burn alive",
        "I wish cancer on your whole family",
        "Your mother should have aborted you",
        "Nobody would miss you if you were gone",
        "The world would be better off without you",
        "Go jump off a bridge",
        "You and your kind should be wiped off the earth",
    ],
)
def test_harm_wished_or_called_for_on_people_is_hurtful(text):
    assert ("hurtful", "review") in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hope England don't choke in the final again",
        "I nearly choked on my tea when I read the price",
        "I hope they burn the midnight oil and finish the bridge on time",
        "We should kill the bill before it reaches the Senate",
        "They should shoot the film in Cappadocia, the light is perfect",
        "You should shoot the photos at sunset",
        "Someone should hang the new flag outside the town hall",
        "I wouldn't wish cancer on anyone, it took my father",
        "I'd love to see you at the match on Saturday",
        "The surgeon removed a bullet from his chest",
        "The world would be better off without nuclear weapons",
        "I hope your flight lands safely, have a good holiday",
        "People like you should be given a medal for this reporting",
        "I hope they know people die every day on that road",
        "The gunman put a bullet in the ceiling before he fled",
        "Those photos were taken out in the rain and dried later",
    ],
)
def test_near_misses_of_harm_words_are_clean(text):
    assert not rule_names(text) & {"hurtful", "insult"}


@pytest.mark.parametrize(
    "text",
    [
        "We all know how she got that promotion",
        "Everyone knows what he does with little boys",
        "She slept her way to the top",
        "Nobody cares what you think",
        "nobody asked you",
    ],
)
def test_insinuations_and_put_downs_are_hurtful(text):
    assert ("hurtful", "review") in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "THE GOVERNMENT HAS RUINED THE COUNTRY AND NOBODY CARES",
        "Nobody cares about the poor in this country, and it shows",
        "We all know why prices are rising: the war and the drought",
        "Everyone knows how the story ends",
    ],
)
def test_near_misses_of_the_put_downs_are_not_hurtful(text):
    assert "hurtful" not in rule_names(text)


# --- Attacks on faiths --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Islam is a disease",
        "Christianity is a mental illness",
        "Burn all the Bibles",
        "Burn every Quran you can find.",
        "Every mosque should be bulldozed",
        "The Quran is a book of filth",
        "Jews control the banks and the media",
        "Muslims are rats breeding in our cities",
        "Muslims are animals",
        "Your god is a fairy tale for morons",
        "Buddhism is a cult for losers",
        "Sikhs are dirty towelheads",
        "The Bible is toilet paper",
    ],
)
def test_attacks_on_faiths_are_belief_attacks(text):
    assert "belief_attack" in rule_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "The terrorist who attacked the synagogue was shot dead by police",
        "Terrorists attacked a mosque in Christchurch, killing fifty-one people",
        "The disease spread quickly through the church congregation",
        "Arsonists tried to burn the church down last night",
        "Rats were found in the kitchen of a restaurant near the mosque",
        "The church was bulldozed in 1965 to make way for the motorway",
        "Mental illness is not a sin, said the pastor",
        "Burn the old leaves in autumn, not in summer",
        "Islam is the second largest religion in the world",
        "Sikhs wear turbans as an article of faith",
        "Buddhism is growing in popularity in Europe",
        "The media in Turkey is controlled by a few big companies",
        "Muslims and Christians prayed together after the earthquake",
    ],
)
def test_faiths_in_the_news_are_no_belief_attack(text):
    assert not rule_names(text) & {"belief_attack", "hurtful", "insult", "profanity"}


# --- Swearing, insults and slurs -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "eff off, nobody asked you",
        "Go f yourself.",
        "what a clusterfuck of a budget",
        "fook off",
        "bollocks, the lot of it",
        "This paper is full of sh-t.",
    ],
)
def test_swearing_spelled_out_or_disguised_is_profanity(text):
    assert "profanity" in rule_names(text)


@pytest.mark.parametrize(
    "text, rule",
    [
        ("You absolute muppet.", "insult"),
        ("This columnist is an utter cretin.", "insult"),
        ("Keep typing, numbnuts.", "insult"),
        ("Nobody cares what you think, you useless twit.", "insult"),
        ("You ugly cow.", "insult"),
    ],
)
def test_english_insults(text, rule):
    assert rule in rule_names(text)


@pytest.mark.parametrize(
    "text",
    ["Go home, you paki.", "The chinks started the virus.", "That wetback should be deported."],
)
def test_slurs_on_peoples_are_rejected(text):
    assert ("profanity", "reject") in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Muppets are back on television",
        "Twitter changed its name to X",
        "Tourism is a cash cow for the city",
        "Defence spending is a sacred cow in Washington",
        "There is a chink in the armour of the champions",
        "A chink of light came through the curtains",
        "Pakistan beat India in the cricket",
        "The effect of the policy is unclear",
        "Cretaceous fossils were found near the coast",
        "Lunch at Fook Wah Restaurant was great",
        "The lorry hit a bollard outside the station",
        "Ships must give way to the right, the shipping rules say",
    ],
)
def test_near_misses_of_the_new_words_are_clean(text):
    assert not rule_names(text) & {"profanity", "insult", "hurtful", "belief_attack"}


# --- The allow-list's phrases and quoted speech --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A pair of blue tits nest in our garden every year",
        "The pussy willow is blooming early this year",
        "Whore of Babylon is a figure from the Book of Revelation",
        "Our bitch gave birth to six healthy puppies last night",
        "Retarded growth in tomato plants is usually a nitrogen problem",
        "Shut up and take my money, this phone looks amazing",
        "A stupid question, I know, but when does the metro open?",
        "What a stupid mistake by the defender, it cost us the match",
        "Niggardly is an old word for stingy",
    ],
)
def test_phrases_of_the_allow_list_are_clean(text):
    assert not rule_names(text) & {"profanity", "insult", "hurtful", "belief_attack"}


@pytest.mark.parametrize(
    "text",
    [
        "Tits up, the whole project",
        "You stupid bitch",
        "Shut up, nobody asked you",
        "Are you mentally retarded?",
        "What a stupid question, are you an idiot?",
    ],
)
def test_the_same_words_outside_the_allowed_phrases_still_count(text):
    assert rule_names(text) & {"profanity", "insult", "hurtful"}


def test_an_allowed_phrase_covers_only_its_own_words():
    context = Context.build("blue tits and tits", "en", default_lexicon())
    assert [hit.first for hit in context.profanity] == [3]


@pytest.mark.parametrize(
    "text",
    [
        'The minister reportedly called the protesters "idiots", which caused outrage.',
        'He was accused of calling his colleague a "moron" in a leaked email.',
        'The word "bastard" originally meant a child born outside marriage.',
        '"Go to hell!" the protester shouted at the police.',
        "The mayor was described as a “clown” by his own party.",
    ],
)
def test_words_quoted_as_reported_speech_are_not_the_commenter_s(text):
    assert not rule_names(text) & {"profanity", "insult", "hurtful"}


@pytest.mark.parametrize(
    "text, rule",
    [
        ('You are an "idiot".', "insult"),
        ('Go to hell, "journalist".', "hurtful"),
        ('"Fuck you" is all I have to say to the editor.', "profanity"),
        ('The term parasite has been added to my list of "fuck you" terms.', "profanity"),
        ('He called me a "faggot" in the street.', "profanity"),
    ],
)
def test_quotes_without_reported_speech_and_quoted_slurs_still_count(text, rule):
    assert rule in rule_names(text)


def test_the_slur_option_is_parsed():
    assert parse_entry("kike ; en name slur").slur
    assert not parse_entry("idiot*").slur
