"""Adapters that hand Django form fields to the GOV.UK Frontend macros."""

from typing import Any

from django import forms


def _error_message(bound_field: forms.BoundField) -> dict[str, str] | None:
    errors = bound_field.errors
    return {"text": " ".join(str(e) for e in errors)} if errors else None


def field_id(bound_field: forms.BoundField) -> str:
    """The id the macro gives the field's input, so the error summary can link to it."""
    widget = bound_field.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return bound_field.auto_id
    return bound_field.auto_id


def field_params(bound_field: forms.BoundField, **overrides: Any) -> dict[str, Any]:
    """Parameters for a GOV.UK macro: id, name, label, value, hint and errorMessage."""
    field = bound_field.field
    value = bound_field.value()
    params: dict[str, Any] = {
        "id": field_id(bound_field),
        "name": bound_field.html_name,
        "label": {"text": str(field.label or bound_field.name)},
        "value": "" if value is None else value,
        "errorMessage": _error_message(bound_field),
    }
    if field.help_text:
        params["hint"] = {"text": str(field.help_text)}
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        selected = {str(v) for v in (value if isinstance(value, list) else [value])}
        params["items"] = [
            {"value": str(k), "text": str(label), "checked": str(k) in selected,
             "selected": str(k) in selected}
            for k, label in choices
        ]
    params.update(overrides)
    return params


def error_summary_items(form: forms.Form) -> list[dict[str, str]]:
    """The error summary list: each message linking to its field."""
    items = []
    for name, errors in form.errors.items():
        href = f"#{form[name].auto_id}" if name in form.fields else "#main-content"
        if name == "__all__" or name not in form.fields:
            first = next(iter(form.fields), None)
            href = f"#{form[first].auto_id}" if first else "#main-content"
        for error in errors:
            items.append({"text": str(error), "href": href})
    return items
