"""Reading plain HTML forms: typed text, numbers and whole numbers, errors naming the field."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from starlette.datastructures import FormData

from turnout.errors import InputError
from turnout.web.forms import number, text, whole


def test_a_missing_text_field_reads_as_empty() -> None:
    form = FormData([("note", "by Sam")])
    assert (text(form, "note"), text(form, "method")) == ("by Sam", "")


def test_numbers_and_whole_numbers_are_read_as_typed() -> None:
    assert number("47.5", "trials[1]") == 47.5 and whole("16", "age") == 16


@pytest.mark.parametrize(
    ("read", "value", "field", "message"),
    [
        (number, "forty", "trials[2]", "trials[2]: enter a number."),
        (whole, "16.5", "age", "age: enter a whole number."),
        (whole, None, "age", "age: enter a whole number."),
    ],
)
def test_what_cannot_be_read_is_refused_naming_its_field(
    read: Callable[[object, str], float], value: object, field: str, message: str
) -> None:
    with pytest.raises(InputError) as refused:
        read(value, field)
    assert (refused.value.field, str(refused.value)) == (field, message)
