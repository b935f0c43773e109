from retrieval.lexical import Analyzer, BM25Index, Lexicon

LEXICON = Lexicon(
    {
        "wbso": ["WBSO", "S&O", "speur- en ontwikkelingswerk", "R&D tax credit"],
        "vff": ["VFF", "Vroegefasefinanciering", "early-phase financing"],
        "innovatiekrediet": ["Innovatiekrediet", "innovation credit"],
    }
)

DOCS = [
    ("a", "De WBSO wordt geïndexeerd vanaf 2023.", {"source": "letter"}),
    ("b", "Vroegefasefinanciering helpt startups met een lening.", {"source": "letter"}),
    ("c", "Subsidies voor innovatieve bedrijven in de regio.", {"source": "card"}),
    ("d", "Het Innovatiekrediet is een lening voor risicovolle projecten.", {"source": "card"}),
]


def test_lexicon_maps_every_name_to_its_concept() -> None:
    assert LEXICON.concepts("Kan ik S&O aanvragen?") == ["wbso"]
    assert LEXICON.concepts("an R&D tax credit for my shop") == ["wbso"]
    assert set(LEXICON.concepts("innovation credit or VFF?")) == {"vff", "innovatiekrediet"}
    assert LEXICON.concepts("mit-regeling") == []


def test_lexicon_needs_word_boundaries() -> None:
    assert LEXICON.concepts("wbsox is geen regeling") == []


def test_stemming_joins_dutch_and_english_forms() -> None:
    analyzer = Analyzer()
    assert set(analyzer.terms("subsidies")) & set(analyzer.terms("subsidie"))
    assert set(analyzer.terms("innovations")) & set(analyzer.terms("innovation"))


def test_synonym_finds_passage_without_shared_words() -> None:
    index = BM25Index(DOCS, Analyzer(LEXICON))
    hits = index.search("early-phase financing for my startup")
    assert hits[0].doc_id == "b"
    hits = index.search("R&D tax credit")
    assert hits[0].doc_id == "a"


def test_filters_restrict_to_metadata() -> None:
    index = BM25Index(DOCS, Analyzer(LEXICON))
    hits = index.search("lening", where={"source": "card"})
    assert [h.doc_id for h in hits] == ["d"]


def test_empty_and_stopword_queries_return_nothing() -> None:
    index = BM25Index(DOCS, Analyzer(LEXICON))
    assert index.search("") == []
    assert index.search("de het een") == []


def test_english_questions_reach_the_dutch_letter_through_the_glossary() -> None:
    analyzer = Analyzer()
    question = "How much goes to the first funding stream of universities of applied sciences?"
    hogescholen = set(analyzer.terms("hogescholen geldstroom"))
    assert hogescholen <= set(analyzer.query_terms(question))
    assert not hogescholen & set(analyzer.query_terms(question, translate=False))
    docs = [("l", "Er gaat € 85 miljoen naar de eerste geldstroom van de hogescholen.",
             {"source": "letter"}),
            ("c", "A loan for universities of applied sciences? No: for companies.",
             {"source": "card"})]
    index = BM25Index(docs, analyzer)
    assert index.search(question)[0].doc_id == "l"
    assert "l" not in [h.doc_id for h in index.search(question, translate=False)]


def test_hybrid_search_translates_for_the_letter_only(built_finder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from retrieval.hybrid import SearchFilters

    searcher = built_finder.searcher.with_mode("lexical")
    seen: list[bool] = []
    original = searcher.lexical.search

    def spy(query, k=10, where=None, translate=True):  # type: ignore[no-untyped-def]
        seen.append(translate)
        return original(query, k, where, translate)

    monkeypatch.setattr(searcher.lexical, "search", spy)
    searcher.search("applied research facilities", 3, SearchFilters(source="card"))
    searcher.search("applied research facilities", 3, SearchFilters(source="letter"))
    searcher.search("applied research facilities", 3)
    assert seen == [False, True, True]
