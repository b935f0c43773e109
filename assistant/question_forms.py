"""The forms of a question about named instruments, in words: "X vs Y", "MIT of
Innovatiekrediet?", "how much would we get?", "can I combine X with Y?". `intent` reads them
beside its other rules; the flows that answer them are `compare`, `how_much` and `combine`.
"""

from __future__ import annotations

import re

# a comparison asked in so many words ("X vs Y", "verschil tussen X en Y"): with one name
# recognised (named twice, or beside an unknown one) it is still a comparison, answered so
PAIR_ASKED = re.compile(
    r"\b(vs\.?|versus|verschil tussen|vergelijk(?:en|ing)?|compare|difference between)\b",
    re.IGNORECASE,
)
# "how much would we get?": an estimate from the profile's numbers (assistant/how_much.py);
# "hoeveel WBSO krijgen we?" too; "hoeveel budget heeft de MIT?" asks for a figure of the
# scheme, not for an estimate
HOW_MUCH = re.compile(
    r"\b(hoeveel (?:geld |subsidie |korting |voordeel |belasting |(?:de |het )?(?:wbso|mit"
    r"|mit-subsidie|innovatiekrediet|innovatiebox|eia|mia|kia|vamil|slim|isde|vff|dei\+?"
    r"|eurostars|pps-toeslag) )?"
    r"(?:krijg|krijgen|kan|kunnen|levert|leveren|bespaar|besparen|zou|zouden|lenen|leen"
    r"|scheelt|is dat voor|oplevert)"
    r"|wat (?:levert|leveren|scheelt|bespaar)|what would (?:i|we) get|what do (?:i|we) get"
    r"|how much (?:\w+ ){0,4}?(?:get|receive|save|borrow|claim|deduct|be worth))",
    re.IGNORECASE,
)


# "can I combine X with Y?", "WBSO en innovatiebox stapelen", "X naast Y aanvragen": a verb of
# combining, with two schemes named or other schemes meant (`COMBINE_WITH_OTHERS`); "we
# combineren AI en sensoren" is about the product, not the schemes
COMBINE = re.compile(
    r"\b(combiner\w*|combine[sd]?|combining|combination|stapel\w*|stack\w*|cumul\w*"
    r"|tegelijk(?:ertijd)? (?:aanvragen|krijgen|gebruiken)|at the same time"
    r"|(?:allebei|beide) (?:aanvragen|krijgen|gebruiken|inzetten)|both at once"
    r"|(?:get|use|claim|apply for|have) (?:them )?both|both (?:schemes|of them) (?:at|on|for)"
    r"|naast (?:de |het |een )?\S+ (?:aanvragen|krijgen|gebruiken)|on top of)\b",
    re.IGNORECASE,
)
COMBINE_WITH_OTHERS = re.compile(
    r"\b(?:andere|other|meer|more) (?:subsidies?|regelingen|regeling|schemes?|grants?"
    r"|steun|aid|funding)\b|\bmet elkaar\b|\beach other\b",
    re.IGNORECASE,
)


# "kan ik isde en eia samen gebruiken?": combining only with two schemes named ("kunnen we de
# machine samen gebruiken?" is about a machine)
TOGETHER = re.compile(r"\bsamen (?:aanvragen|krijgen|gebruiken|inzetten)\b|\btogether\b",
                      re.IGNORECASE)


def asks_to_combine(text: str, named: int) -> bool:
    if named >= 2 and TOGETHER.search(text):
        return True
    return bool(COMBINE.search(text)) and (named >= 2 or bool(COMBINE_WITH_OTHERS.search(text)))


def asks_how_much(text: str) -> bool:
    return bool(HOW_MUCH.search(text))


# a new fact and "does that matter?" ("we bestaan pas 2 jaar, maakt dat uit?"): the question
# just answered, asked again with the new fact (conversations-dev4 cd4-24)
IT_MATTERS = re.compile(
    r"\b(?:maakt (?:dat|dit|het) (?:nog )?(?:iets |wat )?uit|verandert (?:dat|dit|het) (?:nog )?"
    r"(?:iets|wat)|scheelt (?:dat|dit|het) (?:nog )?(?:iets|wat)"
    r"|heeft (?:dat|dit) (?:invloed|effect)"
    r"|does (?:that|this|it) (?:matter|change (?:anything|something|things)|make a difference)"
    r"|(?:would|will) (?:that|this|it) (?:matter|change (?:anything|something)))",
    re.IGNORECASE,
)


