#!/usr/bin/env bash
# Copies new real cases of a corpus folder into testdata/corpus (flat: a case of its
# pending/ folder lands beside the others) and lists what it copied. Existing files are
# never overwritten: a changed ground truth is shown as a diff for a person to take.
#
#   scripts/sync-corpus.sh SOURCE_CORPUS_DIR
set -euo pipefail
src=${1:?usage: scripts/sync-corpus.sh SOURCE_CORPUS_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
dst=$root/testdata/corpus
find "$src" -type f ! -name 'README.md' | sort | while read -r f; do
  rel=${f#"$src"/}
  case $rel in
    bench/*) target=$dst/$rel ;;
    *) target=$dst/$(basename "$rel") ;;
  esac
  if [ ! -e "$target" ]; then
    mkdir -p "$(dirname "$target")"
    cp "$f" "$target"
    echo "new: ${target#"$root"/}"
  elif ! cmp -s "$f" "$target"; then
    echo "differs (not copied): $rel"
  fi
done
