"""Turkish letters for text typed in plain ASCII (``cok guzel`` → ``çok güzel``), on a dictionary.

A word lacks Turkish letters only when the Turkish word table (:mod:`.dictionary`, built from
``hunspell-tr`` with every suffix) has forms with Turkish letters for its ASCII spelling and
the choice among them is clear:

* one form (``dogru`` → ``doğru``), or one used much more often than the others in Turkish
  tweets (``cok`` → ``çok`` rather than ``cök``). An ASCII spelling that is itself a word
  (``harika``, ``olur``, ``sanki``) never counts as a missing letter; the suggestion restores
  it only when the context or the counts clearly call for the other form (``su`` → ``şu`` in
  ``su an``);
* the words around may call for another form: Zemberek-NLP's bigram language model, stored
  as the pairs that change the choice (``bol su``, ``şu an``, ``sakın ha``), or the pairs of
  the tweets unless the model's lean the other way (``su kemeri``: water, though the tweets
  start a sentence with ``Şu``). Such a choice is a guess: it is offered, never counted as
  sure; a stem used more (``sınır``) never outweighs a form the model prefers (``sinirim``).
  So are forms too
  rare in the tweets chosen by the model's counts (``kitabımızın``) and the names and words
  only Zemberek's lists know (``Katırcıoğlu``, ``görüyosunuz``);
* a word missing from the table but starting with a known stem is restored with its suffixes
  in vowel harmony (``yapisinda`` → ``yapısında``), without counting as a missing letter; so
  are words typed together when each is a clear word, the first a common one
  (``kacbintane`` → ``kaçbintane``, ``#canlibahis``; a short last part may be a spoken suffix
  and is not read as a word: ``sorcak``), a word with the question particle typed onto it
  (``hazirmi`` → ``hazırmı``; after a finite verb its ``s`` is no -mış: ``okurmusun``, not
  ``okurmuşun``, while a root in -r takes -mış: ``kurmuşunuz``) and the spoken present tense
  as its written form
  (``akmiyo`` as ``akmıyor``) or a vowel raised before the future's -cAk (``siginicaklari`` as
  ``sığınacakları``), and suffixes after a known stem include -laş/-leş (``kapitalleşiyor``);
* otherwise (a name, a foreign word, a typo, a choice the engine is unsure of): the word is
  left alone. A word the table lacks is not guessed at when it is an English word
  (``sales``, not ``şales``) or its vowels meet as Turkish words' rarely do (``selfie``);
* a name of the story the comment is about is written as the story writes it (``Ozdemir`` →
  ``Özdemir``, ``Washington`` stays), and a capitalised word inside a sentence may be a name:
  neither counts as a missing letter, and a word the dictionary does not know stays as typed
  (``Washington``, ``Rabbim``), as does one whose spelling as typed is a known name or a form
  not far rarer than the others (``Ahmet Sik``); a name only Zemberek's lexicon knows with
  Turkish letters is restored (``Turkiye`` → ``Türkiye``); suffixes typed onto a name the
  table spells without Turkish letters follow its vowels, the name as typed (``Kurani
  Kerim`` → ``Kuranı``, ``Ayasofyayi`` → ``Ayasofyayı``; ``Oguzhanin`` stays). A list
  item's number starts a sentence (``2- Öğle yemeği``); a capital after three spaces (a line
  break flattened, in a text that does not space all its words so; a dash of a dialogue or a
  list may follow them: ``   -Şu sözü``) is restored as a word but never counted as a
  missing letter; in a text in title case or in capitals a capital says nothing of a name;
  the user name of a pasted retweet (``RT gurselgil:``) is left alone;
* a suffix after an apostrophe, or typed apart after a quote, follows the vowel of the word
  before it (``Erdogan'in`` → ``Erdoğan'ın``, ``Burhan ‘in`` → ``Burhan ‘ın``), or after a
  number the vowel of its last word read aloud (``3'uncu`` → ``3'üncü``, ``1990'li`` →
  ``1990'lı``), and the Persian -i of a compound after a hyphen and a consonant follows the
  word's vowels (``Eshab-ı kiram``; ``sıla-i rahim`` keeps its -i); a word after a quote that
  opens is a word, not a suffix (``'arkadaş``); words run together with capitals are
  restored part by part, as hashtags (``KanalDegistirsin``).

:func:`restore` returns the restored text and, per changed word, whether the engine is sure;
the rule rejects only on sure words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from .dictionary import Form, english_words, letter_mask, turkish_words
from .lexicon import Matcher, read_list
from .text import fold, turkish_lower

#: A form is chosen over the next one when used at least this many times as often.
MARGIN = 4
#: ... or this many times as often when the language model agrees (see _agreeing_counts).
AGREEING_MARGIN = 2
#: ... and at least this often (a choice among rare forms is a guess).
MIN_COUNT = 3
#: The language model's context must make a form this much more likely (log10) than the
#: others for the restorer to pick it.
CONTEXT_MARGIN = 1.0
#: ... and the words around lean to a form when they make it this much more likely (log10)
#: than the others, though not by CONTEXT_MARGIN: then the tweets' pairs may not pick another.
LEANING_MARGIN = 0.5
#: A capitalised word is left as typed when that spelling is a form used at least a tenth as
#: often as the most used one.
NAME_MARGIN = 10
#: A pair of words seen this many times in the tweets is context enough.
MIN_PAIR_COUNT = 2
#: What may come before a word that starts a sentence.
SENTENCE_ENDS = frozenset(".!?…:\n\"“”'«»(")
#: The word before a sentence's first word, for the word-pair counts.
SENTENCE_START = "^"
#: The word after a sentence's last word, for the same.
SENTENCE_END = "$"
_APOSTROPHES = frozenset("'’‘`´")
#: A list item's number before its first word (``1- ``, ``2) ``), at a line start or after a space.
_LIST_MARK_RE = re.compile(r"(?:^|\s)\d{1,2}[-)]$")
#: Spaces that stand for a line break (see :func:`starts_line` and :func:`spaced_out`).
_LINE_BREAK = "   "
#: A line break typed as spaces before a token, and a dash that starts the line (see starts_line).
_LINE_START_RE = re.compile(r"   (?:[-–—] ?)?$")
#: Case suffixes with a vowel that follows the word's (-ı -ın -nın -yı -u -un -nun -yu, and -nı
#: -nu after a possessive: İmamoğlu 'nu).
_DETACHED_SUFFIXES = frozenset("i in nin yi u un nun yu ni nu".split())
_BACK_TO_FRONT = {"i": "ı", "u": "ü"}
_VOWELS = "aeıioöuü"
MIN_STEM = 4  # letters of the known stem an unknown word must start with
MIN_NAME_STEM = 3  # ... of a name a capitalised word with suffixes starts with (Can-ın)
MIN_GUESS_STEM = 6  # ... when the stem is known only from Zemberek's lists
MIN_PART = 3  # letters of each word in words typed together
MIN_TAIL = 4  # ... and of the last one
MIN_HEAD_COUNT = 20  # uses in the tweets of the first of words typed together
_NO_SUFFIX_STARTS = frozenset("bfhjpvw")  # no Turkish suffix starts with these letters
# What follows -laş/-leş (becoming) and no -la/-le (doing) + -s... could: -iyor, -ir, -t...,
# -m... (not -in, -e: temizlesin, temizlese).
_BECOMING_RE = re.compile(r"iyor|ir|t[ie]|m[aei]")
# Suffixes whose vowels do not change with the stem's (-yor and its spoken -yo, -bil, -ken, -ki,
# -gil: Korkmazgil).
_INVARIANT = ("yor", "yo", "bil", "ken", "ki", "gil")
# The parts of a hashtag or of a word with digits: words by their capitals, and digits.
_PARTS_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# Words run together with a capital each (SevdaEgilmez, KanalDegistirsin), as in hashtags.
_JOINED_RE = re.compile(r"[a-z][A-Z][a-z]")
_CIRCUMFLEXED = "âîûÂÎÛ"
_FLOOD_RE = re.compile(r"(.)\1\1")  # a letter three times in a row
_PLAIN_VOWELS = str.maketrans(_CIRCUMFLEXED, "aiuAIU")
# The question particle and its personal forms: mi, misin, miyiz, midir, miydi...
_PARTICLE_RE = re.compile(r"m[iu](?:y?[iu][mz]|s[iu]n(?:[iu]z)?|d[iu]r|yd[iu]\w*|ym[iu]s\w*)?$")


@dataclass(frozen=True, slots=True)
class Change:
    start: int
    end: int
    restored: str
    sure: bool  # the word surely lacks letters and this is surely the form meant


def restore(text: str, tokens, names: dict[str, str] | None = None) -> tuple[str, list[Change]]:
    """``text`` with Turkish letters restored where the dictionary is sure, and the changes.

    ``tokens``: the text's tokens (see :func:`~comments.moderation.text.tokenize`); ``names``:
    names of the story, by their ASCII folding, written as the story writes them and never
    counted as missing letters (see :func:`~comments.moderation.context.story_names`).
    """
    names = names or {}
    words = turkish_words()
    if words is None:
        return text, []
    changes: list[Change] = []
    previous = None  # (token, the text it stands for after restoration)
    folded = [t.fold for t in tokens]
    # Which tokens start a sentence (the one after the last does).
    starts = [not inside_sentence(text, i, t) for i, t in enumerate(tokens)] + [True]
    titled = title_case(tokens)
    lines = _LINE_BREAK in text and not spaced_out(text, tokens)
    handle_end = -1  # where the user name being read ends (@ahmet_yilmaz)
    for index, token in enumerate(tokens):
        raw = token.text.translate(_PLAIN_VOWELS)  # kiyâmet is looked up as kiyamet
        if token.is_mention:
            handle_end = token.end
        elif _in_handle(text, handle_end, token) or _retweeted_handle(text, tokens, index):
            handle_end = token.end
            previous = None  # a user name (@ahmet_yilmaz, RT SocialKadin: ...), not words
            continue
        joined = token.is_hashtag or not raw.isalpha() or _JOINED_RE.search(raw) is not None
        if not token.is_mention and joined and raw.isascii():
            change = _compound(words, token)
            if change is not None:
                changes.append(change)
        if token.is_mention or joined or not raw.isascii():
            # A word typed with its letters still tells the vowel of a suffix after it.
            plain = not (token.is_mention or token.is_hashtag) and raw.isalpha()
            previous = (token, token.text) if plain else None
            if raw.isdecimal() and raw.isascii() and not token.is_hashtag:
                # A number: its suffix follows the last word read aloud (3'üncü, 1990'lı).
                previous = (token, spoken_ending(raw))
            continue
        if previous is not None and _read_by_letters(previous[1]):
            # An abbreviation read letter by letter: its suffix follows the last letter's
            # name (CHP'nin: ce-he-pe, ABD'ye, BJK'nin).
            previous = (previous[0], _LETTER_NAMES.get(previous[1][-1].lower(), previous[1]))
        change = None
        if previous is not None and _after_apostrophe(text, previous[0], token):
            change = _suffix(token, previous[1])
        elif previous is not None and _detached_suffix(text, previous[0], token):
            change = _suffix(token, previous[1])
        elif previous is not None and _izafet(text, previous[0], token):
            change = _suffix(token, previous[1])
        elif previous is not None and _PARTICLE_RE.match(raw.lower()):
            change = _particle(token, previous[1])
        elif token.fold in names:
            restored = copy_case(raw, names[token.fold])
            if restored != raw:
                change = Change(token.start, token.end, restored, False)
        elif len(raw) >= 2:
            inside = starts[index] is False
            before = folded[index - 1] if inside else SENTENCE_START
            after = folded[index + 1] if starts[index + 1] is False else SENTENCE_END
            # A capital at a line start may be the line's (Yaşamakla) or a name's: restored as
            # a word, never counted as a missing letter.
            line_start = lines and inside and starts_line(text, token)
            change = _word(
                words, raw, token.start, inside and not line_start, before, after, titled
            )
            if change is not None and line_start and raw[0].isupper():
                change = Change(change.start, change.end, change.restored, False)
            if change is not None and raw != token.text:
                change = _with_circumflexes(change, token.text)
        if change is not None:
            changes.append(change)
        previous = (token, change.restored if change else raw)
    if not changes:
        return text, changes
    parts = []
    position = 0
    for change in changes:
        parts += (text[position : change.start], change.restored)
        position = change.end
    parts.append(text[position:])
    return "".join(parts), changes


def _in_handle(text: str, handle_end: int, token) -> bool:
    """Does the token go on the user name that ends at ``handle_end``, after an underscore
    (``yilmaz`` of ``@ahmet_yilmaz``)?"""
    return (
        handle_end >= 0
        and token.start > handle_end
        and text[handle_end : token.start] == ("_" * (token.start - handle_end))
    )


def _retweeted_handle(text: str, tokens, index: int) -> bool:
    """Is the token the user name of a retweet as pasted, ``RT name:`` (the ``@`` dropped)?"""
    token = tokens[index]
    return (
        index > 0
        and tokens[index - 1].text == "RT"
        and text.startswith(":", token.end)
        and text[tokens[index - 1].end : token.start] == " "
    )


_UNITS = ("sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
_POWERS = ((10**3, "yüz"), (10**6, "bin"), (10**9, "milyon"), (10**12, "milyar"))


#: How consonants are read aloud in abbreviations, as the Turkish Language Association spells
#: their suffixes (TDK'ye, CHP'nin, ABD'de).
_LETTER_NAMES = {letter: letter + "e" for letter in "bcçdfgğhjklmnprsştvyz"}
_LETTER_NAMES.update({letter.upper(): name for letter, name in _LETTER_NAMES.items()})


def _read_by_letters(word: str) -> bool:
    """Is the word an abbreviation read letter by letter: two to five letters and no vowel
    (``chp``, ``BJK``), or two to five capitals with a vowel first only (``AB``, ``ABD``,
    ``İBB``; not ``NATO`` nor ``ODTÜ``, read as words, nor ``at``)?"""
    if not (2 <= len(word) <= 5 and word.isalpha()):
        return False
    vowels = [ch in _VOWELS for ch in turkish_lower(word)]
    if not any(vowels):
        return word.isupper() or word.islower()
    return word.isupper() and vowels[0] and not any(vowels[1:])


#: Words of a text, and the share of them capitalised, for it to be written in title case.
MIN_TITLE_WORDS, TITLE_SHARE = 4, 0.75


def title_case(tokens) -> bool:
    """Is the text written with a capital on (nearly) every word ("Bu Tür Nefret Söylemleri
    Kabul Edilemez") or in capitals ("GİDEN AŞKLARIMIN ARDINDAN"), so a capital says nothing
    of a name?"""
    words = [t.text for t in tokens if t.text.isalpha() and not t.is_mention and not t.is_hashtag]
    if len(words) < MIN_TITLE_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= TITLE_SHARE * len(words)


def spoken_ending(digits: str) -> str:
    """The last word of a number read aloud, whose vowels a suffix after it follows: ``3`` →
    ``üç`` (3'üncü), ``1990`` → ``doksan`` (1990'lı), ``100`` → ``yüz`` (100'ü), ``2000`` →
    ``bin``."""
    number = int(digits)
    if number % 10 or not number:
        return _UNITS[number % 10]
    if number % 100:
        return _TENS[number // 10 % 10]
    for power, word in _POWERS:
        if number % power:
            return word
    return "trilyon"


def _word(
    words,
    raw: str,
    start: int,
    inside_sentence: bool,
    before: str = "",
    after: str = "",
    titled: bool = False,
) -> Change | None:
    lower = raw.lower()
    squeezed, runs = _squeeze(lower)
    capitalised = inside_sentence and raw[0].isupper()
    # In a text with a capital on every word, a capital says nothing of a name: the word is
    # restored as any other, but never counted as a missing letter (it may still be a name).
    name = capitalised and not titled
    forms = words.forms(squeezed)
    if forms:
        if name and _maybe_as_typed(raw, lower, forms):
            # A name as typed may be a word as typed (Ahmet Sik, Kemal Sunal), but a name
            # spelled as it is written may end in suffixes (Kurani: Kuran-ı).
            return _name_with_suffixes(words, raw, squeezed, forms, start)
        choice, sure = _choose(words, squeezed, forms, before, after)
        if choice is None or (name and choice.unsure and not choice.proper):
            # Zemberek's word lists restore a name only to a known name.
            return _name_with_suffixes(words, raw, squeezed, forms, start) if name else None
        word = choice.word
        # Only a spelling that is no Turkish word lacks letters for sure: "su" may be the
        # water, "olur" is right as typed, "Iyi" differs from "İyi" by its capital alone.
        sure = sure and word != squeezed and not any(f.word == squeezed for f in forms)
    elif name:
        return _name_with_suffixes(words, raw, squeezed, forms, start)
    elif not _foreign(squeezed):
        # Not in the table: a known stem and suffixes in vowel harmony (nişanlanmak-la); words
        # typed together (kaç-bin-tane); a spoken -yo present (akmıyo); the letters around.
        word = (
            _by_stem(words, squeezed)
            or _by_parts(words, squeezed)
            or _spoken(words, squeezed)
            or _by_letters(words, squeezed)
        )
        sure = False
        if word is None:
            return None
    else:
        return None
    asked = _asked_with_aorist(words, squeezed, word)
    if asked is not None:
        word, sure = asked, False
    restored = copy_case(raw, _unsqueeze(word, runs))
    if restored == raw:
        return None
    # A capitalised word inside a sentence may be a name: restored when the dictionary knows
    # it, never counted as a missing letter.
    return Change(start, start + len(raw), restored, sure and not capitalised)


# A finite verb (-yor, -mış, -acak, an aorist in -r) and the question particle typed onto it
# with an s (misin, musunuz), which -mış and a possessive would read as ş.
_ASKED_RE = re.compile(r"(.+(?:yor|m[iu]s|c[ae]k|[aeiou]r))(m[iu]s[iu]n(?:[iu]z)?)")


def _asked_with_aorist(words, word: str, chosen: str) -> str | None:
    """The question particle typed onto a finite verb, where the table's form reads its
    ``s`` as the ``ş`` of -mış (``okurmusun``: ``okur musun`` typed together, not
    ``okurmuşun``; ``getirirmisiniz``, ``alıyormusunuz``): the verb restored on its own and
    the particle in harmony with it. A verb's root in -r is no aorist (``kurmuşunuz``,
    ``görmüşün``: -mış is meant), and a word that may be either (``yer``: yemek's aorist or
    the root of yermek; ``yatır``) is left as typed. ``None`` for any other word."""
    match = _ASKED_RE.fullmatch(word)
    if match is None or chosen[match.start(2) + 2] != "ş":
        return None
    verb = match.group(1)
    if verb.endswith("r") and not verb.endswith("yor"):
        aorist = any(
            words.forms(verb[:cut] + ending)
            for cut in (-1, -2)
            if len(verb) + cut >= 2
            for ending in ("mak", "mek")
        )
        if not aorist:
            return None
        if words.forms(verb + "mak") or words.forms(verb + "mek"):
            return word  # an aorist or a root: unsure, as typed
    head = _clear_form(words, verb)
    if head is None:
        return None
    particle = _in_harmony(match.group(2), head.word)
    return None if particle is None else head.word + particle


def _name_with_suffixes(
    words, raw: str, word: str, forms: tuple[Form, ...], start: int
) -> Change | None:
    """A capitalised word inside a sentence typed as a name the table spells without Turkish
    letters followed by suffixes, with the suffixes in vowel harmony and the name as typed
    (``Kurani Kerim`` → ``Kuranı``, ``Ayasofyayi`` → ``Ayasofyayı``, ``Rusyanin`` →
    ``Rusyanın``), or ``None``: the whole word used as typed (``Kemalin``, ``Sik``), a name
    with Turkish letters (``Oguzhanin``: the name stays as typed, so does the word) or one
    the table does not know (``Trumpin``). A guess, never a sure missing letter."""
    if len(word) != len(raw) or any(f.word == word and f.count >= MIN_COUNT for f in forms):
        return None  # drawn out (Kuraniii), or a word as typed
    for cut in range(len(word) - 1, MIN_NAME_STEM - 1, -1):
        stem, rest = word[:cut], word[cut:]
        stems = tuple(f for f in words.forms(stem) if cut >= MIN_GUESS_STEM or not f.unsure)
        if not stems:
            continue
        choice, _ = _choose(words, stem, stems, "", "")
        if choice is None or choice.word != stem or rest[0] in _NO_SUFFIX_STARTS:
            return None
        if cut < MIN_STEM and not choice.proper:
            return None  # a short word, not a name (Zamina: no zam-ına)
        suffixes = _suffixes(stem, rest)
        if suffixes is None:
            return None
        # The name exactly as typed: its I may be an I (Ilgaz) or an İ (Islam).
        restored = raw[:cut] + copy_case(raw[cut:], suffixes)
        return None if restored == raw else Change(start, start + len(raw), restored, False)
    return None


def _foreign(word: str) -> bool:
    """Is the word, missing from the Turkish table, an English word (``sales``, ``restless``)
    or one whose vowels meet as Turkish words' rarely do (``selfie``)? Then its letters are
    not guessed: a guess would make ``şales`` of it."""
    english = english_words()
    return (english is not None and word in english) or _VOWELS_MEETING.search(word) is not None


_VOWELS_MEETING = re.compile("[aeiou]{2}")


def _maybe_as_typed(raw: str, lower: str, forms: tuple[Form, ...]) -> bool:
    """Is the capitalised word, as typed, a form the table knows and not far rarer than the
    most used one (``Sik``: sık or sik; a name such as ``Mirac``; ``Anilin``, too rare to
    tell; not ``Istanbul``, whose ``ıstanbul`` is a slip)?"""
    if len(raw) != len(lower):
        return False
    _, runs = _squeeze(lower)
    starts = [sum(runs[:i]) for i in range(len(runs))]
    typed = "".join(raw[at] for at in starts)  # the squeezed word with the capitals typed
    most = max(form.count for form in forms)
    return any(
        copy_case(typed, form.word) == typed
        # a known name, or all too rare to tell
        and (
            form.count * NAME_MARGIN >= most
            or (form.proper and form.word.isascii())
            or most < MIN_COUNT
        )
        for form in forms
    )


def _squeeze(word: str) -> tuple[str, list[int]]:
    """The word with floods (three or more of a letter) cut to one, and each letter's run."""
    letters, runs = [], []
    for letter, group in groupby(word):
        n = len(list(group))
        letters.append(letter * (n if n < 3 else 1))
        runs += [1] * n if n < 3 else [n]
    return "".join(letters), runs


def _unsqueeze(word: str, runs: list[int]) -> str:
    return "".join(ch * n for ch, n in zip(word, runs, strict=True))


def _by_stem(words, word: str) -> str | None:
    """``word`` restored as the longest clear form of the table it starts with, followed by
    suffixes whose vowels follow vowel harmony (``yapisinda`` → ``yapı`` + ``sında``)."""
    for cut in range(len(word) - 1, max(MIN_STEM, (len(word) + 1) // 2) - 1, -1):
        # A stem only Zemberek's lists know must be long: short ones are often stray (yöke).
        forms = tuple(f for f in words.forms(word[:cut]) if cut >= MIN_GUESS_STEM or not f.unsure)
        if forms:
            if word[cut] in _NO_SUFFIX_STARTS:
                return None  # a compound or a foreign word (istanbul-pasif), not suffixes
            choice, _ = _choose(words, word[:cut], forms, "", "")
            if choice is None:
                return None
            rest = _suffixes(choice.word, word[cut:])
            return None if rest is None else choice.word + rest
    return None


def _by_parts(words, word: str, depth: int = 2) -> str | None:
    """``word`` as words typed together, each restored on its own: a common word followed by
    a word of the table or, in turn, by such words (``herseye`` → ``her`` + ``şeye``,
    ``kacbintane`` → ``kaç`` + ``bin`` + ``tane``), or a word followed by the question
    particle (``calismiyormusun`` → ``çalışmıyor`` + ``musun``). ``None`` unless every part
    is clear and some letter changes."""
    restored = _parts(words, word, depth)
    return None if restored == word else restored


def _parts(words, word: str, depth: int) -> str | None:
    """``word`` read as words typed together (see :func:`_by_parts`), restored or not."""
    best = None  # (uses of the first part, restored)
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        first = _clear_form(words, head)
        if first is None:
            continue
        if _PARTICLE_RE.match(tail):
            rest = _in_harmony(tail, first.word)
        elif first.count < MIN_HEAD_COUNT:
            continue
        else:
            # A short tail is often a spoken suffix (sor-cak, gel-cek), not a word.
            second = _clear_form(words, tail) if len(tail) >= MIN_TAIL else None
            rest = second.word if second is not None and second.count >= MIN_COUNT else None
            if rest is None and depth > 1:
                rest = _parts(words, tail, depth - 1)
        if rest is not None and (best is None or first.count > best[0]):
            best = (first.count, first.word + rest)
    return None if best is None else best[1]


def _clear_form(words, part: str) -> Form | None:
    """The one form of the table ``part`` stands for with no doubt (one clearly more used
    than the others; none of Zemberek's guesses, no name), or ``None``."""
    forms = words.forms(part)
    if not forms:
        return None
    choice, sure = _choose(words, part, forms, "", "")
    if choice is None or not sure or choice.unsure or choice.proper:
        return None
    return choice


def _spoken(words, word: str) -> str | None:
    """A spoken form restored as its written form is, when the table holds that clearly: the
    present tense with -yo for -yor (``akmiyo``, ``buyutuyosun``: ``akmıyor`` → ``akmıyo``),
    or a vowel raised before the future's -cAk or a -y- (``siginicaklari``: ``sığınacakları`` →
    ``sığınıcakları``, ``yasiyacak``: ``yaşayacak`` → ``yaşıyacak``)."""
    at = word.rfind("yo")
    if at >= 1 and not word.startswith("yor", at):
        form = _clear_form(words, word[: at + 2] + "r" + word[at + 2 :])
        if form is not None:
            return form.word[: at + 2] + form.word[at + 3 :]
    return _raised(words, word)


_RAISED_VOWEL = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}


def _raised(words, word: str) -> str | None:
    """``word`` as a written form with one ``a``/``e`` raised, as spoken, to the ``ı i u ü`` the
    vowel before calls for, before ``c`` or ``y`` (see :func:`_spoken`)."""
    for at in range(2, len(word) - 3):
        if word[at] not in "iu" or word[at + 1] not in "cy":
            continue
        for vowel in "ae":
            form = _clear_form(words, word[:at] + vowel + word[at + 1 :])
            if form is None:
                continue
            stem_vowels = [ch for ch in form.word[:at] if ch in _VOWELS]
            raised = _RAISED_VOWEL[stem_vowels[-1]] if stem_vowels else None
            if raised is not None and fold(raised) == word[at]:
                return form.word[:at] + raised + form.word[at + 1 :]
    return None


_FRONT, _BACK = frozenset("eiöü"), frozenset("aıou")
_NATIVE_LETTERS = frozenset("abcdefghijklmnoprstuvyz")


def _by_letters(words, word: str) -> str | None:
    """``word`` restored letter by letter (see :meth:`.TurkishWords.by_letters`), when the
    result keeps vowel harmony (all its vowels front or all back, but for -yor and -ken) and
    starts with a word of the table: a foreign word or a name (``activity``, ``playlist``)
    rarely does both."""
    if len(word) < MIN_STEM or not _NATIVE_LETTERS.issuperset(word):
        return None  # an abbreviation (usd) or a foreign word (wachowski)
    restored = words.by_letters(word)
    if restored == word:
        return None
    vowels = set(restored.replace("yor", "").replace("yo", "").replace("ken", ""))
    if vowels & _FRONT and vowels & _BACK:
        return None
    # It must start with a word of the table, as restored (bırak-ıyosunuz, not playlıst).
    if not any(words.known(restored[:cut]) for cut in range(len(restored) - 1, 2, -1)):
        return None
    return restored


def _suffixes(stem: str, rest: str) -> str | None:
    """The ASCII suffixes ``rest`` after ``stem`` with Turkish letters, or ``None`` when they
    do not follow the stem's vowels (then the split is wrong)."""
    vowels = [ch for ch in stem if ch in _VOWELS]
    if not vowels:
        return None
    last = vowels[-1]
    out = list(stem[-2:])
    i = 0
    while i < len(rest):
        piece = next((p for p in _INVARIANT if rest.startswith(p, i)), None)
        if piece is not None:
            out += piece
            last = next(ch for ch in piece if ch in _VOWELS)
            i += len(piece)
            continue
        ch = rest[i]
        following = rest[i + 1] if i + 1 < len(rest) else ""
        if ch == "i":
            if last not in "aıei":
                return None
            ch = "ı" if last in "aı" else "i"
        elif ch == "u":
            if last not in "ouöü":
                return None
            ch = "ü" if last in "öü" else "u"
        elif ch in "ae":
            if (ch == "a") != (last in "aıou"):
                return None
        elif ch == "o":
            return None  # no suffix has o outside -yor
        elif ch == "g" and out[-1] in _VOWELS and following in "aeiu":
            ch = "ğ"  # -dığı, -acağım
        elif ch == "c" and out[-1] in "fhkpsştç":
            ch = "ç"  # -çı, -çe after a voiceless consonant
        elif ch == "s" and out[-1] in "ıiuü" and out[-2] == "m":
            ch = "ş"  # -mış
        elif ch == "s" and out[-1] in "ae" and out[-2] == "l" and _BECOMING_RE.match(rest, i + 1):
            ch = "ş"  # -laş, -leş before -ıyor, -ır, -tı, -mA (kapitalleşiyor, takipleşir)
        if ch in _VOWELS:
            last = ch
        out.append(ch)
        i += 1
    return "".join(out[2:])


def _compound(words, token) -> Change | None:
    """A hashtag, a word with digits or words run together with capitals, each capitalised part
    on its own (``#CanakkaleGecilmez`` → ``#ÇanakkaleGeçilmez``, ``19Mayis1919`` →
    ``19Mayıs1919``, ``KanalDegistirsin`` → ``KanalDeğiştirsin``)."""
    plain = token.text.translate(_PLAIN_VOWELS)
    parts = _PARTS_RE.findall(plain)
    if "".join(parts) != plain:
        return None
    restored = []
    for part in parts:
        # Only words of the table, or lower-case words typed together (#canlibahis): such a
        # token joins words, which suffix rules would misread.
        if len(part) >= 2 and part.isalpha() and words.forms(part.lower()):
            change = _word(words, part, 0, False)
            restored.append(change.restored if change else part)
        elif part.islower():
            restored.append(_by_parts(words, part) or part)
        else:
            restored.append(part)
    change = Change(token.start, token.end, "".join(restored), False)
    change = _with_circumflexes(change, token.text)
    return change if change.restored != token.text else None


def _with_circumflexes(change: Change, typed: str) -> Change:
    """The change with the circumflexes the word was typed with put back (``kıyâmet``)."""
    restored = "".join(
        t if t in _CIRCUMFLEXED else r for t, r in zip(typed, change.restored, strict=True)
    )
    return Change(change.start, change.end, restored, change.sure)


def _particle(token, word: str) -> Change | None:
    """The question particle (``mi``, ``misin``, ``mu``) in harmony with the word before."""
    raw = token.text
    restored = _in_harmony(raw.lower(), turkish_lower(word).translate(_PLAIN_VOWELS))
    if restored is None:
        return None
    restored = copy_case(raw, restored)
    return Change(token.start, token.end, restored, False) if restored != raw else None


def _in_harmony(particle: str, word: str) -> str | None:
    """The lower-case question particle (``mi``, ``misin``) with the vowel ``word`` calls for."""
    vowels = [ch for ch in word if ch in _VOWELS]
    if not vowels or not _PARTICLE_RE.match(particle):
        return None
    last = vowels[-1]
    if particle[1] == "i":
        target = "ı" if last in "aı" else "i" if last in "ei" else None
    else:
        target = "ü" if last in "öü" else "u" if last in "ou" else None
    if target is None:
        return None
    return particle.replace(particle[1], target)


def _choose(
    words, typed: str, forms: tuple[Form, ...], before: str, after: str
) -> tuple[Form | None, bool]:
    """The form meant (``None`` when unclear), and whether the choice is sure.

    One form; or the one the neighbouring words call for (``su icmek``: water); or one far
    more used than the others. When the typed spelling is no word at all, the most used form,
    or the one with the fewest Turkish letters.
    """
    if len(forms) == 1:
        return forms[0], not forms[0].unsure
    choice, sure = _by_counts(words, typed, forms)
    if before or after:
        by_context, leaning = _by_context(words, forms, before, after)
        if by_context is None:
            by_context = _by_tweets(words, forms, before, after)
            if leaning is not None and by_context != leaning:
                by_context = None  # the tweets and the language model disagree: unsure
        if by_context is not None and by_context != choice:
            return by_context, False  # a guess from the words around
    return choice, sure


def _by_context(
    words, forms: tuple[Form, ...], before: str, after: str
) -> tuple[Form | None, Form | None]:
    """The form Zemberek's language model clearly prefers between ``before`` and ``after``
    (``bol su``, ``şu an``), or ``None`` when the words around say nothing of these forms or
    not clearly; and the form the words around lean to, though not clearly, when it is also
    the more likely (``su kemeri``: su), else ``None``."""
    scored = []
    for form in forms:
        if form.unigram is not None:
            context = words.context(before, form.word, after)
            scored.append((form.unigram + context, context, form))
    if len(scored) < 2 or not any(context for _, context, _ in scored):
        return None, None
    scored.sort(key=lambda entry: entry[0], reverse=True)
    (best, best_context, form), (second, _, _) = scored[0], scored[1]
    if best - second >= CONTEXT_MARGIN:
        return form, form
    leaning = all(best_context - context >= LEANING_MARGIN for _, context, _ in scored[1:])
    return None, form if leaning else None


def _by_tweets(words, forms: tuple[Form, ...], before: str, after: str) -> Form | None:
    """The form the tweets use far more often between ``before`` and ``after``, if any."""
    scored = sorted(
        ((words.tweet_context(before, f.word, after), f) for f in forms),
        key=lambda pair: pair[0],
        reverse=True,
    )
    (best_context, best), (second_context, _) = scored[0], scored[1]
    if best_context >= MIN_PAIR_COUNT and best_context >= MARGIN * second_context:
        return best
    return None


def _by_counts(words, typed: str, forms: tuple[Form, ...]) -> tuple[Form | None, bool]:
    """The form chosen by how often each is used (see :func:`_choose`)."""
    best, second = forms[0], forms[1]
    if best.count >= MIN_COUNT and best.count >= MARGIN * second.count:
        return best, True
    if best.count < MIN_COUNT:
        by_stem = _by_stem_counts(words, forms)
        if by_stem is not None and not _model_prefers_another(by_stem, forms):
            return by_stem, True
    if best.count < MIN_COUNT:
        by_model = _by_unigram(forms)
        if by_model is not None:
            return by_model, False
    if _agreeing_counts(best, second):
        return best, False  # a guess: offered, never counted as a missing letter
    if any(form.word == typed for form in forms):
        return None, False
    if best.count > second.count:
        return best, True
    fewest = sorted(forms, key=lambda f: bin(letter_mask(f.word)).count("1"))
    if bin(letter_mask(fewest[0].word)).count("1") < bin(letter_mask(fewest[1].word)).count("1"):
        return fewest[0], True
    return None, False


def _model_prefers_another(chosen: Form, forms: tuple[Form, ...]) -> bool:
    """Does Zemberek's language model find another form more likely than ``chosen``
    (``sinirim`` rather than ``sınırım``, though ``sınır`` is the more used stem)?"""
    return chosen.unigram is not None and any(
        f.unigram is not None and f.unigram > chosen.unigram for f in forms if f is not chosen
    )


def _agreeing_counts(best: Form, second: Form) -> bool:
    """Do the tweets and the language model both use ``best`` clearly more than ``second``
    (``bakım`` rather than ``bakim``: a tweet count ``AGREEING_MARGIN`` times as high, and
    ten times as likely to the model), though neither alone is clear enough?"""
    return (
        best.count >= MIN_COUNT
        and best.count >= AGREEING_MARGIN * second.count
        and best.unigram is not None
        and (second.unigram is None or best.unigram - second.unigram >= CONTEXT_MARGIN)
    )


def _by_unigram(forms: tuple[Form, ...]) -> Form | None:
    """The form Zemberek's language model uses far more than the others, for forms too rare
    in the tweets to compare (``kitabımızın`` rather than ``kitabimizin``)."""
    ranked = sorted(forms, key=lambda f: -99.0 if f.unigram is None else f.unigram, reverse=True)
    best, second = ranked[0].unigram, ranked[1].unigram
    if best is not None and (second is None or best - second >= CONTEXT_MARGIN):
        return ranked[0]
    return None


def _by_stem_counts(words, forms: tuple[Form, ...]) -> Form | None:
    """The form whose stem is used far more than the others' (``şairdir``: ``şair`` rather
    than ``sair``), for forms too rare to compare themselves: the longest beginning, of
    ``MIN_STEM`` letters or more, where the forms differ and one of them is used."""
    length = len(forms[0].word)
    for cut in range(length - 1, MIN_STEM - 1, -1):
        stems = {form.word[:cut] for form in forms}
        if len(stems) < 2:
            return None  # the forms differ only after the stem: it cannot tell them apart
        counts = {form.word[:cut]: form.count for form in words.forms(fold(forms[0].word[:cut]))}
        ranked = sorted(((counts.get(form.word[:cut], 0), form) for form in forms), reverse=True)
        (best, form), (second, _) = ranked[0], ranked[1]
        if best:
            return form if best >= MIN_COUNT and best >= MARGIN * second else None
    return None


def _suffix(token, word: str) -> Change | None:
    """A suffix after an apostrophe (``in`` of ``Erdoğan'in``) in harmony with ``word``; the
    invariant ones stay (``Ankara'daki``); a suffix out of harmony is left alone."""
    stem = turkish_lower(word).translate(_PLAIN_VOWELS)  # İslâm'ın: â is a to a suffix
    if len(stem) < 2:
        return None
    typed = token.text.lower()
    # The table may know the word with this suffix, against vowel harmony (Kemal'in, gol'ü).
    suffix = _known_suffix(stem, typed) or _suffixes(stem, typed)
    if suffix is None:
        return None
    restored = copy_case(token.text, suffix)
    if restored == token.text:
        return None
    return Change(token.start, token.end, restored, False)


def _known_suffix(stem: str, typed: str) -> str | None:
    """The suffix ``typed`` as the table writes it after ``stem``, when it knows the whole word
    clearly and that word starts with the stem (``kemal`` + ``in``: ``kemalin``)."""
    words = turkish_words()
    joined = fold(stem) + typed
    if words is None or not typed.isascii() or not typed.isalpha():
        return None
    forms = tuple(f for f in words.forms(joined) if f.word.startswith(stem))
    if not forms:
        return None
    choice, sure = _choose(words, joined, forms, "", "")
    if choice is None or not sure or choice.unsure:
        return None
    return choice.word[len(stem) :]


def _detached_suffix(text: str, previous, token) -> bool:
    """Is the token a case suffix typed apart from its word, a space for the apostrophe
    (``Burhan in``, ``Darussafaka yi``)?"""
    return (
        token.text in _DETACHED_SUFFIXES
        and token.start == previous.end + 1
        and text[previous.end] == " "
    )


def _izafet(text: str, previous, token) -> bool:
    """Is the token the Persian -i of a compound after a hyphen and a consonant, where it
    follows the word's vowels (``Eshab-ı kiram``, ``İmâm-ı Mâlik``, ``ehl-i sünnet``; after a
    vowel it stays -i: ``sıla-i rahim``)?"""
    return (
        token.text == "i"
        and token.start == previous.end + 1
        and text[previous.end] == "-"
        and text[previous.end - 1].lower() not in "aeıioöuüâîû"
    )


def _after_apostrophe(text: str, previous, token) -> bool:
    """Is the token a suffix after an apostrophe (``Erdogan'in``; also ``Burhan ‘in``), not a
    word in quotes (``zaman ‘manitim!’``) nor one drawn out (a suffix has no flood of
    letters)?"""
    between = text[previous.end : token.start]
    if not (0 < len(between) <= 3 and between.lstrip(" ") in _APOSTROPHES):
        return False
    if between.startswith(" "):
        typed = token.text.lower()
        words = turkish_words()
        if typed not in _DETACHED_SUFFIXES and words is not None and words.forms(typed):
            return False  # a word: a quote opens (Annem 'arkadaş bir yere...)
        closing = text[token.end : token.end + 3].lstrip(".,!?…")
        if closing[:1] in _APOSTROPHES:
            return False  # ‘word’: a word in quotes
    return _FLOOD_RE.search(token.text) is None


def inside_sentence(text: str, index: int, token) -> bool:
    """Does something other than a sentence start come before the token? A list item's
    number starts one too (``2- Vaatler``, ``3) Kapitalizm``)."""
    if index == 0:
        return False
    before = text[: token.start].rstrip()
    if not before or before[-1] in SENTENCE_ENDS:
        return False
    return before[-1] not in "-)" or _LIST_MARK_RE.search(before[-4:]) is None


def spaced_out(text: str, tokens) -> bool:
    """Does the text put two spaces or more between most of its words (``ve  1517  de   Yavus
    Sultan``)? Then three spaces are no line break."""
    wide = sum(text.startswith("  ", a.end) for a, b in zip(tokens, tokens[1:], strict=False))
    return wide * 2 > len(tokens)


def starts_line(text: str, token) -> bool:
    """Do three or more spaces come before the token: a line break flattened to spaces, as in
    a pasted poem or a tweet copied with its lines run together (``olmak,    Yaşamakla``), a
    dash of a line in a dialogue or a list between them or not (``Ersoy   -Şu sözü``)? Its
    capital may start a line rather than a name."""
    return _LINE_START_RE.search(text, max(0, token.start - 6), token.start) is not None


def copy_case(original: str, restored: str) -> str:
    """``restored`` (lower case) with the capitals of ``original`` (Turkish: i→İ, ı→I)."""
    if original.islower():
        return restored
    out = []
    for typed, ch in zip(original, restored, strict=True):
        if typed.isupper():
            ch = "İ" if ch == "i" else "I" if ch == "ı" else ch.upper()
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _words() -> Matcher:
    return Matcher(read_list("turkish_words"))


@lru_cache(maxsize=65536)
def listed_word(word: str) -> bool:
    """Is the lower-case ASCII word a common Turkish word typed without its letters (``icin``)?

    The short hand-written list ``lexicons/turkish_words.txt``: a cheap sign of Turkish for
    language detection.
    """
    return (
        len(word) > 2
        and word.isascii()
        and word not in _ENGLISH_LOOKALIKES
        and _words().match_word(word, word) is not None
    )


# ASCII forms of listed Turkish words that are also common English words: no evidence of Turkish.
_ENGLISH_LOOKALIKES = frozenset(
    "gun guns gunner gunman gunmen sure surely once ask asked asking asks got gore dun sut cay "
    "cocky yon bag bags dag dog dogs dogma sag saga sec koy kis hiz gorilla".split()
)
