"""Words and patterns for amounts in free text: numbers, headcount, turnover, company age and
size, and yes/no. Data for instruments.profile_reading, not logic.

Everything is matched against normalised text (lower case, no accents, straight quotes); PUNCTUATION
is the map that straightens quotes and dashes while normalising.
"""

from __future__ import annotations

import re

from instruments.models import Size


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("".join(parts))


PUNCTUATION = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-", "\u2011": "-"}
)
_NL_NUMBERS = ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
               "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
               "negentien"]
_EN_NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
               "eighteen", "nineteen"]
_NL_TENS = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NL_UNITS = "een|twee|drie|vier|vijf|zes|zeven|acht|negen"
_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
DUTCH_NUMBERS: dict[str, float] = {
    **{w: float(n) for n, w in enumerate(_NL_NUMBERS, 2)},
    **{w: float(n) for w, n in zip(_NL_TENS.split("|"), range(20, 100, 10), strict=True)},
    "honderd": 100.0,
}
NUMBER_WORDS: dict[str, float] = {
    **DUTCH_NUMBERS,
    **{w: float(n) for n, w in enumerate(_EN_NUMBERS, 1)},
    **{w: float(n) for w, n in zip(_EN_TENS.split("|"), range(20, 100, 10), strict=True)},
    "hundred": 100.0, "duizend": 1000.0, "thousand": 1000.0,
}
ARTICLE_ONE = {"een": 1.0, "a": 1.0, "an": 1.0}  # "een" is also the article: only in context


def number_word(token: str) -> float | None:
    """ "twaalf" -> 12, "vijfendertig" -> 35, "twenty-five" -> 25, "tweehonderd" -> 200."""
    token = token.strip().replace("-", " ")
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    if match := re.fullmatch(rf"({_NL_UNITS})en({_NL_TENS})", token):
        return (ARTICLE_ONE.get(match[1]) or NUMBER_WORDS[match[1]]) + NUMBER_WORDS[match[2]]
    if match := re.fullmatch(rf"({_EN_TENS}) ?({_EN_UNITS})", token):
        return NUMBER_WORDS[match[1]] + NUMBER_WORDS[match[2]]
    if match := re.fullmatch(rf"({_NL_UNITS}|{_EN_UNITS}|a|an) ?(honderd|hundred)", token):
        return (ARTICLE_ONE.get(match[1]) or NUMBER_WORDS[match[1]]) * 100
    return None


def _group_word(word: str) -> str:
    """The Dutch "met z'n ..." form: vijf -> vijven, zes -> zessen, twaalf -> twaalven."""
    if word.endswith("f"):
        return word[:-1] + "ven"
    return "zessen" if word == "zes" else word + "en"


DUTCH_GROUP_WORDS = {_group_word(w): n for w, n in DUTCH_NUMBERS.items()}
_DIGITS = r"(?<![\d.,])\d++(?:[.,]\d++)*+"  # whole numbers only: linear on long digit runs
_NUM = rf"(?P<n>{_DIGITS}|[a-z]+(?:[- ][a-z]+)?)"
_STAFF_NOUNS = (r"medewerkers?|werknemers?|employees?|staff(?: members)?|mensen|people|fte'?s?"
                r"|personen|persons?|pers\.?|man|collega'?s|colleagues")
