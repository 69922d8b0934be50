from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from udbhabon.core.lang import digits

ACCEPTED = (".txt", ".docx", ".xlsx", ".pdf", ".jpg", ".jpeg", ".png", ".zip")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("The paper to read in"),
        help_text=_(
            "An action plan, a half-yearly report or meeting minutes, as Word (.docx), "
            "Excel (.xlsx), PDF, text (.txt) or a photo of the page (.jpg, .png)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED)}),
        error_messages={"required": _("Choose the file to read in.")},
    )

    def clean_file(self) -> UploadedFile[bytes]:
        f: UploadedFile[bytes] = self.cleaned_data["file"]
        if not (f.name or "").lower().endswith(ACCEPTED):
            raise forms.ValidationError(
                _(
                    "This kind of file cannot be read. Use .docx, .xlsx, .pdf, .txt "
                    "or a photo (.jpg, .png)."
                )
            )
        limit = settings.UDBHABON_MAX_UPLOAD_BYTES
        if (f.size or 0) > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB. Split it or save it without pictures.")
                % {"limit": digits(limit // (1024 * 1024))}
            )
        return f


class CellForm(forms.Form):
    value = forms.CharField(
        label=_("Corrected text"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
