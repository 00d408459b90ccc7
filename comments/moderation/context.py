"""What the rules look at: the text, its language, its words, and the word-list hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import repeat
from operator import attrgetter

from .deasciify import Change, inside_sentence, restore
from .language import EN
from .lexicon import Entry, Lexicon, Match, Matcher, WordTable
from .text import (
    Token,
    capitalised,
    fold,
    forms,
    has_turkish_letters,
    make_token,
    split_letter_tokens,
    tokenize,
    url_spans,
)

_TEXT = attrgetter("text")


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    first: int  # index into Context.words
    last: int
    start: int  # span in the original text
    end: int


@dataclass
class Context:
    text: str
    lang: str
    lexicon: Lexicon
    urls: list[tuple[int, int]] = field(default_factory=list)
    #: The words of the text (see :func:`~comments.moderation.text.tokenize`).
    tokens: list[Token] = field(default_factory=list)
    #: ``text`` of each token, in order: what the per-word caches are keyed by.
    token_texts: list[str] = field(default_factory=list)
    #: Names in the story the comment is about, by their ASCII folding (see story_names).
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls, text: str, lang: str, lexicon: Lexicon, names: dict[str, str] | None = None
    ) -> Context:
        urls = url_spans(text)
        tokens = tokenize(text, urls)
        texts = list(map(_TEXT, tokens))
        return cls(
            text=text,
            lang=lang,
            lexicon=lexicon,
            urls=urls,
            tokens=tokens,
            token_texts=texts,
            names=names or {},
        )

    @cached_property
    def restoration(self) -> tuple[str, list[Change]]:
        """The text with Turkish letters restored, and the changes (see
        :func:`~comments.moderation.deasciify.restore`)."""
        return restore(self.text, self.tokens, self.names)

    @cached_property
    def joined(self) -> list[Token]:
        """Words whose letters were written apart, rejoined (``s.i.k``)."""
        return split_letter_tokens(self.text)

    @cached_property
    def words(self) -> list[Token]:
        """Tokens that can carry words of the lists: no mentions (but for swearing written as
        one, ``@mk``), plus rejoined split letters."""
        if "@" in self.text:
            words = [t for t in self.tokens if not t.is_mention or self._swearing_mention(t)]
        else:
            words = self.tokens
        joined = self.joined
        if joined:
            words = sorted(words + joined, key=lambda t: (t.start, not t.joined))
        return words

    def _swearing_mention(self, token: Token) -> bool:
        """Is the mention a swear word of one word written as a mention (``@mk``, ``@amk``,
        ``@fuck``; ``@`` also reads ``a``), not a user's name that merely starts with one
        (``@amkara``, ``@sikkeci``)?"""
        name = token.text[1:]
        for raw in (name, "a" + name):
            word = make_token(token.start, raw)
            entry = self.lookup(self.lexicon.profanity, word)
            # The whole name is the word (``@fuck``), not its start (``@fuckinghell_fan``).
            if (
                entry is not None
                and not entry.phrase
                and not entry.name  # @Dick is a user called Dick
                and word.fold == entry.words[0].folded
            ):
                return True
        return False

    @cached_property
    def peoples(self) -> list[Hit]:
        """Peoples named in the plural ("Kürtler", "Arapları"), not a faith's followers (those
        are the belief rule's: "Yahudiler")."""
        words, belief = self.words, self.lexicon.belief
        return [
            hit
            for hit in self.hits(self.lexicon.groups)
            if words[hit.first].fold.endswith(PLURALS)
            and self.lookup(belief, words[hit.first], allow=False) is None
        ]

    @cached_property
    def group_slurs(self) -> list[Hit]:
        """A people or group named with a slur noun right after it ("Ermeni dölü", "Kürt
        köpeği"), as hits of the slur noun's entry spanning both words."""
        found: list[Hit] = []
        if self.lang == EN:
            return found  # Turkish compounds
        groups = None
        words = self.words
        for slur in self.hits(self.lexicon.slur_nouns):
            index = slur.first - 1
            if index < 0 or self.text[words[index].end : slur.start] != " ":
                continue
            if groups is None:
                groups = self.entries(self.lexicon.groups, self.distinct_words).values
            group = groups.get(words[index].text)
            # The compound's first noun is bare or plural ("Ermeni dölü", "Kürtler"), not in
            # a case ("Arapların köpeği" is their dog).
            if group and words[index].fold[len(group.words[0].folded) :] in ("", "ler", "lar"):
                found.append(Hit(slur.entry, index, slur.last, words[index].start, slur.end))
        return found

    @cached_property
    def word_texts(self) -> list[str]:
        """``token.text`` of each of ``words``: what the per-word caches are keyed by."""
        if "@" not in self.text and not self.joined:
            return self.token_texts  # words are the tokens
        return list(map(_TEXT, self.words))

    @cached_property
    def distinct_words(self) -> frozenset[str]:
        return frozenset(self.word_texts)

    @cached_property
    def distinct_tokens(self) -> frozenset[str]:
        return frozenset(self.token_texts)

    def entries(self, matcher: Matcher, raws: frozenset[str], *, allow: bool = True) -> WordTable:
        """The entry each of the raw words ``raws`` is (see :meth:`lookup`): a table whose
        ``values`` hold at least those words and whose ``positive`` set has those that hit.

        A token's forms (``norm``, ``fold``, ``squeezed``, ``masked``) are functions of its
        ``text``, so the answer is cached per list, language and allow-list by the raw word:
        each distinct word of the traffic is matched once.
        """
        allowed = self.lexicon.allowed if allow else None
        table = matcher.table((self.lang, allowed))
        return table.fill(raws, lambda raw: self._lookup(matcher, raw, allowed))

    def lookup(self, matcher: Matcher, token: Token, *, allow: bool = True) -> Entry | None:
        """The entry of ``matcher`` this word is, unless the allow-list says it is innocent."""
        return self.entries(matcher, frozenset((token.text,)), allow=allow).values[token.text]

    def _lookup(self, matcher: Matcher, raw: str, allowed: Matcher | None) -> Entry | None:
        lang = self.lang
        norm, folded, squeezed, _, masked = forms(raw)
        word_forms = [(norm, folded)]
        if squeezed != norm:
            word_forms.append((squeezed, fold(squeezed)))
        for norm_form, folded_form in word_forms:
            bad = matcher.match_word(norm_form, folded_form, lang)
            if bad is None:
                continue
            if allowed:
                good = allowed.match_word(norm_form, folded_form, lang)
                if good is not None and len(good.words[0].stem) >= len(bad.words[0].stem):
                    return None
            return bad
        if masked:
            return matcher.match_masked(norm, lang)
        return None

    def hits(self, matcher: Matcher, *, allow: bool = True) -> list[Hit]:
        """Single words and phrases of ``matcher`` found in the text."""
        texts = self.word_texts
        distinct = self.distinct_words
        table = self.entries(matcher, distinct, allow=allow)
        found = []
        hitting = table.positive.intersection(distinct)
        if hitting:
            words = self.words
            entries = table.values
            for i in [i for i, raw in enumerate(texts) if raw in hitting]:
                token, entry = words[i], entries[texts[i]]
                if not self.written_as_name(i, entry):
                    found.append(Hit(entry, i, i, token.start, token.end))
        phrases = matcher.match_phrases(None, self.lang, texts, distinct)
        if phrases:
            words = self.words
            for match in phrases:
                first, last = words[match.first], words[match.last]
                found.append(Hit(match.entry, match.first, match.last, first.start, last.end))
        if found and allow:
            innocent = self.allowed_phrases
            if innocent:
                found = [
                    hit
                    for hit in found
                    if not any(m.first <= hit.first and hit.last <= m.last for m in innocent)
                ]
        return found

    @cached_property
    def allowed_phrases(self) -> list[Match]:
        """Phrases of the allow-list in the text ("blue tits", "Whore of Babylon", "shut up and
        take my money"): no hit inside one counts."""
        return self.lexicon.allowed.match_phrases(
            None, self.lang, self.word_texts, self.distinct_words
        )

    def written_as_name(self, index: int, entry: Entry) -> bool:
        """Is word ``index`` of ``words`` written as a name, so the entry it matches does not
        count? A capitalised word inside a sentence with a suffix after an apostrophe is a name
        (``Ahmet Sik'in``: Turkish spelling puts the apostrophe after names alone); a word the
        entry marks as also a name (``; name``) is one when capitalised beside another
        capitalised word (``Dick Cheney``, ``Moby Dick``, ``Amina Mohammed``; not ``Amına``,
        typed with the entry's Turkish letters) or before any apostrophe suffix, or capitalised
        without the entry's Turkish letters in a text that has them (``Olsen kardeşler``)."""
        words, text = self.words, self.text
        token = words[index]
        if token.joined or not capitalised(token.text):
            return False
        end = token.end
        if end + 1 < len(text) and text[end] in _APOSTROPHES and text[end + 1].isalpha():
            return entry.name or inside_sentence(text, index, token)
        if not entry.name:
            return False
        stem = entry.words[0].stem
        if not stem.isascii() and token.norm.startswith(stem):
            return (
                False  # typed with the entry's Turkish letters: the swear word (Amına, not Amina)
            )
        if not stem.isascii() and has_turkish_letters(text):
            return True  # typed without them by a writer who types them: the name (Olsen)
        for other in (index - 1, index + 1):
            if 0 <= other < len(words) and capitalised(words[other].text):
                start, stop = sorted((words[other], token), key=lambda t: t.start)
                if text[start.end : stop.start] == " ":
                    return True
        return False

    @cached_property
    def profanity(self) -> list[Hit]:
        return self._own_words(self.hits(self.lexicon.profanity))

    @cached_property
    def insults(self) -> list[Hit]:
        return self._own_words(self.hits(self.lexicon.insult))

    def _own_words(self, hits: list[Hit]) -> list[Hit]:
        """The hits that are the commenter's own words: not quoted as reported speech (see
        :meth:`reported`), unless a slur."""
        if not any(ch in self.text for ch in _QUOTES):
            return hits
        return [hit for hit in hits if hit.entry.slur or not self.reported(hit)]

    @cached_property
    def addressee_positions(self) -> frozenset[int]:
        return frozenset(h.first for h in self.hits(self.lexicon.addressee, allow=False))

    @cached_property
    def mention_positions(self) -> list[int]:
        """Where mentions stand, as positions between ``words`` (index of the next word)."""
        positions: list[int] = []
        if "@" not in self.text:
            return positions  # no mention
        index = 0
        words = self.words
        for token in self.tokens:
            if token.is_mention:
                while index < len(words) and words[index].start < token.start:
                    index += 1
                positions.append(index)
        return positions

    def second_person(
        self, hit: Hit, window: int = 3, *, before_only: bool = False, possessive: bool = True
    ) -> bool:
        """Is the hit aimed at the reader: "sen"/"you" near it, "salaksın", "aptal mısın"?

        The second-person word must stand in the same sentence; a negation right before the
        hit ("you are not dumb") or after it ("değilsin", "seni aptal yapmaz") cancels the aim.
        ``possessive=False``: "your" does not aim it ("calls you out on your shit").
        """
        words = self.words
        if hit.first > 0 and words[hit.first - 1].fold in _NEGATIONS:
            return False
        if hit.last + 1 < len(words) and words[hit.last + 1].fold.startswith(_NEGATIONS_AFTER):
            return False
        # before_only: "you piece of shit", and only the very next word after ("fuck you").
        last = min(len(words) - 1, hit.last + (1 if before_only else window))
        for i in range(max(0, hit.first - window), last + 1):
            if i in self.addressee_positions and not self._sentence_break(i, hit):
                if possessive or words[i].fold not in _POSSESSIVES:
                    return True
        token = words[hit.last]
        rest = token.fold[len(hit.entry.words[-1].stem) :]
        if len(rest) >= 3 and rest.endswith(_SECOND_PERSON_ENDINGS):
            return True
        return hit.last + 1 < len(words) and words[hit.last + 1].fold in _QUESTIONS

    @cached_property
    def hurtful(self) -> list[Hit]:
        return self._own_words(self.hits(self.lexicon.hurtful))

    @cached_property
    def bad_positions(self) -> frozenset[int]:
        """Where a swear word, an insult or a hurtful phrase starts (index into ``words``)."""
        return frozenset(h.first for h in (*self.profanity, *self.insults, *self.hurtful))

    def called(self, hit: Hit) -> bool:
        """Is the hit what the reader is called: "you are" before it, with only articles,
        intensifiers and other bad words between ("you are a worthless piece of shit", "ur
        such a stupid pig"), or "you" and bad words ("you stupid little shit"), and nothing
        after it in its phrase ("you are a pig", not "you are a pig farmer" nor "you are a
        fucking genius")?"""
        words, text = self.words, self.text

        def joined(index: int) -> bool:  # word index and the next one, with no punctuation
            return not text[words[index].end : words[index + 1].start].strip(" '’")

        after = hit.last + 1
        if after < len(words) and joined(hit.last) and words[after].fold not in _PHRASE_ENDS:
            return False
        article = False
        index = hit.first - 1
        while index >= 0 and joined(index):
            word = words[index].fold
            previous = words[index - 1].fold if index > 0 and joined(index - 1) else None
            if word in _CALLED:
                return True
            if word in _COPULAS:
                return previous in _YOU
            if word in _YOU:
                return not article  # "you stupid piece of shit"; not "are you a pig?"
            if word in _ARTICLES:
                if previous in _YOU_ARE_MISSPELT:
                    return True
                article = True
            elif word not in _INTENSIFIERS and index not in self.bad_positions:
                return False
            index -= 1
        return False

    def reported(self, hit: Hit) -> bool:
        """Is the hit quoted as someone else's words: inside quotation marks, with a word that
        reports speech among the few words before or after the quotation ('The minister called
        them "idiots"', 'The word "bastard" once meant...', '"Go to hell," the protester
        shouted')? A commenter quoting is not the commenter swearing."""
        text = self.text
        start = max(text.rfind(ch, 0, hit.start) for ch in _SENTENCE_BREAKS) + 1
        before = text[start : hit.start]
        if sum(before.count(ch) for ch in _QUOTES) % 2 == 0:
            return False  # outside quotes (a straight quote opens and closes alike)
        opening = start + max(before.rfind(ch) for ch in _QUOTES)
        closing = min((i for i in map(text.find, _QUOTES, repeat(hit.end)) if i >= 0), default=-1)
        if closing < 0 or any(ch in _SENTENCE_BREAKS for ch in text[hit.end : closing - 1]):
            return False  # the quotation may end with its own "!" or "."
        stop = min(
            (i for i in map(text.find, _SENTENCE_BREAKS, repeat(closing)) if i >= 0),
            default=len(text),
        )
        words = self.words
        lead = [w for w in words if start <= w.start and w.end <= opening][-_REPORTING_REACH:]
        tail = [w for w in words if closing < w.start and w.end <= stop][:_REPORTING_REACH]
        return any(word.fold in _REPORTING for word in (*lead, *tail))

    def _sentence_break(self, index: int, hit: Hit) -> bool:
        word = self.words[index]
        start, end = (word.end, hit.start) if word.end <= hit.start else (hit.end, word.start)
        return any(ch in ".!?;:\n" for ch in self.text[start:end])

    def mentioned(self, hit: Hit, window: int = 3) -> bool:
        """Is a @mention near the hit?"""
        return any(hit.first - window <= p <= hit.last + window + 1 for p in self.mention_positions)


