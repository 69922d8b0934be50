"""The standard bilingual list of plan categories, with the spellings real plans use.

Every category string in data/seeds/expected/*.json is either a name or an
alias below (tests/test_categories.py checks it), except "উপজেলা পর্যায়ে জেলার
সকল", a cell the paper split in the wrong place (NOTES.md D13), which stays free
text. Aliases are matched through bangla.text.loose_key, so variants that only
differ in ি/ী, ঃ, spaces or a closing "।" need no entry of their own.

The first eleven, in this order, are the standard template of the 2017-18
plans (the Dhaka seed): "start from the standard skeleton" makes one item each.
The data is frozen here, not imported, so later edits to the app cannot change
what this migration did.
"""

from django.db import migrations

# (code, Bengali name, English name, in the skeleton, aliases as written)
CATEGORIES = [
    (
        "service_simplification",
        "নিজ অফিসের সেবা সহজীকরণ অথবা সেবায় ইনোভেশন",
        "Simplifying the office's own services, or innovation in services",
        True,
        ["সেবা সহজীকরণ অথবা সেবায় ইনোভেশন", "নিজ অফিসের সেবা সহজীকরণ", "সেবা সহজীকরণ"],
    ),
    (
        "e_service",
        "ই-সেবা ও ই-ফাইলিং কার্যক্রম",
        "E-services and e-filing",
        True,
        ["ই-সেবা ও ই-ফাইলিং", "ই-ফাইলিং কার্যক্রম"],
    ),
    (
        "idea_management",
        "আইডিয়া ম্যানেজমেন্ট ও স্কেলআপ",
        "Idea management and scale-up",
        True,
        ["আইডিয়া ম্যানেজমেন্ট ও স্কেল আপ"],
    ),
    (
        "supervision",
        "অধঃস্তন অফিসের ইনোভেশন কার্যক্রম তদারকি",
        "Supervising the innovation work of subordinate offices",
        True,
        ["অধস্তন অফিসের ইনোভেশন কার্যক্রম তদারকি", "ইনোভেশন কার্যক্রম তদারকি"],
    ),
    (
        "awards",
        "পুরস্কার প্রদান",
        "Awards",
        True,
        [
            "শ্রেষ্ঠ উদ্যোক্তাকে পুরস্কার প্রদান",
            "পুরস্কার /উৎসাহ ও ধন্যবাদপত্র প্রদান",
            "স্বীকৃতি ও পুরস্কার প্রদান",
        ],
    ),
    (
        "financial_support",
        "উদ্যোক্তাদের আর্থিক সহায়তা প্রদান",
        "Financial support to innovators",
        True,
        ["ইনোভেটরদের আর্থিক সহায়তা প্রদান"],
    ),
    ("training", "প্রশিক্ষণ প্রদান", "Training", True, ["ট্রেনিং", "প্রশিক্ষণ"]),
    (
        "cascading_workshop",
        "ক্যাসকেডিং কর্মশালা",
        "Cascading workshops",
        True,
        ["ক্যাসকেডিং কর্মশালা আয়োজন"],
    ),
    (
        "social_media",
        "সোশ্যাল মিডিয়ার ব্যবহার",
        "Use of social media",
        True,
        ["সোস্যাল মিডিয়ার ব্যবহার", "স্যোসাল মিডিয়া সংলাপ আয়োজন", "সোশ্যাল মিডিয়া সংলাপ আয়োজন"],
    ),
    (
        "partnership",
        "পার্টনারশিপ ও নেটওয়ার্কিং",
        "Partnership and networking",
        True,
        ["পার্টনারশিপ বা নেটওয়ার্কিং"],
    ),
    (
        "documentation",
        "প্রকাশনা ও ডকুমেন্টেশন",
        "Publication and documentation",
        True,
        ["ডকুমেন্টেশন", "ক্রোড়পত্র প্রকাশনা"],
    ),
    (
        "innovation_circle",
        "ইনোভেশন সার্কেল আয়োজন",
        "Innovation circles",
        False,
        ["জেলা ইনোভেশন সার্কেল আয়োজন", "উপজেলা ইনোভেশন সার্কেল আয়োজন"],
    ),
    (
        "team_meeting",
        "ইনোভেশন টিমের সভা আয়োজন",
        "Innovation team meetings",
        False,
        ["ইনোভেশন টিমের সভা"],
    ),
    ("citizen_charter", "সিটিজেন চার্টার প্রস্তুতকরণ", "Citizen charter", False, []),
    ("front_desk", "ফ্রন্টডেস্ক চালুকরণ", "Front desk", False, []),
    (
        "piloting",
        "উদ্ভাবনী প্রকল্প পাইলটিং ও তদারকি",
        "Piloting and following innovation projects",
        False,
        ["উদ্ভাবনী প্রকল্পসমূহ তদারকি", "ইনোভেশন প্রকল্প পাইলটিং এবং SIF এর জন্য প্রেরণ"],
    ),
    (
        "progress_review",
        "ইনোভেশন কার্যক্রমের অগ্রগতি পর্যালোচনা",
        "Reviewing the progress of innovation work",
        False,
        ["ইনোভেশন কার্যক্রমের অগ্রগতি সমন্বয় করা", "বাৎসরিক অগ্রগতি পর্যালোচনা"],
    ),
    (
        "digital_centre",
        "ডিজিটাল সেন্টারের কার্যক্রম",
        "Digital centres",
        False,
        [
            "উপজেলা/পৌর ডিজিটাল সেন্টারের কার্যক্রমে গতিশীলতা আনয়ন",
            "নেস, ইউডিসি, ওয়েবপোর্টাল এবং ইনোভেশনসহ আইসিটি কার্যক্রমের নিয়োগিত পর্যালোচনা ও পরিদর্শন",
        ],
    ),
    (
        "innovation_fair",
        "ইনোভেশন মেলা ও শোকেসিং",
        "Innovation fairs and showcasing",
        False,
        ["ডিজিটাল ইনোভেশন মেলা আয়োজন"],
    ),
    (
        "replication",
        "উত্তম চর্চার প্রতিস্থাপন (রেপ্লিকেশন)",
        "Replication of best practices",
        False,
        [],
    ),
    (
        "web_portal",
        "ওয়েব পোর্টাল হালনাগাদকরণ ও মান উন্নয়ন",
        "Keeping the web portal up to date",
        False,
        ["তথ্য বাতায়ন"],
    ),
]


def load(apps, schema_editor):
    Category = apps.get_model("plans", "Category")
    CategoryAlias = apps.get_model("plans", "CategoryAlias")
    for position, (code, name_bn, name_en, skeleton, aliases) in enumerate(CATEGORIES, start=1):
        category, _ = Category.objects.update_or_create(
            code=code,
            defaults={
                "name_bn": name_bn,
                "name_en": name_en,
                "position": position,
                "in_skeleton": skeleton,
            },
        )
        for text in aliases:
            CategoryAlias.objects.get_or_create(text=text, defaults={"category": category})


def unload(apps, schema_editor):
    apps.get_model("plans", "Category").objects.filter(
        code__in=[c[0] for c in CATEGORIES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
