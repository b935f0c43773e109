"""What does the user want? Rules over Dutch and English cue words; no model needed.

Order matters: hostile input is recognised first (and declined), then out-of-scope topics,
then the kinds of question the assistant answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import Intent

_INJECTION = re.compile(
    # overriding the rules
    r"(negeer\w*|negeren|vergeet|vergeten|ignor\w*|disregard\w*|forget|override)\b.{0,40}"
    r"\b(instructie|instructies|regels|opdracht|prompt|instructions?|rules|guidelines|above"
    r"|previous|everything)"
    r"|system\s*(prompt|override)|systeemprompt|###\s*(system|instruction)|<!--|\[/?inst\]"
    r"|new instructions|nieuwe instructies|instructie voor de assistent|jailbreak|\bdan mode\b"
    r"|developer mode|you are now|je bent nu|act as (an?|the) |doe alsof|pretend (you|to)"
    # revealing settings or secrets
    r"|(print|show|reveal|display|toon|laat|geef)\b.{0,30}\b(your|the|je|jouw|de)\b.{0,20}"
    r"(instructions|instructies|systeeminstructies|settings|instellingen|config\w*)"
    r"|api[_ ]?key|openai_api_key|wachtwoord|password|environment variables?|omgevingsvariabelen"
    # fabricating schemes, quotes or official documents
    r"|(verzin|bedenk|invent|make up|fabricate|fake)\b.{0,40}\b(regeling|subsidie|scheme|grant"
    r"|subsidy|programme|program|instrument|citaat|quote)"
    r"|(present|presenteer)\w*\b.{0,30}\b(as|als) (a |an |een )?(quote|citaat)"
    r"|sounds official|klinkt officieel"
    r"|(officiële|official)\s+(toekenningsbrief|beschikking|brief|letter|approval|decision)"
    r"|toekenningsbrief|goedkeuringsbrief|approval letter",
    re.IGNORECASE | re.DOTALL,
)
_OUT_OF_SCOPE = re.compile(
    r"\b(btw|vat|omzetbelasting|aangifte inkomstenbelasting|belastingaangifte|tax return"
    r"|hypotheek|mortgage|recept|recipe|bak(ken)?|koken|cook|cake|taart|pasta|weer(bericht)?"
    r"\b(?!.{0,20}subsid)|weather|voetbal|football|vakantie|holiday|dating|horoscoop"
    r"|kfw|vlaio|bpifrance|innovate uk|amerikaanse subsid|uk grant"
    r"|\w*toeslag(en)?(?<!pps-toeslag)|uitkering|ww-uitkering|pensioen|pension|crypto"
    r"|bitcoin|aandelen kopen|stock tips)\b",
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"subsid|regeling|innovat|r&d|r&amp;d|onderzoek|research|ontwikkel|develop|financier"
    r"|financ|lening|loan|krediet|credit|fonds|fund|invest|startup|start-up|scale-?up|mkb|sme"
    r"|kabinet|cabinet|government|overheid|brief|letter|valorisat|kennis|knowledge|techn"
    r"|belasting|tax|aftrek|prototype|pilot|haalbaar|feasib|octrooi|patent|universit|spin-?off"
    r"|ecosyste|regio|europ|missie|mission|topsector|groeifonds|actieplan|action plan"
    r"|aanbested|procure|digitali|export|subsidy|grant|scheme|eligib|aanmerking|rvo|kvk"
    r"|bedrijf|company|business|onderneming|ondernemer|entrepreneur|zzp|freelanc|startup",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon"
    r"|evening)|dank( je| u)?( wel)?|bedankt|thanks?( you)?|thx|doei|bye)\b[\s!.?,]*$",
    re.IGNORECASE,
)
_COMPARE = re.compile(
    r"\b(verschil|vergelijk|versus|vs\.?|compare|comparison|difference|beter dan|better than"
    r"|or should i|of moet ik)\b",
    re.IGNORECASE,
)
_ELIGIBILITY = re.compile(
    r"\b(kan ik|kunnen wij|kunnen we|mag ik|mogen wij|mogen we|kom(en)? (ik|wij|we) in aanmerking"
    r"|in aanmerking|voldoe|voldoen|geschikt voor|can (i|we)|could (i|we)|am i|are we|eligible"
    r"|eligibility|qualify|qualifies|allowed to|toegestaan)\b",
    re.IGNORECASE,
)
_EXPLAIN = re.compile(
    r"\b(wat is|wat zijn|wat houdt|hoe werkt|hoe zit|uitleg|leg uit|what is|what are|what's"
    r"|how does|how do|explain|tell me about|vertel)\b",
    re.IGNORECASE,
)
_LETTER = re.compile(
    r"\b(kabinet|kamerbrief|brief|regering|minister\w*|beleid|actieplan|cabinet|government"
    r"|letter|policy|action plan)\b",
    re.IGNORECASE,
)
_POLICY = re.compile(
    r"\b(kabinet|kamerbrief|brief|regering|minister|ministerie|beleid|actieplan|doelstelling"
    r"|ambitie|plan(nen)?|cabinet|government|letter|policy|action plan|goal|ambition|deadline"
    r"|wanneer|when|initiatiefnemer|who is responsible|valorisatie|valorisation|visie|vision"
    r"|intellectueel eigendom|intellectual property|\bip\b|ecosyste|missiegedreven|mission-driven)",
    re.IGNORECASE,
)
_RECOMMEND = re.compile(
    r"\b(welke|which|what)\b.{0,40}\b(regeling|regelingen|subsidie|subsidies|financiering|lening"
    r"|fonds|instrument|scheme|schemes|grant|grants|subsidy|funding|loan|support|tax break"
    r"|options?|mogelijkheden)|\b(past bij|passen bij|fits?|suits?|geschikt|zoek(en)?|looking for"
    r"|need|nodig|advies|advice|recommend|aanraden|tips?)\b",
    re.IGNORECASE,
)


_FOREIGN = re.compile(
    r"\b(duitse|duitsland|germany|german|belgische|belgi[eë]|belgium|belgian|vlaamse|flemish"
    r"|franse|frankrijk|france|french|amerikaanse|usa|united states|american|britse|uk|british"
    r"|spaanse|spanje|spain|spanish)\b",
    re.IGNORECASE,
)
_FOREIGN_SCHEME = re.compile(
    r"\b(subsid\w*|regeling\w*|grants?|schemes?|funding|tax credits?|belastingvoordeel"
    r"|overheid|government)\b",
    re.IGNORECASE,
)
_PARTNERING = re.compile(
    r"\b(met een|samen ?met|partners?|samenwerk\w*|with an?|together|cooperat\w*|collaborat\w*"
    r"|consorti\w*|universit\w*|in nederland|netherlands|dutch|nederlandse)\b",
    re.IGNORECASE,
)


def is_foreign_scheme_question(text: str) -> bool:
    """About another country's support (not about working with a foreign partner)."""
    return bool(
        _FOREIGN.search(text) and _FOREIGN_SCHEME.search(text) and not _PARTNERING.search(text)
    )


