"""The one-line reasons an eligibility criterion gives, in Dutch and English.

Keys are "<criterion>.<case>"; {placeholders} are filled per language by instruments.criteria.
"""

from __future__ import annotations

from collections.abc import Sequence

from instruments.labels import euros
from instruments.models import AmountLimit
from instruments.years import year_label

Both = tuple[str, str]  # the same value in Dutch and in English

# Reasons, one line each; {placeholders} are filled per language.
REASONS: dict[str, Both] = {
    "open.unknown": ("Bedrijven kunnen niet aanvragen; alleen: {who}",
                     "Companies cannot apply; only: {who}"),
    "open.meets": ("Aanvrager: {you}; aanvragen kan door: {who}",
                   "Applicant: {you}; who can apply: {who}"),
    "open.business": ("Aanvrager: {you}; bedrijven kunnen niet aanvragen, alleen: {who}",
                      "Applicant: {you}; companies cannot apply, only: {who}"),
    "open.other": ("Aanvrager: {you}; alleen: {who}", "Applicant: {you}; only: {who}"),
    "type.unknown": ("Niet bekend als wie u aanvraagt; de regeling staat open voor: {them}.",
                     "Not known who applies; the scheme is open to: {them}."),
    "type.meets": ("Aanvrager: {you}; de regeling staat open voor: {them}.",
                   "Applicant: {you}; the scheme is open to: {them}."),
    "type.fails": ("Aanvrager: {you}; de regeling staat alleen open voor: {them}.",
                   "Applicant: {you}; the scheme is only open to: {them}."),
    "type.self_employed": ("U bent zzp'er; de regeling noemt: {them}; controleer of dat u omvat.",
                           "You are self-employed; the scheme names: {them}; check that it fits."),
    "type.partners_unknown": ("De regeling is voor: {them}; werkt u samen met partners?",
                              "The scheme is for: {them}; do you work with partners?"),
    "type.partners_meets": ("U werkt samen met partners; de regeling is voor: {them}.",
                            "You work with partners; the scheme is for: {them}."),
    "type.partners_fails": ("U werkt niet samen met partners; de regeling is voor: {them}.",
                            "You do not work with partners; the scheme is for: {them}."),
    "size.unknown": ("Uw bedrijfsgrootte is niet bekend; de regeling staat open voor {card}.",
                     "Your company size is not known; the scheme is open to {card}."),
    "size.meets": ("{you}; de regeling staat open voor {card}.",
                   "{you}; the scheme is open to {card}."),
    "size.fails": ("{you}; de regeling staat alleen open voor {card}.",
                   "{you}; the scheme is only open to {card}."),
    "stage.unknown": ("De fase van uw project is niet bekend; de regeling ondersteunt: {card}.",
                      "Your project's stage is not known; the scheme supports: {card}."),
    "stage.meets": ("Uw project is in de fase {got}; de regeling ondersteunt: {card}.",
                    "Your project is at the {got} stage; the scheme supports: {card}."),
    "stage.fails": ("Uw project is in de fase {got}; de regeling ondersteunt alleen: {card}.",
                    "Your project is at the {got} stage; the scheme only supports: {card}."),
    "stage.other": ("Uw project lijkt in de fase {got}; de regeling ondersteunt vooral: {card}. "
                    "Ga na of uw project daarbij past.",
                    "Your project seems to be at the {got} stage; the scheme mainly supports: "
                    "{card}. Check whether your project fits."),
    "theme.unknown": ("Uw sector is niet bekend; de regeling is voor: {card}.",
                      "Your sector is not known; the scheme is for: {card}."),
    "theme.unmapped": ("Uw sector ({got}) valt onder geen bekend thema; de regeling: {card}.",
                       "Your sector ({got}) matches no known theme; the scheme is for: {card}."),
    "theme.meets": ("Uw sector ({got}) past bij de regeling, die is voor: {card}.",
                    "Your sector ({got}) fits the scheme, which is for: {card}."),
    "theme.fails": ("Uw sector ({got}) valt buiten de regeling, die alleen is voor: {card}.",
                    "Your sector ({got}) is outside the scheme, which is only for: {card}."),
    "region.unknown": ("Uw provincie is niet bekend; de regeling geldt in: {card}.",
                       "Your province is not known; the scheme applies in: {card}."),
    "region.meets": ("U zit in {got}; de regeling geldt in: {card}.",
                     "You are based in {got}; the scheme applies in: {card}."),
    "region.fails": ("U zit in {got}; de regeling geldt alleen in: {card}.",
                     "You are based in {got}; the scheme only applies in: {card}."),
    "activity.unknown": ("Niet bekend wat u wilt doen; de regeling ondersteunt: {card}.",
                         "Not known what you plan to do; the scheme supports: {card}."),
    "activity.meets": ("U noemt {got}; de regeling ondersteunt: {card}.",
                       "You mention {got}; the scheme supports: {card}."),
    "activity.other": ("U noemt {got}; de regeling ondersteunt vooral: {card}.",
                       "You mention {got}; the scheme mainly supports: {card}."),
    "collab.unknown": ("Niet bekend of u met partners samenwerkt; de regeling vereist dat.",
                       "Not known whether you work with partners; the scheme requires it."),
    "collab.meets": ("U werkt samen met partners; de regeling vereist samenwerking.",
                     "You work with partners; the scheme requires collaboration."),
    "collab.fails": ("U werkt niet samen met partners; de regeling vereist samenwerking.",
                     "You do not work with partners; the scheme requires collaboration."),
    "ki.unknown": ("Niet bekend of een kennisinstelling meedoet; de regeling vereist dat.",
                   "Not known whether a knowledge institution takes part; it is required."),
    "ki.self": ("U bent een kennisinstelling; de regeling vereist dat er een meedoet.",
                "You are a knowledge institution; the scheme requires one to take part."),
    "ki.partner": ("U werkt met (of bent een spin-off van) een kennisinstelling; dat is vereist.",
                   "You work with (or are a spin-off of) a knowledge institution, as required."),
    "ki.fails": ("U werkt niet met een kennisinstelling; de regeling vereist dat er een meedoet.",
                 "You do not work with a knowledge institution; the scheme requires one."),
    "age.unknown": ("De leeftijd van uw bedrijf is niet bekend; de grens is {card} jaar.",
                    "Your company's age is not known; the limit is {card} years."),
    "age.meets": ("Uw bedrijf is {got} jaar oud; de regeling is voor bedrijven tot {card} jaar.",
                  "Your company is {got} years old; the scheme is for firms up to {card} years."),
    "age.fails": ("Uw bedrijf is {got} jaar oud; de grens van de regeling is {card} jaar.",
                  "Your company is {got} years old; the scheme's limit is {card} years."),
    "type.excluded": ("Aanvrager: {you}; die is uitgesloten, de regeling is voor: {them}.",
                      "Applicant: {you}; excluded, the scheme is for: {them}."),
    "stage.excluded": ("Uw project is in de fase {got}; die fase is uitgesloten ({card}).",
                       "Your project is at the {got} stage; that stage is excluded ({card})."),
    "region.parts": ("U zit in {got}; alleen delen daarvan tellen mee: {parts}",
                     "You are based in {got}; only parts of it qualify: {parts}"),
    "amount.unknown": ("Niet bekend hoeveel geld uw plan vraagt; de regeling: {card}.",
                       "Not known how much money your plan needs; the scheme: {card}."),
    "amount.meets": ("Uw plan vraagt {got}; de regeling: {card}.",
                     "Your plan needs {got}; the scheme: {card}."),
    "amount.fails": ("Uw plan vraagt {got}; dat valt buiten de regeling: {card}.",
                     "Your plan needs {got}; that is outside the scheme: {card}."),
    "partners.unknown": ("Niet bekend wie uw partners zijn; de regeling vraagt: {card}",
                         "Not known who your partners are; the scheme asks: {card}"),
    "partners.meets": ("Uw partners ({got}) voldoen aan: {card}",
                       "Your partners ({got}) meet: {card}"),
    "partners.fails": ("Uw partners ({got}) voldoen niet aan: {card}",
                       "Your partners ({got}) do not meet: {card}"),
    "partners.more": ("U noemt partners uit {got}; de regeling vraagt: {card}",
                      "You name partners from {got}; the scheme asks: {card}"),
    "prerequisite.unknown": ("Voorwaarde vooraf: {card}",
                             "Must already be in place: {card}"),
    "prerequisite.meets": ("U heeft al: {card}", "You already have: {card}"),
    "hours.unknown": ("Als zzp'er moet u minstens {card} uur per jaar aan R&D besteden.",
                      "As a self-employed person you need at least {card} R&D hours a year."),
    "hours.meets": ("U besteedt {got} uur per jaar aan R&D; het minimum is {card} uur.",
                    "You spend {got} R&D hours a year; the minimum is {card} hours."),
    "hours.fails": ("U besteedt {got} uur per jaar aan R&D; het minimum is {card} uur.",
                    "You spend {got} R&D hours a year; the minimum is {card} hours."),
    "status.closed": ("Nu niet open (stand {got}): {card}", "Not open now (as of {got}): {card}"),
    "status.ended": ("Beëindigd (stand {got}): {card}", "Ended (as of {got}): {card}"),
    "status.moved": ("Vervangen (stand {got}): {card}", "Replaced (as of {got}): {card}"),
    "status.unknown": ("Of de regeling nu open is, is onbekend (stand {got}): {card}",
                       "Whether the scheme is open now is unknown (as of {got}): {card}"),
}


