"""Summarise security/scan.sh's reports; exit 1 if a scanner found an injection or XSS.

python security/scan_summary.py REPORT_DIR [GUNICORN_ACCESS_LOG]
"""

import collections
import json
import re
import sys
from pathlib import Path

# wapiti categories that would mean the site is injectable or serves script.
FATAL = {
    "SQL Injection",
    "Blind SQL Injection",
    "Cross Site Scripting",
    "Stored Cross Site Scripting",
    "Reflected Cross Site Scripting",
    "Command execution",
    "Path Traversal",
    "CRLF Injection",
    "Open Redirect",
}


def sqlmap_summary(out):
    failed = False
    for log in sorted(out.glob("sqlmap-*.log")):
        text = log.read_text(errors="replace")
        injectable = "identified the following injection point" in text
        tested = sorted(set(re.findall(r"testing if (.+?) parameter '([^']+)'", text)))
        clean = re.findall(r"parameter '([^']+)' does not seem to be injectable", text)
        requests = re.search(r"total of (\d+) HTTP\(s\) requests", text)
        print(
            f"sqlmap {log.stem.removeprefix('sqlmap-')}: "
            f"{'INJECTABLE' if injectable else 'no injection found'}; "
            f"{len(set(clean))} parameters tested not injectable "
            f"({', '.join(sorted(set(clean)))})"
            + (f"; {requests.group(1)} requests" if requests else "")
        )
        if "all tested parameters do not appear to be injectable" in text:
            print("    sqlmap: all tested parameters do not appear to be injectable")
        failed |= injectable
        _ = tested
    return failed


def wapiti_summary(out):
    report = out / "wapiti.json"
    if not report.exists():
        print("wapiti: no report (see wapiti.log)")
        return True
    data = json.loads(report.read_text())
    info = data.get("infos", {})
    print(
        f"wapiti {info.get('version', '')}: target {info.get('target')}, "
        f"{info.get('crawled_pages_nbr', '?')} pages crawled"
    )
    failed = False
    for kind in ("vulnerabilities", "anomalies", "additionals"):
        for category, findings in sorted(data.get(kind, {}).items()):
            if not findings:
                continue
            print(f"    {kind[:-1]}: {category}: {len(findings)}")
            for finding in findings[:5]:
                print(
                    f"        {finding.get('method')} {finding.get('path')} – {finding.get('info')}"
                )
            failed |= kind == "vulnerabilities" and category in FATAL
    total = sum(len(v) for v in data.get("vulnerabilities", {}).values())
    fatal = sum(len(data.get("vulnerabilities", {}).get(c, [])) for c in FATAL)
    print(f"wapiti: {total} vulnerabilities reported, {fatal} of them injection/XSS/redirect")
    return failed


def status_summary(access_log):
    if not access_log or not Path(access_log).exists():
        return False
    statuses = collections.Counter()
    for line in Path(access_log).read_text(errors="replace").splitlines():
        match = re.search(r'" (\d{3}) ', line)
        if match:
            statuses[match.group(1)] += 1
    print("server responses during the scans:", dict(sorted(statuses.items())))
    return statuses.get("500", 0) > 0


def main():
    out = Path(sys.argv[1])
    access_log = sys.argv[2] if len(sys.argv) > 2 else None
    failed = sqlmap_summary(out)
    failed |= wapiti_summary(out)
    errors = status_summary(access_log)
    if errors:
        print("the server answered 500 during the scans: see the access log")
    sys.exit(1 if failed or errors else 0)


if __name__ == "__main__":
    main()
