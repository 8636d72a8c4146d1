"""What an exercise needs, in the reader's words. A routine file names its equipment from a
fixed list ("ankle weights", "mirror"...), as codes the file format keeps in English; these are
the words shown for them."""

from __future__ import annotations

from collections.abc import Iterable

from turnout.i18n import _


def equipment_label(name: str) -> str:
    """One item of equipment, in lower case: "ankle weights", "chevillères lestées"."""
    labels = {
        "partner": _("partner"),
        "ankle weights": _("ankle weights"),
        "mirror": _("mirror"),
        "wall": _("wall"),
        "resistance band": _("resistance band"),
        "rotation discs": _("rotation discs"),
        # Translators: an exercise mat to lie on (not the printed mat for measuring).
        "mat": _("mat"),
    }
    return labels.get(name, name)


def equipment_text(names: Iterable[str]) -> str:
    """The items, joined: "partner, ankle weights"."""
    return ", ".join(equipment_label(name) for name in names)
