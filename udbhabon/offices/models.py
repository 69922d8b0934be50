"""The spine: offices in a tree, posts at offices, people holding posts.

Roles belong to posts, not persons, because officers transfer often: a user
acts for a post, and everything the post owns stays with the post when it is
handed to the next officer (PostHolding keeps who held it when).

The tree is stored as a materialised path (`Office.path`): every office's path
is its parent's path plus a fixed-width step, so "everything under X" is one
indexed range query on SQLite and PostgreSQL alike (see queries.subtree()).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from udbhabon.core.lang import current_lang
from udbhabon.core.versioning import Versioned

# One path step: 4 base-36 characters ("0001" .. "zzzz"), so a parent has up to
# 1.6 million children and paths sort and compare the same under every collation
# that orders 0-9 before a-z (see queries.subtree_bounds).
PATH_STEP = 4
PATH_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


class Bilingual(models.Model):
    """Abstract: a Bengali and an English name, shown in the active language."""

    name_bn = models.CharField(_("name (Bengali)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if current_lang() == "en" and self.name_en:
            return self.name_en
        return self.name_bn


class Office(Versioned, Bilingual):
    class Level(models.TextChoices):
        CABINET = "cabinet", _("Cabinet Division")
        DIVISION = "division", _("Divisional Commissioner's office")
        DISTRICT = "district", _("Deputy Commissioner's office")
        UPAZILA = "upazila", _("Upazila Nirbahi Officer's office")
        DEPARTMENT = "department", _("Departmental office")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    # What a departmental office is ("ac-land", "secondary-education" ...), the
    # same at every place, so "every AC Land office below" is one query (see
    # data/offices/departmental_offices.csv); empty for the administrative offices.
    kind = models.SlugField(_("kind of office"), max_length=32, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(editable=False)
    # The place the office serves ("ঢাকা"), used in headings such as
    # "জেলা প্রশাসকের কার্যালয়, ঢাকা" and in search.
    place_bn = models.CharField(_("place (Bengali)"), max_length=128, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=128, blank=True)
    # Other spellings people search by (Jessore/Jashore, Comilla/Cumilla ...).
    aliases = models.CharField(_("other spellings"), max_length=512, blank=True)
    # bangla.text.loose_key of every name and alias, for spelling-tolerant search.
    search_key = models.TextField(editable=False, default="")
    website = models.CharField(_("website"), max_length=128, blank=True)
    # Memo numbers: "০৫.৫৫.৯৪০০.০১২.০১.০০২" + "." + yearly serial.
    memo_prefix = models.CharField(_("memo number prefix"), max_length=64, blank=True)
    geo_id = models.CharField(max_length=32, blank=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords(excluded_fields=["search_key"])

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["path"]
        indexes = [
            models.Index(fields=["level", "path"], name="office_level_path"),
            models.Index(fields=["kind", "path"], name="office_kind_path"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True, level="cabinet")
                | Q(parent__isnull=False, depth__gt=0),
                name="office_root_is_cabinet",
            ),
        ]

    @property
    def place(self) -> str:
        if current_lang() == "en" and self.place_en:
            return self.place_en
        return self.place_bn or self.name

    def is_under(self, other: Office) -> bool:
        """True when self is other or lies below it."""
        return self.path.startswith(other.path)


class User(AbstractUser):
    full_name_bn = models.CharField(_("full name (Bengali)"), max_length=255, blank=True)
    full_name_en = models.CharField(_("full name (English)"), max_length=255, blank=True)
    phone = models.CharField(_("mobile number"), max_length=32, blank=True)
    language = models.CharField(
        _("language"), max_length=8, default="bn", choices=[("bn", "বাংলা"), ("en", "English")]
    )
    # Raised whenever the posts this user holds (or their offices) change: the acting
    # post's per-session cache (offices/acting.py) is keyed by it, and the user's row is
    # read on every request anyway, so a stale cached post is never used.
    # db_default too: the national generator COPYs users without naming the column.
    posts_version = models.PositiveIntegerField(
        _("posts version"), default=0, db_default=0, editable=False
    )

    history = HistoricalRecords(
        excluded_fields=["password", "last_login", "posts_version"],
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def display_name(self) -> str:
        if current_lang() == "en" and self.full_name_en:
            return self.full_name_en
        return self.full_name_bn or self.full_name_en or self.get_username()


class Post(Versioned, models.Model):
    """A designation at an office, with a role in the innovation programme."""

    class Role(models.TextChoices):
        HEAD = "head", _("Head of office")
        INNOVATION_OFFICER = "innovation_officer", _("Innovation officer")
        MEMBER = "member", _("Innovation team member")
        VIEWER = "viewer", _("Viewer")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="posts"
    )
    title_bn = models.CharField(_("designation (Bengali)"), max_length=255)
    title_en = models.CharField(_("designation (English)"), max_length=255, blank=True)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["office__path", "id"]

    def __str__(self) -> str:
        return f"{self.title}, {self.office.place}"

    @property
    def title(self) -> str:
        if current_lang() == "en" and self.title_en:
            return self.title_en
        return self.title_bn


class PostHolding(models.Model):
    """Who held a post, from when to when. The open holding is the current one."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.PROTECT, related_name="holdings"
    )
    user = models.ForeignKey(
        User, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="holdings"
    )
    started_on = models.DateField(_("from"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("post holding")
        verbose_name_plural = _("post holdings")
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["post"], condition=Q(ended_on__isnull=True), name="one_holder_per_post"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="holding_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.post}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class DirectoryPeriod(models.TextChoices):
    """What one innovation directory covers: a fiscal year or half of one."""

    YEARLY = "yearly", _("Yearly (fiscal year, July–June)")
    HALF_YEARLY = "half_yearly", _("Half-yearly (July–December, January–June)")


class FormSettings(Versioned, models.Model):
    """How an office's papers look: letterhead, memo prefix, who signs, the usual copy
    list and closing lines. Set once by the office's innovation officer (or head) and
    used by every paper the office writes (queries.form_settings_for)."""

    class Role(models.TextChoices):
        HEAD = "head", _("Head of office")
        CHAIR = "chair", _("Chair of the innovation team")
        MEMBER_SECRETARY = "member_secretary", _("Member secretary")
        INNOVATION_OFFICER = "innovation_officer", _("Innovation officer")

    office = models.OneToOneField(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="form_settings"
    )
    # One printed line a text line; empty means the usual letterhead (government, office, website).
    letterhead = models.TextField(_("letterhead lines"), blank=True)
    memo_prefix = models.CharField(_("memo number prefix"), max_length=64, blank=True)
    # [{"role": Role, "name": ..., "designation": ...}], one block per role.
    signatories = models.JSONField(_("signatory blocks"), default=list, blank=True)
    distribution = models.TextField(_("usual distribution list"), blank=True)
    closing = models.TextField(_("usual closing lines"), blank=True)
    # How often the office publishes its innovation directory (directory app).
    directory_period = models.CharField(
        _("innovation directory period"),
        max_length=12,
        choices=DirectoryPeriod.choices,
        default=DirectoryPeriod.YEARLY,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("form settings")
        verbose_name_plural = _("form settings")

    def __str__(self) -> str:
        return str(self.office)
