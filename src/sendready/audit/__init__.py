"""Audit: the log of who viewed, exported or changed what, and when.

Here live the `AuditEvent` model and `AuditAction` choices, `log.record()` (which every action and every
view of a child's record calls, inside the transaction of the change it describes), the middleware that
records refused area pages, and the area's audit log page. Rows are never edited or deleted, by anyone.
"""
