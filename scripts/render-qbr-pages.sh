#!/usr/bin/env bash
# Renders the QBR packs' pages as PNG for people to look at (docs/screenshots, reviews). The tests read the PDFs with
# PdfPig and need none of this; pictures are made here, with poppler's pdftoppm at 60 dpi.
# Usage: scripts/render-qbr-pages.sh [--pages N] [--partners] [--gallery] [quarter folder] [out folder]
#   quarter folder  a folder `analytics report qbr` wrote (default: the newest under data/reports/qbr/)
#   out folder      where the PNGs go (default: docs/screenshots)
#   --pages N       how many pages of the program pack (default 5, the README's screenshots; 0: all)
#   --partners      also every page of every partner pack, as <out>/partners/<pack>-NN.png
#   --gallery       also the chart gallery (every chart type and edge case) as <out>/gallery/gallery-N.png; it is drawn
#                   by the gallery test (ANALYTICS_CHARTS_GALLERY keeps its PDF), so this runs dotnet test once
# Writes <out>/program-qbr-page-NN.png. Exit codes: 0 rendered, 1 rendering failed, 2 bad usage or nothing to render.
# Installs poppler-utils with apt-get when pdftoppm is missing.
set -euo pipefail

pages=5 partners=false gallery=false args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --pages) [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "--pages takes a whole number" >&2; exit 2; }; pages=$2; shift 2 ;;
        --partners) partners=true; shift ;;
        --gallery) gallery=true; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
        *) args+=("$1"); shift ;;
    esac
done
if [[ ${#args[@]} -gt 2 ]]; then
    echo "usage: $0 [--pages N] [--partners] [--gallery] [quarter folder] [out folder]" >&2
    exit 2
fi

# Folders given are read from where the script is called; the defaults are the repository's.
quarter=${args[0]:+$(realpath -m "${args[0]}")}
out=${args[1]:+$(realpath -m "${args[1]}")}
cd "$(dirname "$0")/.."
quarter=${quarter:-$(ls -d data/reports/qbr/*/ 2>/dev/null | sort | tail -1 || true)}
out=${out:-$(realpath -m docs/screenshots)}
program=$(ls "${quarter%/}"/program-qbr-*.pdf 2>/dev/null | head -1 || true)
if [[ -z "$program" ]]; then
    echo "no program pack in '${quarter:-data/reports/qbr/<quarter>}': run 'dotnet run --project pipelines/Analytics.Cli -- report qbr' first" >&2
    exit 2
fi

if ! command -v pdftoppm >/dev/null; then
    echo "installing poppler-utils (pdftoppm)"
    sudo=$([[ $(id -u) -eq 0 ]] || echo sudo)
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq poppler-utils >/dev/null
fi

# One page at a time with -singlefile, so names are page-NN whatever the page count (pdftoppm pads to its width).
render() { # <pdf> <out prefix> <pages, 0 for all>
    local count last
    count=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
    last=$(( $3 > 0 && $3 < count ? $3 : count ))
    for ((p = 1; p <= last; p++)); do
        pdftoppm -png -r 60 -f "$p" -l "$p" -singlefile "$1" "$(printf '%s-%02d' "$2" "$p")"
    done
    echo "$1: $last of $count pages -> $2-NN.png"
}

mkdir -p "$out"
render "$program" "$out/program-qbr-page" "$pages"
if $partners; then
    mkdir -p "$out/partners"
    for pack in "${quarter%/}"/partners/*.pdf; do
        render "$pack" "$out/partners/$(basename "$pack" .pdf)" 0
    done
fi
if $gallery; then
    mkdir -p "$out/gallery"
    log=$(mktemp)
    ANALYTICS_CHARTS_GALLERY="$out/gallery" dotnet test tests/Analytics.Reports.Tests \
        --filter "FullyQualifiedName~ChartGalleryTests.Gallery_renders_every_chart_type" >"$log" 2>&1 || { tail -30 "$log" >&2; rm -f "$log"; exit 1; }
    rm -f "$log"
    pdftoppm -png -r 60 "$out/gallery/gallery.pdf" "$out/gallery/gallery"
    echo "$out/gallery/gallery.pdf -> $out/gallery/gallery-N.png"
fi