def is_hostile(text: str) -> bool:
    return bool(_INJECTION.search(text))


def is_gibberish(text: str, known_words: Sequence[str] | frozenset[str]) -> bool:
    """Mostly letter soup: few words that exist in the corpus or a small common vocabulary."""
    words = re.findall(r"[a-zà-ÿ]{2,}", text.lower())
    if not words:
        return not re.search(r"\d", text) or len(text.strip()) < 3
    known = sum(1 for w in words if w in known_words)
    return known / len(words) < 0.34


def classify(text: str, mentioned: Sequence[str], has_profile_facts: bool) -> Intent:
    """The intent of one message, given the instruments it names and whether it states facts."""
    return _not_answered(text, mentioned) or _answered(text, mentioned, has_profile_facts)


def _not_answered(text: str, mentioned: Sequence[str]) -> Intent | None:
    """Hostile, small talk or out of scope; None for a question the assistant answers."""
    if is_hostile(text):
        return "adversarial"
    if _GREETING.match(text):
        return "smalltalk"
    if mentioned:
        return None
    if _OUT_OF_SCOPE.search(text) or is_foreign_scheme_question(text) or not _DOMAIN.search(text):
        return "out_of_scope"
    return None


def _answered(text: str, mentioned: Sequence[str], has_profile_facts: bool) -> Intent:
    if len(mentioned) >= 2 and _COMPARE.search(text):
        return "compare"
    if mentioned and _ELIGIBILITY.search(text):
        return "eligibility"
    if _LETTER.search(text):
        explains = mentioned and _EXPLAIN.search(text) and not _POLICY.search(text)
        return "explain" if explains else "policy"
    asks_advice = bool(_RECOMMEND.search(text))
    if (asks_advice or has_profile_facts) and (
        not mentioned or (asks_advice and has_profile_facts)
    ):
        return "recommend"
    if mentioned:
        return "explain" if _EXPLAIN.search(text) or not _POLICY.search(text) else "policy"
    if _POLICY.search(text):
        return "policy"
    return "recommend" if has_profile_facts else "policy"
