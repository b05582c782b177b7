"""Inspection rules in plain Python: frameworks, working days, timelines (no Django imports)."""
