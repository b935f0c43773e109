"""The letter parser on the real letter, plus small synthetic texts for its helpers."""

from __future__ import annotations

import re

import pytest

from retrieval.letter import DEFAULT_LETTER_PATH, Line, load_letter, parse_letter
from retrieval.letter_tables import INITIATORS, parse_rows
from retrieval.letter_text import join_lines
from retrieval.passages import Passage, normalise

KADERS = (
    "Kader 1. Voortzetting steun aan Oncode: samenwerken aan betere behandeling van kanker",
    "Kader 2. De plek van klimaatdoelen in het innovatiebeleid",
    "Kader 3. De schone fabriek",
    "Kader 4. Learning Community Ecosystemen",
    "Kader 5. Proactief technologiebeleid: batterijen ‘made in Europe’",
    "Kader 6. Geen waterstof zonder infrastructuur; geen innovatie, zonder randvoorwaarden",
)


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return load_letter()


def _holding(passages: list[Passage], sentence: str) -> Passage:
    """The one passage whose text contains the sentence (whitespace- and case-normalised)."""
    hits = [p for p in passages if normalise(sentence) in normalise(p.text)]
    assert len(hits) == 1, f"{len(hits)} passages hold {sentence!r}"
    return hits[0]


def test_no_running_headers_footers_or_bare_numbers(passages: list[Passage]) -> None:
    for p in passages:
        assert not re.search(r"Directoraat-generaal|Ons kenmerk|Pagina \d", p.text), p.label
        assert not p.text.replace(" ", "").isdigit(), p.label
        assert p.source == "letter"


@pytest.mark.parametrize(
    ("sentence", "part", "section"),
    [
        ("Onderzoek en innovatie zijn cruciaal voor de grote vraagstukken van onze tijd en voor "
         "onze toekomstige welvaart in brede zin.", "Inleiding", None),
        # a footnote marker ("industrie1.") is cut out of the sentence
        ("lichten het belang toe van investeren in een sterke basis voor ondernemers en de "
         "industrie. Om bij te dragen aan onze welvaart", "Deel I",
         "1. Waarom is innovatie cruciaal?"),
        # spans a page break with footnotes and a box (Kader 3) in between
        ("Nederland pioniert daarin met de ecosystemenaanpak: het investeren in publiek-private "
         "netwerken rondom bepaalde thema’s en topsectoren.", "Deel I", "2. Wat doet de overheid?"),
        # spans a box (Kader 6) and a running header
        ("maar bijvoorbeeld ook voor ondernemers die energiebesparende technologieën willen "
         "toepassen in hun bedrijf.", "Deel I", "4. Wat gaan we anders doen?"),
        # "R&D-" at a line end keeps its hyphen
        ("De Nederlandse publieke en private R&D-uitgaven liggen nu lager dan het "
         "OESO-gemiddelde", "Deel I", "1. Waarom is innovatie cruciaal?"),
        ("De weg van kennis naar impact noemen we valorisatie.", "Deel II",
         "2. Ambitie: de impact van kennis op welvaart en welzijn vergroten"),
        # a section title wrapped over two lines
        ("Tegelijkertijd staan we voor maatschappelijke uitdagingen die zo groot zijn dat een "
         "sturende aanpak noodzakelijk is.", "Deel II",
         "3. Stimuleren onderzoek en valorisatie rondom maatschappelijke vraagstukken"),
        ("Doelstelling: Uitgaven R&D stijgen tot 3% van het BBP, zonder dat het private aandeel "
         "daalt.", "Actieplan", "I. Versterken Innovatiebeleid"),
        ("Een landelijke KTO-werkgroep van de universiteiten en UMC’s is met de betrokken partijen "
         "in overleg", "Actieplan", "II. Gezamenlijk actieplan valorisatie en maatschappelijke "
         "impact — f) Verbeteren afspraken over intellectueel eigendom"),
    ],
)
def test_known_sentences_intact_in_their_place(
    passages: list[Passage], sentence: str, part: str, section: str | None
) -> None:
    p = _holding(passages, sentence)
    assert (p.part, p.section) == (part, section)


def test_line_end_hyphens(passages: list[Passage]) -> None:
    text = " ".join(p.text for p in passages)
    assert "onderzoeks- en innovatiesysteem" in text  # suspended hyphen kept
    assert "steeds meer innovatiesamenwerking plaats tussen regio's" in text  # split word joined
    assert "publiek-private inzet voor innovatie" in text  # compound seen elsewhere: kept
    assert "innovatie- samenwerking" not in text and "onderzoeks-en innovatiesysteem" not in text


