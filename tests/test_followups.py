"""Follow-up questions about one scheme, in a conversation that knows the company and its need:
"kan het innovatiekrediet ook?", "en DEI+?", "could WBSO work for the website?"."""

from __future__ import annotations

from tests.test_conversation import _talk


def test_may_it_also_be_x_gets_a_verdict_not_the_card(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, answer = _talk(
        built_finder,
        "Metaalbewerkingsbedrijf, 40 man. We ontwikkelen een nieuw lasproces met robots",
        "kan het innovatiekrediet ook?",
    )
    assert answer.intent == "eligibility"
    assert [r.instrument_id for r in answer.recommendations][:1] == ["innovatiekrediet"]
    assert answer.text.startswith("Kort gezegd: Innovatiekrediet: ")


def test_a_bare_name_after_an_ordinary_purchase_says_it_is_not_for_that(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, answer = _talk(
        built_finder,
        "We hebben een hotel met 20 medewerkers en willen zonnepanelen en een warmtepomp plaatsen",
        "en DEI+?",
    )
    signposts = {r.instrument_id for r in first.recommendations}
    assert answer.intent == "eligibility"
    assert answer.text.startswith("DEI+ is niet bedoeld voor ")
    # the need's own schemes are offered again, not the DEI+ card
    assert {r.instrument_id for r in answer.recommendations} == signposts
    assert "dei-plus" not in signposts


def test_a_schemes_name_is_not_read_as_what_the_company_does(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, answer = _talk(
        built_finder,
        "I run a small webshop selling dog toys, just me and my partner. Any subsidy for a new "
        "website?",
        "ok and what about WBSO, could that work for the website?",
    )
    assert "own_rnd" not in answer.profile["activities"]  # "WBSO" is a name, not R&D done
    assert answer.text.startswith("WBSO")
    assert "is not meant for" in answer.text.split(".")[0]


def test_slim_in_capitals_names_the_scheme_and_in_small_letters_is_a_word(built_finder) -> None:  # type: ignore[no-untyped-def]
    concepts = built_finder.service.reader.lexicon.concepts
    assert concepts("does SLIM pay for the course fees themselves?") == ["slim"]
    assert concepts("wij maken slimme sensoren, best slim") == []


def test_a_question_about_slims_course_fees_is_answered_about_slim(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, answer = _talk(
        built_finder,
        "we're a 25-person IT consultancy and want to train our staff in cloud skills",
        "does SLIM pay for the course fees themselves?",
    )
    assert answer.intent == "explain"
    assert [r.instrument_id for r in answer.recommendations] == ["slim"]
    assert "does not pay for the courses" in answer.text


def test_a_new_need_after_an_explanation_is_a_request(built_finder) -> None:  # type: ignore[no-untyped-def]
    answers = _talk(
        built_finder,
        "hi, we're a craft brewery w/ 8 ppl and want to develop a new low-alcohol beer",
        "how do i apply for that?",
        "and is there anything for the brewing equipment itself?",
    )
    assert answers[-1].intent == "recommend"  # was: a letter quote on geopolitics (dev4 cd4-25)
    assert "kia" in [r.instrument_id for r in answers[-1].recommendations]


def test_asking_about_a_scheme_by_name_is_no_fact_of_rnd(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, reply = _talk(
        built_finder, "ik run een schoonmaakbedrijf met 20 mensen. kan ik wbso krijgen?", "nee"
    )
    assert "own_rnd" not in first.profile["activities"]
    assert "wbso" not in [r.instrument_id for r in reply.recommendations]


def test_what_does_it_say_after_a_letter_question_is_about_the_letter(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, answer = _talk(built_finder, "What does the letter say about the 3% R&D target?",
                      "and what does it say about startups and scale-ups?")
    assert answer.intent == "policy"
    assert all(c.source == "letter" for c in answer.citations)
    assert "startup" in answer.text.lower()


def test_a_letter_question_naming_a_scheme_quotes_what_it_says_of_it(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, answer = _talk(built_finder, "Wat zegt de kamerbrief over valorisatie?",
                      "wat staat er in over de MIT-regeling")
    assert answer.intent == "policy"
    assert "MIT" in answer.citations[0].quote  # the passages naming it come first
    assert "geëvalueerd" in answer.text  # the measure: the MIT is to be evaluated


def test_what_are_the_deadlines_gives_when_to_apply_for_each_scheme(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, answer = _talk(
        built_finder,
        "we are a company of 30 people developing a new soil moisture sensor",
        "what are the deadlines?",
    )
    shown = first.recommended_ids()[:3]
    assert answer.intent == "explain" and answer.recommended_ids() == shown
    assert answer.text.startswith("When and how you apply, per scheme:")
    assert answer.text.count("(Status: ") == len(shown)
    if "wbso" in shown:
        assert "30 September" in answer.text


def test_what_is_it_and_when_gets_the_card(built_finder) -> None:  # type: ignore[no-untyped-def]
    from assistant.question_forms import asks_when

    assert asks_when("wanneer kan ik de WBSO aanvragen?")
    assert not asks_when("wat is SLIM precies en wanneer kan ik aanvragen?")
    (answer,) = _talk(built_finder, "wanneer kan ik de WBSO aanvragen?")
    assert answer.text.startswith("Wanneer en hoe u aanvraagt, per regeling:\n- **WBSO**")


def test_the_difference_between_those_two_compares_the_first_two(built_finder) -> None:  # type: ignore[no-untyped-def]
    first, answer = _talk(built_finder, "ik heb een kledingwinkel en wil een 2e vestiging openen "
                                        "maar de bank wil geen lening geven, te weinig zekerheden",
                          "wat is het verschil tussen die twee eigenlijk?")
    assert answer.intent == "compare"
    assert answer.recommended_ids() == first.recommended_ids()[:2]


def test_when_does_it_open_gets_when_to_apply(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, answer = _talk(built_finder, "We zijn een voedselproducent (25 man) en willen eerst een "
                                    "haalbaarheidsstudie doen naar eiwit uit zeewier",
                      "en wanneer gaat die open?")
    assert answer.intent == "explain"
    assert answer.text.startswith("Wanneer en hoe u aanvraagt, per regeling:")


def test_can_i_still_get_money_from_there_says_it_ended(built_finder) -> None:  # type: ignore[no-untyped-def]
    _, answer = _talk(built_finder, "Hoeveel geld gaat er naar het Nationaal Groeifonds volgens "
                                    "de brief?", "kan ik daar als mkb'er nog geld uit krijgen?")
    assert answer.intent == "eligibility"
    assert answer.recommended_ids()[:1] == ["nationaal-groeifonds"]
    assert "beëindigd" in answer.text.split("\n")[0]
