"""Build the font the printed mat's PDF embeds, so that its instructions can be printed in
every language turnout speaks (Latin scripts with their accents, and Cyrillic).

The PDF's standard Helvetica has no Cyrillic, so the mat embeds a subset of DejaVu Sans
(a free licence, see fonts/LICENSE) taken from Debian's `fonts-dejavu-core`:

    apt-get install fonts-dejavu-core
    .venv/bin/python tools/build_pdf_font.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \\
        src/turnout/adapters/vision/fonts/DejaVuSans-turnout.ttf

It needs fontTools (a dependency of turnout) and no network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset

# Basic Latin, Latin-1 and Latin Extended-A (fr, es, de, it, pt), Cyrillic (ru), and the
# punctuation, arrows and signs our texts use.
RANGES = [
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x0400, 0x045F),
    (0x2010, 0x2027),
    (0x2030, 0x203A),
    (0x2190, 0x2193),
    (0x2212, 0x2212),
    (0x2264, 0x2265),
    (0x20AC, 0x20AC),
    (0x2116, 0x2116),
]


def build(source: Path, target: Path) -> None:
    options = subset.Options()
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # print, at a size where hints do nothing
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in RANGES for c in range(low, high + 1)])
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    build(args.source, args.target)
    print(f"{args.target}: {args.target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
