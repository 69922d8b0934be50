"""Demo people and posts: the personas of the tests and of `make run`.

One definition serves both, so what a newcomer clicks through is what the
permission matrix and the browser tests prove.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from udbhabon.offices import services
from udbhabon.offices.departments import load_departmental_offices
from udbhabon.offices.models import Office, Post, User

# Demo officers took their posts before the seed documents' years (2016-2019).
DEMO_SINCE = dt.date(2016, 1, 1)
DEMO_PASSWORD = "udbhabon-demo"


@dataclass(frozen=True)
class Persona:
    key: str  # username, and the name tests use
    office_code: str
    role: str
    title_bn: str
    title_en: str
    name_bn: str
    name_en: str
    description: str  # for the printed login list


R = Post.Role
PERSONAS: tuple[Persona, ...] = (
    Persona(
        "dhaka.io",
        "dc-dhaka",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত জেলা প্রশাসক (শিক্ষা ও আইসিটি)",
        "Additional Deputy Commissioner (Education & ICT)",
        "শরীফ রায়হান কবির",
        "Sharif Raihan Kabir",
        "innovation officer, Dhaka DC office",
    ),
    Persona(
        "dhaka.member",
        "dc-dhaka",
        R.MEMBER,
        "সহকারী কমিশনার (আইসিটি)",
        "Assistant Commissioner (ICT)",
        "সানজিদা পারভীন",
        "Sanjida Parvin",
        "innovation team member, Dhaka DC office",
    ),
    Persona(
        "dhaka.dc",
        "dc-dhaka",
        R.HEAD,
        "জেলা প্রশাসক",
        "Deputy Commissioner",
        "আবু ছালেহ মোহাম্মদ ফেরদৌস খান",
        "Abu Saleh Mohammad Ferdous Khan",
        "head of office, Dhaka DC office",
    ),
    Persona(
        "dhakadiv.io",
        "div-dhaka",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)",
        "Additional Divisional Commissioner (General)",
        "মোঃ রফিকুল ইসলাম",
        "Md. Rafiqul Islam",
        "innovation officer, Dhaka division",
    ),
    Persona(
        "cabinet.io",
        "cabinet",
        R.INNOVATION_OFFICER,
        "যুগ্মসচিব (ই-গভর্নেন্স)",
        "Joint Secretary (e-Governance)",
        "নাসরিন আক্তার",
        "Nasrin Akter",
        "innovation officer, Cabinet Division",
    ),
    Persona(
        "khulna.io",
        "dc-khulna",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত জেলা প্রশাসক (শিক্ষা ও আইসিটি)",
        "Additional Deputy Commissioner (Education & ICT)",
        "মোঃ কামরুল হাসান",
        "Md. Kamrul Hasan",
        "innovation officer, Khulna DC office",
    ),
    Persona(
        "savar.uno",
        "uno-dhaka-savar",
        R.HEAD,
        "উপজেলা নির্বাহী অফিসার",
        "Upazila Nirbahi Officer",
        "মাহবুবুর রহমান",
        "Mahbubur Rahman",
        "UNO, Savar (under Dhaka DC office)",
    ),
    Persona(
        "thakurgaon.io",
        "dc-thakurgaon",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত জেলা প্রশাসক (শিক্ষা ও আইসিটি)",
        "Additional Deputy Commissioner (Education & ICT)",
        "ফারজানা ইয়াসমিন",
        "Farzana Yasmin",
        "innovation officer, Thakurgaon DC office",
    ),
    # Seed 001 is signed by him as Deputy Commissioner, Thakurgaon.
    Persona(
        "thakurgaon.dc",
        "dc-thakurgaon",
        R.HEAD,
        "জেলা প্রশাসক",
        "Deputy Commissioner",
        "মোঃ আব্দুল আওয়াল",
        "Md. Abdul Awal",
        "head of office, Thakurgaon DC office",
    ),
    Persona(
        "rangpurdiv.io",
        "div-rangpur",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)",
        "Additional Divisional Commissioner (General)",
        "মোঃ জাকির হোসেন",
        "Md. Zakir Hossain",
        "innovation officer, Rangpur division",
    ),
    Persona(
        "jashore.io",
        "dc-jashore",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত জেলা প্রশাসক (শিক্ষা ও আইসিটি)",
        "Additional Deputy Commissioner (Education & ICT)",
        "দেবপ্রসাদ পাল",
        "Debaprasad Pal",
        "innovation officer, Jashore DC office",
    ),
    # Seed 002: the plan is signed by him as Deputy Commissioner, Jessore; its
    # rows name Debaprasad Pal, ADC (Education & ICT), and, in support, the
    # District Education Officer.
    Persona(
        "jashore.dc",
        "dc-jashore",
        R.HEAD,
        "জেলা প্রশাসক",
        "Deputy Commissioner",
        "মো: আশরাফ উদ্দিন",
        "Md. Ashraf Uddin",
        "head of office, Jashore DC office",
    ),
    Persona(
        "jashore.deo",
        "dc-jashore--secondary-education",
        R.HEAD,
        "জেলা শিক্ষা অফিসার",
        "District Education Officer",
        "মোঃ আমিরুল ইসলাম টুকু",
        "Md. Amirul Islam Tuku",
        "head of the District Education Office, Jashore (a departmental office)",
    ),
    Persona(
        "khulnadiv.io",
        "div-khulna",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)",
        "Additional Divisional Commissioner (General)",
        "মোঃ রেজাউল করিম",
        "Md. Rezaul Karim",
        "innovation officer, Khulna division",
    ),
    # Seed 004 is signed by him as Divisional Commissioner, Khulna.
    Persona(
        "khulnadiv.commissioner",
        "div-khulna",
        R.HEAD,
        "বিভাগীয় কমিশনার",
        "Divisional Commissioner",
        "মোঃ আব্দুল সামাদ",
        "Md. Abdul Samad",
        "head of office, Khulna division",
    ),
    Persona(
        "natore.io",
        "dc-natore",
        R.INNOVATION_OFFICER,
        "সহকারী কমিশনার (আইসিটি)",
        "Assistant Commissioner (ICT)",
        "সাঈফ-উল-আরিফিন",
        "Saif-ul-Arifin",
        "member secretary, Natore DC office",
    ),
    Persona(
        "natore.adc",
        "dc-natore",
        R.HEAD,
        "অতিরিক্ত জেলা প্রশাসক (সার্বিক)",
        "Additional Deputy Commissioner (General)",
        "মোঃ আশরাফুল ইসলাম",
        "Md. Ashraful Islam",
        "chair of the innovation committee, Natore DC office",
    ),
    Persona(
        "rajshahidiv.io",
        "div-rajshahi",
        R.INNOVATION_OFFICER,
        "অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)",
        "Additional Divisional Commissioner (General)",
        "মোঃ হুমায়ুন কবীর",
        "Md. Humayun Kabir",
        "innovation officer, Rajshahi division",
    ),
)

ADMIN_USERNAME = "admin"


def _persona_user(persona: Persona, password: str) -> User:
    user = User.objects.filter(username=persona.key).first()
    if user is None:
        return services.user_create(
            username=persona.key,
            password=password,
            full_name_bn=persona.name_bn,
            full_name_en=persona.name_en,
            email=f"{persona.key}@example.gov.bd",
        )
    if (user.full_name_bn, user.full_name_en) != (persona.name_bn, persona.name_en):
        # A demo database made before the personas matched the seeds.
        user.full_name_bn, user.full_name_en = persona.name_bn, persona.name_en
        user.save(update_fields=["full_name_bn", "full_name_en"])
    return user


@transaction.atomic
def create_personas(password: str = DEMO_PASSWORD) -> dict[str, Post]:
    """Create (or find) every persona's account and post; idempotent."""
    codes = {p.office_code for p in PERSONAS}
    if not Office.objects.filter(code__in=codes, level=Office.Level.DEPARTMENT).exists():
        # Personas at departmental offices need those offices (load_offices
        # normally made them already).
        load_departmental_offices(within=sorted({c.split("--")[0] for c in codes if "--" in c}))
    offices = {o.code: o for o in Office.objects.filter(code__in=codes)}
    posts: dict[str, Post] = {}
    for persona in PERSONAS:
        user = _persona_user(persona, password)
        office = offices[persona.office_code]
        post = Post.objects.filter(office=office, title_bn=persona.title_bn).first()
        if post is None:
            post = services.post_create(
                office=office,
                title_bn=persona.title_bn,
                title_en=persona.title_en,
                role=persona.role,
                holder=user,
                holder_since=DEMO_SINCE,
            )
        elif not post.holdings.filter(ended_on__isnull=True).exists():
            # A head's post load_offices made vacant at a departmental office.
            services.post_hand_over(post=post, to_user=user, on=DEMO_SINCE)
        posts[persona.key] = post
    admin = User.objects.filter(username=ADMIN_USERNAME).first()
    if admin is None:
        admin = User.objects.create_superuser(
            ADMIN_USERNAME,
            "admin@example.gov.bd",
            password,
            full_name_bn="সিস্টেম প্রশাসক",
            full_name_en="System administrator",
        )
        # The administrator keeps the whole tree, so the post sits at the root,
        # read-only in the innovation work itself.
        posts[ADMIN_USERNAME] = services.post_create(
            office=Office.objects.get(code="cabinet"),
            title_bn="সিস্টেম প্রশাসক",
            title_en="System administrator",
            role=R.VIEWER,
            holder=admin,
            holder_since=DEMO_SINCE,
        )
    else:
        posts[ADMIN_USERNAME] = Post.objects.get(
            holdings__user=admin, holdings__ended_on__isnull=True
        )
    return posts
