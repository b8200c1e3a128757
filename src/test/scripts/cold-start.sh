#!/usr/bin/env bash
# Cold start of the workbench: a new JVM until the main window is mapped on the X server.
# Needs Xvfb (or a desktop) on $DISPLAY, xwininfo (x11-utils) and a built jar (mvn package).
# Usage: DISPLAY=:99 src/test/scripts/cold-start.sh [RUNS]
set -u
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
runs="${1:-3}"
work=$(mktemp -d)
echo '{"labeller":"bench"}' > "$work/settings.json"
# First start seeds the workspace (copies and imports the samples); time the starts after it.
"$java_bin" -jar target/juror.jar --workspace "$work/ws" --settings "$work/settings.json" >/dev/null 2>&1 &
seed=$!
for _ in $(seq 1 600); do [ -f "$work/ws/juror.mv.db" ] && break; sleep 0.1; done
sleep 15; kill "$seed"; wait "$seed" 2>/dev/null
for _ in $(seq 1 200); do xwininfo -root -tree 2>/dev/null | grep -q '"Juror"' || break; sleep 0.05; done
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$java_bin" -jar target/juror.jar --workspace "$work/ws" --settings "$work/settings.json" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 400); do xwininfo -root -tree 2>/dev/null | grep -q '"Juror"' && break; sleep 0.05; done
  end=$(date +%s%N)
  echo "run $i: main window mapped after $(( (end - start) / 1000000 )) ms"
  sleep 3; kill "$pid"; wait "$pid" 2>/dev/null
  # java -jar runs the workbench in a child JVM: wait until its window is gone before the next run.
  for _ in $(seq 1 200); do xwininfo -root -tree 2>/dev/null | grep -q '"Juror"' || break; sleep 0.05; done
done
rm -rf "$work"
