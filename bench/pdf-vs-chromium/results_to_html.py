#!/usr/bin/env python3
"""Writes results.json as one printable HTML page with the PDF report's content.

Only for the benchmark that compares report.pdf with headless Chromium printing HTML: cover and verdict,
summary by severity, every host's sockets table, every finding with its message, steps (commands in <pre>),
evidence line and controls, and the evidence appendix with each file's SHA-256. Text is HTML-escaped.
"""
import html
import json
import sys

CSS = """
body { font: 9.5pt 'DejaVu Sans', sans-serif; margin: 0; }
h1 { color: #1f3a5f; border-bottom: 1.5pt solid #1f3a5f; } h2 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; } thead { display: table-header-group; }
th { background: #e2e2e2; text-align: left; } td, th { padding: 2pt 4pt; border-bottom: .5pt solid #ccc; vertical-align: top; }
tr { break-inside: avoid; } pre { background: #f0f0f0; padding: 5pt; white-space: pre-wrap; word-break: break-all; font: 8pt 'DejaVu Sans Mono', monospace; }
.badge { border: .6pt solid #3c3c3c; border-radius: 4pt; padding: 0 4pt; font-weight: bold; font-size: 7pt; }
.critical { background: #7a0c0c; color: #fff; } .high { background: #c2410c; color: #fff; } .medium { background: #f2b233; } .low { background: #fbe38e; }
.host { break-before: page; } .finding { break-inside: avoid-page; } .mono { font-family: 'DejaVu Sans Mono', monospace; }
@page { size: A4; margin: 66pt 50pt 58pt 50pt; }
"""


def e(text):
    return html.escape(str(text), quote=True)


def endpoint(f):
    address = f.get("address") or "?"
    shown = f"[{address}]" if ":" in address else address
    return f"{shown}:{f.get('port')}"


def processes(items):
    return ", ".join(f"{p['name']} ({p.get('pid') or '?'})" for p in items) or "—"


def main(path):
    r = json.load(open(path, encoding="utf-8"))
    s, out = r["summary"], []
    out.append(f"<!doctype html><html><head><meta charset='utf-8'><title>Listening-port compliance report</title><style>{CSS}</style></head><body>")
    out.append(f"<h1>Listening-port compliance report</h1><p>Audit date {e(r['audit_date'])}</p>")
    out.append(f"<p><b>Verdict: {e(s['verdict'].upper())}</b> — policy {e(r['policy']['id'])} <span class='mono'>{e(r['policy']['sha256'])}</span></p>")
    out.append("<h1 class='host'>Executive summary</h1><table><thead><tr><th>Severity</th><th>Open findings</th></tr></thead><tbody>")
    out.extend(f"<tr><td><span class='badge {k}'>{k.upper()}</span></td><td>{v}</td></tr>" for k, v in s["findings"].items())
    out.append("</tbody></table>")
    for h in r["hosts"]:
        out.append(f"<section class='host'><h1>Host {e(h['host'])}</h1><p>{e(h['source'])} <span class='mono'>{e(h['sha256'])}</span></p>")
        out.append("<h2>Listening sockets</h2><table><thead><tr><th>Proto</th><th>Endpoint</th><th>Scope</th><th>Processes</th><th>Line</th></tr></thead><tbody>")
        out.extend(f"<tr><td>{e(k['proto'])}</td><td class='mono'>{e(endpoint(k))}</td><td>{e(k['scope'])}</td><td>{e(processes(k['processes']))}</td><td>{k['line']}</td></tr>" for k in h["sockets"])
        out.append("</tbody></table><h2>Findings</h2>")
        for f in h["findings"]:
            out.append(f"<div class='finding'><p><span class='badge {e(f['severity'])}'>{e(f['severity'].upper())}</span> <b>{e(f['rule'])} — {e(endpoint(f))}</b></p><p>{e(f['message'])}</p></div><ol>")
            out.extend(f"<li>{e(step['text'])}" + (f"<pre>{e(step['code'])}</pre>" if step.get("code") else "") + "</li>" for step in f["remediation"])
            out.append("</ol>")
            if f.get("evidence"):
                out.append(f"<p>{e(f['evidence']['source'])}:{f['evidence']['line']}</p><pre>{e(f['evidence']['text'])}</pre>")
            out.append(f"<p>Controls: {e('; '.join(f.get('controls', [])))}</p>")
        out.append("</section>")
    out.append("<h1 class='host'>Evidence appendix</h1><table><thead><tr><th>File and SHA-256</th><th>Host</th><th>Sockets</th></tr></thead><tbody>")
    out.extend(f"<tr><td>{e(h['source'])}<br><span class='mono'>{e(h['sha256'])}</span></td><td>{e(h['host'])}</td><td>{len(h['sockets'])}</td></tr>" for h in r["hosts"])
    out.append("</tbody></table></body></html>")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
