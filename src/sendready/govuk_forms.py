"""Adapters that hand Django form fields to the GOV.UK Frontend macros."""

from typing import Any

from django import forms


def _error_message(bound_field: forms.BoundField) -> dict[str, str] | None:
    errors = bound_field.errors
    return {"text": " ".join(str(e) for e in errors)} if errors else None


def field_id(bound_field: forms.BoundField) -> str:
    """The id the macro gives the field's input, so the error summary can link to it."""
    return bound_field.auto_id


def _display_value(value: Any) -> Any:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value


def field_params(bound_field: forms.BoundField, **overrides: Any) -> dict[str, Any]:
    """Parameters for a GOV.UK macro: id, name, label, value, hint and errorMessage."""
    field = bound_field.field
    value = bound_field.value()
    params: dict[str, Any] = {
        "id": field_id(bound_field),
        "name": bound_field.html_name,
        "label": {"text": str(field.label or bound_field.name)},
        "value": _display_value(value),
        "errorMessage": _error_message(bound_field),
    }
    if field.help_text:
        params["hint"] = {"text": str(field.help_text)}
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        selected = {str(v) for v in (value if isinstance(value, list) else [value])}
        params["items"] = [
            {
                "value": str(k),
                "text": str(label),
                "checked": str(k) in selected,
                "selected": str(k) in selected,
            }
            for k, label in choices
        ]
    params.update(overrides)
    return params


def error_summary_items(form: forms.Form) -> list[dict[str, str]]:
    """The error summary list: each message linking to its field."""
    items = []
    for name, errors in form.errors.items():
        href = f"#{form[name].auto_id}" if name in form.fields else "#main-content"
        if name in form.fields and isinstance(form.fields[name], GovukDateField):
            href = f"#{form[name].auto_id}_day"
        if name == "__all__" or name not in form.fields:
            first = next(iter(form.fields), None)
            href = f"#{form[first].auto_id}" if first else "#main-content"
        for error in errors:
            items.append({"text": str(error), "href": href})
    return items


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input pattern asks."""

    def __init__(self) -> None:
        super().__init__(
            {"day": forms.TextInput, "month": forms.TextInput, "year": forms.TextInput}
        )

    def decompress(self, value: Any) -> list[Any]:
        if value is None or value == "":
            return [None, None, None]
        return [value.day, value.month, value.year]


class GovukDateField(forms.MultiValueField):
    """A date typed into three boxes, with errors in plain words."""

    widget = GovukDateWidget

    def __init__(self, **kwargs: Any) -> None:
        fields = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> Any:
        import datetime as dt

        if not data_list or not any(data_list):
            return None
        day, month, year = (str(v or "").strip() for v in data_list)
        label = self.label or "The date"
        missing = [n for n, v in (("day", day), ("month", month), ("year", year)) if not v]
        if missing:
            raise forms.ValidationError(f"{label} must include a {' and '.join(missing)}")
        try:
            if len(year) != 4:
                raise ValueError
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(
                f"{label} must be a real date, for example 8 9 2025"
            ) from None


def date_params(bound_field: forms.BoundField, **overrides: Any) -> dict[str, Any]:
    """Parameters for govukDateInput from a GovukDateField."""
    values = (
        bound_field.field.widget.decompress(bound_field.value())
        if not bound_field.form.is_bound
        else [bound_field.data[i] if bound_field.data else "" for i in range(3)]
    )
    has_error = bool(bound_field.errors)
    names = ("day", "month", "year")
    params = {
        "id": bound_field.auto_id,
        "fieldset": {
            "legend": {"text": str(bound_field.field.label), "classes": "govuk-fieldset__legend--s"}
        },
        "errorMessage": _error_message(bound_field),
        "items": [
            {
                "id": f"{bound_field.auto_id}_{n}",
                "name": f"{bound_field.html_name}_{n}",
                "label": n.capitalize(),
                "value": "" if values[i] is None else values[i],
                "classes": ("govuk-input--width-4" if n == "year" else "govuk-input--width-2")
                + (" govuk-input--error" if has_error else ""),
            }
            for i, n in enumerate(names)
        ],
    }
    if bound_field.field.help_text:
        params["hint"] = {"text": str(bound_field.field.help_text)}
    params.update(overrides)
    return params


def add_validation_error(form: forms.Form, error: Any) -> None:
    """Show an action's ValidationError on the form: beside its field when the form has it."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def select_items(
    options: Any,
    selected: Any = "",
    blank: str | None = None,
    value: str | None = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """Items for govukSelect: (value, text) pairs, or objects whose `value` and `text` attributes
    are named, with an optional first choice of everything (value "")."""
    if value is not None and text is not None:
        options = [(getattr(o, value), getattr(o, text)) for o in options]
    chosen = "" if selected is None else str(selected)
    items = [{"value": "", "text": blank, "selected": chosen == ""}] if blank is not None else []
    items += [
        {"value": str(v), "text": str(label), "selected": str(v) == chosen} for v, label in options
    ]
    return items
