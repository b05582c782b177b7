"""Request bodies are limited while they arrive: an oversized POST is refused before it is stored."""

import pytest
from django.core.files.uploadhandler import StopUpload
from django.test import RequestFactory

from sendready.upload_limits import LimitedUploadHandler

pytestmark = pytest.mark.django_db
HUGE = 210 * 1024 * 1024


def test_an_anonymous_210_mb_post_to_the_sign_in_page_is_refused_unread(client, settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    # The body is tiny; only the declared length is huge. Reading it would fail, so a 413 proves it was not.
    response = client.generic(
        "POST",
        "/sign-in/",
        b"username=x",
        CONTENT_LENGTH=str(HUGE),
        CONTENT_TYPE="multipart/form-data; boundary=BoUnDaRy",
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode() and "10 MB" in response.content.decode()
    assert list(tmp_path.iterdir()) == []


def test_the_person_level_import_accepts_up_to_its_own_limit(client, two_areas, settings):
    people, _ = two_areas
    client.force_login(people.area.memberships.get(role="lano").user)
    url = f"/areas/{people.area.code}/data/import/"
    over = client.generic(
        "POST", url, b"", CONTENT_LENGTH=str(HUGE), CONTENT_TYPE="multipart/form-data; boundary=B"
    )
    assert over.status_code == 413 and "200 MB" in over.content.decode()
    under = client.generic(
        "POST",
        url,
        b"",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        CONTENT_TYPE="application/x-www-form-urlencoded",
    )
    assert under.status_code != 413


def test_a_body_with_no_declared_length_is_cut_off_at_the_limit(settings):
    request = RequestFactory().post("/sign-in/")
    handler = LimitedUploadHandler(request)
    chunk = b"x" * (1024 * 1024)
    for start in range(10):
        assert handler.receive_data_chunk(chunk, start * len(chunk)) == chunk
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(chunk, 10 * len(chunk))
