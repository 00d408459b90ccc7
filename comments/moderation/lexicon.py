"""Word lists: parsing, the :class:`Terms` editors add at run time, and the term matcher.

Lexicon files live in ``lexicons/``; one entry a line, ``#`` starts a comment::

    siktir*              a stem: the word and anything agglutinated to it (siktirin, siktirgit)
    amk                  an exact word
    geri zekalı*         a phrase: words in a row, each exact or a stem
    hayvan ; aimed       only when aimed at someone (insults: "sen", "you", "salaksın"; hurtful
                         curses: said of people, "kahrolsun Ermeniler", not "kahrolsun terör")
    shit* ; soft         rejected when aimed at someone, reviewed otherwise (profanity)
    =amın*               "=": the Turkish letters must be written (amın, not the "amin" of prayers)
    göt* ; tr            options after ";": only in Turkish (tr) or English (en) text,
    damn ; review        a severity other than the file's default
    dick ; name          also a name: not counted written as a name (``Dick Cheney``, ``Dick's``)
    kike ; slur          a slur on people: counts even quoted as someone else's words

Matching is tolerant of text typed without Turkish letters: ``gerizekali`` matches
``gerizekalı``, but a Turkish letter in the text must be the same in the entry, so ``sıkıntı``
never matches the stem ``sik``. An allow-list entry that matches at least as much of a word as a
bad stem wins (``sikke`` and ``sikinti*`` against ``sik*``); a phrase of the allow-list
(``blue tit*``, ``whore of babylon``) clears every hit that lies inside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from .text import Token, fold, forms, normalise_word

LEXICON_DIR = Path(__file__).with_name("lexicons")


@dataclass(frozen=True, slots=True)
class Word:
    stem: str  # normalised, Turkish letters kept
    folded: str
    prefix: bool  # stem + any suffix
    strict: bool  # Turkish letters must be written


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[Word, ...]
    severity: str | None = None
    lang: str | None = None
    aimed_only: bool = False  # counts only when aimed at someone ("hayvan", "pig")
    soft: bool = False  # rejected only when aimed at someone, reviewed otherwise ("shit")
    name: bool = False  # also a name: not counted when written as one ("Dick Cheney", "Ahmet Sik")
    slur: bool = False  # a slur on people: counts even quoted as reported speech
    source: str = ""  # the line it came from, for the admin and for debugging

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1

    def applies_to(self, lang: str | None) -> bool:
        """Does the entry count in text of this language (``tr``, ``en``, ``other``, None)?"""
        return not (self.lang and lang in ("tr", "en") and self.lang != lang)


def parse_entry(line: str) -> Entry | None:
    """One lexicon line to an :class:`Entry` (``None`` for blank or comment lines)."""
    line = line.split("#", 1)[0].strip()
    if not line:
        return None
    body, _, options = line.partition(";")
    severity = lang = None
    aimed_only = soft = name = slur = False
    for option in options.replace(",", " ").split():
        if option in ("reject", "review"):
            severity = option
        elif option in ("tr", "en"):
            lang = option
        elif option == "aimed":
            aimed_only = True
        elif option == "soft":
            soft = True
        elif option == "name":
            name = True
        elif option == "slur":
            slur = True
        else:
            raise ValueError(f"unknown lexicon option {option!r} in {line!r}")
    words = []
    for part in body.split():
        strict = part.startswith("=")
        part = part.lstrip("=")
        prefix = part.endswith("*")
        stem = normalise_word(part.rstrip("*"))
        if not stem:
            continue
        words.append(Word(stem, fold(stem), prefix, strict))
    if not words:
        return None
    return Entry(tuple(words), severity, lang, aimed_only, soft, name, slur, body.strip())


def _word_matches(word: Word, norm: str, folded: str) -> bool:
    n = len(word.stem)
    if word.prefix:
        if len(folded) < n or not folded.startswith(word.folded):
            return False
    elif folded != word.folded:
        return False
    # Tolerance for missing Turkish letters, never for different ones.
    stem = word.stem
    for i in range(n):
        got = norm[i]
        if got != stem[i] and (word.strict or not got.isascii()):
            return False
    return True


def _masked_matches(word: Word, norm: str) -> bool:
    """``f*ck`` against ``fuck``: each ``*`` stands for one letter."""
    stem = word.folded
    if word.prefix:
        if len(norm) < len(stem):
            return False
        norm = norm[: len(stem)]
    elif len(norm) != len(stem):
        return False
    return all(a == "*" or fold(a) == b for a, b in zip(norm, stem, strict=True))


class WordTable:
    """Answers per raw word (``values``) and the words whose answer is not empty (``positive``),
    so a text's distinct words are checked against it with set operations."""

    __slots__ = ("values", "positive")

    def __init__(self):
        self.values: dict = {}
        self.positive: set[str] = set()

    def fill(self, raws: frozenset[str], answer) -> WordTable:
        """Make sure every word of ``raws`` has its answer (``answer(raw)``)."""
        values = self.values
        for raw in raws.difference(values):
            value = answer(raw)
            if value:
                # Before ``values``: whoever sees the word answered also sees it positive.
                self.positive.add(raw)
            values[raw] = value
        return self


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # token index
    last: int  # token index, inclusive


