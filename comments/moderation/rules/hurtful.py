"""``hurtful`` (rencide edici cümleler veya imalar): demeaning phrasing; always review.

Entries marked ``aimed`` (a curse such as ``kahrolsun``) count only when said of people: a
second-person word beside them, or a word for people right before or after (a plural,
``kahrolsun Ermeniler``; a name, ``Kahrolsun Ahmet``; a people, ``Kürtler``), not of a thing
(``kahrolsun terör``, ``kahrolsun savaş``). Death wishes aimed at people ("I hope your whole
family dies", "umarım ailen ölür") are found by :mod:`..wishes`.

A people named in the plural and called a demeaning or insulting word at the end of the clause
("Araplar pis.", "Çingeneler hepsi hırsızdır") is demeaned as a whole; not in the news, where
the word goes on ("Afganlar terörist saldırısında öldü"). A faith's followers are the belief
rule's.

A phrase denied by the word right after it is not said ("doğurduğuna pişman değil", "senin gibi
insanlar yüzünden değil, sayesinde").
"""

from ..context import PLURALS, Context, Hit
from ..deasciify import inside_sentence
from ..findings import HURTFUL, REVIEW, Finding
from ..language import EN
from ..messages import message
from ..text import capitalised
from ..wishes import death_wishes


def check(ctx: Context) -> list[Finding]:
    tr, en = message(HURTFUL)
    findings = [
        Finding(HURTFUL, REVIEW, hit.start, hit.end, tr, en)
        for hit in ctx.hurtful
        if (not hit.entry.aimed_only or _said_of_people(ctx, hit)) and not _denied(ctx, hit)
    ]
    words = ctx.words
    for first, last in death_wishes(ctx.text, words):
        start, end = words[first].start, words[last].end
        if not any(f.start < end and start < f.end for f in findings):  # not "hope you die" twice
            findings.append(Finding(HURTFUL, REVIEW, start, end, tr, en))
    for start, end in _peoples_demeaned(ctx):
        if not any(f.start < end and start < f.end for f in findings):
            findings.append(Finding(HURTFUL, REVIEW, start, end, tr, en))
    return findings


# Words that may stand between a people and what it is called ("Araplar hepsi pis").
_BEFORE_PREDICATE = frozenset("hepsi zaten hep tam birer bir çok cok de da".split())
_CLAUSE_ENDS = frozenset(".!?;,\n")


def _peoples_demeaned(ctx: Context) -> list[tuple[int, int]]:
    """Spans where a people in the plural is called a demeaning or insulting word that ends
    the clause (Turkish: the predicate comes last)."""
    if ctx.lang == EN:
        return []
    peoples = [hit for hit in ctx.peoples if hit.first == hit.last]
    if not peoples:
        return []
    words, text = ctx.words, ctx.text
    called = {
        hit.first: hit
        for hit in (*ctx.hits(ctx.lexicon.demeaning), *ctx.insults)
        if hit.first == hit.last
    }
    found = []
    for people in peoples:
        index = people.last + 1
        while index < len(words) and words[index].fold in _BEFORE_PREDICATE:
            index += 1
        word = called.get(index)
        if word is None or index - people.last > 3:
            continue
        if any(ch in _CLAUSE_ENDS for ch in text[people.end : word.start]):
            continue
        last = index + 1 == len(words)
        if last or any(ch in _CLAUSE_ENDS for ch in text[word.end : words[index + 1].start]):
            found.append((people.start, word.end))
    return found


def _denied(ctx: Context, hit: Hit) -> bool:
    """Is the phrase denied by "değil" (değildir, değiliz) right after it, in the same clause?
    Not in the question that affirms it ("beyinsizlik değil de ne": what else is it)."""
    words = ctx.words
    after = hit.last + 1
    if ctx.lang == EN or after >= len(words) or not words[after].fold.startswith("degil"):
        return False
    if ctx.text[hit.end : words[after].start].strip():
        return False  # punctuation between: another clause
    rest = [word.fold for word in words[after + 1 : after + 3]]
    return rest not in (["de", "ne"], ["da", "ne"])


def _said_of_people(ctx: Context, hit: Hit) -> bool:
    """Is the curse beside a second-person word, a plural, a name or a people?"""
    if ctx.second_person(hit, window=1):
        return True
    words = ctx.words
    # An English curse written in title case is a title's words ("Nobody Cares About Your
    # Pension"): the capital beside it is the title's too, no name.
    title = (
        ctx.lang == EN
        and inside_sentence(ctx.text, hit.first, words[hit.first])
        and all(capitalised(words[i].text) for i in range(hit.first, hit.last + 1))
    )
    for index in (hit.first - 1, hit.last + 1):
        if not 0 <= index < len(words):
            continue
        word = words[index]
        if ctx.text[min(word.end, hit.end) : max(word.start, hit.start)].strip():
            continue  # punctuation between: another clause
        # (a capital at a sentence's start says nothing: "Terör kahrolsun")
        name = capitalised(word.text) and not title and inside_sentence(ctx.text, index, word)
        plural = word.fold.endswith(PLURALS) and len(word.fold) > 5
        if name or plural or ctx.lookup(ctx.lexicon.groups, word) is not None:
            return True
    return False
