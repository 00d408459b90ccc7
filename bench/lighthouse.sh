#!/usr/bin/env bash
# Lighthouse 12 on the home page and a story, phone profile (Lighthouse's default mobile
# emulation and throttling), against the production settings under gunicorn with the
# demo data (security/stack.sh: PostgreSQL on loopback, plain HTTP).
#
#   ./bench/lighthouse.sh            # needs node; LIGHTHOUSE=path/to/lighthouse to skip npx
#
# Prints the four category scores and the largest contentful paint per page; the JSON
# reports stay in the stack's folder.
set -euo pipefail
source "$(dirname "$0")/../security/stack.sh"
LIGHTHOUSE=${LIGHTHOUSE:-npx --yes lighthouse@12}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export CHROME_PATH

MEDIA_ROOT=$(mktemp -d /tmp/newsportal-media.XXXXXX)  # the demo illustrations, made afresh
export MEDIA_ROOT
start_stack
STORY=/en/news/us-blasts-syrian-regimes-offensive-on-aleppo/
for page in / "$STORY"; do
  # Warm the page cache as a reader before would have.
  curl -fsS -o /dev/null "$BASE_URL$page"
  name=$(echo "$page" | tr '/' '_')
  $LIGHTHOUSE "$BASE_URL$page" --quiet --output=json --output-path="$STACK_DIR/lh$name.json" \
    --chrome-flags="--headless=new --no-sandbox" --form-factor=mobile >/dev/null
  "$PY" - "$STACK_DIR/lh$name.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
lcp = report["audits"]["largest-contentful-paint"]["displayValue"]
print(f"{sys.argv[2]}: {scores} LCP {lcp} (Lighthouse {report['lighthouseVersion']})")
PY
done
