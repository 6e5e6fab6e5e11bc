"""The report page: one self-contained HTML file (no network needed to view it).

Charts are Vega-Lite specifications built with altair; the Vega/Vega-Lite/vega-embed JavaScript
comes from vl-convert's bundle and is inlined once, so the page works offline. The release
calendar is plain HTML: one month grid per month that has releases.
"""

from __future__ import annotations

import calendar
import html
import json
from datetime import UTC, date, datetime
from typing import Any, Literal

from newsspider.report import data as rd
from newsspider.report.releases import Event, release_events

KIND_LABEL = {"album": "album", "mini_album": "mini album", "single": "single", "digital_single": "digital single",
              "ep": "EP", "ost": "OST", "mv": "MV", "repackage": "repackage"}


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _href(url: str) -> str:
    return _e(url) if url.startswith(("http://", "https://")) else "#"


# -- charts ----------------------------------------------------------------------------------
def chart_specs(inputs: rd.Inputs) -> dict[str, dict[str, Any]]:
    import altair as alt

    specs: dict[str, dict[str, Any]] = {}
    per_day = rd.per_site_and_day(inputs.records)
    if per_day:
        days = sorted(d["day"] for d in per_day)
        span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days
        unit: Literal["yearmonthdate", "yearweek"] = "yearmonthdate" if span <= 90 else "yearweek"
        label = "day" if span <= 90 else "week"  # a year of days gives hair-thin bars
        specs["chart-per-day"] = alt.Chart(alt.Data(values=per_day)).mark_bar().encode(
            x=alt.X("day:T", title=f"{label} (published, else fetched)", timeUnit=unit),
            y=alt.Y("sum(articles):Q", title="articles", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("site:N", title="site"),
            tooltip=[alt.Tooltip("site:N"), alt.Tooltip("day:T", timeUnit=unit, title=label),
                     alt.Tooltip("sum(articles):Q", title="articles")],
        ).properties(width=760, height=200, title=f"Articles per site and {label}").to_dict()
    cov = rd.coverage(inputs.records)
    if inputs.records:
        specs["chart-coverage"] = alt.Chart(alt.Data(values=cov)).mark_bar().encode(
            x=alt.X("share:Q", title="share of records with the field", axis=alt.Axis(format="%"),
                    scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("field:N", sort=None, title=None),
            tooltip=[alt.Tooltip("field:N"), alt.Tooltip("share:Q", format=".0%"), alt.Tooltip("records:Q")],
        ).properties(width=640, height=alt.Step(18), title="Field coverage").to_dict()
    errors = rd.errors_by_kind(inputs.runs)
    if errors:
        specs["chart-errors"] = alt.Chart(alt.Data(values=errors)).mark_bar().encode(
            x=alt.X("count:Q", title="count"),
            y=alt.Y("kind:N", sort="-x", title=None),
            color=alt.Color("group:N", title=None),
            tooltip=["group:N", "kind:N", "count:Q"],
        ).properties(width=640, height=alt.Step(18), title="Errors and dropped pages by kind").to_dict()
    events = release_events(inputs.records)
    if events:
        per_month = [{"month": ev.month, "kind": KIND_LABEL.get(ev.kind, ev.kind)} for ev in events]
        specs["chart-releases"] = alt.Chart(alt.Data(values=per_month)).mark_bar().encode(
            x=alt.X("month:O", title="month"),
            y=alt.Y("count():Q", title="release events"),
            color=alt.Color("kind:N", title="kind"),
            tooltip=["month:O", "kind:N", "count():Q"],
        ).properties(width=760, height=160, title="Release events per month").to_dict()
    return specs


def _javascript_bundle() -> str:
    import vl_convert
    from altair.utils._importers import vl_version_for_vl_convert

    bundle = vl_convert.javascript_bundle(vl_version=vl_version_for_vl_convert())  # type: ignore[call-arg]
    return bundle.replace("</script", "<\\/script")


# -- calendar --------------------------------------------------------------------------------
def _event_html(ev: Event, today: date) -> str:
    when = ev.day
    state = "upcoming" if (when or date.fromisoformat(ev.month + "-28")) >= today else "past"
    links = ev.articles
    first = (f'<a href="{_href(links[0][0])}" title="{_e(links[0][1])}">{_e(ev.label())}</a>'
             if links else _e(ev.label()))
    more = "".join(f' <a class="more" href="{_href(u)}" title="{_e(t)}">[{i}]</a>'
                   for i, (u, t) in enumerate(links[1:], 2))
    time = f' <span class="time">{_e(ev.time)}</span>' if ev.time else ""
    return (f'<li class="release {state}" data-date="{_e(ev.date)}" data-artist="{_e(ev.artist or "")}" '
            f'data-title="{_e(ev.title)}" data-kind="{_e(ev.kind)}">'
            f'<span class="kind kind-{_e(ev.kind)}">{_e(KIND_LABEL.get(ev.kind, ev.kind))}</span> '
            f'{first}{more}{time}</li>')


def _event_rows(events: list[Event], today: date) -> str:
    return "".join(f"<tr><td>{_e(ev.date)}</td><td><ul>{_event_html(ev, today)}</ul></td></tr>" for ev in events)


def calendar_html(events: list[Event], today: date, max_months: int = 12) -> str:
    """Month grids for the latest `max_months` months that have releases; earlier ones as a list."""
    if not events:
        return '<p class="empty">No release dates were found in these articles.</p>'
    all_months = sorted({ev.month for ev in events})
    months = all_months[-max_months:]
    earlier = [ev for ev in events if ev.month < months[0]]
    out = []
    cal = calendar.Calendar(firstweekday=0)
    for month in months:
        year, mon = int(month[:4]), int(month[5:7])
        in_month = [ev for ev in events if ev.month == month]
        by_day: dict[int, list[Event]] = {}
        for ev in in_month:
            if ev.day is not None:
                by_day.setdefault(ev.day.day, []).append(ev)
        undated = [ev for ev in in_month if ev.day is None]
        rows = []
        for week in cal.monthdayscalendar(year, mon):
            cells = []
            for d in week:
                if d == 0:
                    cells.append('<td class="off"></td>')
                    continue
                cls = "day today" if date(year, mon, d) == today else "day"
                items = "".join(_event_html(ev, today) for ev in by_day.get(d, []))
                cells.append(f'<td class="{cls}"><span class="num">{d}</span>'
                             f'{f"<ul>{items}</ul>" if items else ""}</td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
        head = "".join(f"<th>{n}</th>" for n in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
        extra = (f'<div class="undated"><b>Sometime in {calendar.month_name[mon]}:</b><ul>'
                 f'{"".join(_event_html(ev, today) for ev in undated)}</ul></div>' if undated else "")
        out.append(f'<section class="month" id="month-{month}"><h3>{calendar.month_name[mon]} {year}</h3>'
                   f'<table class="grid"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
                   f'{extra}</section>')
    if earlier:
        out.append(f'<details class="earlier"><summary>{len(earlier)} earlier release events</summary>'
                   f'<table class="list">{_event_rows(earlier, today)}</table></details>')
    return "\n".join(out)


# -- page ------------------------------------------------------------------------------------
STYLE = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#20124d;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;opacity:.8}main{padding:8px 28px 40px;max-width:1100px}
h2{margin:28px 0 10px;font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px}.card{background:#fff;border:1px solid #e3e3e3;
border-radius:8px;padding:10px 14px;min-width:110px}.card b{display:block;font-size:20px}
.chart{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:8px;margin:10px 0;overflow-x:auto}
table{border-collapse:collapse}td,th{padding:4px 8px;text-align:left;vertical-align:top}
table.list td,table.list th{border-bottom:1px solid #eee}
.grid{width:100%;table-layout:fixed;background:#fff;border:1px solid #ddd}.grid th{background:#f0eef7;font-weight:600}
.grid td{height:56px;border:1px solid #eee}.grid td.off{background:#f6f6f6}.grid td.today{outline:2px solid #6a4fc9}
.num{font-size:11px;color:#888}.grid ul,.undated ul{list-style:none;margin:2px 0;padding:0}
.release{font-size:12px;margin:2px 0;padding:2px 4px;border-radius:4px}.release.upcoming{background:#e7f6ea}
.release.past{background:#f1f1f1;color:#555}.release a{color:inherit}.kind{font-size:10px;text-transform:uppercase;
background:#20124d;color:#fff;border-radius:3px;padding:0 3px}.more{font-size:10px}.time{font-size:10px;color:#666}
.legend span{display:inline-block;padding:1px 6px;border-radius:4px;margin-right:8px}
.muted{color:#777}
"""


def render(inputs: rd.Inputs, *, today: date | None = None, generated: datetime | None = None) -> str:
    today = today or date.today()
    generated = generated or datetime.now(UTC)
    totals = rd.totals(inputs)
    specs = chart_specs(inputs)
    events = release_events(inputs.records)
    cards = [("articles", totals["articles"]), ("sites", len(totals["sites"])), ("quotes", totals["quotes"]),
             ("release events", len(events)), ("runs", totals["runs"]), ("pages fetched", totals["pages_fetched"]),
             ("duplicates dropped", totals["duplicates"]), ("known skipped", totals["known_skipped"]),
             ("errors", totals["errors"])]
    card_html = "".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards)
    charts = "".join(f'<div class="chart" id="{cid}"></div>' for cid in specs)
    slow = rd.slowest(inputs.runs)
    slow_html = ("<table class='list' id='slowest'><tr><th>seconds</th><th>page</th></tr>" + "".join(
        f"<tr><td>{s['seconds']:.2f}</td><td><a href='{_href(s['url'])}'>{_e(s['url'])}</a></td></tr>"
        for s in slow) + "</table>") if slow else '<p class="muted">No download timings in these run logs.</p>'
    runs_html = ("<table class='list'><tr><th>run</th><th>site</th><th>start</th><th>pages</th><th>new</th>"
                 "<th>duplicates</th><th>errors</th><th>finish</th></tr>" + "".join(
                     f"<tr><td>{_e(r.get('run_id') or '')}</td><td>{_e(r.get('site'))}</td><td>{_e(r.get('start'))}</td>"
                     f"<td>{_e(r.get('pages_fetched', 0))}</td><td>{_e(r.get('articles_new', 0))}</td>"
                     f"<td>{_e(r.get('articles_duplicate', 0))}</td>"
                     f"<td>{_e(sum((r.get('errors') or {}).values()))}</td><td>{_e(r.get('finish_reason'))}</td></tr>"
                     for r in inputs.runs[-20:]) + "</table>") if inputs.runs else '<p class="muted">No run log given.</p>'
    no_errors = "" if "chart-errors" in specs else '<p class="muted" id="no-errors">No errors recorded.</p>'
    script = (f"<script>{_javascript_bundle()}</script>\n<script>\nconst specs = {json.dumps(specs)};\n"
              "Promise.all(Object.entries(specs).map(([id, spec]) =>\n"
              "  vegaEmbed('#' + id, spec, {actions: false, renderer: 'svg'})))\n"
              "  .then(() => { document.body.dataset.charts = 'ready'; })\n"
              "  .catch((err) => { document.body.dataset.charts = 'failed'; console.error(err); });\n"
              "</script>") if specs else "<script>document.body.dataset.charts = 'ready';</script>"
    sources = ", ".join(_e(f) for f in inputs.files)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsspider report</title><style>{STYLE}</style></head>
<body data-charts="pending">
<header><h1>newsspider crawl report</h1><p>{sources} · generated {_e(generated.strftime('%Y-%m-%d %H:%M UTC'))}</p></header>
<main>
<div class="cards">{card_html}</div>
<h2 id="calendar">Release calendar</h2>
<p class="legend"><span class="release upcoming">upcoming</span><span class="release past">past</span>
<span class="muted">as of {_e(today.isoformat())}; each entry links to the article it was read from</span></p>
<div id="release-calendar">{calendar_html(events, today)}</div>
<h2>Articles, coverage, errors</h2>
{charts}{no_errors}
<h2>Slowest pages</h2>{slow_html}
<h2>Runs</h2>{runs_html}
</main>
{script}
</body></html>
"""
