#!/usr/bin/env bash
# Screenshots an HTML email the way a mail pane of the given width shows it, so people can look at what
# WeeklyEmailHtml renders, and reports whether anything is wider than that pane (overflow).
# Usage: scripts/screenshot-email.sh <file.html> <out.png> [width in px, default 700] [height in px, default 2400]
# Exit codes: 0 shot taken and nothing overflows, 1 content wider than the pane or Chromium failed, 2 bad usage.
# Needs Chromium (Debian package "chromium").
#
# Headless Chromium never lays a window out narrower than 500 px (a 380 px shot is a 500 px page cut off), so the
# email goes into an iframe of exactly the requested width; for widths under 500 px the shot is 500 px wide and
# the grey band right of the email is outside the "phone".
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
    echo "usage: $0 <file.html> <out.png> [width in px, default 700] [height in px, default 2400]" >&2
    exit 2
fi

html=$1
out=$(realpath -m "$2")
width=${3:-700}
height=${4:-2400}
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -f "$html" ]]; then
    echo "no such file: $html" >&2
    exit 2
fi
if ! [[ "$width" =~ ^[0-9]+$ && "$height" =~ ^[0-9]+$ ]]; then
    echo "width and height are whole numbers of pixels" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
window=$((width > 500 ? width : 500))

# The host page: the email as the iframe's srcdoc (same origin, so the probe below can measure it).
escaped=$(sed -e 's/&/\&amp;/g' -e 's/"/\&quot;/g' "$html")
host() {
    printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>-</title></head>'
    printf '<body style="margin:0;background:#9aa0a6;">'
    printf '<iframe id="email" style="display:block;border:0;width:%spx;height:%spx;background:#fff;" srcdoc="' "$width" "$height"
    printf '%s' "$escaped"
    printf '"></iframe>%s</body></html>\n' "${1:-}"
}
host >"$work/shot.html"
# The probe runs only in the measuring copy: the email itself carries no script.
host '<script>document.getElementById("email").onload = function () {
  var d = this.contentDocument.documentElement; document.title = "scrollWidth=" + d.scrollWidth; };</script>' >"$work/probe.html"

# A throw-away profile keeps runs independent; --virtual-time-budget lets layout settle without a sleep.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile"
    --window-size="$window,$height" --virtual-time-budget=3000)
"$chromium" "${flags[@]}" --screenshot="$out" "file://$work/shot.html" >/dev/null 2>&1 || true
if [[ ! -s "$out" ]]; then
    echo "chromium wrote no screenshot" >&2
    exit 1
fi

scroll=$("$chromium" "${flags[@]}" --dump-dom "file://$work/probe.html" 2>/dev/null | grep -o 'scrollWidth=[0-9]*' | head -1 | cut -d= -f2 || true)
echo "$out: email pane ${width} px, content ${scroll:-?} px wide"
if [[ -z "$scroll" ]]; then
    echo "could not measure the content width" >&2
    exit 1
fi
if [[ "$scroll" -gt "$width" ]]; then
    echo "overflow: the content is wider than the pane" >&2
    exit 1
fi
