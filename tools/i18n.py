"""turnout's one catalogue: extract every user-facing string, merge it into the languages'
`.po` files, compile them, and say how complete each is.

    .venv/bin/python tools/i18n.py extract   # sources -> src/turnout/i18n/locale/messages.pot
    .venv/bin/python tools/i18n.py update    # .pot -> every language's .po (keeps translations)
    .venv/bin/python tools/i18n.py compile   # .po -> .mo (what `make install` runs)
    .venv/bin/python tools/i18n.py stats     # messages, and the share translated per language
    .venv/bin/python tools/i18n.py check     # every gap and placeholder mismatch (exit 1 if any)

Strings come from the Python modules (`_`, `N_`, `ngettext`, `pgettext`, `npgettext`), the
Jinja templates (`_()` and `{% trans %}`), the page scripts (the same names, see i18n.js) and
the built-in routines (every text field, with the context "routine").
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from turnout.adapters.routines.localized import CONTEXT, texts
from turnout.services.starter import starter_texts
from turnout.web.figures import FIGURE_CONTEXT, FIGURES, svg_title

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "turnout"
LOCALE = PACKAGE / "i18n" / "locale"
POT = LOCALE / "messages.pot"
METHODS = [
    ("adapters/db/migrations/**.py", "ignore"),
    ("**.py", "python"),
    ("web/templates/**.html", "jinja2.ext:babel_extract"),
    ("web/static/vendor/**", "ignore"),
    ("web/static/sw.js", "ignore"),
    ("web/static/*.js", "javascript"),
]
OPTIONS = {"web/templates/**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}}


def extract() -> Catalog:
    """Every message of the sources, with where it is used."""
    catalog = Catalog(project="turnout", locale=None, fuzzy=False)
    found = extract_from_dir(PACKAGE, METHODS, OPTIONS, DEFAULT_KEYWORDS, ("Translators:",))
    for filename, line, message, comments, context in found:
        where = [(f"turnout/{filename}", line)]
        catalog.add(message, None, where, auto_comments=comments, context=context)
    for path in sorted(FIGURES.glob("*/*.svg")):
        where = [(f"turnout/web/static/figures/{path.parent.name}/{path.name}", 0)]
        catalog.add(svg_title(path), None, where, context=FIGURE_CONTEXT)
    for text in starter_texts():
        catalog.add(text, None, [("turnout/services/starter.py", 0)], context=CONTEXT)
    for path in sorted((PACKAGE / "routines").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for text in texts(data):
            catalog.add(text, None, [(f"turnout/routines/{path.name}", 0)], context=CONTEXT)
    return catalog


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, sort_output=False, omit_header=False)


def update(languages: list[str]) -> None:
    template = _read(POT)
    for language in languages:
        path = LOCALE / language / "LC_MESSAGES" / "messages.po"
        catalog = _read(path, language) if path.is_file() else Catalog(locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write(path, catalog)


def stats() -> dict[str, tuple[int, int]]:
    """Per language: (messages translated, messages in the catalogue)."""
    total = len([m for m in _read(POT) if m.id])
    result = {}
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/messages.po")):
        done = [m for m in _read(path) if m.id and not m.fuzzy and _complete(m.string)]
        result[path.parts[-3]] = (len(done), total)
    return result


def _complete(string: str | tuple[str, ...]) -> bool:
    forms = string if isinstance(string, tuple) else (string,)
    return all(form.strip() for form in forms)


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|(?<!\{)\{(\w*)\}(?!\})")


def placeholders(text: str) -> set[str]:
    """The named placeholders of a message: {name} (Python, scripts) and %(name)s (templates)."""
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    """What is wrong with a language's catalogue against the template: a message missing,
    untranslated or fuzzy, the wrong number of plural forms, a placeholder dropped or added."""
    found, wrong = {(m.id, m.context): m for m in catalog if m.id}, []
    forms = catalog.num_plurals
    for message in template:
        if not message.id:
            continue
        where = f"{catalog.locale}: {message.context + ' | ' if message.context else ''}"
        where += repr(message.id)[:90]
        translated = found.get((message.id, message.context))
        if translated is None or translated.fuzzy or not _complete(translated.string):
            wrong.append(f"{where}: not translated")
            continue
        strings = translated.string if isinstance(translated.string, tuple) else ()
        if isinstance(message.id, tuple) and len(strings) != forms:
            wrong.append(f"{where}: {len(strings)} plural forms, the language has {forms}")
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        for text in strings or (translated.string,):
            if placeholders(str(text)) != placeholders(source):
                wrong.append(f"{where}: placeholders {sorted(placeholders(str(text)))} "
                             f"instead of {sorted(placeholders(source))}")  # fmt: skip
    return wrong


def check() -> list[str]:
    """Every shipped language's problems."""
    template = _read(POT)
    return [
        problem
        for path in sorted(LOCALE.glob("*/LC_MESSAGES/messages.po"))
        for problem in problems(_read(path, path.parts[-3]), template)
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "compile", "stats", "check"])
    parser.add_argument("languages", nargs="*", help="for update: which (default: all)")
    args = parser.parse_args(argv)
    if args.command == "extract":
        _write(POT, extract())
    elif args.command == "update":
        known = [p.parts[-3] for p in LOCALE.glob("*/LC_MESSAGES/messages.po")]
        update(args.languages or known)
    elif args.command == "compile":
        from turnout.i18n.catalogues import compile_all

        for path in compile_all():
            print(path.relative_to(ROOT))
    elif args.command == "check":
        wrong = check()
        print("\n".join(wrong) or "every catalogue is complete")
        return 1 if wrong else 0
    else:
        for language, (done, total) in stats().items():
            print(f"{language:6} {done:5}/{total} {100 * done / max(total, 1):6.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
