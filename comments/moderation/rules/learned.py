"""The learned signal (see ``comments/moderation/model.py``): when no offence rule fired but the
model finds the comment likely offensive, a ``hurtful`` finding sends it to review. Never
rejects. The span is the word that weighs most in the model's score."""

from ..context import Context
from ..findings import HURTFUL, OFFENCE_RULES, REVIEW, Finding

MESSAGE = (
    "Otomatik denetim: saldırgan bir ifade olabilir, editör bakacak.",
    "Automatic check: may be offensive; an editor will look.",
)


def check(ctx: Context, earlier: list[Finding]) -> list[Finding]:
    model = ctx.model
    if model is None or not ctx.token_texts or any(f.rule in OFFENCE_RULES for f in earlier):
        return []
    probability, index = model.score_texts(ctx.token_texts)
    if probability < model.threshold:
        return []
    if index is None:
        start, end = ctx.tokens[0].start, ctx.tokens[-1].end
    else:
        start, end = ctx.tokens[index].start, ctx.tokens[index].end
    return [Finding(HURTFUL, REVIEW, start, end, *MESSAGE)]
