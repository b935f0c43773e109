"""Metric functions, checked against cases worked out by hand."""

import pytest

from eval import metrics as m
from eval.dataset import EvalSetError, parse_set
from eval.runner import aggregate

PASSAGE_A = "Het kabinet wil dat de uitgaven voor R&D stijgen tot 3% van het BBP."
PASSAGE_B = "Zonder dat het private aandeel daalt, zo schrijft het kabinet verder."


def test_longest_common_run_counts_consecutive_words_only() -> None:
    assert m.longest_common_run(["a", "b", "c", "d"], ["x", "a", "b", "y", "c", "d"]) == 2
    assert m.longest_common_run(["a", "b", "c"], ["a", "b", "c"]) == 3
    assert m.longest_common_run(["a", "b"], ["c", "d"]) == 0


def test_support_needs_sixty_percent_of_the_quote() -> None:
    quote = "uitgaven voor R&D stijgen tot 3% van het BBP"  # 9 words, all in A
    assert m.supports(PASSAGE_A, quote)
    assert not m.supports(PASSAGE_B, quote)
    # 6 of 10 words in one run: exactly 60% counts
    assert m.supports("een twee drie vier vijf zes", "een twee drie vier vijf zes x y z w")
    assert not m.supports("een twee drie vier vijf", "een twee drie vier vijf zes x y z w")


def test_quote_split_over_two_passages_counts_for_the_one_holding_most() -> None:
    # 10-word quote: 7 words at the end of passage 1, 3 at the start of passage 2
    quote = "de uitgaven voor R&D stijgen tot 3% zonder dat het"
    first = "Het kabinet wil dat de uitgaven voor R&D stijgen tot 3%"
    second = "zonder dat het private aandeel daalt."
    assert m.supports(first, quote)  # 7/10 >= 0.6
    assert not m.supports(second, quote)  # 3/10
    assert m.passage_hit_at([second, first], [quote], k=5) == 1.0
    assert m.reciprocal_rank([second, first], [quote]) == 0.5


def test_normalisation_ignores_case_soft_hyphens_and_whitespace() -> None:
    assert m.supports(
        "Innovatie\u00adbeleid   is  BELANGRIJK\nvoor ons", "innovatiebeleid is belangrijk"
    )


def test_instrument_hit_and_recall() -> None:
    assert m.hit_at(["mit", "wbso", "vff", "rom"], ["rom"], 3) == 0.0
    assert m.hit_at(["mit", "wbso", "vff", "rom"], ["vff"], 3) == 1.0
    assert m.recall_at(["mit", "wbso", "vff", "rom", "efro", "x"], ["rom", "x"], 5) == 0.5


def test_citation_precision_counts_zero_when_nothing_cited() -> None:
    quote = "uitgaven voor R&D stijgen tot 3% van het BBP"
    assert m.citation_precision([], [quote]) == 0.0
    assert m.citation_precision([PASSAGE_A, PASSAGE_B], [quote]) == 0.5


def test_mentions_and_percentiles() -> None:
    assert m.mentions_found("De WBSO van RVO", ["wbso", "RVO", "MIT"]) == (2, 3)
    assert m.percentile([10.0, 20.0, 30.0, 40.0, 50.0], 50) == pytest.approx(30.0)
    assert m.percentile([], 95) == 0.0


def _row(**kw):  # type: ignore[no-untyped-def]
    base = {name: None for name in (
        "instrument_hit_at_3", "instrument_recall_at_5", "passage_hit_at_5", "passage_mrr_at_10",
        "citation_precision", "abstention_accuracy", "false_abstention_rate")}
    base.update(mentions_found=0, mentions_total=0, language_match=1.0, latency_ms=10.0)
    base.update(kw)
    return base


def test_aggregate_skips_items_a_metric_does_not_apply_to() -> None:
    rows = [
        _row(
            instrument_hit_at_3=1.0, mentions_found=1, mentions_total=2, false_abstention_rate=0.0
        ),
        _row(
            instrument_hit_at_3=0.0, mentions_found=2, mentions_total=2, false_abstention_rate=1.0
        ),
        _row(abstention_accuracy=1.0, language_match=0.0),
    ]
    result = aggregate(rows)
    assert result["instrument_hit_at_3"] == 0.5
    assert result["must_mention_coverage"] == 0.75
    assert result["abstention_accuracy"] == 1.0
    assert result["false_abstention_rate"] == 0.5
    assert result["language_match"] == pytest.approx(2 / 3)
    assert result["passage_hit_at_5"] is None


GOOD = '{"id": "a", "question": "Wat is de WBSO?", "lang": "nl", "type": "explain", "extra": 1}'