def test_real_numbers_survive_marker_stripping(passages: list[Passage]) -> None:
    text = " ".join(p.text for p in passages)
    for kept in ("CO2-neutrale", "€ 12,5 miljoen", "in 2020 2,3% van het bbp",
                 "Global Innovation Index (plek 5 in 2022).", "2010-2018 zijn"):
        assert kept in text
    for glued in ("industrie1.", "Industriebrief2.", "Index48", "202226", "loont.20"):
        assert glued not in text


def test_every_kader_is_a_box(passages: list[Passage]) -> None:
    raw = DEFAULT_LETTER_PATH.read_text(encoding="utf-8")
    firsts = re.findall(r"^ ?(Kader \d+\..*?)\s*$", raw, flags=re.M)
    boxes = {p.box for p in passages if p.box}
    assert set(KADERS) <= boxes
    assert all(any(b.startswith(first) for b in boxes) for first in firsts)
    assert all(p.kind == "box" for p in passages if p.box)
    for example in ("Nationaal Groeifondsvoorstel: Biotech Booster",
                    "Voorbeeld: Thematische Tech Transfer-regeling"):
        assert example in boxes


def test_sentence_from_kader_3_is_in_that_box(passages: list[Passage]) -> None:
    p = _holding(passages, "De elektrificatie van de chemische industrie is noodzakelijk wil "
                           "deze industrie in 2050 klimaatneutraal zijn.")
    assert (p.kind, p.box, p.part) == ("box", "Kader 3. De schone fabriek", "Deel I")
    assert p.label.startswith("Deel I, 2. Wat doet de overheid?, Kader 3. De schone fabriek, ")


def test_action_rows(passages: list[Passage]) -> None:
    actions = [p for p in passages if p.kind == "action"]
    assert len(actions) >= 70  # 75 rows measured
    assert all(p.part == "Actieplan" and p.initiator in INITIATORS and p.deadline for p in actions)
    wbso = _holding(actions, "De WBSO wordt geïndexeerd vanaf 2023")
    assert (wbso.initiator, wbso.deadline) == ("EZK/FIN", "Vanaf 2023")
    ngf = _holding(actions, "Het kabinet investeert € 6 miljard extra in kennisontwikkeling")
    assert (ngf.initiator, ngf.deadline) == (
        "EZK/FIN", "Deadline voor derde NGF-ronde is 3 februari 2023."
    )
    assert "(Initiatiefnemer: EZK/FIN; deadline: Vanaf 2023)" in wbso.text
    herijken = _holding(actions, "Herijken missies en bijbehorende KIA’s")  # wrapped initiator
    assert (herijken.initiator, herijken.deadline) == ("EZK, vakdepartementen en Topsectoren",
                                                       "Q2 2023")
    pilot = _holding(actions, "KVK Pilot Mijn digitale zaak: Pilotproject")
    assert pilot.deadline == "Pilot gestart in juni, loopt tot 1 december, waarna evaluatie volgt."
    cut = _holding(actions, "Bij grote nieuwe publieke aanbestedingen")  # cut by a page break
    assert "verduurzaming van de keten kunnen versnellen." in cut.text and cut.initiator == "EZK"
    assert wbso.label == "Actieplan, I. Versterken Innovatiebeleid, actie 2"


def test_footnotes(passages: list[Passage]) -> None:
    notes = {int(p.footnote or 0): p for p in passages if p.kind == "footnote"}
    assert sorted(notes) == list(range(1, 89))
    first = notes[1]
    assert first.text.startswith("Kamerbrief “Het verschil maken met strategisch en groen")
    assert first.label == "Deel I, voetnoot 1 (p. 5)"
    by_id = {p.id: p for p in passages}
    assert "sterke basis voor ondernemers en de industrie" in by_id[str(first.refers_to)].text
    assert sum(1 for n in notes.values() if n.refers_to) >= 85
    assert by_id[str(notes[36].refers_to)].box == KADERS[4]  # its marker sat on a stray line


def test_pages_only_where_the_footers_agree(passages: list[Passage]) -> None:
    before = _holding(passages, "Het Nationaal Groeifonds is een belangrijk instrument om deze")
    after = _holding(passages, "Zowel vanuit de rol als medefondsbeheerder van het Nationaal")
    assert (before.page, after.page) == (18, 19)  # around the footer "Pagina 18 van 29"
    assert _holding(passages, "Onderzoek en innovatie zijn cruciaal").page == 1
    assert {p.page for p in passages if p.part in ("Deel II", "Actieplan")} == {None}
    body = [p.page for p in passages if p.kind != "footnote" and p.page is not None]
    assert body == sorted(body)


