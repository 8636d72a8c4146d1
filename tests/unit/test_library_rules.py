"""The names of routines written in the app: a key, and a key with the version practised."""

from __future__ import annotations

from turnout.domain.library import key_problem, split_version, versioned


def test_a_versioned_name_splits_into_its_key_and_version() -> None:
    assert split_version(versioned("grade-4", 3)) == ("grade-4", 3)
    assert split_version("grade-4") == ("grade-4", None)
    assert split_version("grade-4@0") == ("grade-4@0", None)  # versions count from 1
    assert split_version("Grade 4@2") == ("Grade 4@2", None)


def test_a_key_is_short_lower_case_and_not_a_built_in_ones() -> None:
    assert key_problem("grade-4-warm-up", ["classic"]) is None
    assert "built-in" in (key_problem("classic", ["classic"]) or "")
    for bad in ("G4", "-lead", "a", "x" * 41, "with space", "dots.no"):
        assert key_problem(bad, []) is not None, bad