def test_parse_set_ignores_unknown_fields_and_reports_line_numbers() -> None:
    assert parse_set(GOOD)[0].id == "a"
    with pytest.raises(EvalSetError, match="line 2: not valid JSON"):
        parse_set(GOOD + "\n{broken")
    with pytest.raises(EvalSetError, match="line 2: lang"):
        parse_set(GOOD + '\n{"id": "b", "question": "x", "lang": "de", "type": "explain"}')
    with pytest.raises(EvalSetError, match="duplicate id"):
        parse_set(GOOD + "\n" + GOOD)
    with pytest.raises(EvalSetError, match="no questions"):
        parse_set("\n\n")


def test_every_gold_quote_stands_verbatim_in_a_letter_passage() -> None:
    from pathlib import Path

    from eval.dataset import load_set
    from retrieval.letter import load_letter
    from retrieval.passages import normalise

    root = Path(__file__).resolve().parent.parent
    texts = [normalise(p.text) for p in load_letter()]
    missing = []
    for path in sorted((root / "eval").glob("*.jsonl")):  # every set the project ships
        name = path.name
        for item in load_set(path):
            missing += [f"{name} {item.id}: {q}" for q in item.gold_quotes
                        if not any(normalise(q) in t for t in texts)]
    assert not missing, "\n".join(missing)


def test_eval_sets_use_only_canonical_ids() -> None:
    from pathlib import Path

    from eval.dataset import load_set
    from instruments.catalog import read_instrument_ids

    root = Path(__file__).resolve().parent.parent
    ids = set(read_instrument_ids(root / "data" / "instruments.tsv"))
    for path in sorted((root / "eval").glob("*.jsonl")):  # every set the project ships
        for item in load_set(path):
            assert set(item.expected_instruments + item.acceptable_instruments) <= ids, (
                f"{path.name} {item.id}")


def test_a_conversation_item_parses_and_needs_turns() -> None:
    from eval.dataset import EvalSetError, parse_set

    line = ('{"id": "c1", "lang": "nl", "type": "conversation", "turns": [{"say": "hoi", '
            '"expect": {"declined": false, "asks": true, "profile": {"employees": 8}}}]}')
    item = parse_set(line)[0]
    assert item.turns[0].expect is not None and item.turns[0].expect.asks is True
    with pytest.raises(EvalSetError, match="line 1"):
        parse_set('{"id": "c2", "lang": "nl", "type": "conversation"}')


def test_turn_failures_name_what_broke() -> None:
    from assistant.answer import Answer, Recommendation
    from eval.dataset import Expect
    from eval.turns import turn_failures

    rec = Recommendation(instrument_id="mit", name="MIT", kind="subsidy", verdict="fits", score=1)
    answer = Answer(question="q", lang="nl", intent="recommend", text="De WBSO past.",
                    recommendations=[rec], profile={"employees": 8, "size": "micro"})
    ok = Expect(declined=False, expected_instruments=["mit"], answer_must_mention=["WBSO"],
                profile={"employees": 8, "size": "micro"}, lang="nl")
    assert turn_failures(ok, answer) == []
    bad = Expect(asks=True, forbidden_instruments=["mit"], profile={"employees": 9},
                 expected_instruments=["wbso"])
    assert turn_failures(bad, answer) == [
        "asks", "profile.employees", "expected_instruments", "forbidden_instruments"
    ]


def test_misfit_and_conversation_metrics_aggregate() -> None:
    rows = [_row(misfit_at_3=1.0), _row(misfit_at_3=0.0), _row(misfit_at_3=0.0, turns_ok=2,
            turns_checked=3, conversation_success=0.0),
            _row(turns_ok=2, turns_checked=2, conversation_success=1.0)]
    result = aggregate(rows)
    assert result["misfit_at_3"] == pytest.approx(1 / 3)
    assert result["turn_success"] == pytest.approx(4 / 5)
    assert result["conversation_success"] == 0.5


def test_paired_bootstrap_interval_covers_the_difference() -> None:
    from eval.intervals import paired_interval

    base = [{"id": str(i), "instrument_hit_at_3": 1.0 if i < 50 else 0.0} for i in range(100)]
    same = paired_interval(base, base, "instrument_hit_at_3")
    assert same == (0.0, 0.0, 0.0)
    better = [{**r, "instrument_hit_at_3": 1.0 if int(r["id"]) < 80 else 0.0} for r in base]
    diff, low, high = paired_interval(base, better, "instrument_hit_at_3") or (0, 0, 0)
    assert diff == pytest.approx(0.3) and 0 < low < 0.3 < high
    one_more = [{**r, "instrument_hit_at_3": 1.0 if int(r["id"]) < 51 else 0.0} for r in base]
    _, low, high = paired_interval(base, one_more, "instrument_hit_at_3") or (0, 0, 0)
    assert low <= 0 <= high  # one item in a hundred is not progress
