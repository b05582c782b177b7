"""Accounts: people and signing in.

Here live signing in and its steps (`views.py`, `signin_steps.py`), the sign-in throttle
(`throttle.py`, `SignInThrottle`), passwords (`password_*.py`, `AccountSecurity`), two-factor sign-in
(`two_factor*.py`), the emails that invite people and reset passwords (`emails.py`), the user admin, and
helpers for tests that sign people in (`testing.py`). Which area a person belongs to, and what their
role lets them do, is `sendready.areas`; the audit log is `sendready.audit`.
"""
