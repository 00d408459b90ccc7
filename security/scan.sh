#!/usr/bin/env bash
# Attack the site with real scanners, on loopback only: ./security/scan.sh
#
# Starts the production settings on gunicorn with a throw-away PostgreSQL and the demo
# stories (security/stack.sh), then runs
#   - sqlmap on the search page (q, page), a list page (page) and the comment form
#     (name, e-mail, body, honeypot, and at level 3 the User-Agent and Referer headers,
#     which the comment intake stores),
#   - wapiti3 on the whole site (crawl, then SQL/XSS/stored-XSS/command/file/CRLF/
#     open-redirect/CSRF attacks, header, cookie and CSP checks).
# The scanners live in their own virtualenv ($SCANNER_VENV), never in requirements.txt.
# Reports go to $SCAN_OUT (default /tmp/newsportal-scan); a summary is printed at the end
# and the script fails if either scanner reports an injection or XSS. Takes 10-20 minutes.
set -euo pipefail
source "$(dirname "$0")/stack.sh"

SCANNER_VENV=${SCANNER_VENV:-$HOME/.cache/newsportal-scanners}
SCAN_OUT=${SCAN_OUT:-/tmp/newsportal-scan}
SCANS=${SCANS:-sqlmap wapiti}  # e.g. SCANS=sqlmap for sqlmap alone
SQLMAP_LEVEL=${SQLMAP_LEVEL:-3}
SQLMAP_RISK=${SQLMAP_RISK:-2}

if [ ! -x "$SCANNER_VENV/bin/wapiti" ] || [ ! -x "$SCANNER_VENV/bin/sqlmap" ]; then
  say "Installing sqlmap and wapiti3 into $SCANNER_VENV"
  python3 -m venv "$SCANNER_VENV"
  "$SCANNER_VENV/bin/pip" install -q --disable-pip-version-check sqlmap==1.10.10 wapiti3==3.2.3
fi
mkdir -p "$SCAN_OUT"

# Post-moderation, so a comment that passes the rules is shown at once and wapiti's
# stored-XSS module can look for it on the page.
export COMMENTS_POST_MODERATION=1
start_stack

SLUG=$("$PY" -c 'import django; django.setup()
from articles.models import Article
print(Article.objects.published().filter(comments_enabled=True).order_by("-published_at").first().slug)')
SECTION=$("$PY" -c 'import django; django.setup()
from articles.models import Section
print(Section.objects.first().slug)')

sqlmap() {
  local name="$1"
  shift
  say "sqlmap: $name"
  "$SCANNER_VENV/bin/sqlmap" --batch --disable-coloring --flush-session \
    --level "$SQLMAP_LEVEL" --risk "$SQLMAP_RISK" --output-dir "$SCAN_OUT/sqlmap" \
    "$@" >"$SCAN_OUT/sqlmap-$name.log" 2>&1 || true
  grep -E "injectable|identified the following injection|CRITICAL|WARNING.*(not|does not)" \
    "$SCAN_OUT/sqlmap-$name.log" | sort | uniq -c | sed 's/^/    /' || true
}

if [[ " $SCANS " == *" sqlmap "* ]]; then
rm -rf "$SCAN_OUT"/sqlmap*
sqlmap search --threads 4 -u "$BASE_URL/search/?q=sava%C5%9F&page=1" -p "q,page,User-Agent,Referer"
sqlmap list-page --threads 4 -u "$BASE_URL/section/$SECTION/?page=1" -p "page"
# One thread: sqlmap refreshes the CSRF token before each request.
sqlmap comment -u "$BASE_URL/en/news/$SLUG/comment/" \
  --data "csrfmiddlewaretoken=x&name=Ayse+Yilmaz&email=ayse%40example.com&body=Emegi+gecenlere+tesekkurler&website=" \
  -p "name,email,body,website,User-Agent,Referer" \
  --csrf-token csrfmiddlewaretoken --csrf-url "$BASE_URL/en/news/$SLUG/"
fi

if [[ " $SCANS " == *" wapiti "* ]]; then
rm -f "$SCAN_OUT"/wapiti.*
say "wapiti: the whole site"
"$SCANNER_VENV/bin/wapiti" -u "$BASE_URL/" --scope domain --flush-session \
  -m "sql,timesql,xss,permanentxss,exec,file,crlf,redirect,csrf,methods,http_headers,cookieflags,csp" \
  -d 4 --max-links-per-page 40 --max-files-per-dir 30 --max-scan-time "${WAPITI_MAX_SECONDS:-1500}" \
  --max-attack-time "${WAPITI_MAX_ATTACK_SECONDS:-240}" --skip csrfmiddlewaretoken \
  --tasks 8 -x "$BASE_URL/admin/logout/*" \
  -f json -o "$SCAN_OUT/wapiti.json" >"$SCAN_OUT/wapiti.log" 2>&1 || true
fi

say "Summary"
"$PY" "$ROOT/security/scan_summary.py" "$SCAN_OUT" "$STACK_DIR/access.log"
