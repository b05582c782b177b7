"""DfE's published SEN2 figures by local authority, shipped with their provenance, and reconciliation."""
