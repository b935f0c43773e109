"""The page's fixed texts (Dutch, English), labels, example questions, CSS and the small script
that opens a citation. Data only; `app_render` and
`app_forms` turn it into HTML."""

from __future__ import annotations

# A click on [n] picks that source; once the panel shows it, the panel scrolls into view (the
# panel updates after the click, so scrolling at the click showed only its old heading).
CITE_JS = """() => { let wanted = false;
  const panel = () => document.getElementById('source-panel');
  new MutationObserver(() => { if (!wanted || !panel()?.querySelector('.source[data-n]'))
    return; wanted = false; panel().scrollIntoView({block: 'start', behavior: 'smooth'}); })
    .observe(document.body, {subtree: true, childList: true, characterData: true});
  document.addEventListener('click', (event) => {
  const cite = event.target.closest('button.cite'); if (!cite) return;
  const n = cite.textContent.trim();
  for (const item of document.querySelectorAll('#cite-picker label')) {
    if (item.textContent.trim().startsWith(n)) { wanted = true; item.click(); break; } } }); }"""

# -- words on the page: key -> (Dutch, English) ------------------------------------------------
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Innovatie-instrumentvinder", "Innovation Instrument Finder"),
    "tagline": ("Welke innovatieregeling past bij uw bedrijf? Met bronnen.",
                "Which innovation scheme fits your company? With sources."),
    "tab_chat": ("Assistent", "Assistant"),
    "details": ("Details: voorwaarden, bedragen en bronnen",
                "Details: conditions, figures and sources"),
    "tab_advisor": ("Adviseursbalie", "Advisor desk"),
    "tab_catalog": ("Regelingen", "Instruments"),
    "chat": ("Gesprek", "Conversation"),
    "question": ("Uw vraag", "Your question"),
    "question_ph": ("Bijvoorbeeld: welke regeling past bij ons bedrijf van 12 medewerkers dat "
                    "software ontwikkelt?",
                    "For example: which scheme fits our 12-person software company?"),
    "send": ("Verstuur", "Send"),
    "new": ("Nieuw gesprek", "New conversation"),
    "limits": ("Let op:", "Please note:"),
    "examples": ("Voorbeeldvragen", "Example questions"),
    "clarify": ("Snel antwoorden", "Quick replies"),
    "recs": ("Aanbevelingen", "Recommendations"),
    "cites": ("Bronnen: kies een nummer om de passage te lezen",
              "Sources: pick a number to read the passage"),
    "source": ("Bron", "Source"),
    "source_empty": ("Klik op een bronnummer [n] om de passage te lezen.",
                     "Click a source number [n] to read the passage."),
    "seen": ("gezien", "seen"),
    "letter_name": ("Kamerbrief innovatie en impact, Kamerstuk 33 009 nr. 117 (11 november 2022)",
                    "Letter to parliament on innovation and impact, Kamerstuk 33 009 no. 117 "
                    "(11 November 2022)"),
    "letter_link": ("officiële publicatie", "official publication"),
    "profile_h": ("Wat ik over uw bedrijf begrepen heb", "What I understood about your company"),
    "profile_none": ("Nog niets. Vertel bijvoorbeeld hoeveel medewerkers u heeft en wat u "
                     "ontwikkelt.", "Nothing yet. Tell me, for example, how many people you "
                     "employ and what you develop."),
    "correct": ("Profiel corrigeren", "Correct the profile"),
    "recompute": ("Herbereken het laatste antwoord", "Recompute the last answer"),
    "no_question": ("Stel eerst een vraag.", "Ask a question first."),
    "fb_h": ("Was dit antwoord nuttig?", "Was this answer useful?"),
    "fb_up": ("👍 Nuttig", "👍 Useful"),
    "fb_down": ("👎 Niet nuttig", "👎 Not useful"),
    "fb_comment": ("Toelichting (optioneel)", "Comment (optional)"),
    "fb_expected": ("Welke regeling(en) had u verwacht? (optioneel)",
                    "Which instrument(s) did you expect? (optional)"),
    "fb_too_often": ("U gaf net al veel feedback; probeer het over een minuut opnieuw.",
                     "You just sent a lot of feedback; please try again in a minute."),
    "fb_saved": ("Dank u! Uw feedback is opgeslagen.", "Thank you! Your feedback was saved."),
    "fb_privacy": ("Alleen als u op 👍 of 👎 klikt bewaren we uw vraag, het antwoord, de bronnen "
                   "en uw toelichting, om de assistent te verbeteren.",
                   "Only when you click 👍 or 👎 do we keep your question, the answer, its "
                   "sources and your comment, to improve the assistant."),
    "adv_intro": ("Vul in wat u weet; leeg of 'onbekend' telt nooit als voldaan. De tabel toont "
                  "per regeling het oordeel en per criterium de uitkomst met de reden.",
                  "Fill in what you know; empty or 'unknown' never counts as met. The table "
                  "shows each instrument's verdict and every criterion's outcome and reason."),
    "adv_run": ("Toets alle regelingen", "Check all instruments"),
    "adv_empty": ("Vul eerst iets in, bijvoorbeeld het aantal medewerkers, de fase van het project "
                  "en wie aanvraagt; met een leeg profiel past elke regeling 'mogelijk'.",
                  "Fill in something first, for example the number of employees, the project's "
                  "stage and who applies; with an empty profile every instrument 'may fit'."),
    "adv_table": ("Uitkomst per regeling", "Outcome per instrument"),
    "adv_csv": ("Download als CSV", "Download as CSV"),
    "cat_kind": ("Soort regeling", "Kind of instrument"),
    "cat_audience": ("Voor wie (aanvrager)", "For whom (applicant)"),
    "cat_theme": ("Thema", "Theme"),
    "cat_count": ("{n} regelingen", "{n} instruments"),
    "cat_offers": ("Wat het biedt:", "What it offers:"),
    "cat_who": ("Wie kan aanvragen:", "Who can apply:"),
    "cat_apply": ("Aanvragen:", "How to apply:"),
    "cat_pitfalls": ("Let op", "Watch out"),
    "cat_status": ("Status", "Status"),
    "cat_sources": ("Bronnen", "Sources"),
    "card_why": ("Waarom", "Why"),
    "card_check": ("Nog na te gaan", "Still to check"),
    "card_figures": ("Cijfers (met jaar)", "Figures (with year)"),
    "card_next": ("Volgende stap:", "Next step:"),
    "card_body": ("Uitvoerder:", "Administered by:"),
    "col_instrument": ("Regeling", "Instrument"),
    "col_verdict": ("Oordeel", "Verdict"),
    "all": ("alle", "all"),
    "unknown": ("onbekend", "unknown"),
    "number_ph": ("onbekend; bijv. 12", "unknown; e.g. 12"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "bad_number": ("{field}: '{value}' is geen getal van 0 of meer.",
                   "{field}: '{value}' is not a number of 0 or more."),
    "error": ("Dat lukte niet: {message}", "That did not work: {message}"),
    "error_bug": ("Er ging iets mis bij het beantwoorden. Probeer het opnieuw of stel uw vraag "
                  "anders.", "Something went wrong while answering. Please try again or "
                  "rephrase your question."),
}
EXAMPLES = {
    "nl": ["Welke regeling past bij ons bedrijf van 12 medewerkers dat software ontwikkelt?",
           "Wij zijn een startup in medische technologie en zoeken geld voor een prototype. "
           "Wat kunnen we aanvragen?",
           "Wat is de WBSO en wat levert die op?",
           "Wat is het verschil tussen de MIT-regeling en het Innovatiekrediet?",
           "Wat zegt de Kamerbrief over valorisatie van onderzoek?"],
    "en": ["Which scheme fits our 12-person company that develops software?",
           "We are a medtech start-up looking for money for a prototype. What can we apply for?",
           "What is the WBSO and what does it give?",
           "What is the difference between MIT and the Innovation Credit?",
           "What does the 2022 letter say about valorisation of research?"],
}
WELCOME = {
    "nl": ("Ik help ondernemers in het mkb de innovatieregeling te vinden die bij hen past "
           "(zoals WBSO, MIT of Innovatiekrediet) en beantwoord vragen over de Kamerbrief "
           "innovatie en valorisatie. Elk antwoord noemt zijn bronnen [n]: klik een nummer om "
           "de passage te lezen.",
           "De Kamerbrief is van 2022; bedragen en voorwaarden veranderen jaarlijks en bij elk "
           "bedrag staat het jaar. Dit is geen bindend advies: controleer de actuele voorwaarden "
           "bij RVO (rvo.nl) of de uitvoerder."),
    "en": ("I help small and medium-sized companies find the innovation scheme that fits them "
           "(such as WBSO, MIT or the Innovation Credit) and answer questions about the Dutch "
           "2022 letter on innovation and valorisation. Every answer names its sources [n]: "
           "click a number to read the passage.",
           "The letter dates from 2022; amounts and conditions change every year and each "
           "amount shows its year. This is not binding advice: check the current terms with "
           "RVO (rvo.nl) or the body that runs the scheme."),
}
CRITERION_LABELS = {
    "open_to_companies": ("Open voor bedrijven", "Open to companies"),
    "applicant_type": ("Aanvrager", "Applicant"), "company_size": ("Grootte", "Size"),
    "stage": ("Fase", "Stage"), "activity": ("Activiteit", "Activity"),
    "theme": ("Thema", "Theme"), "region": ("Regio", "Region"),
    "collaboration": ("Samenwerking", "Collaboration"),
    "knowledge_institution": ("Kennisinstelling", "Knowledge institution"),
    "startup_age": ("Leeftijd bedrijf", "Company age"),
    "status": ("Status", "Status"), "amount": ("Bedrag", "Amount"),
    "partners": ("Partners", "Partners"), "prerequisite": ("Vooraf nodig", "Needed first"),
    "hours": ("R&D-uren", "R&D hours"),
}
KIND_LABELS = {
    "fiscal": ("fiscale regeling", "tax scheme"), "loan": ("lening", "loan"),
    "subsidy": ("subsidie", "subsidy"), "equity": ("participatie", "equity"),
    "procurement": ("inkoop", "procurement"), "guidance": ("wegwijzer", "guidance"),
    "tool": ("hulpmiddel", "tool"), "support": ("ondersteuning", "support"),
    "network": ("netwerk", "network"), "programme": ("programma", "programme"),
    "competition": ("wedstrijd", "competition"), "pilot": ("pilot", "pilot"),
    "institute": ("instituut", "institute"), "financing": ("financiering", "financing"),
    "fund-financing": ("fondsfinanciering", "fund financing"),
    "fund-of-funds": ("fonds-in-fondsen", "fund of funds"),
    "financing-and-advice": ("financiering en advies", "financing and advice"),
    "subsidy-and-loan": ("subsidie en lening", "subsidy and loan"),
    "public-investment": ("publieke investering", "public investment"),
    "knowledge-partner": ("kennispartner", "knowledge partner"),
    "state-aid-project": ("staatssteunproject", "state-aid project"),
    "signpost": ("regeling buiten innovatie", "scheme outside innovation"),
}


