"""The team of an initiative: members added and removed by the office's editors, and
whether their names and photos show on the public page (team_public, off until the
office sets it). A photo is an image by its name, its declared type and its bytes,
and is stored re-encoded without its metadata (a camera's EXIF may hold where and
when it was taken: never published)."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image, ImageOps

from bangla.text import normalize
from udbhabon.core.attribution import attribute
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import digits
from udbhabon.initiatives.models import Initiative, InitiativeMember, TeamRole
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User

MAX_MEMBERS = 20
PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
PHOTO_TYPES: dict[str, tuple[str, bytes]] = {
    # extension: (content type, first bytes)
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "webp": ("image/webp", b"RIFF"),
}


def photo_type(name: str) -> str:
    """The content type a stored photo is served with (by its extension)."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return PHOTO_TYPES.get(ext, ("application/octet-stream", b""))[0]


def check_photo(upload: UploadedFile) -> ContentFile[bytes]:
    """The photo re-encoded without metadata, or a ValidationError for a file that is
    not a JPG, PNG or WebP image (by name, declared type and content) or too large."""
    name = upload.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = PHOTO_TYPES.get(ext)
    declared = (getattr(upload, "content_type", "") or "").lower()
    ok = kind is not None and declared in ("", kind[0])
    if ok and kind is not None:
        upload.seek(0)
        head = upload.read(12)
        upload.seek(0)
        ok = head.startswith(kind[1]) and (ext != "webp" or head[8:12] == b"WEBP")
    if not ok:
        raise ValidationError(
            {"photo": _("The photo must be a JPG, PNG or WebP image.")}, code="bad_photo"
        )
    limit = settings.UDBHABON_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            {
                "photo": _("The photo is too large: up to %(limit)s MB.")
                % {"limit": digits(f"{limit / 1048576:g}")}
            },
            code="too_large",
        )
    return _without_metadata(upload, kind[0])  # type: ignore[index]


def _without_metadata(upload: UploadedFile, content_type: str) -> ContentFile[bytes]:
    """Decode the image (a file that only starts like one is refused), turn it as the
    camera said, and write its pixels alone."""
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            fmt = PIL_FORMATS[content_type]
            if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            upright.save(out, fmt)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            {"photo": _("The photo must be a JPG, PNG or WebP image.")}, code="bad_photo"
        ) from exc
    finally:
        upload.seek(0)
    return ContentFile(out.getvalue(), name=upload.name or "photo")


def _locked(initiative: Initiative, post: Post | None) -> Initiative:
    locked = Initiative.objects.select_for_update().select_related("office").get(pk=initiative.pk)
    if not permissions.can_edit(post, locked.office):
        raise PermissionDenied
    return locked


@transaction.atomic
def member_add(
    *,
    initiative: Initiative,
    name: str,
    actor: User | None,
    post: Post | None,
    designation: str = "",
    office_name: str = "",
    role: str = TeamRole.MEMBER,
    member_post: Post | None = None,
    photo: UploadedFile | None = None,
) -> InitiativeMember:
    """Add one member to the team (at most MAX_MEMBERS, each name once)."""
    locked = _locked(initiative, post)
    name = normalize(name)
    if not name:
        raise ValidationError({"name": _("Write the member's name.")}, code="name")
    if len(name) > 120:
        raise ValidationError({"name": _("A name may be at most 120 letters.")}, code="long")
    if role not in TeamRole.values:
        raise ValidationError({"role": _("Choose the member's role.")}, code="role")
    team = InitiativeMember.objects.filter(initiative=locked)
    if team.count() >= MAX_MEMBERS:
        raise ValidationError(
            _("A team has at most %(n)s members; remove one first.")
            % {"n": digits(str(MAX_MEMBERS))},
            code="too_many",
        )
    if any(normalize(n).casefold() == name.casefold() for n in team.values_list("name", flat=True)):
        raise ValidationError(
            {"name": _("“%(name)s” is already in the team.") % {"name": name}}, code="twice"
        )
    stored = check_photo(photo) if photo else None
    last = team.order_by("-position").values_list("position", flat=True).first() or 0
    return save_with_history(
        InitiativeMember(
            initiative=locked,
            name=name,
            designation=normalize(designation)[:120],
            office_name=normalize(office_name)[:200],
            post=member_post,
            role=role,
            position=last + 1,
            photo=stored or "",
        ),
        actor=actor,
        reason=gettext_noop("team member added"),
    )


@transaction.atomic
def member_remove(*, member: InitiativeMember, actor: User | None, post: Post | None) -> None:
    """Remove a member (the history keeps who removed whom; the photo goes after commit)."""
    _locked(member.initiative, post)
    storage, photo = member.photo.storage, member.photo.name or ""
    attribute(member, actor=actor, reason=gettext_noop("team member removed"))
    member.delete()
    if photo:
        transaction.on_commit(lambda: storage.delete(photo))


@transaction.atomic
def team_set_public(
    *,
    initiative: Initiative,
    public: bool,
    actor: User | None,
    post: Post | None,
    expected_version: int | None = None,
) -> Initiative:
    """Show (or hide again) the team's names and photos on the public page."""
    locked = _locked(initiative, post)
    if locked.team_public == public:
        return locked
    locked.team_public = public
    save_with_history(
        locked,
        actor=actor,
        reason=gettext_noop("team made public") if public else gettext_noop("team hidden"),
        expected_version=expected_version,
    )
    initiative.refresh_from_db()
    return initiative
