#!/usr/bin/env bash
# The README's two commands on a fresh clone, with the outside tools hidden:
#   npm install && npm start   (the server answers /healthz, then is stopped)
#   npm test                   (passes; the tests whose tool is missing are skipped and listed)
# The clone is of the committed HEAD (uncommitted changes are not in it). PATH holds symlinks to
# only what a fresh Debian machine has before Tolk's outside tools: node, npm, git, a shell and
# coreutils, apt (to fetch the schemas), and python3, make and g++ for better-sqlite3's build.
# xmllint, msgfmt, translate-toolkit and Apertium are not on it; Chromium (an absolute path) is
# hidden with TOLK_HIDE_TOOLS, and PostgreSQL by a TOLK_TEST_PG where nothing listens.
# Takes a few minutes (better-sqlite3 compiles from source). KEEP=1 keeps the clone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tolk-fresh-XXXXXX")
server=
cleanup() {
  if [ -n "$server" ]; then kill -- "-$server" 2>/dev/null || true; fi
  if [ "${KEEP:-}" = 1 ]; then echo "fresh-clone-check: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
  echo "fresh-clone-check: the work tree has uncommitted changes; checking the committed HEAD"
fi
git clone -q "$root" "$work/tolk"
git -C "$work/tolk" checkout -q "$(git -C "$root" rev-parse HEAD)"

# The bare PATH.
export bin="$work/bin"
mkdir "$bin"
basics=(sh bash env node npm npx git
  cat cp mv rm ln ls mkdir rmdir touch chmod mktemp dirname basename readlink realpath
  head tail cut tr sort uniq wc sed grep find xargs diff printf sleep date uname id tee flock
  tar gzip xz echo true false test expr
  python3 make cc gcc g++ c++ cpp as ld ar ranlib
  apt-get apt-cache dpkg dpkg-deb)
for cmd in "${basics[@]}"; do
  target=$(type -P "$cmd" || true) # the file, not a shell builtin of that name
  # pyenv's python3 is a shell shim that needs pyenv: link the interpreter itself.
  if [ "$cmd" = python3 ]; then target=$(python3 -c 'import sys; print(sys.executable)'); fi
  if [ -z "$target" ]; then echo "fresh-clone-check: $cmd is not on this machine" >&2; exit 1; fi
  ln -s "$(readlink -f "$target")" "$bin/$cmd"
done
for hidden in xmllint msgfmt msgcat pocount xliff2po pomerge apertium-apy pg_isready psql chromium; do
  if [ -e "$bin/$hidden" ]; then echo "fresh-clone-check: $hidden is on the bare PATH" >&2; exit 1; fi
done
# The same environment with that PATH; CI's REQUIRE_* would turn the skips into failures.
run() {
  env -u REQUIRE_TOOLS -u REQUIRE_BROWSER PATH="$bin" \
    TOLK_HIDE_TOOLS=chromium TOLK_TEST_PG=postgres://postgres@127.0.0.1:1/postgres "$@"
}
cd "$work/tolk"

echo "== npm install"
start=$(date +%s)
run npm install --no-audit --no-fund
echo "npm install: $(($(date +%s) - start)) s"

# npm start, twice: the server must answer /healthz each time (the first start after install
# builds nothing: npm install built dist/).
port=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
for n in 1 2; do
  echo "== npm start ($n)"
  t0=$(date +%s%N)
  PORT=$port TOLK_DB="$work/tolk.sqlite" setsid bash -c "$(declare -f run); run npm start" \
    >"$work/start-$n.log" 2>&1 &
  server=$!
  if ! node -e '
    const url = process.argv[1], end = Date.now() + 120_000
    const poll = () => fetch(url).then((r) => r.ok ? process.exit(0) : retry(), retry)
    const retry = () => Date.now() > end ? process.exit(1) : setTimeout(poll, 100)
    poll()' "http://127.0.0.1:$port/healthz"; then
    cat "$work/start-$n.log"
    echo "fresh-clone-check: FAILED: npm start did not answer /healthz within 120 s"
    exit 1
  fi
  echo "npm start ($n) answered /healthz after $((($(date +%s%N) - t0) / 1000000)) ms"
  kill -- "-$server"
  wait "$server" 2>/dev/null || true
  server=
done

echo "== npm test"
start=$(date +%s)
status=0
run npm test >"$work/test.log" 2>&1 || status=$?
# The summary and the list of skipped tools, without the per-file lines.
sed -n '/Test Files/,$p' "$work/test.log"
echo "npm test: exit $status, $(($(date +%s) - start)) s"
if [ "$status" -ne 0 ]; then
  grep -E 'FAIL|Error' "$work/test.log" | head -40
  echo "fresh-clone-check: FAILED: npm test"
  exit 1
fi
grep -q 'Outside tools missing' "$work/test.log" || {
  echo "fresh-clone-check: FAILED: no list of skipped tools, though the tools were hidden"
  exit 1
}
echo "fresh-clone-check: passed"
