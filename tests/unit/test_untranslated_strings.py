"""No English sentence is written in the Python of turnout outside the catalogue: a string that
reads like words for a person (two words or more, a capital or a full stop) must be inside
`_()`, `N_()`, `ngettext()`, `pgettext()` or `npgettext()`, unless it is one of the technical
strings allowed in untranslated_allowed.txt (log lines, SQL, identifiers...)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "turnout"
ALLOWED = Path(__file__).with_name("untranslated_allowed.txt")
SCANNED = ["services", "web", "cli", "adapters", "errors.py", "bootstrap.py", "config.py"]
SKIPPED = ("adapters/db/migrations/",)
GETTEXT = {"_", "N_", "gettext", "ngettext", "pgettext", "npgettext"}
# Calls whose strings are for developers and operators, not for the dancer.
TECHNICAL_CALLS = {"debug", "info", "warning", "error", "exception", "critical", "getLogger",
                   "warn", "text", "execute", "environ", "getenv", "add_argument", "Path",
                   "compile", "match", "search", "sub", "fullmatch", "split", "startswith",
                   "endswith", "replace", "strftime", "strptime", "AssertionError",
                   "TypeError", "RuntimeError", "NotImplementedError", "Field", "column",
                   "Column", "ForeignKey", "Index", "UniqueConstraint", "CheckConstraint",
                   "router", "get", "post", "put", "delete", "patch", "websocket",
                   "APIRouter", "mount", "include_router", "Depends", "Header", "Query",
                   "Body", "Form", "File", "Cookie", "Security"}  # fmt: skip
WORDS = re.compile(r"[A-Za-z]{2,}[,.;:!?']? [A-Za-z]{2,}")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _excused(tree: ast.AST) -> set[int]:
    """The ids of string nodes inside gettext calls, technical calls and assert statements."""
    excused = _docstrings(tree)
    for node in ast.walk(tree):
        inside = (
            isinstance(node, ast.Call)
            and (_name(node) in GETTEXT or _name(node) in TECHNICAL_CALLS)
        ) or isinstance(node, ast.Assert | ast.Subscript | ast.Compare)
        if (isinstance(node, ast.Call) and _name(node) in GETTEXT | TECHNICAL_CALLS) or inside:
            excused |= {id(child) for child in ast.walk(node)}
        if isinstance(node, ast.keyword) and node.arg in ("description", "summary", "alias"):
            excused |= {id(child) for child in ast.walk(node)}
    return excused


def _looks_like_words(text: str) -> bool:
    stripped = text.strip()
    if not WORDS.search(stripped) or stripped.startswith(("<", "{", "/", "%", "SELECT")):
        return False
    return stripped[:1].isupper() or stripped.endswith((".", ":", "?", "!"))


def english_strings() -> Iterator[tuple[str, int, str]]:
    for root in SCANNED:
        for path in sorted(
            (PACKAGE / root).rglob("*.py") if root[-3:] != ".py" else [PACKAGE / root]
        ):
            relative = path.relative_to(PACKAGE).as_posix()
            if relative.startswith(SKIPPED):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            excused = _excused(tree)
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in excused
                    and _looks_like_words(node.value)
                ):
                    yield relative, node.lineno, node.value


def allowed() -> set[tuple[str, str]]:
    entries = set()
    for line in ALLOWED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            where, _, start = line.partition(": ")
            entries.add((where, start))
    return entries


def test_every_english_sentence_of_the_code_is_in_the_catalogue() -> None:
    permitted = allowed()
    found = [
        f"{where}:{line}: {text[:60]!r}"
        for where, line, text in english_strings()
        if not any(where == w and text.startswith(s) for w, s in permitted)
    ]
    assert found == [], "\n".join(found)


def test_the_check_finds_a_bare_sentence() -> None:
    tree = "raise InputError('Give a number of seconds.')\nx = _('Hold it.')\nlog.info('Loaded x.')"
    module = ast.parse(tree)
    excused = _excused(module)
    bare = [
        n.value
        for n in ast.walk(module)
        if isinstance(n, ast.Constant) and id(n) not in excused and _looks_like_words(str(n.value))
    ]
    assert bare == ["Give a number of seconds."]
