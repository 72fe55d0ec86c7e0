#!/usr/bin/env bash
# Splits a MIDI data folder (as ../shared/data/midi) by FILE into OUT/train and OUT/heldout, as symbolic links,
# so that no clip of a held-out piece is ever seen in training. In every folder that holds MIDI files the files
# are sorted by name and every tenth one (positions 5, 15, 25, ...) is held out. Folders without MIDI files
# (e.g. the WJazzD beat tables) are linked into both halves so that solos still find their beat grid.
# Usage: scripts/midi-split.sh SRC OUT
set -euo pipefail
src=$(cd "${1:?usage: midi-split.sh SRC OUT}" && pwd)
out=${2:?usage: midi-split.sh SRC OUT}
rm -rf "$out/train" "$out/heldout"
mkdir -p "$out/train" "$out/heldout"
while IFS= read -r dir; do
  rel=${dir#"$src"}; rel=${rel#/}
  mapfile -t files < <(find "$dir" -maxdepth 1 -type f \( -iname '*.mid' -o -iname '*.midi' \) -printf '%f\n' | LC_ALL=C sort)
  if [ "${#files[@]}" -eq 0 ]; then
    if find "$dir" -maxdepth 1 -type f | grep -q .; then
      for half in train heldout; do mkdir -p "$out/$half/$(dirname "$rel")"; ln -s "$dir" "$out/$half/$rel"; done
    fi
    continue
  fi
  mkdir -p "$out/train/$rel" "$out/heldout/$rel"
  for i in "${!files[@]}"; do
    half=train; [ $((i % 10)) -eq 5 ] && half=heldout
    ln -s "$dir/${files[$i]}" "$out/$half/$rel/${files[$i]}"
  done
done < <(find "$src" -mindepth 1 -type d | LC_ALL=C sort)
echo "train: $(find -L "$out/train" -type f \( -iname '*.mid' -o -iname '*.midi' \) | wc -l) files; heldout: $(find -L "$out/heldout" -type f \( -iname '*.mid' -o -iname '*.midi' \) | wc -l) files"