EMPLOYEE_PATTERNS = (
    # a range, "tussen de 10 en 50 man", "10-15 employees": read as its middle (`lo` and `n`)
    _rx(r"\b(?:(?:tussen (?:de )?|between )(?P<lo>\d{1,6}) ?(?:en|and|-|tot|to)",
        r"|(?<![\w.,])(?P<lo2>\d{1,6}) ?(?:-|tot|to)) ?(?P<n>\d{1,6}) ?(?:", _STAFF_NOUNS, r")\b"),
    # a correction on its own: "sorry, het zijn er 25"
    _rx(r"^(?:(?:sorry|nee|oh|oeps|eigenlijk|correctie)[,!.]? )*(?:het|we) zijn er ",
        r"(?:eigenlijk |nu |inmiddels |toch )?(?P<n>\d{1,6}|[a-z]+)\b(?! die\b| that\b)"),
    # "een man of vijfentwintig": about that many
    _rx(r"\been (?:man|mannetje|persoon|personen|mensen) of (?P<n>\d{1,6}|[a-z]+)\b"),
    _rx(r"\bmet (?:z'n|zn|zijn|ons) (?P<n>", "|".join(DUTCH_GROUP_WORDS), r"|\d+(?='?en\b))\b"),
    _rx(r"\b", _NUM, r" ?-? ?(?P<noun>medewerkers?|werknemers?|employees?|staff(?: members)?",
        r"|mensen|people|fte'?s?|personen|persons?|pers\.?|man|collega'?s|colleagues",
        r"|arbeidskrachten",
        r"|workers|personeelsleden|devs|developers|engineers|ontwikkelaars|programmeurs",
        r"|ppl|pers|koppen|fte-?ers|werkers|mensjes|man sterk|folks|guys|heads",
        r"|founders|co-?founders|oprichters|compagnons",
        r"|monteurs?|mechanics|koks|cooks|bakkers|bakers|verkopers|kappers|medewerksters",
        r"|vakmensen|technici|technicians|operators|chauffeurs|drivers|verpleegkundigen|nurses",
        r"|man personeel|mensen in dienst|in dienst|op de loonlijst|on the payroll)\b"),
    # "we zijn met 8", "we are 12", "we're a team of six": a count right after "we are"
    _rx(r"\b(?:we|wij) (?:zijn|are) (?:nu |now |met |with )?(?:z'n |zn )?",
        r"(?:(?:ongeveer|about|around|circa|ca\.?|zo'n|een stuk of) )?",
        r"(?P<n>\d{1,6}|[a-z]+)\b(?! ?(?:jaar|years?|maanden|months|%|procent|euro|eur|k\b))"),
    _rx(r"\b(?P<n>\d+|[a-z]+?)[- ]?(?P<unit>mans|persoons)",
        r"(?:bedrijf|zaak|onderneming|team|bureau|organisatie|studio|praktijk)\b"),
    _rx(r"\b(?:team|staff|workforce|headcount|personeelsbestand) (?:of|van) ",
        r"(?:about |around |ongeveer |circa |ca\.? )?(?P<n>", _DIGITS, r"|[a-z]+(?:-[a-z]+)?)\b"),
)
AMBIGUOUS_STAFF_NOUNS = {"mensen", "people", "personen", "persons", "person", "man", "workers",
                         "pers", "pers."}
NOT_STAFF_BEFORE = {"voor", "for", "to", "aan", "by", "door", "serve", "serves",
                    "help", "helps", "helpen", "bereiken", "reach", "reaches", "bedienen", "over"}
YEAR_BEFORE = {"in", "sinds", "since", "per", "tot", "until", "vanaf", "from", "jaar", "year"}

_AMOUNT = (rf"(?:€|\beur\b|\beuro\b)? ?(?P<amount>{_DIGITS}) ?"
           r"(?P<unit>miljoen|miljard|mln|mld|million|billion|mio|bn|duizend|thousand|ton|k|m)?\b")
# the money a plan needs: "40k", "€ 4 miljoen", "1,5 mln", "een ton", "around 200k", "2 ton"
PROJECT_AMOUNT = _rx(
    r"(?P<cur>€|\beur\b|\beuro\b|\beuros\b)? ?(?<![\w])(?P<amount>", _DIGITS,
    r"|half an?|een half|een halve|anderhalf|anderhalve|een|a|an|half|halve)",
    r" ?(?P<unit>miljoen|miljard|mln|mld|million|billion|mio|bn|duizend|thousand|ton|k|m)?\b",
    r"(?P<after> ?(?:euro|eur|euros)\b)?",
)
PROJECT_CONTEXT = _rx(  # words that say an amount is what the plan needs or costs
    r"\b(?:nodig|need|needs|needed|budget|kost|kosten|costs?|begroting|investering|investment"
    r"|lenen|borrow|ophalen|raise|raising|financiering|funding|project|plan|lening|loan"
    r"|krediet|credit|bedrag|amount|zoeken|looking for|seeking|ticket|ronde|round)\b")
AMOUNT_WORDS = {"een": 1.0, "a": 1.0, "an": 1.0, "half": 0.5, "halve": 0.5, "half a": 0.5,
                "half an": 0.5, "een half": 0.5, "een halve": 0.5, "anderhalf": 1.5,
                "anderhalve": 1.5}
