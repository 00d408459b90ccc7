"""``belief_attack`` (inançlara saldırı): a religion, belief, holy figure or book near insulting
or demeaning words, or a faith's followers cursed ("Yahudilerin Allah belasını versin"). Rejected
when the word beside it is a swear word, an insult or a curse, reviewed when it is only
demeaning ("yobaz", "cult").

Demeaning entries marked ``aimed`` are demeaning only when said of the faith. In Turkish, the
predicate of the faith: right after it in the same clause, with only small words between ("İslam
bir hastalıktır", "Kuran'ı hemen yakmak lazım"; not "İslam ülkelerinde obezite yaygın bir
hastalıktır", "kilisenin sobasını yakmak lazım", "camide yakmak lazım"). In English, after it with a
verb "to be" between ("Islam is a disease", "Muslims are rats"; not "the disease spread
through the church"), or a call at the start of a sentence ("Burn all the Bibles"; not
"arsonists tried to burn the church"), its object at once ("Disease spread through the
monastery" is no call). In English a plain demeaning word after the faith counts right after it
("Jews control the media") or after a verb "to be" ("the Quran is a book of filth"), not as the
object of another verb ("the Catholic charity cleared the filth"). Nor is a demeaning word that
a relative clause ties to someone acting on the faith ("the terrorist who attacked the
synagogue").

The allow-list (innocent words that hold a bad stem: ``sikh`` against ``sik``) does not apply
to the names of faiths: they are no bad words.
"""

from bisect import bisect_left, bisect_right

from ..context import Context, Hit
from ..findings import BELIEF_ATTACK, REJECT, REVIEW, Finding
from ..language import EN
from ..messages import message

WINDOW = 5
MAX_PHRASE = 8  # words in the longest phrase of a list
# Endings of a word for the followers of a faith: Turkish plural and its cases, English plural.
_FOLLOWERS = tuple("ler lar lerin larin leri lari lere lara lerini larini s".split())


def check(ctx: Context) -> list[Finding]:
    beliefs = ctx.hits(ctx.lexicon.belief, allow=False)
    if not beliefs:
        return []
    partners = [
        (hit, REVIEW if hit.entry.soft or hit.entry.severity == REVIEW else REJECT)
        for hit in ctx.profanity
    ]
    partners += [
        (hit, REVIEW if hit.entry.severity == REVIEW or hit.entry.aimed_only else REJECT)
        for hit in ctx.insults
    ]
    demeaning = ctx.hits(ctx.lexicon.demeaning)
    partners += [(hit, REVIEW) for hit in demeaning]
    partners += [(hit, REJECT) for hit in ctx.group_slurs]  # "Yahudi dölü"
    curses = ctx.hits(ctx.lexicon.curses)
    findings = []
    tr, en = message(BELIEF_ATTACK)
    for belief in beliefs:
        # A curse rejects when the belief word names followers ("Yahudilerin", "Muslims"),
        # not a place or a thing ("kilisede"): only then is the curse on people of a faith.
        followers = ctx.words[belief.last].fold.endswith(_FOLLOWERS)
        curse_severity = REJECT if followers else REVIEW
        candidates = sorted(
            partners + [(hit, curse_severity) for hit in curses], key=lambda pair: pair[0].first
        )
        firsts = [hit.first for hit, _ in candidates]
        best = None
        low = bisect_left(firsts, belief.first - WINDOW - MAX_PHRASE)
        high = bisect_right(firsts, belief.last + WINDOW)
        for partner, severity in candidates[low:high]:
            if partner.first <= belief.last + WINDOW and belief.first <= partner.last + WINDOW:
                if severity == REVIEW and partner in demeaning:
                    if partner.entry.aimed_only and ctx.lang != EN:
                        said = _predicate_of(ctx, belief, partner)
                    else:
                        said = _said_of(ctx, belief, partner)
                    if not said:
                        continue
                if best is None or (severity == REJECT and best[1] == REVIEW):
                    best = (partner, severity)
        if best is not None:
            partner, severity = best
            start, end = min(belief.start, partner.start), max(belief.end, partner.end)
            findings.append(Finding(BELIEF_ATTACK, severity, start, end, tr, en))
    return findings


#: A verb "to be" between a faith and what is said of it ("Islam is a disease").
_TO_BE = frozenset("is are was were be s re isnt arent".split())
#: Words that may stand between a demeaning word and the faith after it ("deport all the
#: Muslims", "death to every single Jew").
_SMALL = frozenset("the a an all every single these those them of and to our your their".split())
_SENTENCE_BREAKS = ".!?;\n"


