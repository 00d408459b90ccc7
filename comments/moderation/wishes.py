"""English death wishes aimed at people: "I hope your whole family dies", "hope they all die".

A wish word, then the person it is aimed at, then a death word, in one sentence, with only
small words between them (``lexicons/death_wishes.txt`` holds the words):

* the wish comes first (``hope``, ``wish``, ``pray``, ``may``), with at most three small words
  before the person (``I hope that all of you die``, ``pray to god they die``);
* the person is a pronoun (``you``, ``they``, ``he``) or a possessive and a word for people
  within two words (``your whole family``, ``their kids``): ``I hope your phone dies`` is
  no death wish;
* the death word follows within three small words (``they all just die``, ``you drop dead``,
  ``you get cancer``), and more people may stand between (``you and your kids die``); words
  that need a passive before them (``killed``, ``cancer``) count after ``get``, ``be`` and
  the like;
* or the person comes first and an obligation after it (``they should all die``, ``your
  family deserves to die``, ``people like you should be killed``);
* a negation anywhere between cancels it (``I hope you don't die``, ``I hope nobody dies``),
  as does a word that makes the death word mean something else (``dies down``, ``die-hard``).

Turkish mostly says the wish in the verb (``ölsün``, ``gebersin``): those are entries of
``hurtful.txt``. A wish word and the aorist of ``ölmek`` a few words on are one too
(``umarım ailen ölür``, ``inşallah hepsi ölürler``), written with its Turkish letters: ASCII
``insallah olur`` is "hopefully it will be"; not ``ölürüm`` (``senin için ölürüm`` is love) nor
``ölürse``. So is a wish word and an illness said to befall someone (``inşallah kanser
olursun``, ``umarım felç olur``), but not a condition (``kanser olursa``) nor a warning without a
wish (``sigara içersen kanser olursun``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .lexicon import LEXICON_DIR
from .text import Token, capitalised, normalise_word

#: Words that may stand between the wish and the person ("I hope that all of you die", "I'd
#: love to see you beaten", "I hope the whole lot of them burn").
_BEFORE_TARGET = frozenset(
    "that all of to god lord really truly and both the whole lot rest see watch".split()
)
#: After these between the wish and the person, a passive death word needs no "get" or "be"
#: ("I'd love to see you beaten").
_WATCHING = frozenset({"see", "watch"})
#: Words that may stand between the person and the death word ("they all just die").
_BEFORE_DEATH = frozenset(
    "all both whole will would could should just and of get gets got to go ll d s re were was "
    "be then already soon slowly painfully horribly too also really finally fucking drop one "
    "day eventually love loves lined up rounded taken out dragged".split()
)
_PASSIVE = frozenset("get gets got getting be been being is are was were".split())
#: Between a passive and its death word: "be lined up and shot", "get dragged out and hanged".
_THEN_PASSIVE = frozenset("lined rounded taken dragged up out and".split())
_SENTENCE_BREAKS = frozenset(".!?;:\n")
MAX_BEFORE_TARGET = 4
MAX_BEFORE_PERSON = 2  # words between a possessive and the word for people
MAX_BEFORE_DEATH = 4


@dataclass(frozen=True)
class DeathWishWords:
    wish: frozenset[str]
    must: frozenset[str]  # "you should die", "your family deserves to die"
    target: frozenset[str]
    possessive: frozenset[str]
    person: frozenset[str]
    death: frozenset[str]
    passive_death: frozenset[str]  # death words that count after a passive (get killed)
    negation: frozenset[str]
    not_a_death: frozenset[str]  # "dies down", "hang in": death word and the next word
    caller: frozenset[str]  # "someone should shoot the editor": who is called on to harm
    harm: frozenset[str]  # what they are called on to do
    role: frozenset[str]  # whom, besides pronouns, family and names ("the referee")
    affliction: frozenset[str]  # "I wish cancer on your family"


@cache
def death_wish_words(path: Path = LEXICON_DIR / "death_wishes.txt") -> DeathWishWords:
    """The sections of ``death_wishes.txt`` (``[wish]``, ``[target]``...) as sets of words."""
    sections: dict[str, set[str]] = {}
    current = None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1], set())
                continue
            if current is None:
                raise ValueError(f"{path}: a word before any [section]: {line!r}")
            word, _, option = line.partition(";")
            word = normalise_word(word.strip())
            if option.strip() == "passive":
                sections.setdefault("passive death", set()).add(word)
            current.add(word)
    return DeathWishWords(
        *(
            frozenset(sections.get(name, ()))
            for name in (
                "wish",
                "must",
                "target",
                "possessive",
                "person",
                "death",
                "passive death",
                "negation",
                "not a death",
                "caller",
                "harm",
                "role",
                "affliction",
            )
        )
    )


def death_wishes(text: str, words: list[Token]) -> list[tuple[int, int]]:
    """The death wishes of ``words`` (the words of ``text``), English and Turkish, as (first,
    last) word indexes."""
    lists = death_wish_words()
    folds = [w.fold for w in words]
    present = set(folds)
    found: list[tuple[int, int]] = []
    if not _TURKISH_WISHES.isdisjoint(present):
        found += _turkish_death_wishes(text, words)
    if lists.wish.isdisjoint(present) and lists.must.isdisjoint(present):
        return found
    for i, word in enumerate(folds):
        watching = False
        if word in lists.wish:  # I hope [person] ... die
            first, person = i, _person_after(folds, i, lists)
            watching = person is not None and not _WATCHING.isdisjoint(folds[i:person])
            if person is None:
                last = _affliction_on(folds, i, lists)  # I wish cancer on [person]
                if last is not None and not _breaks(text, words, i, last):
                    found.append((i, last))
                continue
        elif word in lists.must:  # [person] should ... die
            last = _harm_called_for(text, words, folds, i, lists)
            if last is not None:  # someone should shoot [person]
                found.append((i - 1, last))
                continue
            first, person = _person_before(folds, i, lists), i
        else:
            continue
        if first is None or person is None:
            continue
        last = _death_after(folds, person, lists, watching)
        if last is None or any(folds[j] in lists.negation for j in range(first, last)):
            continue
        if _breaks(text, words, first, last):
            continue
        found.append((first, last))
    return found


def _breaks(text: str, words: list[Token], first: int, last: int) -> bool:
    """Does a sentence end between words ``first`` and ``last``?"""
    return any(ch in _SENTENCE_BREAKS for ch in text[words[first].end : words[last].start])


#: Small words between "should" and the harm ("someone should just go and shoot him", "someone
#: needs to shoot him").
_BEFORE_HARM = frozenset("just really go and to finally need ought".split())
_ARTICLES = frozenset({"the", "that", "this"})
_NOT_WISHING = frozenset("not never don dont wouldn wouldnt won wont didn didnt".split())


def _harm_called_for(
    text: str, words: list[Token], folds: list[str], must: int, lists: DeathWishWords
) -> int | None:
    """``someone should shoot the editor``, ``they should hang him``: a caller right before
    ``should``, a harm after it, and a person harmed right after the harm (a pronoun, a
    possessive and a word for people, a role, a name); ``put a bullet in his head`` too. The
    harm's last word index, or ``None`` (``we should kill the bill``)."""
    if must == 0 or folds[must - 1] not in lists.caller:
        return None
    n = len(folds)
    k = must + 1
    while k < n and folds[k] in _BEFORE_HARM and k - must <= 3:
        k += 1
    if k >= n:
        return None
    if folds[k] == "put" and folds[k + 1 : k + 4] in (
        ["a", "bullet", "in"],
        ["a", "bullet", "through"],
    ):
        k += 3
    elif folds[k] not in lists.harm:
        return None
    victim = k + 1
    if victim < n and folds[victim] in _ARTICLES | lists.possessive:
        victim += 1
        if victim < n and (folds[victim] in lists.role or folds[victim] in lists.person):
            if not _harmed(text, words, folds, victim):
                return None  # "hang the author's portrait", "kill the president off"
            return None if _breaks(text, words, must, victim) else victim
        if folds[k] in ("in", "through") and folds[victim - 1] in lists.possessive:
            return None if _breaks(text, words, must, victim) else min(victim, n - 1)
        return None
    if victim >= n:
        return None
    word = words[victim]
    named = capitalised(word.text) and _ends_name(folds, victim)
    if folds[victim] in lists.target or folds[victim] in lists.role or named:
        if not _harmed(text, words, folds, victim):
            return None
        return None if _breaks(text, words, must, victim) else victim
    return None


