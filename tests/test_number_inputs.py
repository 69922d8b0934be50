"""Every number a person types can be typed in Bengali digits (issue 18, item 5).

The browser's <input type=number> refuses "৯০" outright, so a form field for a
number must be core.forms' WholeNumberField or AmountField (a text box with the
numeric keypad that reads both digit sets). This walks every form class of every app.
"""

from __future__ import annotations

import importlib
import pkgutil

from django import forms
from django.forms.formsets import ManagementForm

import udbhabon
from udbhabon.core.forms import AmountField, WholeNumberField

ALLOWED = (WholeNumberField, AmountField)
# Read from links' query strings and hidden fields, never typed by a person.
NOT_TYPED = {"udbhabon.monitoring.forms.TableForm", "udbhabon.monitoring.forms.RemindForm"}


def _all_form_classes() -> set[type[forms.BaseForm]]:
    # Forms live in forms modules and, small ones, beside their views: import them all.
    for module in pkgutil.walk_packages(udbhabon.__path__, "udbhabon."):
        name = module.name
        if any(part in name for part in (".tests", ".migrations", ".management")):
            continue
        if ".forms" in name or ".views" in name:
            importlib.import_module(name)
    seen: set[type[forms.BaseForm]] = set()
    todo: list[type[forms.BaseForm]] = [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return {
        c for c in seen if c.__module__.startswith("udbhabon.") and ".tests" not in c.__module__
    }


def test_it_finds_the_forms_it_checks():
    names = {c.__name__ for c in _all_form_classes()}
    assert {"IdeaEditForm", "LoginForm"} <= names or len(names) > 40, names


def test_every_typed_number_accepts_bengali_digits():
    wrong = []
    for cls in _all_form_classes():
        if issubclass(cls, ManagementForm) or f"{cls.__module__}.{cls.__name__}" in NOT_TYPED:
            continue
        for name, field in cls.base_fields.items():
            numeric = isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField))
            hidden = isinstance(field.widget, (forms.HiddenInput, forms.Select))
            if numeric and not hidden and not isinstance(field, ALLOWED):
                wrong.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert not wrong, "number fields that refuse Bengali digits:\n" + "\n".join(sorted(wrong))


def test_a_whole_number_reads_both_digit_sets_and_renders_the_pages_digits():
    from django.utils import translation

    field = WholeNumberField(min_value=0)
    assert field.clean("৯০") == 90 and field.clean("1,500") == 1500 and field.clean("১,৫০০") == 1500
    with translation.override("bn"):
        html = field.widget.render("n", 1500)
    assert 'type="text"' in html and 'inputmode="numeric"' in html and "১৫০০" in html
    assert AmountField(decimal_places=2).clean("১২.৫০") == __import__("decimal").Decimal("12.50")
