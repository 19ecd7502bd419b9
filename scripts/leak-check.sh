#!/usr/bin/env bash
# Runs eqgeom commands that exercise every FLINT-owning type under valgrind and fails on any
# definitely or indirectly lost block. Needs valgrind (apt-get install valgrind) and a debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product eqgeom >&2
B=.build/debug/eqgeom
status=0
while read -r line; do
  [ -z "$line" ] && continue
  valgrind=(valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9)
  out=$(eval "${valgrind[*]}" "$B" "$line" 2>&1 >/dev/null) || {
    echo "LEAK or error: eqgeom $line"; echo "$out" | grep -E "lost|ERROR SUMMARY"; status=1; continue; }
  echo "clean: eqgeom $line ($(echo "$out" | grep -o 'definitely lost: [0-9,]* bytes'))"
done <<'CMDS'
components show --perm "(1 3 4)(2 5)" --rank 4 --tuple 2,1,0
components count --cycle-type 28^28 --rank 99 --all-ranks
components random --cycle-type 5,5 --rank 5 --count 20
invariant --gen "(1 2)" --gen "(1 2 3 4 5)" --rows 3 --rank 2
determinantal --rows 6 --cols 9 --rank 3
basis --image 3x3 --rotate 90 --certify --exact
mask --perm "(1 2 3 4)(5 6)" --rank 4 --tuple 1,1,1
layer --gen "(1 2 3)" --n 4 --in-power 2 --out-power 1
CMDS
exit $status