def test_ids_labels_and_numbering(passages: list[Passage]) -> None:
    again = parse_letter(DEFAULT_LETTER_PATH.read_text(encoding="utf-8"))
    assert [p.id for p in again] == [p.id for p in passages]
    assert len({p.id for p in passages}) == len(passages)
    assert all(p.text.strip() and p.label and len(p.label) <= 160 for p in passages)
    sections: dict[tuple[str | None, str | None], list[int]] = {}
    for p in passages:
        if p.kind != "footnote":
            sections.setdefault((p.part, p.section), []).append(int(p.paragraph or 0))
    assert all(numbers == list(range(1, len(numbers) + 1)) for numbers in sections.values())
    assert {p.part for p in passages} == {"Inleiding", "Deel I", "Deel II", "Actieplan"}


SYNTHETIC = """ Geachte Voorzitter,

Dit is de eerste alinea over het onderzoeks-
beleid van het kabinet en over het onderzoeks-
en innovatiesysteem van Nederland, met een voetnoot1 en een zin die

1 Een voetnoot met uitleg.

Pagina 1 van 2



Directoraat-generaal
Bedrijfsleven & Innovatie
Directie Innovatie en Kennis

Ons kenmerk
DGBI-I&K / 22545365

doorloopt op de volgende pagina tot het einde van de zin.
"""


def test_parse_synthetic_page_with_header_footnote_and_hyphens() -> None:
    body, note = parse_letter(SYNTHETIC)
    assert body.text == (
        "Geachte Voorzitter, Dit is de eerste alinea over het onderzoeksbeleid van het kabinet "
        "en over het onderzoeks- en innovatiesysteem van Nederland, met een voetnoot en een zin "
        "die doorloopt op de volgende pagina tot het einde van de zin."
    )
    assert (body.part, body.kind, body.page, body.label) == (
        "Inleiding", "paragraph", 1, "Inleiding, alinea 1 (p. 1)"
    )
    assert (note.kind, note.footnote, note.text, note.refers_to) == (
        "footnote", 1, "Een voetnoot met uitleg.", body.id
    )


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["het onderzoeks-", "beleid"], "het onderzoeksbeleid"),
        (["het onderzoeks-", "en innovatiesysteem"], "het onderzoeks- en innovatiesysteem"),
        (["private R&D-", "uitgaven"], "private R&D-uitgaven"),
        (["via https://example.org/a-", "b-c"], "via https://example.org/a-b-c"),
        (["elektriciteit -", "omzetten"], "elektriciteit - omzetten"),
        (["de publiek-", "private"], "de publiek-private"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    vocab = ({"publiek-private"}, {"publiek-"})
    assert join_lines(lines, vocab) == joined


def _lines(*texts: str) -> list[Line]:
    """Double-spaced table lines, as in part I of the action plan."""
    return [Line(n, t.strip(), 1, gap=True) for n, t in enumerate(texts)]


def test_table_rows_with_wrapped_cells() -> None:
    rows = parse_rows(_lines(
        "Zorgen voor stabiel generiek instrumentarium.", "EZK Doorlopend",
        "Herijken missies en bijbehorende KIA’s, incl. SMART", "formuleren van doelen.",
        "EZK, ", "vakdepartemente", "n en Topsectoren", "Q2 2023",
        "Contextanalyses voor de derde investeringsronde.", "EZK/FIN Deadline voor ",
        "derde NGF-", "ronde is 3 ", "februari 2023.",
        "Opstellen Nationale Technologiestrategie EZK Q3 2023",
    ))
    got = [(" ".join(x.text for x in r.initiative), r.initiator,
             " ".join(x.text for x in r.deadline)) for r in rows]
    assert got == [
        ("Zorgen voor stabiel generiek instrumentarium.", "EZK", "Doorlopend"),
        ("Herijken missies en bijbehorende KIA’s, incl. SMART formuleren van doelen.",
         "EZK, vakdepartementen en Topsectoren", "Q2 2023"),
        ("Contextanalyses voor de derde investeringsronde.", "EZK/FIN",
         "Deadline voor derde NGF- ronde is 3 februari 2023."),
        ("Opstellen Nationale Technologiestrategie", "EZK", "Q3 2023"),
    ]