_TURNOVER = r"\b(?:jaar)?(?:omzet|turnover|revenues?|sales)\b"
TURNOVER_AFTER = _rx(_TURNOVER, r"[^\d€]{0,30}?", _AMOUNT)
TURNOVER_BEFORE = _rx(_AMOUNT, r" ?(?:euros?|eur)? ?(?:aan |in |of |at )?", _TURNOVER)
# the R&D wage costs a WBSO estimate rests on, and the profit an Innovation Box estimate rests on
# (R&D wages only: "loonkosten" alone are all wages, too much for a WBSO estimate)
_WAGES = (r"\b(?:s&o|r&d|rnd|research)[- ]?(?:loonkosten|salariskosten|salarissen|lonen"
          r"|wage costs?|wages|salaries|salary costs?|payroll|staff costs?|personeelskosten)\b")
WAGES_AFTER = _rx(_WAGES, r"[^\d€]{0,30}?", _AMOUNT)
WAGES_BEFORE = _rx(_AMOUNT, r" ?(?:euros?|eur)? ?(?:aan |in |of |at |on |per jaar aan )?", _WAGES)
# all wages, which count as R&D wages only where the message says (nearly) all of it is R&D:
# "500.000 euro loon per jaar, bijna alles voor R&D-uren" (conversations-dev4 cd4-24)
_ALL_WAGES = (r"\b(?:loon|lonen|loonkosten|loonsom|salaris|salarissen|salariskosten|wages"
              r"|wage costs?|salaries|payroll|staff costs?|personeelskosten)\b")
ALL_WAGES_AFTER = _rx(_ALL_WAGES, r"[^\d€]{0,30}?", _AMOUNT)
ALL_WAGES_BEFORE = _rx(_AMOUNT, r" ?(?:euros?|eur)? ?(?:aan |in |of |at |on )?", _ALL_WAGES)
ALL_FOR_RND = _rx(
    r"\b(?:(?:bijna|vrijwel|nagenoeg|grotendeels) )?(?:alles|allemaal|volledig) (?:voor|aan|in|op)",
    r" (?:de |het )?(?:r&d|s&o|onderzoek|ontwikkel\w*)",
    r"|\b(?:(?:almost|nearly|mostly|practically) )?all of it (?:is |goes |for |on |to )*",
    r"(?:r&d|research|development)\b",
)
_PROFIT = r"\b(?:innovatie)?(?:winst|profits?)\b"
PROFIT_AFTER = _rx(_PROFIT, r"[^\d€]{0,30}?", _AMOUNT)
PROFIT_BEFORE = _rx(_AMOUNT, r" ?(?:euros?|eur)? ?(?:aan |in |of |at )?", _PROFIT)
MULTIPLIERS = {"ton": 1e5, "miljoen": 1e6, "mln": 1e6, "million": 1e6, "mio": 1e6, "m": 1e6,
               "miljard": 1e9, "mld": 1e9, "billion": 1e9, "bn": 1e9, "duizend": 1e3,
               "thousand": 1e3, "k": 1e3}

_STARTED = r"(?:opgericht|gestart|begonnen|founded|started|established|set up|incorporated)"
AGE_PHRASES = (
    (_rx(r"\b(?:vorig|verleden) jaar ", _STARTED, r"|\b", _STARTED,
         r" (?:in )?(?:vorig|verleden|last) (?:jaar|year)"), 1.0),
    (_rx(r"\bdit jaar ", _STARTED, r"|\b", _STARTED, r" (?:dit|this) (?:jaar|year)",
         r"|\b(?:net|pas|zojuist|recent) opgericht|\b(?:just|newly|recently) (?:founded|started)"),
     0.0),
)
FOUNDED_YEAR = _rx(r"\b(?:", _STARTED, r"|bestaan sinds|exist(?:ed)? since|in business since",
                   r"|actief sinds)(?: (?:in|op|sinds|since|per))?(?: [a-z]+)? ",
                   r"(?P<year>(?:18|19|20)\d{2})\b")