def _said_of(ctx: Context, belief: Hit, partner: Hit) -> bool:
    """Is the demeaning word said of the faith? In English, after the faith: right after it
    ("Jews control the media") or as what a verb "to be" says of it ("Islam is a disease",
    "Muslims should all be deported"; not "the Catholic charity cleared the filth", "the church
    roof was filthy"); before it, plain entries with only small words between ("filthy
    Muslims", "deport all the Muslims"; not "terrorists attacked a mosque"), ``aimed`` entries
    only as a call opening the sentence ("Burn all the Bibles"; not "Disease spread through the
    Buddhist monastery", "Animals of the Bible"). ``aimed`` entries need the verb "to be" after
    the faith. In Turkish a plain entry beside the faith always counts."""
    words, text = ctx.words, ctx.text
    first, last = sorted((belief, partner), key=lambda hit: hit.first)
    between = [words[i].fold for i in range(first.last + 1, last.first)]
    if not partner.entry.aimed_only:
        if ctx.lang != EN:
            return True
        if partner is last:
            return not between or _predicate(between)
        bad = ctx.bad_positions
        return all(words[i].fold in _SMALL or i in bad for i in range(first.last + 1, last.first))
    if any(ch in _SENTENCE_BREAKS for ch in text[first.end : last.start]):
        return False
    if partner is last:
        return bool(between) and _predicate(between)
    opening = text[: partner.start].rstrip()
    if opening and opening[-1] not in _SENTENCE_BREAKS:
        return False
    # A call: the verb, then its object at once ("Burn all the Bibles", "Nuke Mecca").
    return not between or (between[0] in _CALL_OBJECT and _SMALL.issuperset(between))


#: The words that may open a call's object ("Burn all the Bibles", "Nuke every mosque").
_CALL_OBJECT = _SMALL - {"of", "and", "to"}
#: Words that may stand before the verb "to be" ("Muslims should all be deported").
_MODALS = frozenset(
    "should must will would could can may might need needs to ought deserve deserves all just "
    "really".split()
)
#: Words after the verb "to be" that make the faith no subject of what follows ("Religion is
#: no cure for mental illness", "Muslims are told that dogs are unclean").
_NOT_SAID_OF = frozenset(
    "no not never told said that which who for with from by in on at against about than "
    "isnt arent".split()
)
#: Words ending like a participle that are none ("Islam is nothing but a disease").
_NOT_VERBS = frozenset("nothing something anything everything thing king ring red bed".split())


def _predicate(between: list[str]) -> bool:
    """Do the words between a faith and a word after it make the word said of the faith: a verb
    "to be" (after modals: "should all be"), then at most three words, none a verb or a turn
    ("is a", "are soulless", "is nothing but a"; not "is fighting the", "roof was", "is no cure
    for")?"""
    verb = next((i for i, word in enumerate(between) if word not in _MODALS), len(between))
    if verb == len(between) or between[verb] not in _TO_BE:
        return False
    rest = between[verb + 1 :]
    return len(rest) <= 3 and not any(
        word in _NOT_SAID_OF or (word.endswith(("ing", "ed")) and word not in _NOT_VERBS)
        for word in rest
    )


#: Turkish words that may stand between a faith and its predicate ("İslam bir hastalıktır",
#: "Kuran'ı hemen yakmak lazım", "Yahudiler zaten dünyanın başına bela").
_TR_SMALL = frozenset(
    "bir tam çok cok en hepsi hepsini zaten de da resmen gerçekten gercekten bence kesinlikle "
    "adeta düpedüz dupeduz sadece hemen derhal toptan topluca tamamen ise".split()
)
_TR_CLAUSE_BREAKS = ".!?;,:\n"
_APOSTROPHES = frozenset("'’")
#: Endings of a faith word in the locative or ablative: a place, not the subject ("camide").
_TR_PLACE_ENDINGS = tuple("de da te ta den dan ten tan deki daki".split())


def _predicate_of(ctx: Context, belief: Hit, partner: Hit) -> bool:
    """Is the Turkish ``aimed`` demeaning word the predicate said of the faith: after it, in the
    same clause (a comma may set the faith off as the topic: "İslam, bir hastalıktır"), with
    only small words between, or one word more when the faith is the subject, in the nominative
    ("Müslümanlar tehlikeli bir virüstür"; not "camide", "kilisenin sobasını")?"""
    if partner.first <= belief.last:
        return False
    words, text = ctx.words, ctx.text
    between = text[belief.end : partner.start]
    if between.lstrip("'’").startswith(","):
        between = between.lstrip("'’")[1:]  # the topic set off
    if any(ch in _TR_CLAUSE_BREAKS for ch in between):
        return False
    first = belief.last + 1
    suffix = words[belief.last].fold[len(belief.entry.words[-1].folded) :]
    if first < partner.first and text[belief.end : words[first].start] in _APOSTROPHES:
        suffix = words[first].fold  # Kuran'ı, Kabe'de
        first += 1
    if suffix.endswith(_TR_PLACE_ENDINGS):
        return False
    others = [i for i in range(first, partner.first) if words[i].fold not in _TR_SMALL]
    if not others:
        return True
    nominative = suffix in ("", "ler", "lar", "lik", "lık", "luk", "lük")
    return nominative and len(others) == 1