@lru_cache(maxsize=64)
def story_names(story: str) -> dict[str, str]:
    """The names of a story (words capitalised inside a sentence), lower-cased, by their
    ASCII folding: ``{"ozdemir": "özdemir", "washington": "washington"}``."""
    names = {}
    for token in tokenize(story):
        if not (token.text[:1].isupper() and token.text.isalpha()):
            continue
        before = token.start - 1
        while before >= 0 and story[before].isspace():
            before -= 1
        if before >= 0 and story[before] not in _SENTENCE_ENDS:
            names[token.fold] = token.norm
    return names


_APOSTROPHES = frozenset("'’")
_SENTENCE_BREAKS = ".!?\n"
_QUOTES = '"“”«»'
_REPORTING_REACH = 4  # words before or after a quotation: 'called his colleague a "moron"'
#: Words that report someone else's words before a quotation (see Context.reported).
_REPORTING = frozenset(
    "called calling calls dubbed branded labelled labeled described describing said says "
    "shouted shouting yelled yelling screamed wrote tweeted posted chanted chanting word words "
    "term slur insult insulted reportedly allegedly nicknamed accused quoted headline".split()
)
_SENTENCE_ENDS = frozenset(".!?…:;\"'“”«»()-–—")


#: Endings of a Turkish plural and its cases: a word for people, not one person or a thing
#: ("Ermeniler", "Kürtlerin").
PLURALS = tuple("ler lar leri lari lerin larin lere lara lerini larini lerde larda".split())

# For Context.called: "you are", "you're" (you re, youre, ur, u r), "your" for "you're"
# before an article, and the words that may stand between it and what the reader is called.
_YOU = frozenset({"you", "u", "ya"})
_COPULAS = frozenset({"are", "re", "r"})
_CALLED = frozenset({"youre", "ur"})
_YOU_ARE_MISSPELT = frozenset({"your", "ur", "youre"})
_ARTICLES = frozenset({"a", "an", "such", "my"})
_INTENSIFIERS = frozenset(
    "so such total complete absolute utter real really little big fat sorry lazy bloody piece "
    "bunch pile of nothing but just only still always literally basically".split()
)
# Words after a hit that end its phrase ("you are a pig and a liar").
_PHRASE_ENDS = frozenset("and or but who that lol lmao too".split())

_SECOND_PERSON_ENDINGS = ("sin", "sun", "siniz", "sunuz")
_QUESTIONS = frozenset({"misin", "musun", "misiniz", "musunuz"})
_NEGATIONS_AFTER = ("degil", "yapmaz", "olmaz", "sayilmaz")
_POSSESSIVES = frozenset({"your", "ur"})
_NEGATIONS = frozenset({"not", "never", "isnt", "arent", "no", "nor"})
