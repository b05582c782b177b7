"""Forms: upload a person-level file, and filter the dashboard."""

from django import forms
from django.conf import settings
from django.utils import timezone

from sendready.domain.person_level.indicator_rules import FILTER_COLUMNS
from sendready.domain.person_level.schema import load_schema
from sendready.govuk_forms import GovukDateField

ALLOWED_EXTENSIONS = (".csv", ".xlsx", ".xlsm", ".txt")
FILTER_FIELDS = {"need": "primary_need", "phase": "phase", "setting": "setting_type"}
assert set(FILTER_FIELDS.values()) == set(FILTER_COLUMNS)


class UploadForm(forms.Form):
    """A CSV or XLSX file in the documented layout, and the date its figures are as at."""

    file = forms.FileField(
        label="Upload a file",
        help_text="CSV (UTF-8) or Excel workbook (.xlsx), one row per child or young person",
        error_messages={
            "required": "Select a CSV or Excel file",
            "empty": "The selected file is empty",
        },
    )
    snapshot_date = GovukDateField(
        label="Date the figures are as at",
        help_text="Usually the date the data was extracted, for example 31 3 2025",
        error_messages={"required": "Enter the date the figures are as at"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.PUPIL_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The selected file must be smaller than {limit / 1024 / 1024:.0f} MB"
            )
        if not upload.name.lower().endswith(ALLOWED_EXTENSIONS):
            raise forms.ValidationError(
                "The selected file must be a CSV or an Excel workbook (.xlsx)"
            )
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty")
        return upload

    def clean_snapshot_date(self):
        day = self.cleaned_data["snapshot_date"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("Date the figures are as at must be today or in the past")
        return day


def _choices(column: str) -> list[tuple[str, str]]:
    return [("", "Any")] + list(load_schema()[column].allowed.items())


class FilterForm(forms.Form):
    """Narrow the dashboard to one need, phase or kind of setting."""

    need = forms.ChoiceField(
        label="Primary need", required=False, choices=lambda: _choices("primary_need")
    )
    phase = forms.ChoiceField(label="Phase", required=False, choices=lambda: _choices("phase"))
    setting = forms.ChoiceField(
        label="Setting", required=False, choices=lambda: _choices("setting_type")
    )

    def filters(self) -> dict[str, list[str]]:
        """Domain filters from valid choices (empty when the form is invalid)."""
        if not self.is_valid():
            return {}
        return {FILTER_FIELDS[k]: [v] for k, v in self.cleaned_data.items() if v}

    def query(self) -> str:
        """The filter part of a URL, so links keep the same view."""
        from urllib.parse import urlencode

        if not self.is_valid():
            return ""
        return urlencode({k: v for k, v in self.cleaned_data.items() if v})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


SEN2_EXTENSIONS = (".zip", ".csv", ".xml")


class Sen2UploadForm(forms.Form):
    """A SEN2 return: the Blade export's zip, its nine CSV files, or DfE's XML; and its date."""

    return_files = MultipleFileField(
        label="Upload the SEN2 return",
        help_text=(
            "The zip of the COLLECT Blade export, its nine CSV files (Blade-Export_…_person.csv and "
            "the rest, chosen together), or the SEN2 XML file"
        ),
        error_messages={"required": "Select the zip, the nine CSV files or the XML file"},
    )
    snapshot_date = GovukDateField(
        label="Date the figures are as at",
        help_text="Usually the SEN2 census date, for example 15 1 2026",
        error_messages={"required": "Enter the date the figures are as at"},
    )

    def clean_return_files(self):
        uploads = self.cleaned_data["return_files"]
        from sendready.pupildata.sen2_import import max_upload_bytes

        limit = max_upload_bytes()
        if sum(u.size for u in uploads) > limit:
            raise forms.ValidationError(
                f"The selected files must be smaller than {limit / 1024 / 1024:.0f} MB in all"
            )
        if any(not u.name.lower().endswith(SEN2_EXTENSIONS) for u in uploads):
            raise forms.ValidationError(
                "The selected files must be a zip, CSV files or an XML file"
            )
        if any(u.size == 0 for u in uploads):
            raise forms.ValidationError("A selected file is empty")
        if len(uploads) > 1 and any(not u.name.lower().endswith(".csv") for u in uploads):
            raise forms.ValidationError("Select one zip or one XML file, or the CSV files only")
        return uploads

    def clean_snapshot_date(self):
        day = self.cleaned_data["snapshot_date"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("Date the figures are as at must be today or in the past")
        return day
