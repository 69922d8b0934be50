"""The vendored fonts, by absolute path, so no output depends on the system's fonts.

One full Bengali TTF (Noto Sans Bengali, OFL) and a Latin fallback for English words:
giving a layout engine Bengali and Latin *subsets* as one family breaks punctuation
(docs/design/TECH-NOTES.md), so the two stay separate families.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"

BENGALI_REGULAR = FONT_DIR / "NotoSansBengali-Regular.ttf"
BENGALI_BOLD = FONT_DIR / "NotoSansBengali-Bold.ttf"
LATIN_REGULAR = FONT_DIR / "NotoSans-Latin-Regular.ttf"
LATIN_BOLD = FONT_DIR / "NotoSans-Latin-Bold.ttf"

# Family names as the fonts call themselves (Word and LibreOffice match DOCX/XLSX runs
# to installed fonts by these names).
BENGALI_FAMILY = "Noto Sans Bengali"
LATIN_FAMILY = "Noto Sans"


def font_face_css() -> str:
    """@font-face rules for WeasyPrint, with file:// URLs of the vendored fonts."""
    rules = []
    for family, regular, bold in (
        ("UB Bengali", BENGALI_REGULAR, BENGALI_BOLD),
        ("UB Latin", LATIN_REGULAR, LATIN_BOLD),
    ):
        for weight, path in ((400, regular), (700, bold)):
            rules.append(
                f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
                f'font-style: normal; src: url("{path.as_uri()}"); }}'
            )
    return "\n".join(rules)
