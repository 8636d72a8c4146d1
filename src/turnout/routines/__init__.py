"""Routine definitions shipped with turnout, as TOML data files."""
