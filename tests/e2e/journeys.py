"""Helpers the journey tests share (docs/design/JOURNEYS.md): a click counter, and the
walks that more than one test takes.

The counter is honest about what an officer does: every click event the page sees
(links, buttons, radio buttons, the file picker's button) is counted in the tab's
sessionStorage, so it survives page loads; typing is not a click. A journey test
asserts its count against the journey's goal and fails above it.
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

COUNT_CLICKS = """
document.addEventListener("click", function (e) {
  if (!e.isTrusted) return;
  var n = parseInt(sessionStorage.getItem("journey-clicks") || "0", 10);
  sessionStorage.setItem("journey-clicks", String(n + 1));
}, true);
"""


def count_clicks(context: BrowserContext) -> None:
    """Count every click in the context's pages from now on."""
    context.add_init_script(COUNT_CLICKS)


def clicks(page: Page) -> int:
    return int(page.evaluate("() => sessionStorage.getItem('journey-clicks') || '0'"))


def reset_clicks(page: Page) -> None:
    page.evaluate("() => sessionStorage.setItem('journey-clicks', '0')")


def sign_out(page: Page) -> None:
    page.click("form.logout button")
    page.wait_for_url("**/login/**")


def plan_rows(year: int, count: int) -> list[dict[str, object]]:
    """Rows of a plan as an office writes them: dated, with a target in numbers."""
    from bangla.digits import to_bengali_digits

    y = to_bengali_digits(year)
    subjects = (
        "রেকর্ডরুমের সার্টিফাইড কপি অনলাইনে প্রদান",
        "সেবা সহজীকরণ বিষয়ে প্রশিক্ষণ",
        "উপজেলা ইনোভেশন সার্কেল আয়োজন",
        "ইনোভেশন টিমের মাসিক সভা",
        "সিটিজেন চার্টার হালনাগাদ",
        "ই-নথিতে ডাক নিষ্পত্তি",
        "ইনোভেশন শোকেসিং আয়োজন",
        "উদ্ভাবনী ধারণা আহ্বান",
        "ফ্রন্ট ডেস্ক চালু",
    )
    return [
        {
            "category": "প্রশিক্ষণ প্রদান",
            "activity": subjects[n % len(subjects)],
            "start_text": f"০১ সেপ্টেম্বর {y}",
            "end_text": f"৩০ নভেম্বর {y}",
            "responsible_text": "জেলা ইনোভেশন টিম",
            "expected_outcome": "সেবা সহজ হবে",
            "indicator": "সম্পন্ন কাজের সংখ্যা",
            "target_value": 10 + n,
            "target_unit": "টি",
        }
        for n in range(count)
    ]
