#!/usr/bin/env bash
# Walks every role's journey through the viewer in Chromium (ViewerBrowserIT, desktop and phone)
# and regenerates docs/viewer.md with a screenshot of each step. Needs what scripts/test.sh needs
# (chromium, chromium-driver) and ../shared/geodata. With --from-last-run it only rewrites the page
# from the screenshots the last run of the test left in map-service/target/screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--from-last-run" ]; then
  mvn -B -ntp -pl map-service -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ViewerBrowserIT
fi

shots=map-service/target/screenshots
rm -rf docs/viewer
mkdir -p docs/viewer
{
  cat <<'INTRO'
# The viewer, step by step

Every picture below comes from the browser test `ViewerBrowserIT`: it walks each role's whole
journey in Chromium, on a desktop (1440×900) and a phone (390×844), with the demo data, offline and
without a basemap. At every step it asserts that the service refused no request (no answer ≥ 400),
that the console shows no error, and that what the step is about is in view; axe-core checks the
login page, the viewer and the open municipality drawer (no critical or serious violation). After
signing out the test asks the API once more and gets 401.

Regenerate this page and its pictures with `scripts/viewer-screenshots.sh`.

What the journeys show:
- **Sign-in keeps the view.** A copied link (its view lives in the part after `#`) opened by a
  signed-out colleague leads to the login page and, after signing in, to the same view.
- **Whole zoom levels.** Choosing an area or zooming lands on a whole zoom level, as the service's
  tiles need.
- **Periods per role.** Analysts choose any period; every other role gets whole calendar months
  (previous month, previous quarter, last 12 full months, all, own months), as the service requires.
- **The municipality drawer** opens beside the map (on a phone as a sheet at the bottom) with the
  focus on its heading; Escape or × closes it. A municipal account that clicks a municipality
  outside its own area and its neighbours is told so, and the legend marks those areas.
- **The waterbed check** asks for the date of the intervention, one theme and the window, and
  answers in plain Dutch first; whether a change counts is decided by the 90 % test, and the
  measures (SM, BDM, WDQ, TNE, WDD) are under "Details voor analisten".
- **Details on points.** Analysts click an incident (from zoom 14, where points are drawn) or a
  risk location for what, when and where; the incidents legend switches from cells to points.
- **Hotspot analysis** (analysts): the Gi* cells lie above the municipal outlines, so hovering one
  gives z, p and count; it has a legend, is recomputed when a filter changes, and a Kaartbeeld
  includes it.
- **Demo data** is marked: a DEMODATA banner in the viewer, and a DEMODATA watermark and the source
  "demodata" on every snapshot and briefing page, for as long as the store holds demo data.
- **Search**: municipalities and districts by name (offline), and addresses through the geocoder
  set in `veiligheidskaart.basemap.geocoder-url` (the PDOK Locatieserver by default; no address
  search when there is no basemap, as in these pictures).

INTRO
  for role in analist:Analist gemeente-deventer:"Gemeente (Deventer)" bbg-voorzitter:BBG; do
    user=${role%%:*}
    title=${role#*:}
    for size in desktop:"desktop, 1440×900" telefoon:"telefoon, 390×844"; do
      key=${size%%:*}
      dir="$shots/$user-$key"
      [ -f "$dir/steps.tsv" ] || continue
      echo "## $title — ${size#*:}"
      echo
      mkdir -p "docs/viewer/$user-$key"
      n=0
      while IFS=$'\t' read -r file caption; do
        n=$((n + 1))
        cp "$dir/$file" "docs/viewer/$user-$key/$file"
        echo "$n. $caption"
        echo
        echo "   ![$caption](viewer/$user-$key/$file)"
        echo
      done < "$dir/steps.tsv"
    done
  done
} > docs/viewer.md
echo "docs/viewer.md: $(grep -c '!\[' docs/viewer.md) screenshots"
