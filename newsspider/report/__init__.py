"""`newsspider report` (one self-contained HTML page) and `newsspider calendar` (iCalendar).

    data.py       read output files and run logs; the figures (per site/day, coverage, errors…)
    releases.py   release events merged across articles (shared by the page and the .ics file)
    page.py       the HTML page: altair charts (Vega-Lite, JavaScript inlined) and the calendar grid
    ics.py        releases.ics with the icalendar package
"""
