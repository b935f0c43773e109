"""The Dutch and English words shown for vocabulary values and profile fields."""

from __future__ import annotations

from typing import get_args

from instruments.models import Lang, Region

LABELS: dict[str, tuple[str, str]] = {
    "company": ("bedrijf", "company"), "self_employed": ("zzp'er", "self-employed"),
    "startup": ("startup", "start-up"), "researcher": ("onderzoeker", "researcher"),
    "knowledge_institution": ("kennisinstelling", "knowledge institution"),
    "consortium": ("samenwerkingsverband", "consortium"),
    "investment_fund": ("investeringsfonds", "investment fund"),
    "public_body": ("overheid", "public body"), "farmer": ("agrarisch ondernemer", "farmer"),
    "micro": ("micro-onderneming", "micro enterprise"),
    "small": ("klein bedrijf", "small enterprise"),
    "medium": ("middelgroot bedrijf", "medium-sized enterprise"),
    "large": ("groot bedrijf", "large enterprise"),
    "idea": ("idee", "idea"), "feasibility": ("haalbaarheidsstudie", "feasibility study"),
    "rnd": ("onderzoek en ontwikkeling", "research and development"),
    "prototype": ("prototype", "prototype"), "pilot": ("pilot of demonstratie", "pilot or demo"),
    "market_entry": ("marktintroductie", "market entry"), "scale_up": ("opschalen", "scale-up"),
    "own_rnd": ("eigen R&D", "own R&D"),
    "development_project": ("ontwikkelproject", "development project"),
    "demonstration": ("demonstratie", "demonstration"),
    "digitalisation": ("digitalisering", "digitalisation"),
    "export": ("export en buitenland", "export and international"),
    "procurement": ("overheid als klant", "government as customer"),
    "collaboration": ("samenwerking", "collaboration"), "financing": ("financiering", "financing"),
    "valorisation": ("valorisatie", "valorisation"),
    "advice": ("advies en begeleiding", "advice and coaching"),
    "energy_climate": ("energie en klimaat", "energy and climate"),
    "circular": ("circulaire economie", "circular economy"),
    "agri_food": ("agri en food", "agri-food"), "health": ("gezondheid en zorg", "health and care"),
    "ict_digital": ("ICT en digitaal", "ICT and digital"), "hightech": ("hightech", "high tech"),
    "chemistry": ("chemie", "chemistry"),
    "water_maritime": ("water en maritiem", "water and maritime"),
    "logistics": ("logistiek", "logistics"),
    "security": ("veiligheid en defensie", "security and defence"),
    "creative": ("creatieve industrie", "creative industries"),
    "biotech": ("biotechnologie", "biotechnology"), "oncology": ("oncologie", "oncology"),
    "space_aviation": ("ruimtevaart en luchtvaart", "space and aviation"),
    "tax": ("fiscaal voordeel", "tax benefit"), "subsidy": ("subsidie", "subsidy"),
    "loan": ("lening", "loan"), "equity": ("investering in aandelen", "equity investment"),
}
# The words for each eligibility verdict and each scheme status, shown on the page and in answers.
VERDICT_WORDS: dict[str, dict[str, str]] = {
    "nl": {"fits": "past", "may_fit": "past mogelijk", "not_a_scheme": "hulpmiddel, geen regeling",
           "closed": "gesloten", "does_not_fit": "past niet"},
    "en": {"fits": "fits", "may_fit": "may fit", "not_a_scheme": "a service, not a scheme",
           "closed": "closed", "does_not_fit": "does not fit"},
}
STATUS_WORDS: dict[str, tuple[str, str]] = {
    "open": ("open", "open"), "changed": ("gewijzigd", "changed"),
    "closed": ("gesloten", "closed"), "ended": ("beëindigd", "ended"),
    "moved": ("vervangen", "replaced"), "unknown": ("onbekend", "unknown"),
}
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "size": ("Bedrijfsgrootte", "Company size"), "employees": ("Medewerkers", "Employees"),
    "group_employees": ("Medewerkers van de groep", "Headcount of the group"),
    "turnover_eur": ("Omzet", "Turnover"), "is_startup": ("Startup", "Start-up"),
    "age_years": ("Leeftijd bedrijf", "Company age"), "stage": ("Fase", "Stage"),
    "sector": ("Sector", "Sector"), "themes": ("Thema's", "Themes"),
    "activities": ("Activiteiten", "Activities"), "applicant_type": ("Aanvrager", "Applicant"),
    "collaboration": ("Werkt samen met partners", "Works with partners"),
    "knowledge_institution_partner": (
        "Kennisinstelling als partner", "Knowledge institution as partner"
    ),
    "is_knowledge_institution": ("Is een kennisinstelling", "Is a knowledge institution"),
    "region": ("Provincie", "Province"), "financing_need": ("Belangrijkste behoefte", "Main need"),
    "support_wanted": ("Soorten steun", "Kinds of support"),
    "project_eur": ("Benodigd bedrag", "Amount needed"),
    "rnd_wage_eur": ("Loonkosten R&D per jaar", "R&D wage costs a year"),
    "profit_eur": ("Winst per jaar", "Profit a year"),
    "partner_countries": ("Partnerlanden", "Partner countries"),
}


def label(value: str, lang: Lang) -> str:
    """The word for a vocabulary value (size, stage, theme, activity, applicant type, region)."""
    if value in LABELS:
        return LABELS[value][0 if lang == "nl" else 1]
    if value in get_args(Region):
        return "-".join(part.capitalize() for part in value.split("-"))
    return value.replace("_", " ")


def euros(amount: float) -> tuple[str, str]:
    """An amount in Dutch and English notation: '€ 150.000', '€150,000'."""
    plain = f"{amount:,.0f}"
    return "€ " + plain.replace(",", "."), "€" + plain
