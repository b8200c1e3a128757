#!/usr/bin/env bash
# End-to-end test of the Linux installer, run by hand (as root) on a Debian/Ubuntu machine:
#   1. build the .deb (and .rpm) with mvn -Ppackage package,
#   2. install the .deb with dpkg -i,
#   3. start the installed workbench under Xvfb, wait for its window, take a screenshot
#      (docs/screenshots/installed-app.png),
#   4. run the installed command line: juror --version, bare juror (help, no window), import and
#      stats on a temporary workspace; check that postinst made the start-up cache and that the
#      launcher uses it,
#   5. uninstall with dpkg -r and check that nothing is left behind: every path the package
#      listed, /opt/juror, /usr/bin/juror, the desktop entry, and a before/after listing of
#      /opt /usr /etc /var/lib,
#   6. install and remove once more as on a machine without a desktop menu (a server).
# Prints the sizes of the installers and of the installed app. Exits non-zero with a message on
# the first failure. Not part of .ci/run: it installs packages system-wide.
#
# Usage: packaging/test-deb.sh [--no-build] [--offline]
#   --no-build  reuse target/installer/*.deb from an earlier build
#   --offline   pass -o to Maven
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

BUILD=1
MVN_FLAGS=(-B)
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --offline) MVN_FLAGS+=(-o) ;;
    *) echo "usage: $0 [--no-build] [--offline]" >&2; exit 2 ;;
  esac
done

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb: == $*"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

[ "$(id -u)" = 0 ] || fail "run as root: dpkg -i and dpkg -r need it"
command -v apt-get >/dev/null || fail "needs a Debian or Ubuntu machine (apt-get, dpkg)"

WORK=$(mktemp -d /tmp/juror-test-deb.XXXXXX)
XVFB_PID=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- tools: a fresh machine has none of these ----------------------------------------------------
step "installing the tools the test needs"
# lxmenu-data stands for the desktop a user has: it gives the system menu folders that
# xdg-desktop-menu installs the menu entry into.
TOOLS=(fakeroot rpm xvfb x11-utils imagemagick xdg-utils lxmenu-data libgtk-3-0 libxtst6 libgl1 time)
missing=()
for p in "${TOOLS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -n "${JAVA_HOME:-}" ] && export PATH="$JAVA_HOME/bin:$PATH"

# --- 1. build ------------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  step "building the installers: mvn ${MVN_FLAGS[*]} -Ppackage package -DskipTests"
  command -v jpackage >/dev/null || fail "jpackage not found: set JAVA_HOME to a JDK 21 or newer"
  mvn "${MVN_FLAGS[@]}" -Ppackage package -DskipTests > "$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; fail "the installer build failed (log above)"; }
