#!/usr/bin/env bash
# bash bench/compare.sh [ref] [group ...]: the benchmark groups (default: engine) on a git ref
# (default: main) and on this working tree, back to back in one run, alternating before/after
# twice so that a neighbour's load on the machine weighs on both. The ref's source is exported
# into a temporary folder (git archive) and run with this checkout's node_modules; each run prints
# its table and the CPU time its process used (user + sys), the engine's own cost, since the wall
# time of the engine group is set by the fake server's rate limits.
cd "$(dirname "$0")/.." || exit 1
ref=${1:-main}
shift || true
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(engine)
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
git archive "$ref" | tar -x -C "$before" || exit 1
ln -s "$PWD/node_modules" "$before/node_modules"
after=$PWD
TIMEFORMAT='  CPU: %U s user + %S s sys, %R s wall'
for round in 1 2; do
  for side in before after; do
    dir=$before label="before ($ref $(git rev-parse --short "$ref"))"
    [ "$side" = after ] && dir=$after label="after (working tree, $(git rev-parse --short HEAD))"
    for group in "${groups[@]}"; do
      echo "=== round $round, $label: $group"
      time (cd "$dir" && npx tsx bench/index.ts "$group")
    done
  done
done
