"""The inspection-history upload form."""

from django import forms


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Inspection file (CSV or OpenDocument spreadsheet)",
        help_text=(
            "Ofsted's official statistics (.ods or CSV), Ofsted's management information (CSV), "
            "Data to Insight's Ofsted SEND summary (CSV), or the layout of area_send_events_to_2025-08-31.csv, "
            "as they are: the layout is recognised from the header row."
        ),
    )

    def clean_file(self) -> bytes:
        """The uploaded bytes, never a path: only these bytes are parsed."""
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".ods")):
            raise forms.ValidationError(
                "The selected file must be a CSV or an OpenDocument spreadsheet (.ods)"
            )
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The selected file must be smaller than 5MB")
        return upload.read()
