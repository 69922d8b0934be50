"""The common field-office services every DC, UNO or AC Land office gives (the
catalogue offices extend with their own). Names as Citizen Charters print them."""

from django.db import migrations

# code, area, Bengali, English, time limit (days), responsible post, fee
SERVICES = [
    ("mutation", "land", "নামজারি ও জমাভাগ", "Mutation (namjari) of land records", 28,
     "সহকারী কমিশনার (ভূমি)", "১১৭০ টাকা (অনলাইনে বা ব্যাংকে)"),
    ("khatian-copy", "land", "খতিয়ানের সার্টিফাইড কপি", "Certified copy of a record of rights",
     7, "রেকর্ড রুম ইনচার্জ", "কোর্ট ফি ও নকল ফি"),
    ("land-tax", "land", "ভূমি উন্নয়ন কর গ্রহণ", "Land development tax", 1,
     "ইউনিয়ন ভূমি সহকারী কর্মকর্তা", "নির্ধারিত হারে (অনলাইনে)"),
    ("khas-lease", "land", "কৃষি খাস জমি বন্দোবস্ত", "Settlement of agricultural khas land",
     90, "উপজেলা নির্বাহী অফিসার", "বিনামূল্যে"),
    ("birth-cert", "certificate", "জন্ম নিবন্ধন সনদ", "Birth registration certificate", 7,
     "ইউনিয়ন পরিষদ সচিব", "নির্ধারিত ফি"),
    ("citizenship-cert", "certificate", "নাগরিকত্ব সনদ", "Citizenship certificate", 3,
     "ইউনিয়ন পরিষদ চেয়ারম্যান", "বিনামূল্যে"),
    ("heir-cert", "certificate", "ওয়ারিশ সনদ", "Succession (heir) certificate", 7,
     "ইউনিয়ন পরিষদ চেয়ারম্যান", "বিনামূল্যে"),
    ("trade-licence", "licence", "ট্রেড লাইসেন্স", "Trade licence", 7,
     "পৌরসভা / ইউনিয়ন পরিষদ", "নির্ধারিত ফি"),
    ("arms-licence", "licence", "আগ্নেয়াস্ত্রের লাইসেন্স", "Firearms licence", 60,
     "জেলা প্রশাসক", "সরকার নির্ধারিত ফি (চালানে)"),
    ("old-age-allowance", "allowance", "বয়স্ক ভাতা", "Old-age allowance", 30,
     "উপজেলা সমাজসেবা অফিসার", "বিনামূল্যে"),
    ("widow-allowance", "allowance", "বিধবা ও স্বামী নিগৃহীতা ভাতা",
     "Allowance for widowed and deserted women", 30, "উপজেলা সমাজসেবা অফিসার", "বিনামূল্যে"),
    ("disability-allowance", "allowance", "প্রতিবন্ধী ভাতা", "Disability allowance", 30,
     "উপজেলা সমাজসেবা অফিসার", "বিনামূল্যে"),
    ("grievance", "grievance", "অভিযোগ গ্রহণ ও নিষ্পত্তি", "Grievance redress", 30,
     "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "বিনামূল্যে"),
    ("relief", "allowance", "দুর্যোগকালীন ত্রাণ সহায়তা", "Disaster relief assistance", 3,
     "প্রকল্প বাস্তবায়ন কর্মকর্তা", "বিনামূল্যে"),
]


def seed(apps, schema_editor):
    Service = apps.get_model("initiatives", "Service")
    for code, area, bn, en, days, post, fee in SERVICES:
        Service.objects.get_or_create(
            office=None,
            code=code,
            defaults={
                "area": area,
                "name_bn": bn,
                "name_en": en,
                "time_limit_days": days,
                "responsible_post": post,
                "fee": fee,
            },
        )


def unseed(apps, schema_editor):
    Service = apps.get_model("initiatives", "Service")
    Service.objects.filter(
        office=None, code__in=[s[0] for s in SERVICES], initiatives__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