def asks_if_it_matters(text: str) -> bool:
    return bool(IT_MATTERS.search(text))


# "MIT of Innovatiekrediet?", "WBSO or MIT?": two names and an "or" in a question (the Dutch
# "of" only in a Dutch question: "the deadlines of the WBSO and the MIT?" is no choice)
EITHER_NL = re.compile(r"\bof\b[^.!?]*\?\s*$", re.IGNORECASE)
EITHER_EN = re.compile(r"\bor\b[^.!?]*\?\s*$", re.IGNORECASE)


def asks_either(text: str, lang_nl: bool) -> bool:
    return bool((EITHER_NL if lang_nl else EITHER_EN).search(text))


# "van wanneer is die brief?", "when exactly was it sent?", "wie schreef de brief?": the
# letter's own identification (shared/reference/letter.md), asked in a few words
# (conversations-dev3 cd3-18, cd3-35: quotes came back without the date)
LETTER_IDENTITY = re.compile(
    r"\b(?:van wanneer|welke datum|datum van|gedateerd|what date|dated|sent|verstuurd|verzonden"
    r"|published|gepubliceerd|when (?:was|is) (?:it|the letter|this letter) (?:from|written)"
    r"|wanneer (?:is|werd) (?:die|de|deze) brief (?:geschreven|gestuurd|verschenen)"
    r"|gestuurd|who (?:wrote|sent|signed)|wie (?:schreef|stuurde|ondertekende|heeft)"
    r"|kamerstuk(?:nummer)?)\b",
    re.IGNORECASE,
)
LETTER_ITSELF = re.compile(r"\b(?:brief|kamerbrief|letter|die|deze|it|kamerstuk)\b", re.I)
LETTER_NAMED = re.compile(r"\b(?:brief|kamerbrief|letter)\b", re.I)
# longer: a question about what the letter says, not about the letter; one that names the
# letter may take a few words more ("When was the government letter on innovation and
# valorisation sent, and who sent it?" has 15)
LETTER_IDENTITY_WORDS, LETTER_NAMED_IDENTITY_WORDS = 10, 18


def asks_letter_identity(text: str) -> bool:
    words = len(text.split())
    limit = LETTER_NAMED_IDENTITY_WORDS if LETTER_NAMED.search(text) else LETTER_IDENTITY_WORDS
    return (words <= limit and bool(LETTER_IDENTITY.search(text))
            and bool(LETTER_ITSELF.search(text)))


# "wie kan de WBSO aanvragen?", "wie is onze ROM?", "who runs it?": the explanation gives the
# whole of who may apply, not its first sentence (the ROMs per province: conversations-dev c032)
ASKS_WHO = re.compile(r"^\W*(?:\S+ ){0,3}?(wie|who|welke rom|which rom)\b", re.IGNORECASE)


def asks_who(text: str) -> bool:
    return bool(ASKS_WHO.search(text))


# what is left of "en DEI+?", "and the MIT?", "wat dacht je van de WBSO?" once the scheme's
# name is taken out: in a conversation that knows the company it asks whether that one fits
# (dev4 cd4-32: the DEI+ card was explained, never said to miss proven equipment)
BARE_MENTION = re.compile(
    r"^\W*(?:(?:en|and|ok|oke|okay|oh|of|or|maar|but|ook|also|nog|de|het|the|een|a"
    r"|wat dacht je van|hoe zit het met|what about|how about)\W*)*$",
    re.IGNORECASE,
)


def bare_mention(text_without_names: str) -> bool:
    return bool(BARE_MENTION.match(text_without_names))