#: Words after a name that leave it the one harmed ("someone should shoot Smith in the head",
#: "kill Jones and his men"); any other word makes the capitalised word something else: a
#: program, a city, a season ("you should kill Chrome before updating", "shoot Paris at night",
#: "hang Christmas lights").
_AFTER_NAME = frozenset("in with for and dead already too right now on sight".split())


def _ends_name(folds: list[str], index: int) -> bool:
    """Does the name at ``index`` end the clause, or stand before a word that keeps it the one
    harmed?"""
    following = index + 1
    return following >= len(folds) or folds[following] in _AFTER_NAME


#: Days and phrases after a harm word that tell of a match, an election or a debate: "I hope
#: they choke on Sunday", "we should murder them on the pitch", "kill them at the polls".
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CONTESTS = frozenset(
    "pitch field court ice track polls ballot election vote debate final semi match game "
    "derby league table scoreboard".split()
)


#: Death words that also tell of losing a match ("choke", "beaten", "crash").
_SPORTING = frozenset("choke chokes beaten butchered crash crashes".split())


def in_a_contest(folds: list[str], index: int, *, days: bool = False) -> bool:
    """Do the words from ``index`` name a contest ("on the pitch", "at the polls", "in the
    final") or, with ``days``, a day ("on Sunday")?"""
    if index + 1 >= len(folds) or folds[index] not in ("on", "at", "in"):
        return False
    if days and folds[index + 1] in _DAYS:
        return True
    return folds[index + 1] == "the" and index + 2 < len(folds) and folds[index + 2] in _CONTESTS


