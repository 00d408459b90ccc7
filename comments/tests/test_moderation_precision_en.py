"""English moderation, round 13 (precision): round 12's words in their ordinary senses give no
reason, while the offence they were added for is still caught. Each tightened condition is
tested from both sides."""

import pytest

from comments.moderation import Engine
from comments.moderation.findings import BELIEF_ATTACK, HURTFUL, INSULT, PROFANITY
from comments.moderation.rules.belief import _predicate
from comments.moderation.wishes import in_a_contest

RULES_ONLY = Engine(use_model=False)


def rule_names(text):
    return {f.rule for f in RULES_ONLY.moderate(text, lang="en").findings}


# --- Hurtful phrases: said to or of a person, not the same words about things -------------------


@pytest.mark.parametrize(
    "clean, hurtful",
    [
        # "you" and "your" whole, not the start of "youth" or "young"
        ("Sadly nobody cares about youth football funding anymore.", "Nobody cares about you."),
        ("No one cares what young voters think until election day.", "No one cares what you say."),
        (
            "Nobody cares about your pension until it is too late.",
            "Nobody cares about your opinion.",
        ),
        # things one is better off without
        (
            "Schools are better off without them, phones belong in lockers.",
            "We are all better off without you.",
        ),
        # a call to jump, not the news of someone jumping
        (
            "A man threatened to jump off a bridge and police talked him down.",
            "Go jump off a cliff.",
        ),
        ("A witness saw a man jump in front of a train.", "You should jump in front of a train."),
        ("The hostages were left to rot in jail without a trial.", "Go rot in a cell, creep."),
        # "that" job insinuates; reaching a final does not
        (
            "We all know how he got to the final: brilliant defending.",
            "We all know how he got that contract.",
        ),
        (
            "The baby slept her way through the whole christening.",
            "She slept her way into Congress.",
        ),
        (
            "He slept his way across the Atlantic on the night flight.",
            "He slept his way up the ladder.",
        ),
        # what someone does with children, not with the ball or the donations
        (
            "He really knows what he does with the ball at his feet.",
            "We know what she does with little girls.",
        ),
        (
            "Nobody knows what he does with the donations, publish the accounts.",
            "Ask what he does with kids.",
        ),
        # wiped off the earth: people, not graffiti, debts or a village in a tsunami
        (
            "The graffiti should be wiped off by the council this week.",
            "They should be wiped off the face of the earth.",
        ),
        (
            "The village was wiped off the face of the earth by the tsunami.",
            "Wipe them off the map.",
        ),
        ("Muddy boots? Wipe them off before you come inside.", "Wipe them off the earth."),
        # asked to do something
        (
            "Nobody asked you to pay for it, the council covered the bill.",
            "Shut up, nobody asked you.",
        ),
    ],
)
def test_hurtful_phrases_count_only_of_people(clean, hurtful):
    assert rule_names(clean) == set()
    assert HURTFUL in rule_names(hurtful)


@pytest.mark.parametrize(
    "text",
    [
        "The hotel was a bit basic, if you know what I mean.",
        "Wink Wink is the name of their new single.",
    ],
)
def test_a_wink_on_its_own_says_nothing_of_anyone(text):
    assert rule_names(text) == set()


# --- Death and harm wishes: the same words in sport and everyday use -----------------------------


@pytest.mark.parametrize(
    "clean, hurtful",
    [
        (
            "I'd love to see them beaten in the final by the underdogs.",
            "I'd love to see you beaten to a pulp.",
        ),
        ("I hope they get beaten at home on Saturday.", "I hope you get beaten."),
        ("I hope the hecklers get drowned out by the applause.", "I hope you get drowned."),
        ("I hope the fans get gassed up for the derby.", "I hope they all get gassed."),
        (
            "I want to see them butchered in the polls by the voters.",
            "I want to see them butchered.",
        ),
        ("I hope you burn your old bank statements.", "I hope you burn in hell."),
        (
            "I hope you burn plenty of calories on the new cycle path.",
            "I hope the whole lot of them burn alive.",
        ),
        ("I hope you crash at ours when you are next in town.", "I hope your plane crashes."),
        ("I hope they choke on Sunday, we are due a win.", "I hope you choke on it."),
    ],
)
def test_death_words_in_sport_and_everyday_use_are_no_wish(clean, hurtful):
    assert rule_names(clean) == set()
    assert HURTFUL in rule_names(hurtful)


def test_a_day_ends_only_a_sporting_death_word():
    # "choke on Sunday" is a match lost; "die on Sunday" is still a death.
    assert HURTFUL in rule_names("I hope you die on Sunday.")
    assert HURTFUL in rule_names("Someone should kill him on Sunday.")