class Matcher:
    """Finds the entries of one list in a token sequence; indexed by the folded first word."""

    CACHE_SIZE = 50_000  # words remembered per list; comments reuse most of their words
    MAX_TABLES = 16  # (language, allow-list) combinations remembered

    def __init__(self, entries: Iterable[Entry]):
        self.entries = tuple(entries)
        self._words: dict[str, list[Entry]] = {}
        self._phrases: dict[str, list[Entry]] = {}
        for entry in self.entries:
            index = self._phrases if entry.phrase else self._words
            index.setdefault(entry.words[0].folded, []).append(entry)
        self._word_lengths = sorted({len(key) for key in self._words}, reverse=True)
        self._phrase_lengths = sorted({len(key) for key in self._phrases}, reverse=True)
        self._tables: dict[object, WordTable] = {}

    def table(self, key) -> WordTable:
        """A cache of answers per raw word for ``key`` (language, allow-list...), bounded.

        A full table is replaced, not cleared, so a caller holding it (another thread) keeps
        a consistent one.
        """
        tables = self._tables
        table = tables.get(key)
        if table is None or len(table.values) >= self.CACHE_SIZE:
            if len(tables) >= self.MAX_TABLES:
                tables.clear()
            table = tables[key] = WordTable()
        return table

    def __bool__(self) -> bool:
        return bool(self.entries)

    @staticmethod
    def _candidates(index: dict[str, list[Entry]], lengths: list[int], folded: str):
        n = len(folded)
        for length in lengths:
            if length <= n:
                found = index.get(folded[:length])
                if found:
                    yield from found

    def match_word(self, norm: str, folded: str, lang: str | None = None) -> Entry | None:
        """The single-word entry matching the word, preferring the longest stem."""
        for entry in self._candidates(self._words, self._word_lengths, folded):
            if entry.applies_to(lang) and _word_matches(entry.words[0], norm, folded):
                return entry
        return None

    def match_masked(self, norm: str, lang: str | None = None) -> Entry | None:
        letters = sum(ch != "*" for ch in norm)
        if letters < 2 or norm[0] == "*":
            return None
        for entry in self.entries:
            if (
                not entry.phrase
                and entry.applies_to(lang)
                and _masked_matches(entry.words[0], norm)
            ):
                return entry
        return None

    def match_phrases(
        self,
        tokens: list[Token] | None,
        lang: str | None = None,
        texts: list[str] | None = None,
        distinct: frozenset[str] | None = None,
    ) -> list[Match]:
        """Multi-word entries found in the tokens, or in their ``texts`` alone (a token's forms
        follow from its text); ``distinct``: the set of the texts, if at hand."""
        found: list[Match] = []
        if not self._phrases:
            return found
        if texts is None:
            texts = [t.text for t in tokens]
        if distinct is None:
            distinct = frozenset(texts)
        starts = self.table(("phrase starts", lang))
        starts.fill(distinct, lambda raw: self._phrase_candidates(raw, lang))
        opening = starts.positive.intersection(distinct)
        if not opening:
            return found
        candidates = starts.values
        for i in [i for i, raw in enumerate(texts) if raw in opening]:
            for entry in candidates[texts[i]]:
                words = entry.words
                if i + len(words) > len(texts):
                    continue
                # The first word matched already (a candidate); the others, in order.
                for k in range(1, len(words)):
                    norm, folded, squeezed, _, _ = forms(texts[i + k])
                    w = words[k]
                    if not (
                        _word_matches(w, norm, folded)
                        or _word_matches(w, squeezed, fold(squeezed))
                        or ("*" in norm and _masked_matches(w, norm))
                    ):
                        break
                else:
                    found.append(Match(entry, i, i + len(words) - 1))
        return found

    def _phrase_candidates(self, raw: str, lang: str | None) -> tuple[Entry, ...]:
        """Phrases of this language whose first word the raw word is, in index order."""
        norm, folded, squeezed, _, masked = forms(raw)
        if masked:  # k*ll: no index by its first letters; masked words are rare
            return tuple(
                entry
                for entries in self._phrases.values()
                for entry in entries
                if entry.applies_to(lang) and _masked_matches(entry.words[0], norm)
            )
        return tuple(
            entry
            for entry in self._candidates(self._phrases, self._phrase_lengths, folded)
            if entry.applies_to(lang)
            and (
                _word_matches(entry.words[0], norm, folded)
                or _word_matches(entry.words[0], squeezed, fold(squeezed))
            )
        )