def _harmed(text: str, words: list[Token], folds: list[str], victim: int) -> bool:
    """Is the person at ``victim`` the one harmed: not the owner of what is harmed ("hang the
    author's portrait", "shoot the minister's portrait"), nor a character killed off ("kill the
    president off in the next season"), nor a side beaten in a contest ("murder them on the
    pitch")?"""
    following = victim + 1
    if following >= len(folds):
        return True
    if folds[following] == "off" or in_a_contest(folds, following):
        return False
    between = text[words[victim].end : words[following].start]
    return not (folds[following] == "s" and between in ("'", "’"))


def _affliction_on(folds: list[str], wish: int, lists: DeathWishWords) -> int | None:
    """``I wish cancer on your whole family``: right after the wish an affliction, ``on`` and
    a person; the person's index, or ``None``."""
    n = len(folds)
    k = wish + 1
    if k + 1 >= n or folds[k] not in lists.affliction or folds[k + 1] not in ("on", "upon"):
        return None
    if not _NOT_WISHING.isdisjoint(folds[max(0, wish - 2) : wish]):
        return None  # "I wouldn't wish cancer on anyone"
    return _person_after(folds, k + 1, lists)


#: Turkish wish words (folded), and how far the aorist of ölmek may stand after them.
_TURKISH_WISHES = frozenset({"insallah", "umarim", "dilerim"})
_TURKISH_DEATH = "ölür"
_TURKISH_NOT_DEATH = ("ölürüm", "ölürüz", "ölürse", "ölürsem", "ölürsek")
#: Illnesses (folded) wished on someone with the aorist of olmak after them ("kanser olursun").
_TURKISH_ILLNESSES = frozenset({"kanser", "felc", "kor"})
_TURKISH_BECOME = "olur"
_TURKISH_NOT_BECOME = ("olurum", "oluruz", "olursa", "olursam", "olursak")
MAX_BEFORE_TURKISH_DEATH = 4


