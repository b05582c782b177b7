"""One check for every upload: the kind by name, the bytes it starts with, its size, in plain words."""

import pytest

from sendready.domain.files import FileRefused, accepted, check_file, file_types, safe_download_name

MB = 1024 * 1024
REPORTS = accepted((".pdf", ".docx", ".doc", ".csv"), "kept as evidence")


def test_every_kind_has_a_name_a_mime_type_and_lower_case_extension():
    for extension, kind in file_types().items():
        assert extension == extension.lower() and extension.startswith(".")
        assert kind.name and "/" in kind.content_type


def test_a_capability_names_only_the_kinds_it_accepts_each_once():
    assert REPORTS.names() == "PDF, Word document, Word 97-2003 document, CSV file"
    assert accepted((".jpg", ".jpeg"), "x").names() == "JPEG image"
    with pytest.raises(ValueError, match=".exe"):
        accepted((".exe",), "x").types()


@pytest.mark.parametrize(
    ("name", "head", "extension"),
    [
        ("Annex A.PDF", b"%PDF-1.7", ".pdf"),
        ("plan.docx", b"PK\x03\x04", ".docx"),
        ("old plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1", ".doc"),
        ("figures.csv", "a,b\nÉcole,1\n".encode(), ".csv"),
    ],
)
def test_accepted_files_give_their_kind(name, head, extension):
    kind = check_file(name, 10, head, accepted=REPORTS, max_bytes=MB)
    assert kind.extension == extension


@pytest.mark.parametrize(
    ("name", "size", "head", "words"),
    [
        (
            "run-me.exe",
            10,
            b"MZ",
            "run-me.exe is not a kind of file that can be kept as evidence. "
            "Choose a PDF, Word document, Word 97-2003 document, CSV file.",
        ),
        ("slides.pptx", 10, b"PK\x03\x04", "not a kind of file"),
        ("empty.pdf", 0, b"", "empty.pdf is empty. Choose the file again."),
        ("big.pdf", 3 * MB, b"%PDF", "big.pdf is 3.0 MB: the largest file accepted is 1 MB."),
        ("renamed.pdf", 10, b"MZ\x90\x00", "renamed.pdf does not look like a PDF inside"),
        ("word.docx", 10, b"%PDF", "does not look like a Word document inside"),
        ("binary.csv", 10, b"a,b\x00", "binary.csv is not a plain CSV file."),
    ],
)
def test_refused_files_say_why_in_plain_words(name, size, head, words):
    with pytest.raises(FileRefused) as refused:
        check_file(name, size, head, accepted=REPORTS, max_bytes=MB)
    assert words in str(refused.value)


def test_a_name_with_folders_is_shown_and_offered_without_them():
    with pytest.raises(FileRefused, match=r"^tool\.exe is not"):
        check_file("C:\\Users\\me\\tool.exe", 10, b"MZ", accepted=REPORTS, max_bytes=MB)
    assert safe_download_name('..\\..\\secret "plan".pdf') == "secret plan.pdf"
    assert safe_download_name("///") == "file"
