"""The ballet terms turnout uses. The terms are French in every language, as ballet is taught
everywhere; what each one means is in the dancer's language."""

from __future__ import annotations

from typing import NamedTuple

from turnout.i18n import N_, _


class Term(NamedTuple):
    term: str  # as a ballet class says it, in French, whatever the page's language
    meaning: str


# Translators: each meaning explains a French ballet term; the term itself is not translated.
TERMS = (
    ("en dehors", N_("Turned outward: the legs rotate out from the hips, so the knees and toes "
                     "point away from each other. Turnout is the dancer's en dehors.")),
    ("en dedans", N_("Turned inward, the opposite of en dehors.")),
    ("première position", N_("First position: heels together and the feet turned out along "
                             "one line, as far as the hips allow, never further.")),
    ("plié", N_("A bend of the knees, with the knees travelling over the toes.")),
    ("demi-plié", N_("A half bend of the knees with the heels kept on the floor: the position "
                     "in which turnout measures knees over toes.")),
    ("grand plié", N_("A full bend of the knees; the heels lift except in second position.")),
    ("tendu", N_("Battement tendu: the foot slides out along the floor until only the tips of "
                 "the toes touch it, then slides back.")),
    ("relevé", N_("Rising onto the balls of the feet or onto pointe.")),
    ("passé", N_("The working foot passes the knee of the standing leg, the thigh turned out "
                 "to the side (also called retiré).")),
    ("retiré", N_("The working toes drawn up to the knee of the standing leg, the knee open "
                  "to the side.")),
    ("développé", N_("The working leg unfolds from passé into the air, slowly and turned out.")),
    ("rond de jambe", N_("The working leg draws a half circle on the floor or in the air.")),
    ("port de bras", N_("Carriage of the arms: how the arms move from one position to "
                        "another.")),
    ("barre", N_("The rail a class holds on to for the first exercises of the day.")),
)  # fmt: skip


def terms() -> list[Term]:
    """Every term with its meaning in the current language, in the order a class meets them."""
    return [Term(term, _(meaning)) for term, meaning in TERMS]
