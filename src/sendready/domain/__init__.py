"""The rules of area SEND inspections in plain Python, with no Django imports, driven by data files.

Each subpackage holds one subject with its data files beside it: `dates` (working days, bank holidays,
countdowns), `inspection` (frameworks, timelines, outcomes), `history` (the national inspection record and
the files it is read from), `person_level` (person-level SEND data: schema, reading, validation,
indicators, the synthetic generator) and `forecasting` (terms, the forecast and its backtest). `text` makes
text safe to store and to put in documents.
"""
