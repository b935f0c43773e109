"""Choosing letter passages: the cue-based reordering for policy questions, the letter
passages about each instrument, and the passage a recommendation cites."""

from __future__ import annotations

from assistant.knowledge import instrument_letter_passages
from assistant.quotes import best_quote
from assistant.rerank import factor, rerank_for_policy, sentence_cue
from retrieval.hybrid import SearchHit
from retrieval.passages import Passage
from retrieval.sentences import split_sentences


def _passage(pid: str, text: str, kind: str = "paragraph") -> Passage:
    return Passage(id=pid, text=text, source="letter", kind=kind, label=pid)  # type: ignore[arg-type]


def test_action_rows_rise_only_for_action_plan_questions() -> None:
    row = SearchHit(_passage("a", "Verruiming VFF.", "action"), 1.0)
    body = SearchHit(_passage("b", "De VFF is verruimd."), 0.9)
    plan = rerank_for_policy("Wat zegt het actieplan over VFF?", [body, row])
    letter = rerank_for_policy("Wat zegt de brief over VFF?", [row, body])
    assert [h.passage.id for h in plan] == ["a", "b"]
    assert [h.passage.id for h in letter] == ["b", "a"]


def test_amount_and_date_questions_favour_figures_and_years() -> None:
    plain = SearchHit(_passage("p", "Het kabinet investeert in onderzoek."), 1.0)
    money = SearchHit(_passage("m", "Het kabinet investeert € 50 mln. per jaar."), 1.0)
    assert factor("Hoeveel geld gaat naar onderzoek?", money) > factor("Hoeveel geld?", plain)
    assert factor("Wat doet het kabinet?", money) == factor("Wat doet het kabinet?", plain)
    assert sentence_cue("When does it start?")("It starts in 2024.") == 1.0
    assert sentence_cue("When does it start?")("It starts soon.") == 0.0


def test_footnotes_sink() -> None:
    note = SearchHit(_passage("f", "Kamerstuk 33009, nr. 1.", "footnote"), 1.0)
    body = SearchHit(_passage("b", "De brief zegt iets."), 0.9)
    assert rerank_for_policy("Wat zegt de brief?", [note, body])[0].passage.id == "b"


def test_quote_prefers_the_sentence_with_the_asked_figure() -> None:
    text = "De toeslag wordt verlengd. Dat is goed nieuws voor iedereen. Dit gaat in 2024 in."
    terms = lambda s: s.lower().replace(".", "").split()  # noqa: E731
    quote = best_quote(text, {"toeslag"}, terms, max_sentences=2, cue=sentence_cue("wanneer?"))
    assert "2024" in quote and "goed nieuws" not in quote


def test_instrument_passages_put_body_text_before_rows_and_footnotes() -> None:
    letter = [
        _passage("n1", "Zie de MIT.", "footnote"),
        _passage("r1", "Actie: MIT verruimen.", "action"),
        _passage("p1", "De MIT helpt het mkb."),
        _passage("s1", "De MIT helpt.", "sentence"),
        _passage("x1", "Iets anders."),
    ]
    concepts = lambda text: ["mit"] if "MIT" in text else []  # noqa: E731
    about = instrument_letter_passages(letter, {"mit": ["r1"]}, concepts)
    assert about == {"mit": ["p1", "r1", "n1"]}


def test_recommendation_quotes_one_letter_sentence_about_its_first_instrument(built_finder) -> None:  # type: ignore[no-untyped-def]
    answer = built_finder.ask("wij zijn een mkb-bedrijf met 12 man en doen R&D aan software")
    top = answer.recommendations[0].instrument_id
    about = set(built_finder.instrument_passages.get(top, []))
    letter = [c for c in answer.citations if c.source == "letter"]
    assert len(letter) == 1 and letter[0].passage_id in about
    assert answer.retrieved[0] in about
    # one sentence, and the one naming the scheme (the dense match quoted a sentence on
    # start-ups beside the VFF)
    assert len(split_sentences(letter[0].quote)) == 1
    assert "WBSO" in letter[0].quote


def test_a_list_of_parliamentary_papers_sinks() -> None:
    refs = "Kamerstuk 1. Motie A; Kamerstuk 2. Motie B; Kamerstuk 3. Motie C."
    listing = SearchHit(_passage("l", refs), 1.0)
    body = SearchHit(_passage("b", "De brief zegt iets."), 0.9)
    assert rerank_for_policy("Wat zegt de brief over moties?", [listing, body])[0].passage.id == "b"


def test_a_passage_with_one_sentence_holding_the_question_rises() -> None:
    scattered = SearchHit(_passage("s", "Subsidie is fijn. Het mkb groeit. Er is een fonds."), 1.0)
    focused = SearchHit(_passage("f", "Het fonds voor het mkb krijgt subsidie. Iets anders."), 0.8)

    def coverage(sentence: str) -> float:
        wanted = {"subsidie", "mkb", "fonds"}
        return len(wanted & set(sentence.lower().strip(".").split())) / len(wanted)

    with_cover = rerank_for_policy("subsidie mkb fonds?", [scattered, focused], coverage)
    without = rerank_for_policy("subsidie mkb fonds?", [scattered, focused])
    assert [h.passage.id for h in with_cover] == ["f", "s"]
    assert [h.passage.id for h in without] == ["s", "f"]


def test_coverage_weighs_rare_terms(built_finder) -> None:  # type: ignore[no-untyped-def]
    lexical = built_finder.searcher.lexical
    question = "Wat zegt de brief over het Innovatiepact met Duitsland?"
    assert lexical.coverage(question)("Het Innovatiepact met Duitsland wordt verlengd.") > 0.8
    assert lexical.coverage(question)("Innovatie is belangrijk.") < 0.3
    assert lexical.coverage("")("iets") == 0.0


def test_a_quote_keeps_an_action_with_its_initiator_and_deadline() -> None:
    from assistant.quotes import best_quote

    row = "Opstellen Nationale Technologiestrategie (Initiatiefnemer: EZK; deadline: Q3 2023)"
    assert best_quote(row, {"technologiestrategie"}, str.split) == row
    cut = ("De WBSO wordt geïndexeerd vanaf 2023 en daarna verder oplopend. Het kabinet houdt "
           "de regeling stabiel (Initiatiefnemer:")
    quote = best_quote(cut, {"wbso", "stabiel"}, lambda s: s.lower().split())
    assert quote.endswith("regeling stabiel") and quote in cut  # no bracket left open


def test_a_quoted_list_keeps_its_items() -> None:
    from assistant.quotes import _lists_joined

    pieces = ["De visie kent drie actielijnen:", "1.", "Versterken fundament", "2.",
              "Creëren ruimte", "3.", "Toewerken naar een lerend systeem",
              "Deze actielijnen worden uitgewerkt."]
    assert _lists_joined(pieces) == [
        "De visie kent drie actielijnen: 1. Versterken fundament 2. Creëren ruimte "
        "3. Toewerken naar een lerend systeem",
        "Deze actielijnen worden uitgewerkt.",
    ]
    assert _lists_joined(["Geen lijst.", "1.", "twee"]) == ["Geen lijst.", "1.", "twee"]
