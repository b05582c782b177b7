"""Pages that take an evidence or Annex A file accept a body up to the file limit, no more."""

from sendready.selfevaluation.files import max_bytes
from sendready.upload_limits import accepts_upload

upload_view = accepts_upload(max_bytes)