@dataclass(frozen=True)
class Terms:
    """Terms editors add at run time, on top of the shipped lists.

    ``banned`` terms are rejected as profanity, ``suspect`` terms send a comment to review,
    ``allowed`` terms are never hit (an innocent word that contains a bad stem). Terms use the
    lexicon line syntax: ``word``, ``stem*``, ``two words``, ``=exact*``.
    """

    banned: frozenset[str] = field(default_factory=frozenset)
    suspect: frozenset[str] = field(default_factory=frozenset)
    allowed: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self):
        # Accept any iterable of strings (a list from the database, a set); store frozensets so
        # Terms stay hashable and the extended lexicon can be cached.
        for name in ("banned", "suspect", "allowed"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, frozenset(value))

    def __bool__(self) -> bool:
        return bool(self.banned or self.suspect or self.allowed)


def read_list(name: str, directory: Path = LEXICON_DIR) -> tuple[Entry, ...]:
    """Entries of ``lexicons/<name>.txt``."""
    return _read_list(str(directory / f"{name}.txt"))


@cache
def _read_list(path: str) -> tuple[Entry, ...]:
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                entry = parse_entry(line)
            except ValueError as error:
                raise ValueError(f"{path}:{number}: {error}") from None
            if entry is not None:
                entries.append(entry)
    return tuple(entries)


# A final p, ç, k of a word of two syllables or more softens before a vowel (ahmak → ahmağı,
# kitap → kitabı, ağaç → ağacı; after n, k becomes g: ahenk → ahengi); one-syllable words keep it
# (sik → sike, kıt → kıtı), as do most loans ending in t (devlet → devleti), left out.
_SOFTENED = {"p": "b", "ç": "c", "k": "ğ"}
_VOWELS = frozenset("aeıioöuü")


