"""Request bodies are limited while they arrive, before Django spools them to memory or disk.

Every URL accepts at most DATA_UPLOAD_MAX_MEMORY_SIZE (10 MB) unless its view is marked with
`accepts_upload(...)` (the person-level import takes PUPIL_UPLOAD_MAX_BYTES). A declared Content-Length
over the limit is answered 413 before a byte is read; a body without one (chunked) is cut off by the upload
handler as soon as it passes the limit.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

MARGIN = 1024 * 1024  # room for the form's other fields and multipart boundaries


def accepts_upload(limit: Callable[[], int]) -> Callable:
    """Mark a view as taking uploads up to `limit()` bytes (a function, so settings changes apply)."""

    def decorator(view: Callable) -> Callable:
        view.max_upload_bytes = limit  # type: ignore[attr-defined]
        return view

    return decorator


def limit_for(request: HttpRequest) -> int:
    """The most bytes a request body to this URL may have."""
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    limit = getattr(view, "max_upload_bytes", None)
    return limit() + MARGIN if limit else settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large(limit: int) -> HttpResponse:
    shown = limit - MARGIN if limit > settings.DATA_UPLOAD_MAX_MEMORY_SIZE else limit
    return HttpResponse(
        f"What you sent is too large. The most this page accepts is {shown / 1024 / 1024:,.0f} MB. "
        "Go back and choose a smaller file.\n",
        status=413,
        content_type="text/plain; charset=utf-8",
    )


class RequestSizeLimitMiddleware:
    """Answers 413 to a body whose declared length is over the URL's limit, without reading it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length:
            limit = limit_for(request)
            if length > limit:
                return too_large(limit)
        return self.get_response(request)


class LimitedUploadHandler(FileUploadHandler):
    """First of the upload handlers: stops the upload once the files received pass the URL's limit."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit = (
            limit_for(request) if request is not None else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        )
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None