_YEARS = r"(?P<n>(?<![\d.,])\d++(?:[.,]\d+)?|[a-z]+)[ -](?:jaar|years?|yrs?)"
AGE_RELATIVE = (
    _rx(r"\b", _YEARS, r"[ -](?:oud|old|jong|young)\b"),
    _rx(r"\b", _STARTED, r" (?:ongeveer |about |around |zo'n )?", _YEARS, r" (?:geleden|ago)\b"),
    _rx(r"\b", _YEARS, r" geleden ", _STARTED),
    _rx(r"\b(?:bestaan|exist|existed|in business)(?: (?:al|nu|for|pas|trouwens|nog|maar|sinds"
        r"|ongeveer|zo'n|only|just|about|around))* ", _YEARS, r"\b"),
)

SIZE_ALIASES: dict[str, str | None] = {
    "micro": "micro", "micro enterprise": "micro", "microbedrijf": "micro",
    "micro onderneming": "micro", "small": "small", "klein": "small", "kleine onderneming": "small",
    "small enterprise": "small", "medium": "medium", "middelgroot": "medium",
    "medium sized": "medium", "mid sized": "medium", "large": "large", "groot": "large",
    "grootbedrijf": "large", "large enterprise": "large",
    "sme": None, "smes": None, "mkb": None, "kmo": None,  # an SME, but which class is not said
}
SIZE_WORDS: tuple[tuple[Size, re.Pattern[str]], ...] = (
    ("micro", _rx(r"\bmicro[- ]?(?:onderneming|bedrijf|enterprise|company|business)")),
    ("small", _rx(r"\bkleine? (?:bedrijf|onderneming)|\bklein mkb\b",
                  r"|\bsmall (?:enterprise|company|business|firm)")),
    ("medium", _rx(r"\bmiddelgro(?:ot|te) (?:bedrijf|onderneming)|\bmiddelgroot mkb",
                   r"|\bmedium[- ]sized|\bmid[- ]sized")),
    ("large", _rx(r"\bgro(?:ot|te) (?:bedrijf|onderneming)|\bgrootbedrijf",
                  r"|\blarge (?:enterprise|company|corporation|firm)|\bmultinational")),
)
YES_WORDS = {"true", "yes", "ja", "1", "y", "j", "waar", "jazeker", "jawel", "klopt", "zeker",
             "yep", "yeah", "yup", "sure", "correct", "indeed", "ok", "oke", "jep", "jup"}
NO_WORDS = {"false", "no", "nee", "0", "n", "onwaar", "nope", "neen", "nah", "niet", "nog niet",
            "not yet", "geen", "none", "nee hoor", "no we don't", "helaas niet"}

# belonging to a larger group ("een dochter van een concern", "part of a group"): the group's
# headcount counts for the size class (linked enterprises, 2003/361/EC; dev4 cd4-39)
SUBSIDIARY = _rx(
    r"\b(?:dochter(?:bedrijf|onderneming|maatschappij)?s? van (?:een|het|dat|dit|de) (?:\w+ )?",
    r"(?:bedrijf|concern|groep|holding|multinational|onderneming)|werkmaatschappij van",
    r"|\bmoeder(?:bedrijf|maatschappij)\b|\bparent company\b",
    r"|(?:onder)?deel van (?:een|het|de) (?:\w+ )?(?:concern|groep|holding|multinational)",
    r"|(?:horen|hoort|behoren|behoort) (?:bij|tot) (?:een|het|de) (?:\w+ )?(?:concern|groep)",
    r"|\bsubsidiary\b|\bdochter(?:bedrijf|onderneming|maatschappij)\b",
    r"|part of (?:a|an|the) (?:\w+ ){0,2}?(?:group|concern|corporation"
    r"|multinational|company)|owned by (?:a|an|the) (?:\w+ ){0,2}?(?:group|company|corporation",
    r"|multinational)|belongs? to (?:a|an|the) (?:\w+ ){0,2}?group)",
)
# the group's headcount, said after the words of belonging: "een concern met 800 medewerkers"
GROUP_HEADCOUNT = _rx(
    r"\b(?:concern|groep|group|moederbedrijf|moedermaatschappij|holding|parent(?: company)?",
    r"|multinational|corporation|bedrijf|company)\b",
    r"(?:(?!\b(?:wij|we|zelf|ourselves|ons|our|us)\b)[^.;,]){0,40}?\b(?:met|with|van|of|heeft",
    r"|has|telt|employs) ",
    r"(?:ruim |bijna |zo'n |ongeveer |about |over |around |some )?(?P<n>\d[\d.,]*) ?",
    r"(?:medewerkers|werknemers|man|mensen|personen|employees|people|staff|fte)\b",
)
