"""What does the user want? Rules over Dutch and English cue words; no model needed.

Order matters: hostile input is recognised first (and declined), then out-of-scope topics,
then the kinds of question the assistant answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Intent
from assistant.hostile_rules import is_hostile
from assistant.question_forms import (
    HOW_MUCH,
    PAIR_ASKED,
    asks_either,
    asks_to_combine,
    asks_when_i_apply,
)

_OUT_OF_SCOPE = re.compile(
    r"\b(vat|omzetbelasting|aangifte inkomstenbelasting|belastingaangifte|tax return"
    r"|hypotheek|mortgage|recept|recipe|bak(ken)?|koken|cook|cake|taart|pasta"
    r"|weather|voetbal|football|vakantie|holiday|dating|horoscoop"
    r"|kfw|vlaio|bpifrance|innovate uk|amerikaanse subsid|uk grant"
    r"|\w*toeslag(en)?(?<!pps-toeslag)|uitkering|ww-uitkering|ww|uwv|werkloos\w*|bijstand"
    r"|unemployment|pensioen|pension|stock tips|aandelen kopen"
    r"|visa|visum|verblijfsvergunning|residence permit|kennismigrant|highly skilled migrant"
    r"|immigration|immigratie|sollicit\w*|job application|cover letter|motivatiebrief"
    r"|vacature\w*|my cv|mijn cv|curriculum vitae)\b",
    re.IGNORECASE,
)
_OFF_TOPIC_TASK = re.compile(
    # topics and tasks whose words can also occur in real questions, so matched in context
    r"\bbtw[- ]?(aangifte|tarief|nummer|plichtig|terug|verleggen)"
    r"|\b(hoeveel|welk|rekenen|betalen|afdragen|terugvragen|aftrekken)\b.{0,20}\bbtw\b"
    r"|\bbtw\b.{0,20}\b(rekenen|betalen|afdragen|terugvragen|aftrekken|tarief)\b"
    r"|\bweer(bericht|sverwachting|man)\b|\bhoe wordt het weer\b|\bwat voor weer\b"
    r"|\bhet weer\s+(morgen|vandaag|dit weekend|in)\b"
    r"|\b(crypto\w*|bitcoin|aandelen|stocks?|shares|beleggen|beleggingen)\b.{0,30}"
    r"\b(kopen|buy|buying|tips?|advies|advice|koers|price)\b"
    # "buy stock for the winter season" is a shop's inventory, not shares (dev4 cd4-31)
    r"|\b(kopen|buy|buying|koers|price of)\b.{0,20}\b(crypto\w*|bitcoin|aandelen"
    r"|stocks?(?! (?:for|voor|to sell|in)\b))\b"
    r"|\b(translate|vertaal)\b\s*(this|the following|dit|het volgende|to|into|naar|in|:)"
    r"|\b(write|schrijf|maak|generate|genereer)\b.{0,20}\b(code|script|python|javascript"
    r"|sql|regex|functie|function|html)\b"
    r"|\b(vertel|tell|maak|schrijf|write)\b.{0,25}\b(mop|moppen|grap|grapje|joke|jokes"
    r"|gedicht|poem|limerick|liedje|song)\b"
    r"|\b(gedicht\w*|versje|limerick|liedje|speech|toespraak|poem)\b.{0,60}\b(schrijven|maken"
    r"|opstellen|bedenken)\b"
    r"|\b(homework|huiswerk\w*|school assignment|schoolopdracht|tentamen\w*)\b"
    r"|\b(zonnepanelen|warmtepomp|isolatie|isoleren|thuisbatterij|laadpaal|solar panels?"
    r"|heat pump|insulation|home battery)\b.{0,40}\b(mijn|my|ons|our)\s+(eigen\s+|own\s+)?"
    r"(huis|woning|dak|house|home|roof)\b"
    r"|\b(huiseigenaar|homeowner|particulier)\b",
    re.IGNORECASE | re.DOTALL,
)
_DOMAIN = re.compile(
    r"subsid|regeling|innov|r&d|r&amp;d|onderzoek|research|ontwikkel|develop|financ"
    r"|lening|loan|krediet|credit|fonds|fund|invest|startup|start-up|scale-?up|scaling|mkb|sme"
    r"|kabinet|cabinet|government|overheid|brief|letter|valorisat|kennis|knowledge|techn"
    r"|belasting|tax|aftrek|prototype|pilot|haalbaar|feasib|octrooi|patent|universit|spin-?off"
    r"|ecosyste|regio|europ|missie|mission|topsector|groeifonds|actieplan|action plan"
    r"|aanbested|procure|digitali|export|subsidy|(?<![a-z])grant|scheme|eligib|aanmerking|rvo|kvk"
    r"|bedrijf|company|business|onderneming|ondernemer|entrepreneur|zzp|freelanc",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon"
    r"|evening)|dank( je| u)?( wel)?|bedankt|thanks?( you)?|thx|doei|bye)\b[\s!.?,]*$",
    re.IGNORECASE,
)
# a greeting that opens a conversation (not thanks or goodbye): answered with the intake
_OPENING = re.compile(
    r"^\s*(hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon"
    r"|evening))\b", re.IGNORECASE,
)


# asking for help or what the assistant does, with nothing else said: an intake, not out of scope
# (conversations-dev2 d2c003 "kunnen jullie mij helpen?", d2c005 "what can you do?")
_HELP_ASKED = re.compile(
    r"^\s*(?:(?:hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag)[,!. ]+)?(?:kunnen jullie|kun je"
    r"|kan je|kunt u|wil je|wilt u|can you|could you|would you)(?: mij| me| ons| us)? "
    r"(?:helpen|help|even helpen)(?: me| us| mij| ons)?\s*[?!.]*\s*$"
    r"|^\s*(?:wat kun(?:t)? (?:je|jij|u)|wat kan (?:je|jij|u|dit)|what can you do|what do you do"
    r"|what can this do|wat doe je|wat doet u|waar kan ik (?:hulp|advies) krijgen|help)"
    r"(?: (?:voor|for) (?:mij|me|ons|us))?\s*[?!.]*\s*$",
    re.IGNORECASE,
)


def is_opening_greeting(text: str) -> bool:
    return bool(_GREETING.match(text) and _OPENING.match(text)) or bool(_HELP_ASKED.match(text))
_COMPARE = re.compile(
    r"\b(verschil|vergelijk|versus|vs\.?|compare|comparison|difference|beter dan|better than"
    r"|or should i|of moet ik|past beter|beter past|fits better|better fit|welke van de twee"
    r"|which of the two|which one)\b",
    re.IGNORECASE,
)
_ELIGIBILITY = re.compile(
    r"\b(kan ik|kunnen wij|kunnen we|mag ik|mogen wij|mogen we|kom(en)? (ik|wij|we) in aanmerking"
    r"|in aanmerking|voldoe|voldoen|geschikt voor|can (i|we)|could (i|we)|am i|are we|eligible"
    r"|eligibility|qualify|qualifies|allowed to|toegestaan"
    # of a scheme just named or pointed back to: "kan het innovatiekrediet ook?", "could that
    # work for the website?", "past dat bij ons?" (dev4 cd4-10, cd4-04)
    r"|kan (?:het|de|dat|die) (?:\S+ ){0,3}?ook|(?:could|would|does|will|can) (?:that|it|this)"
    r" (?:\S+ )?(?:work|fit|apply)|werkt (?:dat|het|die) (?:ook )?voor"
    r"|past (?:dat|het|die) (?:ook )?(?:bij|voor)"
    # "kan dat met de wbso?", "can we do that with the WBSO?" (the session's blind grading)
    r"|kan (?:dat|het|dit) (?:ook )?(?:met|via|onder)|(?:can|could) (?:we|i) do (?:that|it|this)"
    r" (?:with|under|through))\b",
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
# Someone who describes their company and mentions "the government" or "policy" in passing
# ("a government body as first customer", "I'm a policy officer") asks for a scheme; only
# these cues make it a question about the letter.
_ABOUT_THE_LETTER = re.compile(
    r"\b(kamerbrief|(de|deze|die|the|this|that) (brief|letter)|actieplan|action plan|kabinet"
    r"|cabinet|regering|minister|ministers|according to the|volgens (de|het) (brief|kabinet"
    r"|actieplan|regering|overheid))\b"
    r"|\b(government'?s?|overheids?|kabinets?)\s*(policy|beleid)\b|\bbeleid van de (overheid"
    r"|regering)\b|\bpolicy of the government\b"
    r"|\b(wat|what|hoe|how|when|wanneer|waarom|why|does|do|will|is|gaat|wil|heeft)\b.{0,25}"
    r"\b(government|overheid)\b.{0,30}"
    r"\b(doing|does|plan\w*|say|says|zegt|doet|wil|wants?|invest\w*|respond\w*|reageert)\b",
    re.IGNORECASE,
)
# "does the government have anything for us?" asks for an instrument, not about the letter
_ASKS_FOR_ME = re.compile(
    r"\b(?:have|has|got|offer|heeft|hebben|biedt|bieden)\b.{0,25}\b(?:anything|something|iets"
    r"|wat)\b.{0,20}\b(?:for (?:us|me|that|this|startups?|companies)|voor (?:ons|mij|mijn|onze"
    r"|dat|dit|startups?|bedrijven))\b"
    r"|\b(?:do|doen|betekenen)\b.{0,10}\b(?:for (?:me|us|my|our)|voor (?:mij|ons|mijn|onze))\b",
    re.IGNORECASE,
)
_POLICY = re.compile(
    r"\b(kabinet|kamerbrief|brief|regering|minister|ministerie|beleid|actieplan|doelstelling"
    r"|ambitie|plan(nen)?|cabinet|government|letter|policy|action plan|goal|ambition|deadline"
    r"|wanneer|when|initiatiefnemer|who is responsible|valorisatie|valorisation|visie|vision"
    r"|intellectueel eigendom|intellectual property|\bip\b|ecosyste|missiegedreven|mission-driven"
    # the letter's own instruments of policy (dev2 e046, once a misread amount stopped hiding it)
    r"|innovatieconvenant|innovation covenant|innovatieagenda|innovation agenda|kennisagenda"
    r"|topsector|top sector|kennis- en innovatie)",
    re.IGNORECASE,
)
_RECOMMEND = re.compile(
    r"\b(welke|which|what)\b.{0,40}\b(regeling|regelingen|subsidie|subsidies|financiering|lening"
    r"|fonds|instrument|scheme|schemes|grant|grants|subsidy|funding|loan|support|tax break"
    r"|options?|mogelijkheden)|\b(past bij|passen bij|fits?|suits?|geschikt|zoek(en)?|looking for"
    r"|need|nodig|advies|advice|recommend|aanraden|tips?)\b"
    r"|\bhoe heet\b|\bwhat(?:'s| is) (?:it|that|such a \w+) called\b",
    re.IGNORECASE,
)
# "Eurostars does not cover India, what else is there?": asks for other instruments
ALTERNATIVE = re.compile(
    r"\b(what else|anything else|other (?:options|schemes|instruments|programmes|programs)"
    r"|alternatives?|besides|apart from|instead of|wat (?:is er )?(?:nog )?meer|wat anders"
    r"|andere (?:regelingen|regeling|opties|mogelijkheden|instrumenten)|alternatie\w*"
    r"|behalve|naast de|in plaats van)\b",
    re.IGNORECASE,
)


# "We had the WBSO for years. Can we pay less tax on the profits?": the scheme is named as
# background (something had or used, or a partner), while the question itself names none and
# does not point back to it ("die regeling", "daarvoor").
_HAD = re.compile(
    r"\b(gehad|gekregen|ontvangen|hadden|gebruikt|gebruiken|hebben gehad|had|have had|'ve had"
    r"|received|got|used|using|already have"
    # named as a partner: "a consortium of four companies plus TNO"
    r"|consortium|partners?|samen met|together with|in samenwerking met|plus)\b",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"\b(die|deze|dat|this|that|the|de|het|its)\s+(regeling|subsidie|scheme|grant"
    r"|programma|programme|program|aftrek|krediet|credit|lening|loan|fonds|fund)\b"
    r"|\b(ervoor|daarvoor|daarmee|hiervoor|daarvan|terugbetalen|it|again|opnieuw|weer)\b",
    re.IGNORECASE,
)


# "I've got a question about the WBSO": not background
_ASKING_ABOUT = re.compile(r"\b(questions?|vra(a|ge)g|vragen|wondering|benieuwd)\b", re.IGNORECASE)
# the question asks for support of its own ("can we pay less tax?", "is there a grant?")
_NEW_SUPPORT = re.compile(
    r"belasting|\btax\b|subsid|\bgrants?\b|\blening|\bloans?\b|krediet|\bcredit\b"
    r"|investeerder|\binvestors?\b|kapitaal|\bcapital\b|financier|\bfunding\b|\bscheme"
    r"|\bfiscal|\bfiscaal|\bfiscale|aftrek|\bdeduction|\bregeling|\bregling",
    re.IGNORECASE,
)


def named_only_as_background(text: str, concepts_of: Callable[[str], list[str]]) -> bool:
    """The instruments named stand only in statements of what the company had, used or
    partners with, and the question (the last sentence asking something) asks for support
    while naming none and pointing back to none."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    asks = [s for s in sentences if s.rstrip().endswith("?")]
    if len(sentences) < 2 or not asks:
        return False
    question = asks[-1]
    if concepts_of(question) or _BACK_REFERENCE.search(question):
        return False
    if not (_RECOMMEND.search(question) or _NEW_SUPPORT.search(question)):
        return False  # "Is there a limit?" still asks about the scheme named before
    background = [s for s in sentences if s is not question and concepts_of(s)]
    return bool(background) and all(
        _HAD.search(s) and not _ASKING_ABOUT.search(s) for s in background
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


# another country's tax system is not ours to explain (issue 11): the tax word with the country
_FOREIGN_TAX = re.compile(
    r"\b(?:duitse|belgische|franse|amerikaanse|britse|spaanse|german|belgian|french|american"
    r"|british|spanish) (?:\w+ )?(?:\w*belasting\w*|btw|vat|\w*tax\w*|\w*steuer\w*)"
    r"|\b(?:\w*belasting\w*|btw|vat|\w*tax\w*) (?:\w+ ){0,3}(?:in|van|of) (?:duitsland|belgi[eë]"
    r"|frankrijk|spanje|amerika|engeland|germany|belgium|france|spain|the us|the uk|usa)\b"
    r"|\bgewerbesteuer|\bkörperschaftsteuer|\bkorperschaftsteuer",
    re.IGNORECASE,
)


def is_foreign_scheme_question(text: str) -> bool:
    """About another country's support or tax system (not about working with a foreign
    partner)."""
    return bool(_FOREIGN_TAX.search(text)) or bool(
        _FOREIGN.search(text) and _FOREIGN_SCHEME.search(text) and not _PARTNERING.search(text)
    )




# Someone speaking of their own company, plan or idea ("ik heb een idee", "wij zijn een
# bakkerij met 5 man ...") is who the assistant is for, even with no scheme or domain word.
_FIRST_PERSON = re.compile(
    r"\b(ik|wij|we|mijn|ons|onze|me|mij|i|i'm|im|we're|my|our|us)\b", re.IGNORECASE
)
_OWN_PLAN = re.compile(
    r"\b(idee|ideeen|ideeën|idea|ideas|plan|plannen|plans|product|producten|products|dienst"
    r"|diensten|service|uitvinding|invention|uitvinden|invent|bedenken|bouwen|build|building"
    r"|maken|make|making|verbeteren|improve|vernieuwen|verduurzamen|investeren|investing"
    r"|uitbreiden|expand|groeien|grow|starten|start|beginnen|begin|hulp|help|steun|support"
    r"|geld|money|kosten|costs|machine\w*|oven\w*|apparat\w*|installatie\w*|equipment"
    r"|zaak|winkel|shop|bakkerij|bakery|garage|boerderij|farm|fabriek|factory|werkplaats"
    r"|workshop|kwekerij|restaurant|hotel|café|cafe|salon|praktijk|webshop|app|website"
    r"|klanten|customers|medewerkers|personeel|staff|employees|bedacht|uitgevonden|invented"
    r"|apparaat\w*|device|gadget|prototype)\b"
    # compounds: "fietsenwinkel", "installatiebedrijf", "garagebedrijf", "banketbakkerij"
    r"|\w+(winkel|zaak|bedrijf|bakkerij|garage|werkplaats|fabriek|kwekerij|boerderij"
    r"|praktijk|studio|bureau)\b",
    re.IGNORECASE,
)


def speaks_of_own_business(text: str, has_facts: bool) -> bool:
    """A first-person message about the user's own company, plan or need."""
    return bool(_FIRST_PERSON.search(text) and (has_facts or _OWN_PLAN.search(text)))


def is_off_topic(text: str) -> bool:
    """Clearly about something else: a topic or task named by the word rules."""
    return bool(
        _OUT_OF_SCOPE.search(text) or _OFF_TOPIC_TASK.search(text)
        or is_foreign_scheme_question(text)
    )


def is_out_of_scope(text: str, has_facts: bool = False) -> bool:
    """About something other than innovation support for companies: a topic named as off
    topic, or no word of the domain in a message that does not speak of the user's business."""
    if is_off_topic(text):
        return True
    return not (_DOMAIN.search(text) or has_facts or speaks_of_own_business(text, has_facts))


def is_gibberish(text: str, known_words: Sequence[str] | frozenset[str]) -> bool:
    """Mostly letter soup: few words that exist in the corpus or a small common vocabulary."""
    words = re.findall(r"[a-zà-ÿ]{2,}", text.lower())
    if not words:
        return not re.search(r"\d", text) or len(text.strip()) < 3
    known = sum(1 for w in words if w in known_words or _compound_of_known(w, known_words))
    return known / len(words) < 0.34


COMPOUND_HEAD = 5  # a Dutch compound ends in a known word this long ("melkvee|bedrijf")


def _compound_of_known(word: str, known_words: Sequence[str] | frozenset[str]) -> bool:
    return any(word[i:] in known_words for i in range(2, len(word) - COMPOUND_HEAD + 1))


def classify(
    text: str, mentioned: Sequence[str], has_profile_facts: bool, about_company: bool = False
) -> Intent:
    """The intent of one message, given the instruments it names, whether it states facts and
    whether any of them is about the company itself (a headcount, a stage, a region ...)."""
    return _not_answered(text, mentioned, about_company) or _answered(
        text, mentioned, has_profile_facts
    )


def _not_answered(text: str, mentioned: Sequence[str], has_facts: bool) -> Intent | None:
    """Hostile, small talk or out of scope; None for a question the assistant answers."""
    if is_hostile(text):
        return "adversarial"
    if _GREETING.match(text):
        return "smalltalk"
    if mentioned:
        return None
    if is_out_of_scope(text, has_facts):
        return "out_of_scope"
    return None


def names_the_letter(text: str) -> bool:
    """Names the letter or the cabinet (not just a policy word such as "when")."""
    return bool(_LETTER.search(text))


def asks_about_the_letter(text: str) -> bool:
    """Names the letter, the cabinet or a policy subject ("valorisatie", "the action plan")."""
    return bool(_LETTER.search(text) or _POLICY.search(text))


def _about_the_named(text: str, mentioned: Sequence[str]) -> Intent | None:
    """A question about named instruments, by its form: combining, something else instead,
    comparing, how much, may I; None when it takes more than the form to tell."""
    letter = bool(_LETTER.search(text))
    if asks_to_combine(text, len(mentioned)) and not letter:  # "naast", "andere regelingen"
        return "combine"  # also read as "something else": combining is what is asked
    if ALTERNATIVE.search(text) and not letter:
        return "recommend"
    pair = bool(PAIR_ASKED.search(text))  # "X vs Y": a comparison even if one name is unknown
    if pair or (len(mentioned) >= 2 and _COMPARE.search(text)):
        return "compare"
    if len(mentioned) == 1 and HOW_MUCH.search(text) and not letter:
        return "estimate"
    if asks_when_i_apply(text) and not letter:  # "wanneer kan ik de WBSO aanvragen?"
        return "explain"
    if _ELIGIBILITY.search(text):
        return "eligibility"
    if len(mentioned) >= 2 and asks_either(text, lang_nl=_ENGLISH_OF.search(text) is None):
        return "compare"
    return None


# a Dutch question's "of" is its "or", unless English words around it make it English's "of"
_ENGLISH_OF = re.compile(r"\b(?:the|what|which|are|is|and|do|does|for|how|when)\b",
                         re.IGNORECASE)


def _answered(text: str, mentioned: Sequence[str], has_profile_facts: bool) -> Intent:
    by_form = _about_the_named(text, mentioned) if mentioned else None
    if by_form is not None:
        return by_form
    if (
        _LETTER.search(text)
        and not _ASKS_FOR_ME.search(text)
        and (not has_profile_facts or _ABOUT_THE_LETTER.search(text))
    ):
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