CSS = """
.gradio-container { max-width: 1280px !important; }
.gradio-container strong, .gradio-container b, .gradio-container h1, .gradio-container h3,
.gradio-container h4, .gradio-container h5, .gradio-container th { font-weight: 600 !important; }
.brand h1 { font-size: 1.5rem; margin: 0; } .brand p { margin: .2rem 0 0; color: #555; }
.welcome { background: #f3f7fb; border-radius: 8px; padding: .6rem .9rem; font-size: .95rem; }
.welcome p { margin: .3rem 0; } .welcome .limits { color: #4a4a4a; font-size: .9rem; }
.examples button.example { white-space: normal; text-align: left; flex: 1 1 220px; }
#chat .answer p, #chat .question { margin: .3rem 0; }
button.cite { border: 1px solid #1f5fa8; color: #1f5fa8; background: #eef4fb; border-radius: 4px;
  padding: 0 .25rem; margin: 0 .1rem; font-size: .8em; cursor: pointer; line-height: 1.3; }
button.cite:hover, button.cite:focus { background: #1f5fa8; color: #fff; }
.recs h3, .profile h3 { font-size: 1.05rem; margin: .2rem 0 .5rem; }
.rec-card, .cat-card { border: 1px solid #d8dee6; border-radius: 8px; padding: .6rem .8rem;
  margin-bottom: .7rem; background: #fff; color: #1c1c1c; }
.rec-card header, .cat-card header { display: flex; gap: .5rem; align-items: baseline;
  justify-content: space-between; flex-wrap: wrap; }
.rec-card h4, .cat-card h4 { margin: 0; font-size: 1rem; }
.rec-card h5, .cat-card h5 { margin: .4rem 0 .1rem; font-size: .85rem; color: #444; }
.rec-card ul, .cat-card ul { margin: 0 0 .2rem 1.1rem; padding: 0; }
.rec-card p, .cat-card p { margin: .3rem 0; }
.badge { border-radius: 999px; padding: .05rem .6rem; font-size: .8rem; font-weight: 600;
  white-space: nowrap; }
.verdict-fits { background: #dff3e4; color: #11612b; }
.verdict-may_fit { background: #fff3cd; color: #7a5300; }
.verdict-not_a_scheme { background: #e7eef8; color: #1f4d8a; }
.verdict-closed { background: #e9e9e9; color: #3d3d3d; }
.verdict-does_not_fit { background: #f8d7da; color: #842029; }
.kind { font-size: .8rem; color: #555; }
.catalog { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 400px), 1fr));
  gap: 0 .8rem; align-items: start; } .catalog > p.muted { grid-column: 1 / -1; }
.status { font-size: .85rem; color: #555; }
.source { border-left: 4px solid #1f5fa8; padding: .3rem .8rem; background: #fafbfd;
  color: #1c1c1c; }
.source.empty { border-left-color: #ccc; color: #666; }
.source h4 { margin: 0 0 .2rem; }
.source .label { font-weight: 600; margin: 0; white-space: normal; overflow-wrap: anywhere; }
.source .where { font-size: .85rem; color: #555; margin: .1rem 0 .4rem; }
.source blockquote { margin: 0 !important; padding: 0 !important; border: 0 !important; }
.source mark { background: #ffe58a; color: inherit; padding: 0 .1rem; }
.profile table { width: 100%; border-collapse: collapse; font-size: .9rem; border: 0; }
.profile table, .profile tr, .profile th, .profile td { border: 0 !important; }
.profile tr { border-bottom: 1px solid #e4e8ee !important; }
.profile th { text-align: left; font-weight: 600; padding: .15rem .5rem .15rem 0; width: 45%; }
.profile td { padding: .15rem 0; } .muted { color: #666; font-size: .9rem; }
.notice { border-radius: 6px; padding: .4rem .7rem; font-size: .9rem; margin: .2rem 0; }
.notice-error { background: #f8d7da; color: #842029; }
.notice-info { background: #eef4fb; color: #1c3d63; }
.notice-ok { background: #dff3e4; color: #11612b; }
.advisor-form > div { min-width: 220px !important; }
#adv-table * { font-family: var(--font) !important; }
a { overflow-wrap: anywhere; }
details.more > summary { cursor: pointer; color: #1c3d63; font-weight: 600; margin: .3rem 0; }
.table-scroll { max-width: 100%; overflow-x: auto; margin: .5rem 0; }
table.compare { border-collapse: collapse; font-size: .88rem; min-width: 32rem; }
table.compare th, table.compare td { border: 1px solid #d0d7de; padding: .35rem .5rem;
  vertical-align: top; text-align: left; }
table.compare thead th { background: #eef4fb; }
@media (max-width: 640px) {
  .brand h1 { font-size: 1.2rem; } .gradio-container { padding: 0 6px !important; }
  .examples button.example { flex-basis: 100%; } .welcome { font-size: .88rem; }
  .topbar { flex-direction: column !important; } #lang { min-width: 100% !important; }
  .tab-container button { padding-left: .45rem !important; padding-right: .45rem !important; }
}
"""
