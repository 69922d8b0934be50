"""Bengali for Udbhabon: digits, the Bangladesh calendar, dates, schedules, text.

A pure-Python package (standard library only, no Django) that every other part
of Udbhabon reads and writes Bengali through. One module per topic:

* :mod:`bangla.text` — normalisation, loose matching keys, labels, legacy fonts;
* :mod:`bangla.digits` — Bengali/ASCII digits, grouping, words, ordinals;
* :mod:`bangla.calendar` — the Bangladesh calendar (বঙ্গাব্দ), both revisions;
* :mod:`bangla.dates` — dates and times as offices write them;
* :mod:`bangla.fiscal` — fiscal years, halves, quarters, period phrases;
* :mod:`bangla.schedules` — plan schedule cells into the import contract's SCHEDULE.

See ``bangla/README.md`` for examples.
"""
