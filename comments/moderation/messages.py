"""Short explanations shown to commenters and editors, in Turkish and English."""

from .findings import (
    ALL_CAPS,
    BELIEF_ATTACK,
    HURTFUL,
    INSULT,
    LIKELY_OFFENSIVE,
    LINKS,
    NO_TURKISH_CHARS,
    PROFANITY,
    SPELLING,
    SUSPECT,
)

MESSAGES: dict[str, tuple[str, str]] = {
    PROFANITY: ("Küfür içeriyor.", "Contains swearing."),
    INSULT: ("Hakaret içeriyor.", "Contains an insult."),
    HURTFUL: (
        "Rencide edici bir ifade veya ima içeriyor.",
        "Contains a hurtful phrase or insinuation.",
    ),
    BELIEF_ATTACK: ("İnançlara saldırı içeriyor.", "Attacks a religion or belief."),
    SPELLING: ("İmla kurallarına uygun yazılmamış.", "Not written by the spelling rules."),
    NO_TURKISH_CHARS: (
        "Türkçe karakter kullanılmamış (ç, ğ, ı, ö, ş, ü).",
        "Written without Turkish letters (ç, ğ, ı, ö, ş, ü).",
    ),
    ALL_CAPS: ("Büyük harflerle yazılmış.", "Written in capital letters."),
    LINKS: ("Çok fazla bağlantı içeriyor.", "Contains too many links."),
    SUSPECT: ("Editör onayı gerektiren bir ifade içeriyor.", "Contains a term editors check."),
    # Not a rule of the notice: only editors see it ({score} is the model's probability).
    LIKELY_OFFENSIVE: (
        "Öğrenen model saldırgan olma olasılığını {score:.2f} buluyor; editör bakmalı.",
        "The learned model gives it a {score:.2f} probability of being offensive; "
        "an editor should look.",
    ),
}

DETAILS: dict[str, tuple[str, str]] = {
    "letter_flood": ("Harf tekrarı", "Repeated letters"),
    "punctuation_flood": ("Noktalama tekrarı", "Repeated punctuation"),
    "chat_speak": ("Kısaltma veya sohbet dili", "Chat-speak abbreviation"),
    "aimed": ("Bir kişiye yönelik", "Aimed at a person"),
    "misspelled": ("Çok sayıda yazım hatası", "Many misspelled words"),
}


def message(rule: str, detail: str | None = None) -> tuple[str, str]:
    tr, en = MESSAGES[rule]
    if detail:
        dtr, den = DETAILS[detail]
        return f"{tr} ({dtr})", f"{en} ({den})"
    return tr, en
