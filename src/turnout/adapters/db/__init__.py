"""The practice log in SQL: row classes, the repository, the unit of work and migrations.

Import the submodules you need; this package imports nothing so `turnout --help` stays fast.
"""
