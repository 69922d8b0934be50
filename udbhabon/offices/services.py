"""State changes of the office tree, posts and people (the only write path).

Views, the admin, management commands and the importer call these functions, so
the rules (paths, one holder per post, history) are written once.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import loose_key
from udbhabon.core.history import attribute, save_with_history
from udbhabon.core.versioning import check_version
from udbhabon.offices import permissions
from udbhabon.offices.models import (
    PATH_ALPHABET,
    PATH_STEP,
    DirectoryPeriod,
    FormSettings,
    Office,
    Post,
    PostHolding,
    User,
)


def encode_path_step(n: int) -> str:
    if n < 1 or n >= len(PATH_ALPHABET) ** PATH_STEP:
        raise ValueError(f"path step out of range: {n}")
    out = []
    for _step in range(PATH_STEP):
        n, rem = divmod(n, len(PATH_ALPHABET))
        out.append(PATH_ALPHABET[rem])
    return "".join(reversed(out))


def decode_path_step(step: str) -> int:
    n = 0
    for ch in step:
        n = n * len(PATH_ALPHABET) + PATH_ALPHABET.index(ch)
    return n


def search_key_for(office: Office) -> str:
    names = [office.name_bn, office.name_en, office.place_bn, office.place_en, office.aliases]
    return " ".join(dict.fromkeys(loose_key(n) for n in names if n))


def next_child_path(parent: Office | None) -> str:
    """Path for a new child of `parent`; call inside a transaction that locks it."""
    base = parent.path if parent else ""
    siblings = Office.objects.filter(parent=parent) if parent else Office.objects.filter(depth=0)
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    number = decode_path_step(last[len(base) : len(base) + PATH_STEP]) + 1 if last else 1
    return base + encode_path_step(number)


@transaction.atomic
def office_create(
    *,
    code: str,
    level: str,
    name_bn: str,
    parent: Office | None,
    name_en: str = "",
    place_bn: str = "",
    place_en: str = "",
    aliases: str = "",
    website: str = "",
    memo_prefix: str = "",
    geo_id: str = "",
    actor: User | None = None,
) -> Office:
    if parent is not None:
        # Lock the parent so two offices added at once cannot take the same path.
        parent = Office.objects.select_for_update().get(pk=parent.pk)
    office = Office(
        code=code,
        level=level,
        name_bn=name_bn,
        name_en=name_en,
        parent=parent,
        place_bn=place_bn,
        place_en=place_en,
        aliases=aliases,
        website=website,
        memo_prefix=memo_prefix,
        geo_id=geo_id,
    )
    office.path = next_child_path(parent)
    office.depth = len(office.path) // PATH_STEP - 1
    office.search_key = search_key_for(office)
    return save_with_history(office, actor=actor, reason=gettext_noop("created"))


@transaction.atomic
def office_update(
    *, office: Office, actor: User | None = None, expected_version: int | None = None, **fields: str
) -> Office:
    """Change an office's names and details (never its place in the tree); StaleRecord
    if it was saved since `expected_version`."""
    check_version(Office.objects.select_for_update().get(pk=office.pk), expected_version)
    allowed = {"name_bn", "name_en", "place_bn", "place_en", "aliases", "website", "memo_prefix"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} with office_update")
    changed = False
    for name, value in fields.items():
        if getattr(office, name) != value:
            setattr(office, name, value)
            changed = True
    if changed:
        office.search_key = search_key_for(office)
        save_with_history(office, actor=actor, reason=gettext_noop("updated"))
    return office


@transaction.atomic
def post_create(
    *,
    office: Office,
    title_bn: str,
    role: str,
    title_en: str = "",
    holder: User | None = None,
    holder_since: dt.date | None = None,
    actor: User | None = None,
) -> Post:
    post = save_with_history(
        Post(office=office, title_bn=title_bn, title_en=title_en, role=role),
        actor=actor,
        reason=gettext_noop("created"),
    )
    if holder is not None:
        post_hand_over(post=post, to_user=holder, on=holder_since, actor=actor)
    return post


@transaction.atomic
def post_hand_over(
    *,
    post: Post,
    to_user: User,
    on: dt.date | None = None,
    actor: User | None = None,
    expected_version: int | None = None,
) -> PostHolding:
    """Give `post` to `to_user` from `on`, ending the current holding.

    Everything the post owns (plans, meetings, assignments) stays with the post,
    so the new officer sees it at once; the holdings keep who held it when. A
    hand-over raises the post's version; a form drawn before another hand-over
    (`expected_version`) is refused with StaleRecord.
    """
    on = on or timezone.localdate()
    locked = Post.objects.select_for_update().get(pk=post.pk)
    check_version(locked, expected_version)
    current = (
        PostHolding.objects.select_for_update().filter(post=post, ended_on__isnull=True).first()
    )
    if current is not None:
        if current.user_id == to_user.pk:
            return current
        if on < current.started_on:
            raise ValidationError(
                _(
                    "The hand-over date cannot be before the current holder took the post "
                    "(%(date)s)."
                )
                % {"date": current.started_on.isoformat()},
                code="before_current_holding",
            )
        current.ended_on = on
        save_with_history(current, actor=actor, reason=gettext_noop("handed over"))
    holding = PostHolding(post=post, user=to_user, started_on=on)
    attribute(holding, actor=actor, reason=gettext_noop("handed over"))
    holding.save()
    save_with_history(locked, actor=actor, reason=gettext_noop("handed over"), update_fields=[])
    post.version = locked.version
    return holding


@transaction.atomic
def post_vacate(*, post: Post, on: dt.date | None = None, actor: User | None = None) -> None:
    on = on or timezone.localdate()
    for holding in PostHolding.objects.select_for_update().filter(post=post, ended_on__isnull=True):
        holding.ended_on = max(on, holding.started_on)
        save_with_history(holding, actor=actor, reason=gettext_noop("vacated"))


def user_create(
    *,
    username: str,
    password: str | None,
    full_name_bn: str = "",
    full_name_en: str = "",
    email: str = "",
    phone: str = "",
    language: str = "bn",
) -> User:
    user = User(
        username=username,
        full_name_bn=full_name_bn,
        full_name_en=full_name_en,
        email=email,
        phone=phone,
        language=language,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user


def user_set_language(*, user: User, language: str) -> None:
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def form_settings_save(
    *,
    office: Office,
    post: Post | None,
    actor: User | None,
    letterhead: str = "",
    memo_prefix: str = "",
    signatories: list[dict[str, str]] | None = None,
    distribution: str = "",
    closing: str = "",
    directory_period: str = DirectoryPeriod.YEARLY,
    expected_version: int | None = None,
) -> FormSettings:
    """Save how `office`'s papers look (its head or innovation officer only).

    `signatories` are blocks {"role", "name", "designation"} (FormSettings.Role), one per
    role; empty blocks are left out. `expected_version` is the version the form was drawn
    from: StaleRecord if someone saved the settings since."""
    permissions.require_edit(post, office)
    roles = set(FormSettings.Role.values)
    blocks = []
    for block in signatories or []:
        role = block.get("role", "")
        if role not in roles:
            raise ValidationError(_("Unknown signatory role."))
        name = (block.get("name") or "").strip()
        designation = (block.get("designation") or "").strip()
        if name or designation:
            blocks.append({"role": role, "name": name, "designation": designation})
    if directory_period not in DirectoryPeriod.values:
        raise ValidationError(
            {"directory_period": _("Choose yearly or half-yearly for the innovation directory.")}
        )
    found = FormSettings.objects.select_for_update().filter(office=office).first()
    creating = found is None
    settings = FormSettings(office=office) if found is None else found
    settings.letterhead = letterhead.strip()
    settings.memo_prefix = memo_prefix.strip()
    settings.signatories = blocks
    settings.distribution = distribution.strip()
    settings.closing = closing.strip()
    settings.directory_period = directory_period
    return save_with_history(
        settings,
        actor=actor,
        reason=gettext_noop("created") if creating else gettext_noop("updated"),
        expected_version=None if creating else expected_version,
    )