@pytest.mark.parametrize(
    "clean, hurtful",
    [
        # a capitalised word before another word is a program, a city, a season: not a person
        ("You should kill Chrome before installing the update.", "Someone should shoot Smith."),
        ("You should shoot Manhattan at dawn, the light is amazing.", "They should kill Trump."),
        (
            "We should hang Christmas lights on the high street.",
            "Somebody should shoot Jones in the head.",
        ),
        (
            "They should kill Brexit before it does more damage.",
            "They should hang Johnson and his cronies.",
        ),
        # the person owns what is harmed, or is a character killed off
        ("We should hang the author's portrait in the library.", "We should hang the author."),
        (
            "Someone should shoot the minister's official portrait again.",
            "Someone should shoot the minister.",
        ),
        (
            "They should kill the president off in the next season.",
            "They should kill the president.",
        ),
        # a contest
        (
            "We should murder them on the pitch on Saturday, says the captain.",
            "We should murder them.",
        ),
    ],
)
def test_harm_called_for_on_a_person_not_on_a_thing(clean, hurtful):
    assert rule_names(clean) == set()
    assert HURTFUL in rule_names(hurtful)


def test_contests_and_days():
    assert in_a_contest("we beat them on the pitch".split(), 3)
    assert in_a_contest("kill them at the polls".split(), 2)
    assert not in_a_contest("they choke on sunday".split(), 2)
    assert in_a_contest("they choke on sunday".split(), 2, days=True)
    assert not in_a_contest("choke on it".split(), 1, days=True)


# --- Faiths beside round 12's demeaning words ----------------------------------------------------


@pytest.mark.parametrize(
    "clean, attack",
    [
        # a noun opening the sentence is no call: a call's object follows the verb at once
        ("Disease spread quickly through the Buddhist monastery.", "Burn all the Bibles."),
        (
            "Animals of the Bible is a lovely picture book for children.",
            "Burn every Quran you can find.",
        ),
        ("Monkeys roam freely around the Hindu temples of Jaipur.", "Nuke every mosque."),
        ("Pigs are considered unclean in Islam and Judaism.", "Muslims are pigs."),
        (
            "Toilet paper ran out at the Sikh temple's community kitchen.",
            "The Bible is toilet paper.",
        ),
        # after the faith: said of it with "to be", not the object of another verb
        ("The Islamic world is fighting the disease with vaccines too.", "Islam is a disease."),
        (
            "Religion is no cure for mental illness, but it helps some people.",
            "Christianity is a mental illness.",
        ),
        ("Muslims are told that dogs are unclean in some traditions.", "Muslims are dogs."),
        (
            "The Catholic charity cleared the filth left by the floodwater.",
            "The Quran is a book of filth.",
        ),
        ("The church roof was filthy after the fire.", "Catholics are filthy."),
        (
            "The Christian charity helps people brainwashed by extremists.",
            "Christians are brainwashed idiots.",
        ),
        (
            "The Catholic Church used to control the media in Ireland.",
            "Jews control the banks and the media.",
        ),
    ],
)
def test_demeaning_words_count_only_when_said_of_the_faith(clean, attack):
    assert rule_names(clean) == set()
    assert BELIEF_ATTACK in rule_names(attack)


@pytest.mark.parametrize(
    "between, said",
    [
        (["is", "a"], True),
        (["is", "nothing", "but", "a"], True),
        (["are", "soulless"], True),
        (["should", "all", "be"], True),
        (["is", "no", "cure", "for"], False),
        (["is", "fighting", "the"], False),
        (["roof", "was"], False),
        (["are", "told", "that"], False),
        (["used", "to"], False),
    ],
)
def test_what_is_said_of_a_faith(between, said):
    assert _predicate(between) is said


# --- Allow-list: round 12's insults and swear words inside innocent words ----------------------


@pytest.mark.parametrize(
    "clean, offensive, rule",
    [
        ("Iodine deficiency still causes cretinism.", "This columnist is an utter cretin.", INSULT),
        (
            "The ark was built of shittim wood, according to Exodus.",
            "Shitty journalism.",
            PROFANITY,
        ),
        ("Shitterton is a small hamlet in Dorset.", "What a shitty decision.", PROFANITY),
        ("There were chinks between the boards.", "The chinks started the virus.", PROFANITY),
        ("We heard the chinks of glasses next door.", "Go home, chinks.", PROFANITY),
        (
            "The effing and blinding in the House was reported.",
            "Effing idiots, the lot of you.",
            PROFANITY,
        ),
    ],
)
def test_allowed_phrases_of_round_13(clean, offensive, rule):
    assert rule_names(clean) == set()
    assert rule in rule_names(offensive)


def test_a_curse_in_title_case_is_a_title_not_said_of_a_name():
    assert rule_names("I just finished Nobody Cares About Your Pension, a funny book.") == set()
    assert HURTFUL in rule_names("Honestly, nobody cares Mark.")
    # Turkish keeps the name beside a capitalised curse ("Bence Kahrolsun Ahmet").
    assert HURTFUL in {
        f.rule for f in RULES_ONLY.moderate("Bence Kahrolsun Ahmet", lang="tr").findings
    }