fi
DEB=$(ls target/installer/juror_*_amd64.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || fail "no target/installer/juror_*_amd64.deb: build it first or drop --no-build"
RPM=$(ls target/installer/juror-*.rpm 2>/dev/null | head -1 || true)
VERSION=$(dpkg-deb -f "$DEB" Version)
step "package $DEB, version $VERSION"

if dpkg -s juror >/dev/null 2>&1; then
  fail "a juror package is already installed; remove it first (dpkg -r juror)"
fi

# --- 2. install ----------------------------------------------------------------------------------
# What the file system holds before the install, to compare with after the removal. dpkg's and
# apt's own records and caches change by design and are left out.
snapshot() {
  find /opt /usr /etc /var/lib -xdev \
    \( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/lib/ucf -o -path /var/lib/systemd \) -prune \
    -o -print 2>/dev/null | LC_ALL=C sort
}
step "installing the runtime libraries the package depends on"
# dpkg -i does not fetch dependencies: install them first from the package's own Depends field
# (first choice of each alternative), as apt would.
deps=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/ //g' | grep -v '^$' | sort -u)
missing=()
for p in $deps; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
snapshot > "$WORK/before.txt"

step "dpkg -i $DEB"
dpkg -i "$DEB" > "$WORK/dpkg-install.log" 2>&1 || { cat "$WORK/dpkg-install.log" >&2; fail "dpkg -i failed"; }
dpkg -s juror | grep -q '^Status: install ok installed' || fail "juror is not in state 'install ok installed'"
dpkg -L juror > "$WORK/package-files.txt"

APP_DIR=/opt/juror
[ -x "$APP_DIR/bin/Juror" ] || fail "$APP_DIR/bin/Juror (the workbench launcher) is missing"
[ -x "$APP_DIR/bin/juror" ] || fail "$APP_DIR/bin/juror (the command-line launcher) is missing"
[ "$(readlink /usr/bin/juror)" = "$APP_DIR/bin/juror" ] || fail "/usr/bin/juror does not link to $APP_DIR/bin/juror"
DESKTOP=$(ls /usr/share/applications/*juror* 2>/dev/null | head -1 || true)
[ -n "$DESKTOP" ] || fail "no desktop entry in /usr/share/applications"
grep -q "^Exec=$APP_DIR/bin/Juror" "$DESKTOP" || fail "the desktop entry $DESKTOP does not start $APP_DIR/bin/Juror"
grep -q "^Icon=$APP_DIR/lib/Juror.png" "$DESKTOP" || fail "the desktop entry $DESKTOP does not name $APP_DIR/lib/Juror.png as its icon"
cmp -s "$APP_DIR/lib/Juror.png" packaging/icons/juror.png || fail "$APP_DIR/lib/Juror.png is not Juror's icon (packaging/icons/juror.png)"
INSTALLED_BYTES=$(du -sb "$APP_DIR" | cut -f1)
CACHE="$APP_DIR/lib/app/juror-cli.aot"
grep -q "juror: start-up cache made" "$WORK/dpkg-install.log" || { cat "$WORK/dpkg-install.log" >&2; fail "postinst did not make the start-up cache"; }
[ -s "$CACHE" ] || fail "the start-up cache $CACHE is missing"
[ "$(cat "$APP_DIR/lib/app/juror-cli.jvmopts")" = "-XX:AOTCache=$CACHE" ] || fail "juror-cli.jvmopts does not point at $CACHE"
step "start-up cache $CACHE: $(mib "$(stat -c %s "$CACHE")")"

# --- 3. the workbench under Xvfb ------------------------------------------------------------------
step "starting the installed workbench under Xvfb"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3> "$WORK/display" 2> "$WORK/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 1 50); do [ -s "$WORK/display" ] && break; sleep 0.2; done
[ -s "$WORK/display" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=":$(head -1 "$WORK/display")"

# A home of its own, so the test sees exactly what the app writes there. Java takes user.home from
# the password database, not from $HOME, so it is given to the JVM too (JAVA_TOOL_OPTIONS reaches
# the installed launcher's JVM); otherwise the workbench would open root's last workspace.
APP_HOME="$WORK/home"
mkdir -p "$APP_HOME"
START_NS=$(date +%s%N)
HOME="$APP_HOME" JAVA_TOOL_OPTIONS="-Duser.home=$APP_HOME" "$APP_DIR/bin/Juror" > "$WORK/app.log" 2>&1 &
APP_PID=$!
WINDOW=""
for _ in $(seq 1 120); do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "the workbench exited before showing a window"; }
  # The main window, not GTK's 10x10 leader window that carries the same name.
  WINDOW=$(xwininfo -root -tree 2>/dev/null | awk '/"Juror":/ {
      for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+x[0-9]+\+/) { split($i, size, /[x+]/); if (size[1] >= 200 && size[2] >= 150) { print $1; exit } }
    }' || true)
  [ -n "$WINDOW" ] && break
  sleep 0.5
done
[ -n "$WINDOW" ] || { cat "$WORK/app.log" >&2; fail "no window titled Juror within 60 s"; }
WINDOW_SECONDS=$(awk -v a="$START_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
step "window $WINDOW is up after ${WINDOW_SECONDS} s (polled every 0.5 s): $(xwininfo -id "$WINDOW" | awk '/Width|Height/ { printf "%s%s ", $1, $2 }')"
sleep 3   # let the first frame render
mkdir -p docs/screenshots
import -window "$WINDOW" docs/screenshots/installed-app.png || fail "screenshot failed"
COLOURS=$(identify -format '%k' docs/screenshots/installed-app.png)
[ "$COLOURS" -gt 16 ] || fail "the screenshot has only $COLOURS colours: the window looks blank"
step "screenshot docs/screenshots/installed-app.png ($COLOURS colours)"
grep -qi 'exception\|error' "$WORK/app.log" && { cat "$WORK/app.log" >&2; fail "the workbench logged an error"; }
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
if [ -e "$APP_HOME/.openjfx" ]; then
  fail "JavaFX unpacked its native libraries into ~/.openjfx: they should load from $APP_DIR/lib/app/lib"
fi
# Reported, not failed: GTK keeps ~/.cache/dconf, and jpackage's launcher asks the package
# managers which package it came from ("rpm -qf", which makes ~/.rpmdb where rpm is installed).
OTHER=$(cd "$APP_HOME" && find . -mindepth 1 -maxdepth 2 ! -path './Juror' ! -path './Juror/*' | sort | tr '\n' ' ')
step "files the workbench wrote in its home outside the Juror workspace: ${OTHER:-none}"
unset DISPLAY

# --- 4. the command line -------------------------------------------------------------------------
step "running the installed command line"
OUT=$(juror --version) || fail "juror --version exited with $?"
[ "$OUT" = "juror $VERSION" ] || fail "juror --version printed '$OUT', expected 'juror $VERSION'"
step "juror --version: $OUT"
OUT=$(juror) || fail "bare juror exited with $? (it should print the help and succeed)"
grep -q '^Usage: juror' <<<"$OUT" || fail "bare juror did not print the help: $OUT"
WS=$(mktemp -d "$WORK/workspace.XXXXXX")
juror import "$REPO/samples/contract-review/contract-review.jsonl" --workspace "$WS" > "$WORK/import.log" 2>&1 \
  || { cat "$WORK/import.log" >&2; fail "juror import into a temporary workspace failed"; }
OUT=$(juror stats --workspace "$WS" --json) || fail "juror stats exited with $?"
grep -Eq '"samples" *: *9,' <<<"$OUT" || fail "juror stats after importing 9 samples printed: $OUT"
grep -Eq '"rollouts" *: *50,' <<<"$OUT" || fail "juror stats after importing 50 rollouts printed: $OUT"
step "juror stats: $OUT"
EMPTY=$(mktemp -d "$WORK/empty.XXXXXX")
juror stats --workspace "$EMPTY" > /dev/null || fail "juror stats on an empty workspace exited with $?"
# The installed launcher uses the cache: Juror's own classes come from it, not from juror.jar.
FROM_CACHE=$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info juror stats --workspace "$EMPTY" 2>/dev/null \
  | grep -c '^\[.*dev\.juror\..* source: shared objects file' || true)
[ "$FROM_CACHE" -gt 100 ] || fail "juror stats loaded only $FROM_CACHE of Juror's classes from the start-up cache"
step "juror stats loaded $FROM_CACHE of Juror's classes from the start-up cache"
START_WITH=$( { /usr/bin/time -f %e juror stats --workspace "$EMPTY" > /dev/null; } 2>&1 )
mv "$APP_DIR/lib/app/juror-cli.jvmopts" "$WORK/jvmopts" && : > "$APP_DIR/lib/app/juror-cli.jvmopts"
START_WITHOUT=$( { /usr/bin/time -f %e juror stats --workspace "$EMPTY" > /dev/null; } 2>&1 )
mv "$WORK/jvmopts" "$APP_DIR/lib/app/juror-cli.jvmopts"
step "juror stats on an empty workspace: ${START_WITH} s with the start-up cache, ${START_WITHOUT} s without"

# --- 5. uninstall --------------------------------------------------------------------------------
step "dpkg -r juror"
dpkg -r juror > "$WORK/dpkg-remove.log" 2>&1 || { cat "$WORK/dpkg-remove.log" >&2; fail "dpkg -r failed"; }
if dpkg -s juror 2>/dev/null | grep -q '^Status: install'; then
  fail "juror is still registered as installed"
fi
left=()
while IFS= read -r path; do
  [ "$path" = "/." ] && continue
  [ -e "$path" ] || [ -L "$path" ] || continue
  # Directories shared with other packages (/opt, /usr/share/doc, ...) stay, as they should.
  grep -qxF "$path" "$WORK/before.txt" && continue
  left+=("$path")
done < "$WORK/package-files.txt"
[ ${#left[@]} -eq 0 ] || fail "left behind from the package's file list: ${left[*]}"
[ ! -e "$APP_DIR" ] || fail "$APP_DIR still exists"
[ ! -e /usr/bin/juror ] && [ ! -L /usr/bin/juror ] || fail "/usr/bin/juror still exists"
! ls /usr/share/applications/*juror* >/dev/null 2>&1 || fail "a juror desktop entry is still in /usr/share/applications"
snapshot > "$WORK/after.txt"
if ! diff "$WORK/before.txt" "$WORK/after.txt" > "$WORK/diff.txt"; then
  cat "$WORK/diff.txt" >&2
  fail "the file system differs from before the install (lines above: < removed, > added)"
fi
step "nothing left behind: /opt /usr /etc /var/lib list the same files as before the install"
dpkg -P juror > /dev/null 2>&1 || true   # drop dpkg's record of the removed package too

# --- 6. a machine without a desktop menu (a server used for the command line) ----------------------
# xdg-desktop-menu fails there; the package must still install and remove cleanly. Pointing the
# XDG variables at nothing hides the menu folders from it.
step "install and remove on a machine without a desktop menu"
XDG_DATA_DIRS=/nonexistent XDG_CONFIG_DIRS=/nonexistent dpkg -i "$DEB" > "$WORK/dpkg-headless.log" 2>&1 \
  || { cat "$WORK/dpkg-headless.log" >&2; fail "dpkg -i failed on a machine without a desktop menu"; }
grep -q 'the Juror menu entry was not added' "$WORK/dpkg-headless.log" || fail "the headless install did not report the skipped menu entry"
juror --version > /dev/null || fail "juror --version failed after a headless install"
XDG_DATA_DIRS=/nonexistent XDG_CONFIG_DIRS=/nonexistent dpkg -r juror >> "$WORK/dpkg-headless.log" 2>&1 \
  || { cat "$WORK/dpkg-headless.log" >&2; fail "dpkg -r failed on a machine without a desktop menu"; }
dpkg -P juror > /dev/null 2>&1 || true
[ ! -e "$APP_DIR" ] && [ ! -L /usr/bin/juror ] || fail "the headless removal left $APP_DIR or /usr/bin/juror behind"
snapshot > "$WORK/after-headless.txt"
diff -q "$WORK/before.txt" "$WORK/after-headless.txt" > /dev/null \
  || { diff "$WORK/before.txt" "$WORK/after-headless.txt" >&2; fail "the headless install and removal changed the file system"; }

# --- sizes ---------------------------------------------------------------------------------------
DEB_BYTES=$(stat -c %s "$DEB")
echo
echo "test-deb: PASSED"
echo "  .deb installer   $(basename "$DEB")  $DEB_BYTES bytes ($(mib "$DEB_BYTES"))"
if [ -n "$RPM" ]; then
  RPM_BYTES=$(stat -c %s "$RPM")
  echo "  .rpm installer   $(basename "$RPM")  $RPM_BYTES bytes ($(mib "$RPM_BYTES"))"
fi
echo "  installed size   $APP_DIR  $INSTALLED_BYTES bytes ($(mib "$INSTALLED_BYTES"))"
echo "  first window     ${WINDOW_SECONDS} s after starting /opt/juror/bin/Juror under Xvfb"
