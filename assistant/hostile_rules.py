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
    r"|\b(write|schrijf|maak|make|create|stel|genereer|generate|draft|opstellen|give me|geef me)"
    r"\b.{0,40}\b((officiële|official)\s+(toekenningsbrief|beschikking|brief|letter|approval"
    r"|decision)|toekenningsbrief|goedkeuringsbrief|approval letter)"
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
_DECEIVE = re.compile(
    # making records, claims or documents say what is not so, or keeping RVO from seeing it
    r"\b(pad|padding|opvullen|oprekken|ophogen)\b.{0,30}\b(hour|hours|uren|log|urenlog"
    r"|administratie|timesheets?|kosten|costs)"
    r"|\b(uren\w*|urenstaten|hours|timesheets?|urenlog|administratie|kosten)\b.{0,30}"
    r"\b(opvullen|oprekken|ophogen|opkrikken|aandikken|padden)\b"
    r"|\b(shift|move|change|verschuiv\w*|verzet\w*|aanpass\w*)\b.{0,20}\b(the\s+|de\s+)?(dates|datums?)"
    r"\b.{0,40}\b(log|jira|project|administratie|records|aanvraag|application)"
    r"|\b(generate|genereer|create|maak|make|write|schrijf|stel|opstellen|produce)\b.{0,60}"
    r"\b(realistic|realistisch\w*|geloofwaardig\w*|believable|convincing|overtuigend\w*"
    r"|echt\s+ogend\w*|real[- ]looking|authentic[- ]looking)\b"
    r"|\b(verzin|verzinnen|bedenk|bedenken|make\s+up|invent)\b.{0,40}\b(verhaal|story"
    r"|reden|reason|uitleg|explanation|onderbouwing|justification|uren|hours|kosten|costs)"
    r"|\b(verhaal|reden|uitleg|onderbouwing|uren|kosten)\b.{0,15}\b(te\s+)?(verzinnen|bedenken)"
    # ... so that the checker does not see it
    r"|\bzonder\s+dat\s+(de\s+|het\s+)?(rvo|belastingdienst|inspecteur|fiscus|accountant"
    r"|controleur|auditor|ze|zij|iemand|het|die|men)\b.{0,20}\b(het\s+)?(doorheeft|doorhebben"
    r"|merkt|merken|ziet|zien|opmerkt|ontdekt|ontdekken|opvalt)"
    r"|\b(zodat|dat)\s+(het\s+)?(niet|nooit)\s+opvalt|\bniet\s+opvalt\s+dat\b"
    r"|\b(so|so that)\s+(rvo|they|the\s+\w+|nobody|no one|the auditors?)\s+(doesn'?t|don'?t"
    r"|won'?t|does not|do not|will not|can'?t|cannot)\s+(notice|see|spot|find|realise|realize"
    r"|detect)"
    r"|\bkeep\s+(rvo|them|the\s+\w+|auditors?)\s+from\s+(spotting|seeing|noticing|finding"
    r"|detecting)"
    r"|\b(handtekening\w*|signature)\b.{0,60}\b(zelf|myself)\b"
    r"|\b(echt genoeg|real enough|look(s)? real|look(s)? genuine|echt (laten )?lijk\w*)\b"
    r"|\b(in reality|in werkelijkheid|eigenlijk maar|actually only|really only|niet echt"
    r"|not really)\b.{0,120}\b(claim\w*|beweren|write|schrijf|opgeven|zeggen|say|state"
    r"|application|aanvraag)\b"
    r"|\b(claim\w*|beweren|write|schrijf|opgeven|zeggen|say|state)\b.{0,160}"
    r"\b(in reality|in werkelijkheid|eigenlijk maar|actually only|really only)\b"
    r"|\b(hide|hiding|verberg\w*|verstop\w*|verhul\w*|conceal\w*|cover up|toedekken"
    r"|wegmoffel\w*|uit het zicht)\b"
    r"|\b(least|smallest|minste|kleinste)\s+(amount of\s+)?(attention|aandacht)"
    r"|\bonder de radar\b|\bunder the radar\b"
    r"|\b(make|maak|maken|create|write|schrijf|opmaken|generate|genereer|laat|let|draw up|send"
    r"|stuur|submit|indienen|dien)\b.{0,30}\b(sham|fake|nep|fictie\w*|fictitious|bogus|schijn)"
    r"\s*-?(invoices?|facturen|factuur|contract\w*|offertes?|quotes)"
    r"|\bfacturen\b.{0,40}\b(laten opmaken|laat opmaken|opmaken)\b"
    r"|\b(never|nooit)\s+(kept|bijgehouden|gehad)\b.{0,80}\b(generate|genereer|maak|make"
    r"|create|write|schrijf|timesheets?|urenstaten)\b"
    r"|\b(dat mag niet|mag niet,? weet ik|weet ik,? maar|i know (you|it|we|that)\b.{0,40}"
    r"\b(can'?t|cannot|not allowed|isn'?t allowed)\b)"
    r"|\b(doesn'?t|does not|niet)\s+(spot|notice|see|merkt|ziet|opvalt)\b.{0,30}\b(overlap"
    r"|dubbel\w*|twice)",
    re.IGNORECASE | re.DOTALL,
)
_IMPERSONATE = re.compile(
    # messages or documents in the name of RVO, the tax authority or another public body
    r"\b(namens|uit naam van|in (the )?name of|on behalf of"
    r"|(appears?|seems?|looks?) (like it'?s |to\s+come |as if it came )?from"
    r"|lijkt (te komen )?van|alsof (het|hij|ze|die|deze|dit) van)\s+(de\s+|the\s+)?"
    r"(rvo|rvo\.nl|belastingdienst|kvk|overheid|government|ministerie|ministry)\b"
    r"|\b(nabootsen|namaken|na te maken|na te bootsen|imitate|imitating|replicate|mimic"
    r"|vervals\w*|forge|forging|counterfeit)\b",
    re.IGNORECASE | re.DOTALL,
)
_ABUSE = (_FRAUD, _DECEIVE, _IMPERSONATE)
_HOSTILE = (_OVERRIDE, _ROLEPLAY, _REVEAL, _AUTHORITY, _FABRICATE, *_ABUSE)
_BASE64 = re.compile(r"(?<![\w/+])(?=\S*\d)(?=\S*[A-Z])(?=\S*[a-z])[A-Za-z0-9+/]{24,}={0,2}")


def is_abuse(text: str) -> bool:
    """Asking for help to deceive: false hours, costs, records or claims, hiding facts from RVO
    or the tax authority, or messages and documents in a public body's name."""
    return any(p.search(text) for p in _ABUSE)


def is_hostile(text: str) -> bool:
    """An attempt to override the rules, leak settings, forge documents or cheat."""
    return any(p.search(text) for p in _HOSTILE) or bool(_BASE64.search(text))