def with_softened(entries: Iterable[Entry], *, aimed: bool = False) -> tuple[Entry, ...]:
    """The entries, and for each whose last word is a stem of two syllables or more ending in
    p, ç or k (``ahmak*``) the same entry on the softened stem (``ahmağ*``, for ``ahmağı``);
    not for words that count only when aimed (``köpek``: ``senin köpeğin`` is a pet).
    ``aimed``: the softened entries count only when aimed (a demeaning word in a case,
    ``pisliği``, ``pisliğe``, is said of a faith only right after it: "Alevilerin pisliği", not
    "kilisenin bahçesindeki pisliğe belediye el attı")."""
    entries = tuple(entries)
    known = {entry.words for entry in entries}
    extra = []
    for entry in entries:
        last = entry.words[-1]
        stem = last.stem
        if not last.prefix or stem[-1:] not in _SOFTENED or entry.lang == "en":
            continue
        if entry.aimed_only:  # "senin köpeğin" is the reader's dog
            continue
        if not stem.isalpha() or stem.endswith("ck"):  # English (peacock, motherfuck)
            continue
        if sum(ch in _VOWELS for ch in stem) < 2:
            continue
        soft = "g" if stem.endswith("nk") else _SOFTENED[stem[-1]]
        word = replace(last, stem=stem[:-1] + soft, folded=fold(stem[:-1] + soft))
        words = (*entry.words[:-1], word)
        if words not in known:
            known.add(words)
            extra.append(replace(entry, words=words, aimed_only=aimed))
    return entries + tuple(extra)


def parse_terms(terms: Iterable[str]) -> tuple[Entry, ...]:
    return tuple(e for e in (parse_entry(t) for t in sorted(terms)) if e is not None)


def read_words(name: str, directory: Path = LEXICON_DIR) -> frozenset[str]:
    """A plain word list (one normalised word a line) as a set."""
    return _read_words(str(directory / f"{name}.txt"))


@cache
def _read_words(path: str) -> frozenset[str]:
    with open(path, encoding="utf-8") as handle:
        return frozenset(
            w for w in (normalise_word(line.split("#", 1)[0].strip()) for line in handle) if w
        )


@dataclass(frozen=True)
class Lexicon:
    """All word lists the rules use, as matchers. Build once; share between threads."""

    profanity: Matcher
    allowed: Matcher
    insult: Matcher
    hurtful: Matcher
    belief: Matcher
    demeaning: Matcher
    curses: Matcher
    addressee: Matcher
    groups: Matcher  # peoples and groups by origin ("Ermeni", "Kürt")
    slur_nouns: Matcher  # a slur after a group's name ("dölü": "Ermeni dölü")
    chatspeak: Matcher
    suspect: Matcher
    acronyms: frozenset[str]

    @classmethod
    def from_directory(cls, directory: Path = LEXICON_DIR) -> Lexicon:
        return cls(
            profanity=Matcher(with_softened(read_list("profanity", directory))),
            allowed=Matcher(with_softened(read_list("allowed", directory))),
            insult=Matcher(with_softened(read_list("insult", directory))),
            hurtful=Matcher(with_softened(read_list("hurtful", directory))),
            belief=Matcher(read_list("belief", directory)),
            demeaning=Matcher(with_softened(read_list("demeaning", directory), aimed=True)),
            curses=Matcher(read_list("curses", directory)),
            addressee=Matcher(read_list("addressee", directory)),
            groups=Matcher(read_list("groups", directory)),
            slur_nouns=Matcher(read_list("slur_nouns", directory)),
            chatspeak=Matcher(read_list("chatspeak", directory)),
            suspect=Matcher(()),
            acronyms=read_words("acronyms", directory),
        )

    def extended(self, terms: Terms) -> Lexicon:
        """A copy with editors' banned, suspect and allowed terms added."""
        if not terms:
            return self
        banned = tuple(
            replace(e, severity=e.severity or "reject") for e in parse_terms(terms.banned)
        )
        return replace(
            self,
            profanity=Matcher(self.profanity.entries + banned),
            allowed=Matcher(self.allowed.entries + parse_terms(terms.allowed)),
            suspect=Matcher(self.suspect.entries + parse_terms(terms.suspect)),
        )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lists, read once."""
    return Lexicon.from_directory()
