"""The inspection-history upload form."""

from django import forms


class ImportForm(forms.Form):
    file = forms.FileField(label="Inspection events CSV file",
                           help_text="In the layout of area_send_events_to_2025-08-31.csv, with its header row.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV")
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The selected file must be smaller than 5MB")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError("The selected file must be saved as UTF-8 CSV") from exc
