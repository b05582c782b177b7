"""Areas: local areas (the tenants), who belongs to them in which role, and what each role may do.

Here live `LocalArea` and `Membership` (models), `Role` (constants), the access checks (`access.py`:
`can`, `role_in`, `area_view`, the role sets), the middleware that remembers the area a person works in,
the home page and area overview (`views.py`), the menu and overview panels (`navigation.py`), and the
people pages where a LANO manages an area's members (`people_views.py`, `actions.py`, `forms.py`).

`registry/` (a package, one module a kind of hook) is the platform's one way to be extended: each
capability app declares its permissions, menu sections, overview panels and the hooks it offers or
reads from its own `AppConfig.ready`.
The audit log is `sendready.audit`; people's accounts and signing in are `sendready.accounts`.
"""