def _turkish_death_wishes(text: str, words: list[Token]) -> list[tuple[int, int]]:
    """``umarım ailen ölür``: a wish word, then within a few words of the same sentence the
    aorist of ``ölmek`` for someone else, as (first, last) word indexes."""
    found: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word.fold not in _TURKISH_WISHES:
            continue
        for k in range(i + 1, min(len(words), i + 2 + MAX_BEFORE_TURKISH_DEATH)):
            if any(ch in _SENTENCE_BREAKS for ch in text[words[k - 1].end : words[k].start]):
                break
            if _is_death(words[k].squeezed) or (
                words[k - 1].fold in _TURKISH_ILLNESSES and _is_becoming_ill(words[k].squeezed)
            ):
                found.append((i, k))
                break
    return found


def _is_death(word: str) -> bool:
    return word.startswith(_TURKISH_DEATH) and not word.startswith(_TURKISH_NOT_DEATH)


def _is_becoming_ill(word: str) -> bool:
    return word.startswith(_TURKISH_BECOME) and not word.startswith(_TURKISH_NOT_BECOME)


def _person_after(folds: list[str], wish: int, lists: DeathWishWords) -> int | None:
    """The index of the person a wish at ``wish`` is aimed at: a pronoun, or a possessive
    and a word for people (the latter's index), after at most a few small words."""
    n = len(folds)
    i = wish + 1
    skipped = 0
    while i < n and folds[i] not in lists.target and folds[i] not in lists.possessive:
        if folds[i] not in _BEFORE_TARGET or skipped == MAX_BEFORE_TARGET:
            return None
        skipped += 1
        i += 1
    if i >= n:
        return None
    if folds[i] in lists.possessive:
        end = min(n, i + 2 + MAX_BEFORE_PERSON)
        return next((k for k in range(i + 1, end) if folds[k] in lists.person), None)
    return i


def _person_before(folds: list[str], must: int, lists: DeathWishWords) -> int | None:
    """The index where the person before ``should`` (or ``deserves``) starts: a pronoun
    (``they should all die``), or a possessive and a word for people (``your family deserves
    to die``), with at most a few small words between; ``None`` when there is none."""
    i = must - 1
    skipped = 0
    while i >= 0 and folds[i] in _BEFORE_DEATH and skipped < MAX_BEFORE_TARGET:
        skipped += 1
        i -= 1
    if i < 0:
        return None
    if folds[i] in lists.target:
        return i
    if folds[i] in lists.person:
        start = max(-1, i - 2 - MAX_BEFORE_PERSON)
        return next((k for k in range(i - 1, start, -1) if folds[k] in lists.possessive), None)
    return None


def _death_after(
    folds: list[str], person: int, lists: DeathWishWords, watching: bool = False
) -> int | None:
    """The index of the death word after the person at ``person``, after at most a few small
    words; more people may stand between ("you and your kids die"). ``watching``: a passive
    death word may follow the person directly ("I'd love to see you beaten")."""
    n = len(folds)
    people = lists.target | lists.possessive | lists.person
    small = 0
    for k in range(person + 1, n):
        word = folds[k]
        if word in people:
            continue
        if word in lists.death:
            if word in lists.passive_death and not _after_passive(folds, k):
                if not (watching and k == person + 1):
                    return None
            if k + 1 < n and f"{word} {folds[k + 1]}" in lists.not_a_death:
                return None
            if word in _SPORTING and in_a_contest(folds, k + 1, days=True):
                return None  # "I hope they choke on Sunday", not "I hope you die on Sunday"
            return k
        small += 1
        if word not in _BEFORE_DEATH or small > MAX_BEFORE_DEATH:
            return None
    return None


def _after_passive(folds: list[str], k: int) -> bool:
    """Does a passive ("get", "be") stand before the death word at ``k`` ("get shot", "be
    lined up and shot")?"""
    j = k - 1
    while j > 0 and folds[j] in _THEN_PASSIVE:
        j -= 1
    return folds[j] in _PASSIVE
