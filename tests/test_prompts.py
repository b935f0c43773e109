"""Every template file's placeholders match what the code passes."""

from pathlib import Path

import pytest

from prompts.loader import (
    LLM_REGISTRY,
    REGISTRY,
    PromptError,
    _read,
    load_llm_prompts,
    load_templates,
    placeholders,
)

HERE = Path(__file__).resolve().parent.parent / "prompts"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_template_has_exactly_the_registered_placeholders(lang: str) -> None:
    templates = load_templates(lang)  # type: ignore[arg-type]
    assert set(templates.texts) == set(REGISTRY)
    for name, expected in REGISTRY.items():
        assert placeholders(templates.texts[name]) <= expected, name
        templates.render(name, **{v: "x" for v in expected})


def test_every_passed_variable_is_used_by_some_language() -> None:
    nl, en = load_templates("nl"), load_templates("en")
    for name, expected in REGISTRY.items():
        used = placeholders(nl.texts[name]) | placeholders(en.texts[name])
        assert used == expected, (name, expected - used)


def test_no_stray_template_files() -> None:
    for lang in ("nl", "en"):
        files = {p.stem for p in (HERE / "templates" / lang).glob("*.txt")}
        assert files == set(REGISTRY), files ^ set(REGISTRY)


def test_llm_prompts_declare_their_variables() -> None:
    prompts = load_llm_prompts()
    for name, expected in LLM_REGISTRY.items():
        assert set(prompts[name].input_variables) == expected


def test_a_wrong_placeholder_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text("Hallo {naam}", encoding="utf-8")  # the code passes {name}
    with pytest.raises(PromptError, match="naam"):
        _read(bad, frozenset({"name"}))
