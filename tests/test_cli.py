"""The `finder` command line: help stays true, commands work, bad input is one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], env_dir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(env_dir), "FINDER_EMBEDDER": "hashing",
        "FINDER_INDEX_DIR": str(env_dir / "index"), "FINDER_COLLECTION": "cli-test",
        "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
        "FINDER_FEEDBACK_DB": str(env_dir / "feedback.sqlite3"), **extra,
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
        env=env, cwd=ROOT, timeout=300,
    )


@pytest.fixture(scope="module")
def cli_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cli")
    result = _run(["ingest"], home)
    assert result.returncode == 0, result.stderr
    return home


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = _run(["--help"], tmp_path)
    assert result.returncode == 0
    for command in ("ingest", "search", "ask", "check", "eval", "feedback-export"):
        assert command in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("finder ingest", "finder search", "finder ask", "finder check", "finder eval",
                    "finder feedback-export"):
        assert command in readme, f"README does not document `{command}`"


def test_ingest_twice_embeds_nothing_the_second_time(cli_home: Path) -> None:
    result = _run(["ingest"], cli_home)
    assert result.returncode == 0 and " 0 embedded, 0 removed" in result.stdout


def test_search_prints_ranked_labelled_passages(cli_home: Path) -> None:
    result = _run(["search", "Innovatiekrediet lening", "--k", "3", "--json"], cli_home)
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and rows[0]["score"] >= rows[-1]["score"]
    assert all(r["label"] and r["id"] for r in rows)
    letter_only = json.loads(
        _run(["search", "WBSO", "--source", "letter", "--json"], cli_home).stdout
    )
    assert letter_only and all(r["source"] == "letter" for r in letter_only)


def test_ask_json_is_the_whole_answer(cli_home: Path) -> None:
    result = _run(["ask", "Wat is de WBSO?", "--json"], cli_home)
    answer = json.loads(result.stdout)
    assert answer["intent"] == "explain" and answer["citations"] and answer["recommendations"]


def test_check_prints_the_eligibility_table(cli_home: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"employees": 12, "stage": "rnd", "sector": "ict_digital"}))
    rows = json.loads(_run(["check", "--profile", str(profile), "--json"], cli_home).stdout)
    assert len(rows) == 40 and {r["verdict"] for r in rows} <= {
        "fits", "may_fit", "not_a_scheme", "closed", "does_not_fit"}
    csv_out = _run(["check", "--profile", str(profile), "--csv"], cli_home).stdout
    assert csv_out.splitlines()[0].startswith("instrument_id")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"employees": "veel"}', "employees"),
    ],
)
def test_malformed_profile_is_one_clear_line(
    cli_home: Path, tmp_path: Path, content: str, expected: str
) -> None:
    profile = tmp_path / "bad.json"
    profile.write_text(content)
    result = _run(["check", "--profile", str(profile)], cli_home)
    assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr


def test_missing_index_is_explained(tmp_path: Path) -> None:
    result = _run(["search", "WBSO"], tmp_path)
    assert result.returncode == 2
    assert "finder ingest" in result.stderr and "Traceback" not in result.stderr


def test_malformed_eval_set_stops_with_the_line_number(cli_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "set.jsonl"
    bad.write_text(
        '{"id": "a", "question": "Wat is de WBSO?", "lang": "nl", "type": "explain"}\n{oops\n'
    )
    result = _run(["eval", "--set", str(bad)], cli_home)
    assert result.returncode == 2 and "line 2" in result.stderr and "Traceback" not in result.stderr


def test_readme_documents_every_setting() -> None:
    from assistant.settings import Settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [f"FINDER_{n.upper()}" for n in Settings.model_fields]
    missing = [name for name in names if name not in readme]
    assert not missing, f"README lacks {missing}"


def test_feedback_export_writes_contract_lines(cli_home: Path, tmp_path: Path) -> None:
    from assistant.answer import Answer
    from assistant.feedback import FeedbackStore
    from eval.dataset import parse_set

    assert "no feedback stored yet" in _run(["feedback-export"], cli_home).stderr
    answer = json.loads(_run(["ask", "Wat is de WBSO?", "--json"], cli_home).stdout)
    store = FeedbackStore(cli_home / "feedback.sqlite3")
    store.add(Answer.model_validate(answer), "down", "bedoelde de innovatiebox", ["innovatiebox"])
    items = parse_set(_run(["feedback-export"], cli_home).stdout)
    assert len(items) == 1 and items[0].expected_instruments == ["innovatiebox"]
    assert items[0].question == "Wat is de WBSO?"


@pytest.mark.parametrize("variable, value", [("FINDER_TOP_K", "-3"),
                                             ("FINDER_LEXICAL_SHARE", "abc")])
def test_a_bad_setting_is_one_line_naming_it(monkeypatch, capsys, variable, value) -> None:  # type: ignore[no-untyped-def]
    import cli

    monkeypatch.setenv(variable, value)
    assert cli.main(["ask", "welke regeling past?"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and variable in err and "Traceback" not in err
    assert value not in err  # a setting may be a secret: its value is not repeated


@pytest.mark.parametrize("k", ["-5", "0", "abc", "1000"])
def test_search_k_must_be_a_sensible_count(capsys, k) -> None:  # type: ignore[no-untyped-def]
    import cli

    with pytest.raises(SystemExit) as stopped:
        cli.main(["search", "--k", k, "wbso"])
    assert stopped.value.code == 2 and "--k" in capsys.readouterr().err


@pytest.mark.parametrize("variable, kind", [
    ("FINDER_INDEX_DIR", "file"), ("FINDER_CARDS_DIR", "file"), ("FINDER_LETTER_PATH", "folder"),
    ("FINDER_INSTRUMENTS_TSV", "folder"), ("FINDER_FEEDBACK_DB", "folder"),
])
def test_a_path_setting_of_the_wrong_kind_is_one_line(monkeypatch, capsys, tmp_path, variable,  # type: ignore[no-untyped-def]
                                                      kind) -> None:
    import cli

    wrong = tmp_path / "a-file.txt" if kind == "file" else tmp_path
    wrong.write_text("x") if kind == "file" else None
    monkeypatch.setenv(variable, str(wrong))
    assert cli.main(["ask", "welke regeling past?"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and variable in err and f"is a {kind}" in err


@pytest.mark.parametrize("args, option", [
    (["ask", "wbso", "--profile", "{folder}"], "--profile"),
    (["check", "--profile", "{missing}"], "--profile"),
    (["eval", "--set", "{folder}"], "--set"),
    (["eval", "--set", "{set}", "--json", "{folder}"], "--json"),
    (["eval", "--set", "{set}", "--json", "{missing}/out.json"], "--json"),
    (["eval", "--set", "{set}", "--report", "{file}"], "--report"),
    (["feedback-export", "--out", "{folder}"], "--out"),
])
def test_a_path_option_of_the_wrong_kind_stops_before_any_work(capsys, tmp_path, args,  # type: ignore[no-untyped-def]
                                                               option) -> None:
    import cli

    (tmp_path / "file.txt").write_text("x")
    names = {"folder": str(tmp_path), "missing": str(tmp_path / "nope"),
             "file": str(tmp_path / "file.txt"), "set": str(ROOT / "eval" / "smoke.jsonl")}
    with pytest.raises(SystemExit) as stopped:
        cli.main([a.format(**names) for a in args])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and f"argument {option}" in err and "Traceback" not in err


def test_a_read_command_never_creates_the_index_folder(tmp_path: Path) -> None:
    result = _run(["ask", "Wat is de WBSO?"], tmp_path, FINDER_INDEX_DIR=str(tmp_path / "idx"))
    assert result.returncode == 2 and "finder ingest" in result.stderr
    assert not (tmp_path / "idx").exists()
