"""One-time form tokens: signed, so a forged form is refused, and used once, so a resent form or a
double click stores nothing twice. A token says nothing about who loaded the form."""

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "sendready.surveys.form"


@dataclass(frozen=True)
class TokenCheck:
    """`digest` when the token is good; otherwise `problem` is "forged" or "expired"."""

    digest: str = ""
    problem: str = ""


def issue(survey_pk: int) -> str:
    """A fresh token for one survey's form."""
    return signing.dumps(
        {"s": survey_pk, "n": secrets.token_urlsafe(16)}, salt=SALT, compress=False
    )


def check(token: str, survey_pk: int) -> TokenCheck:
    """Whether the token was issued by us for this survey and is still fresh."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.SURVEY_FORM_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        return TokenCheck(problem="expired")
    except signing.BadSignature:
        return TokenCheck(problem="forged")
    if not isinstance(payload, dict) or payload.get("s") != survey_pk or not payload.get("n"):
        return TokenCheck(problem="forged")
    return TokenCheck(digest=hashlib.sha256(str(payload["n"]).encode()).hexdigest())
