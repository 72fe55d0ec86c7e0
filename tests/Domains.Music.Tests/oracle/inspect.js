// Oracle for MidiInspector tests: reads MIDI paths (one per line) on stdin and prints one JSON line per file
// with what two public parsers (midi-file, @tonejs/midi) report: format, track count, ppq and note count.
'use strict';
const fs = require('fs');
const { parseMidi } = require('midi-file');
const { Midi } = require('@tonejs/midi');

const paths = fs.readFileSync(0, 'utf8').split('\n').map(s => s.trim()).filter(Boolean);
for (const path of paths) {
  const out = { path };
  const bytes = fs.readFileSync(path);
  try {
    const m = parseMidi(bytes);
    let notes = 0;
    for (const t of m.tracks) for (const e of t) if (e.type === 'noteOn' && e.velocity > 0) notes++;
    out.midiFile = { format: m.header.format, tracks: m.header.numTracks, ppq: m.header.ticksPerBeat, notes };
  } catch (err) { out.midiFileError = String(err.message || err); }
  try {
    const t = new Midi(bytes);
    out.tone = { ppq: t.header.ppq, notes: t.tracks.reduce((n, tr) => n + tr.notes.length, 0) };
  } catch (err) { out.toneError = String(err.message || err); }
  process.stdout.write(JSON.stringify(out) + '\n');
}
