"""Hostile requests by their words: overriding the rules, role play, revealing settings,
claimed authority, fabricating schemes or documents, and lying to RVO or the tax authority.
`intent` reads these first; what they let through the meaning-based guard may still catch.
"""

from __future__ import annotations

import re

_OVERRIDE = re.compile(
    # overriding the rules: an imperative (not "our software ignores the rules of ...") aimed at
    # the assistant's own instructions, or at rules with no other qualifier ("your rules", "all
    # rules", not "the de minimis rules")
    r"\b(negeer|negeren|vergeet|vergeten|ignore|disregard|forget|override|overrule)\b.{0,40}"
    r"\b(instructie|instructies|opdracht|prompt|instructions?|above|previous|everything)"
    r"|\b(negeer|negeren|vergeet|vergeten|ignore|disregard|forget|override|overrule)\s+"
    r"((al(le|l)?|de|the|je|jouw|uw|your|these|deze|any)\s+){0,3}"
    r"((previous|prior|earlier|above|own|vorige|eerdere|voorgaande|bovenstaande|eigen)\s+)?"
    r"(regels|rules|guidelines|richtlijnen|beperkingen|restrictions)\b"
    r"|\b(je|jouw|uw|your|alle|all)\s+(eigen\s+|own\s+)?(regels|instructies|rules|instructions)"
    r"\b.{0,20}\b(te\s+)?(negeren|vergeten|loslaten|ignore|ignoring|forget|disregard|drop)\b"
    r"|system\s*(prompt|override)|systeemprompt|prompt\s*template|###\s*(system|instruction)"
    r"|<!--|\[/?inst\]|new instructions|nieuwe instructies|instructie voor de assistent"
    r"|(^|[\n\"'“‘(\[>#|])\s*(system|assistant|assistent|systeem|developer)\s*:"
    r"|</?(div|span|script|system|iframe|style|img|meta|svg|body|html|input|form|user"
    r"|assistant|instructions?|prompt|hidden)\b[^<>]{0,200}>",
    re.IGNORECASE | re.DOTALL,
)
_ROLEPLAY = re.compile(
    r"jailbreak|\bdan\b.{0,30}\b(mode|anything)|\bdo anything now\b|developer mode"
    r"|\byou are now\b|\bje bent nu\b|\bjij bent nu\b|\bact as (an?|the)\b|\bdoe (net )?alsof"
    r"|\bpretend\b|\blet'?s play a game\b"
    r"|\b(from now on|henceforth),?\s+(you\b|answer|reply|respond|always|only|say|act)"
    r"|\b(vanaf nu|van nu af aan),?\s+((ben|bent|antwoord|reageer|zeg|moet|mag|doe)\s+(je|jij|u)"
    r"|(je|jij|u)\s+(bent|antwoordt?|reageert|zegt|moet|mag))\b"
    r"|\b(ai|assistent|assistant|bot|chatbot|model|\w*gpt|\w*bot)\b.{0,15}\b(without|zonder)\s+"
    r"(any\s+|enige\s+)?"
    r"(rules|restrictions|limits|filters|beperkingen|regels|restricties)\b",
    re.IGNORECASE | re.DOTALL,
)
_REVEAL = re.compile(
    # revealing settings or secrets (not "the instructions for applying for the WBSO")
    r"\b(print|show|reveal|display|dump|paste|output|toon|laat|geef|plak|stuur)\b.{0,30}"
    r"\b(your|the|je|jouw|de|hidden|verborgen|internal|interne|full|volledige|raw)\b.{0,20}"
    r"(instructions|instructies|systeeminstructies|settings|instellingen|config\w*)\b"
    r"(?!\s+(voor|for|om|to|on|over|about|bij|op|hoe|how)\b"
    r"(?!\s+(de\s+|the\s+)?(assistent|assistant|ai|bot|chatbot|model)\b))"
    r"|\bprint\s+(your|je|the)\s+(config\w*|settings|prompt)"
    r"|api[_ ]?key|openai_api_key|wachtwoord|password|environment variables?|omgevingsvariabelen"
    r"|\b(decode|decodeer|ontcijfer)\w*\b.{0,40}\b(and|en)\b.{0,20}\b(do|follow|execute|run"
    r"|voer|volg|doe)\b",
    re.IGNORECASE | re.DOTALL,
)
_AUTHORITY = re.compile(
    # claimed authority asking for access, or to switch protections off
    r"\b(zet|schakel|turn|switch)\b.{0,20}\b(beveiliging|security|safety|filters?|restricties"
    r"|restrictions)\b.{0,12}\b(uit|off)\b"
    r"|\b(disable|uitschakelen)\b.{0,20}\b(security|safety|filters?|beveiliging)"
    r"|\b(maintenance|debug|admin|god|onderhouds|beheerders?)[- ]?(mode|modus)\b"
    r"|\b(toegang|access)\s+(tot|to)\s+(alle|all|de|the)\s+(aanvragen|applications|data"
    r"|gegevens|database|dossiers|files|users|gebruikers)",
    re.IGNORECASE,
)
_FABRICATE = re.compile(
    # fabricating schemes, quotes or official documents
    # an order ("make up a grant"), not a description ("we invent new coatings", "fake
    # documents")
    r"(?<!\bwe )(?<!\bwij )(?<!\bi )(?<!\bik )(?<!\bthey )(?<!\bze )(?<!\bzij )"
    r"\b(verzin|bedenk|invent|make up|fabricate|fake)\s+(me\s+|mij\s+|for me\s+|voor mij\s+)?"
    r"(a|an|een|some|any|new|nieuwe?|fictional|fictieve?)\b.{0,40}\b(regeling|subsidie|scheme|grant"
    r"|subsidy|programme|program|instrument|citaat|quote)"
    r"|(present|presenteer)\w*\b.{0,30}\b(as|als) (a |an |een )?(quote|citaat)"
    r"|sounds official|klinkt officieel"
    # a figure or promise wanted whether or not it is true
    r"|\b(i|we)\s+(don'?t|do not)\s+care\s+(if|whether)\b.{0,40}\b(true|real|correct|letter"
    r"|brief)"
    r"|\bmaakt\s+(me|mij|ons)?\s*niet\s+uit\s+(of|dat)\b.{0,40}\b(klopt|waar|echt|brief)"
    r"|\b(just\s+)?make\s+up\s+(a|an|the|some)\s+(number|figure|amount|bedrag)"
    r"|\b(verzin|bedenk)\s+(maar\s+|gewoon\s+)?(een|het)\s+(getal|bedrag|cijfer)"
    r"|\b(give|geef|noem|name|state|tell|write|schrijf)\b.{0,30}\b(guaranteed|gegarandeerde?)\s+"
    r"(amount|bedrag|sum|som)"
    r"|\b(bevestig|confirm)\s+(dat|that)\s+(de\s+|the\s+)?(kamerbrief|brief|letter|kabinet|cabinet"
    r"|government|overheid|regering)\b.{0,40}\b(belooft|promises|guarantees|garandeert)\b"
    r"|(officiële|official)\s+(toekenningsbrief|beschikking|brief|letter|approval|decision)"
    r"|toekenningsbrief|goedkeuringsbrief|approval letter"
    r"|\b(write|schrijf|maak|make|create|opstellen|stel|genereer|generate)\b.{0,30}"
    r"\b(fake|nep|valse?|forged|vervalst\w*)\b",
    re.IGNORECASE | re.DOTALL,
)
_FRAUD = re.compile(
    # lying to RVO or the tax authority
    r"\b(controleert|merkt|checkt)\s+(\w+\s+)?niemand|\bniemand\s+(\w+\s+)?"
    r"(controleert|merkt|checkt|komt er\s*achter)"
    r"|\bnobody\s+(\w+\s+)?(checks|notices|will\s+(notice|know|check|find))"
    r"|\bwithout\s+(anyone|rvo|them|the\s+\w+|the belastingdienst)\s+(noticing|knowing"
    r"|finding out)"
    r"|\b(look|appear|seem)\s+(bigger|larger|higher|more)\s+than"
    r"|\b(uren|hours|kosten|costs)\b.{0,20}\b(opblazen|opkrikken|inflate|inflating)"
    r"|\b(inflate|inflating|opblazen|opkrikken|overdrijven|exaggerate)\b.{0,20}\b(uren|hours"
    r"|kosten|costs)"
    r"|\b(lie|lying|liegen|jokken)\s+(about|over|tegen|to\s+(rvo|the|them))\b"
    # dating documents back, or making things look other than they are
    r"|\b(backdate|backdating|antedateer|antedateren|terugdateren)\b"
    r"|\b(so|zodat)\s+(it|they|we|het|ze|wij)\s+(looks?|seems?|appears?|lijkt|lijken)"
    r"\s+(like|as if|alsof|dat)\b.{0,40}\b(not|n'?t|never|already|earlier|niet|nog|nooit|al"
    r"|eerder|geen)\b"
    r"|\b(make|maak|laat)\s+(it|het|them|ze)\s+(look|lijken|seem)\s+(like|as if|alsof)\b"
    r".{0,40}\b(not|n'?t|never|already|earlier|niet|nog|nooit|al|eerder|geen)\b"
    # dismissing the check: "RVO controleert dat toch nooit", "they'll never check"
    r"|\b(controleert|checkt|ziet|merkt)\s+(dat|het|dit)\s+toch\s+(nooit|niet)\b"
    r"|\b(rvo|they|they'll|nobody|the belastingdienst)\s+(will\s+)?(never|won'?t)\s+(check|notice"
    r"|audit|find out)\b",
    re.IGNORECASE | re.DOTALL,
)
_HOSTILE = (_OVERRIDE, _ROLEPLAY, _REVEAL, _AUTHORITY, _FABRICATE, _FRAUD)
_BASE64 = re.compile(r"(?<![\w/+])(?=\S*\d)(?=\S*[A-Z])(?=\S*[a-z])[A-Za-z0-9+/]{24,}={0,2}")


def is_hostile(text: str) -> bool:
    """An attempt to override the rules, leak settings, forge documents or cheat."""
    return any(p.search(text) for p in _HOSTILE) or bool(_BASE64.search(text))