# -- the words of the amount and partner reasons -------------------------------------------

def amount_range(limit: AmountLimit) -> Both:
    low, high = limit.min_eur, limit.max_eur
    measure = {"project": ("project", "project"), "loan": ("lening", "loan"),
               "ticket": ("investering", "ticket"), "subsidy": ("subsidie", "subsidy"),
               "investment": ("investering", "investment")}[limit.measure]
    nl, en = measure
    if low is not None and high is not None:
        nl, en = (f"{nl} van {euros(low)[0]} tot {euros(high)[0]}",
                  f"{en} of {euros(low)[1]} to {euros(high)[1]}")
    elif low is not None:
        nl, en = f"{nl} vanaf {euros(low)[0]}", f"{en} from {euros(low)[1]}"
    elif high is not None:
        nl, en = f"{nl} tot {euros(high)[0]}", f"{en} up to {euros(high)[1]}"
    if limit.route is not None:
        nl, en = f"{limit.route.nl}: {nl}", f"{limit.route.en}: {en}"
    checked = "" if limit.verified else ", niet bevestigd"
    checked_en = "" if limit.verified else ", unverified"
    return f"{nl} ({year_label(limit.year, 'nl')}{checked})", f"{en} ({limit.year}{checked_en})"


def join_both(parts: Sequence[Both]) -> Both:
    return "; ".join(p[0] for p in parts), "; ".join(p[1] for p in parts)


