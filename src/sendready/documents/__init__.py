"""Downloads (ICS, DOCX, XLSX, CSV) rendered from plain Python values; no Django imports."""
