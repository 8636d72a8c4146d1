"""The domain speaks English only: its messages are templates marked for the catalogue.

`N_` marks a message where it is written (Babel's extractor finds it); the layer that shows
it translates it then, in the reader's language (`turnout.i18n`, above the domain).
"""


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """`message`, unchanged: marked for the catalogue, translated where it is shown."""
    return message