def partner_words(countries: Sequence[str], count: int | None, large: bool | None) -> Both:
    """What the profile says about the partners, in words."""
    nl, en = [], []
    if countries:
        nl.append("uit " + ", ".join(countries))
        en.append("from " + ", ".join(countries))
    if count is not None:
        nl.append(f"{count} partner(s)")
        en.append(f"{count} partner(s)")
    if large:
        nl.append("met een groot bedrijf")
        en.append("including a large company")
    return (", ".join(nl) or "niet genoemd"), (", ".join(en) or "not named")


# -- what is still to check, in a few words (for the chat; the reasons above give the detail) --

# Criteria whose whole reason is the point to check (a prerequisite, an hours minimum) are not
# listed: their reason is short and says exactly what must be in place.
OPEN_POINTS: dict[str, Both] = {
    "status": ("of de regeling nu open is", "whether it is open now"),
    "open_to_companies": ("wie er kan aanvragen", "who can apply"),
    "applicant_type": ("als wie u aanvraagt", "who applies"),
    "company_size": ("uw bedrijfsgrootte", "your company size"),
    "stage": ("of uw project in een fase is die de regeling steunt",
              "whether your project is at a stage it supports"),
    "activity": ("of de regeling betaalt wat u wilt doen",
                 "whether it pays for what you plan to do"),
    "theme": ("of uw sector past", "whether your sector fits"),
    "region": ("of uw regio meedoet", "whether your region takes part"),
    "collaboration": ("partners (vereist)", "partners (required)"),
    "knowledge_institution": ("een kennisinstelling die meedoet (vereist)",
                              "a knowledge institution taking part (required)"),
    "startup_age": ("de leeftijd van uw bedrijf", "your company's age"),
    "amount": ("hoeveel geld uw plan vraagt", "how much money your plan needs"),
    "partners": ("wie uw partners zijn en uit welke landen",
                 "who your partners are and which countries they are from"),
}
