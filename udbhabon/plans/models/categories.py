"""The standard bilingual list of activity categories and the spellings seen for them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.lang import current_lang


class Category(models.Model):
    """A standard category of activity (the বিষয় column)."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # The categories of the standard plan template, in its order: "start from the
    # standard skeleton" makes one item for each.
    in_skeleton = models.BooleanField(_("in the standard skeleton"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if current_lang() == "en" and self.name_en:
            return self.name_en
        return self.name_bn


class CategoryAlias(models.Model):
    """A spelling of a category seen in real plans; matched by bangla.text.loose_key."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="aliases"
    )
    text = models.CharField(_("as written"), max_length=255)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category spelling")
        verbose_name_plural = _("category spellings")
        constraints = [models.UniqueConstraint(fields=["text"], name="category_alias_unique")]

    def __str__(self) -> str:
        return self.text