# "and what does it say about startups?" after a question about the letter: "it" is the letter
# (conversations-dev4 cd4-36 got recommendations for a start-up)
IT_SAYS = re.compile(
    r"\b(?:what (?:does|do) (?:it|they) (?:say|state|write|mention|propose|plan)"
    r"|what else does it|does it (?:say|mention) (?:anything|something)"
    r"|wat (?:zegt|schrijft|staat|noemt) (?:ze|hij|die|het|er)\b"
    r"|staat er (?:ook )?iets (?:in )?over"
    r"|zegt (?:ze|hij|die|het) (?:ook )?iets over)",
    re.IGNORECASE,
)


def asks_what_it_says(text: str) -> bool:
    return bool(IT_SAYS.search(text))


# "tellen we dan als mkb?", "are we an SME?", "vallen wij onder het mkb?": the size test itself
# (conversations-dev4 cd4-39 got the recommendations again)
ASKS_SME = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:en|maar|dus|oh|ok|oké)[,]?\s+)?(?:tellen|telt|vallen|valt|zijn|ben|is"
    r"|horen|hoort)\s+(?:we|wij|ik|mijn bedrijf|ons bedrijf)\b"
    r"(?:\s+\w+){0,3}?\s+(?:als |onder (?:het )?|bij (?:het )?|tot (?:het )?)?(?:een )?"
    r"(?:mkb(?:'er|-bedrijf)?|kmo)\b"
    r"|(?:^|[.!?]\s+)(?:(?:and|so|but|ok)[,]?\s+)?(?:(?:are we|am i|is our company|is my company)"
    r"(?:\s+\w+){0,2}?|(?:do|does|would|will|can)\s+(?:we|i|our company|my company)"
    r"(?:\s+\w+){0,2}?\s+(?:count|qualify|classify|pass)(?:\s+as)?)\s+(?:an? )?"
    r"(?:sme|small (?:or medium[- ]sized )?(?:business|enterprise))\b",
    re.IGNORECASE,
)


def asks_sme_status(text: str) -> bool:
    return bool(ASKS_SME.search(text)) and text.rstrip().endswith("?")


# a question about when to apply: "what are the deadlines?", "wanneer kan ik aanvragen?",
# "when can we apply?"; not "when was the letter sent?" nor "wanneer gaan de wijzigingen in?"
ASKS_WHEN = re.compile(
    r"\b(?:deadlines?|sluitingsdatum|closing dates?|openstelling(?:en)?)\b"
    r"|\b(?:wanneer|tot wanneer|when|until when)\b(?:\W+\w+){0,5}?\W+"
    r"(?:aanvra\w*|indienen|apply|applying|application|submit\w*|open)\b"
    # "is the training one open now?", "is die nu nog open?": the window, now
    r"|\b(?:is|are|zijn)\b(?:\W+\w+){1,4}?\W+(?:nu |now |still |nog |op dit moment )+open\b"
    r"|\bopen (?:now|right now|nu|op dit moment)\b",
    re.IGNORECASE)
# "wat is SLIM precies en wanneer kan ik aanvragen?" asks what it is as well: the card answers
WHAT_IS = re.compile(r"\b(?:wat is|wat zijn|wat houdt|what is|what's|what are)\b"
                     r"(?! (?:de |the )?(?:deadlines?|sluitingsdatum|closing date))", re.IGNORECASE)
# reporting afterwards is no applying: "when do I submit the final report?"
REPORTING = re.compile(r"\b(?:report\w*|rapport\w*|verantwoording|realisatie|urenadministratie"
                       r"|eindverslag|vaststelling)\b", re.IGNORECASE)


# the asker applying ("wanneer kan ik ...", "wanneer gaat die open?"), not the timing of a
# measure in the letter ("When is the deadline for the third Growth Fund round?")
I_APPLY = re.compile(
    r"\b(?:kan ik|kunnen (?:we|wij)|can (?:i|we)|moet(?:en)? (?:ik|we|wij)|should (?:i|we)"
    r"|do (?:i|we)|mag ik|mogen (?:we|wij)|tot wanneer|until when|open(?:s|t|en)?|now|nu)\b",
    re.IGNORECASE)


def asks_when(text: str) -> bool:
    return (bool(ASKS_WHEN.search(text)) and not WHAT_IS.search(text)
            and not REPORTING.search(text))


def asks_when_i_apply(text: str) -> bool:
    return asks_when(text) and bool(I_APPLY.search(text))
