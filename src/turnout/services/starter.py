"""The first routine a dancer changes in the editor: every kind of step, with the fields a
routine file takes, in the reader's language.

Only its texts are translated (each one, with the routines' context, as the built-in
routines' are): the keys, kinds, numbers, equipment and comments stay as the file format
needs them, so the starter is a valid routine in every language.
"""

from __future__ import annotations

import json
import re

from turnout.i18n import pgettext

CONTEXT = "routine"  # the built-in routines' own, see adapters/routines/localized.py
STARTER = """key = "my-warm-up"
name = "My warm-up"
description = "A short warm-up before class: rotation standing, then a gentle stretch."
tips = ["Turn out from the hips; the feet follow, they never lead."]
warnings = ["Stop at sharp, pinching or catching pain, numbness, or a joint giving way."]

[[exercises]]
key = "standing-rotation"
name = "Standing rotation"
summary = "In parallel, turn each leg out from the hip and back, slowly."
repetitions = 2
equipment = ["mirror"]
figure = "active/standing-rotation"  # a drawing that ships with turnout, or leave it out

[[exercises.setup]]
kind = "setup"
title = "Stand in parallel"
cue = "Feet under the hips, knees soft, pelvis neutral. Press Ready when set."

[[exercises.cycle]]
kind = "hold"
title = "Left leg turned out, set {rep} of 2"
cue = "Rotate the left thigh outward from the hip; keep the knee over the toes."
seconds = 20
side = "left"

[[exercises.cycle]]
kind = "switch_side"
title = "Change legs"
cue = "Back to parallel, then the right leg."
seconds = 5

[[exercises.cycle]]
kind = "hold"
title = "Right leg turned out, set {rep} of 2"
cue = "Rotate the right thigh outward from the hip; keep the knee over the toes."
seconds = 20
side = "right"

[[exercises.cycle]]
kind = "rest"
title = "Rest"
cue = "Shake the legs out."
seconds = 10
"""
# A text field of the starter: `name = "..."` (a whole line), or a string of a list of texts.
_FIELD = re.compile(r'^(name|description|summary|title|cue) = "((?:[^"\\]|\\.)*)"$', re.M)
_LISTED = re.compile(r"^(tips|warnings) = \[(.*)\]$", re.M)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _translated(quoted: str) -> str:
    """A TOML basic string's text, translated, quoted again (JSON's escapes are TOML's)."""
    return json.dumps(pgettext(CONTEXT, json.loads(f'"{quoted}"')), ensure_ascii=False)


def starter_texts() -> list[str]:
    """Every text of the starter, as the catalogue holds it (what `tools/i18n.py` extracts)."""
    found = [json.loads(f'"{m.group(2)}"') for m in _FIELD.finditer(STARTER)]
    for listed in _LISTED.finditer(STARTER):
        found += [json.loads(f'"{m.group(1)}"') for m in _STRING.finditer(listed.group(2))]
    return found


def starter_text() -> str:
    """The starter routine as TOML, its texts in the current language."""
    text = _FIELD.sub(lambda m: f"{m.group(1)} = {_translated(m.group(2))}", STARTER)
    return _LISTED.sub(_translated_list, text)


def _translated_list(found: re.Match[str]) -> str:
    strings = _STRING.sub(lambda s: _translated(s.group(1)), found.group(2))
    return f"{found.group(1)} = [{strings}]"
