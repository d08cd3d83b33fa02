// Extracts the generator's compact vocabulary from installed npm packages.
// Usage: node extract.mjs NODE_MODULES_DIR OUT_DIR   (fetch.sh calls it)
// Output is sorted and free of timestamps so that reruns are byte-identical.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, out] = process.argv.slice(2);
if (!modules || !out) {
  console.error('usage: node extract.mjs NODE_MODULES_DIR OUT_DIR');
  process.exit(2);
}

const WORD_COUNT = 30000;
const VERSE_COUNT = 3000;

const isHan = (ch) => ch >= '\u4e00' && ch <= '\u9fff';
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

async function openccTable(name) {
  const url = pathToFileURL(join(modules, 'opencc-js/dist/esm-lib/dict', `${name}.js`));
  const text = (await import(url.href)).default;
  const table = new Map();
  for (const entry of text.split('|')) {
    const [key, ...candidates] = entry.split(' ');
    table.set(key, candidates);
  }
  return table;
}

const st = await openccTable('STCharacters');
const ts = await openccTable('TSCharacters');

// A character OpenCC would fold to something else is not Simplified; keeping
// such characters out of the vocabulary keeps every generated title a fixed
// point of Traditional-to-Simplified folding, so uniqueness survives folding.
const foldsAway = new Set();
for (const [key, candidates] of ts) {
  if (candidates[0] !== key) foldsAway.add(key);
}

// Only one-to-one pairs: the Traditional spelling of a link target must fold
// back to exactly the Simplified title, whatever table the viewer uses.
const s2t = [];
for (const [simplified, candidates] of st) {
  if (simplified.length !== 1 || !isHan(simplified) || foldsAway.has(simplified)) continue;
  if (candidates.length !== 1) continue;
  const traditional = candidates[0];
  if (traditional === simplified || traditional.length !== 1 || !isHan(traditional)) continue;
  const back = ts.get(traditional);
  if (!back || back.length !== 1 || back[0] !== simplified) continue;
  s2t.push(`${simplified}\t${traditional}`);
}
s2t.sort(byCodePoint);
writeFileSync(join(out, 's2t.tsv'), s2t.join('\n') + '\n');

// jieba's dictionary: "word frequency tag" with frequencies counted from real
// text, which is what gives the generated bodies a natural Zipf shape.
const morpheme = /g$/; // zg, ng, vg, ...: bound morphemes, not words
const dropped = new Set(['x', 'eng', 'e', 'o']);
const words = [];
for (const line of readFileSync(join(modules, '@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
  const [word, freqText, tag] = line.trim().split(' ');
  if (!word || !tag) continue;
  const freq = Number(freqText);
  if (!(freq > 0) || morpheme.test(tag) || dropped.has(tag)) continue;
  const chars = [...word];
  if (chars.length > 6 || !chars.every(isHan) || chars.some((c) => foldsAway.has(c))) continue;
  if (chars.length === 1 && tag.startsWith('nr')) continue; // lone surnames
  words.push({ word, freq, tag });
}
words.sort((a, b) => b.freq - a.freq || byCodePoint(a.word, b.word));
const seen = new Set();
const kept = [];
for (const w of words) {
  if (seen.has(w.word)) continue;
  seen.add(w.word);
  kept.push(`${w.word}\t${w.freq}\t${w.tag}`);
  if (kept.length === WORD_COUNT) break;
}
writeFileSync(join(out, 'words.tsv'), kept.join('\n') + '\n');

// Song ci lines (already Simplified in chinese-poetry) for quotations.
const songci = join(modules, 'chinese-poetry/dist/songci');
const files = readdirSync(songci)
  .filter((f) => /^ci\.song\.\d+\.json$/.test(f))
  .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
const verseShape = /^[\u4e00-\u9fff，、；：！？]{4,22}[。！？]$/u;
const candidates = [];
const seenVerse = new Set();
for (const file of files) {
  for (const poem of JSON.parse(readFileSync(join(songci, file), 'utf8'))) {
    for (const raw of poem.paragraphs ?? []) {
      const line = raw.trim();
      if (!verseShape.test(line) || [...line].some((c) => foldsAway.has(c))) continue;
      if (seenVerse.has(line)) continue;
      seenVerse.add(line);
      candidates.push(line);
    }
  }
}
const stride = Math.max(1, Math.floor(candidates.length / VERSE_COUNT));
const verses = [];
for (let i = 0; i < candidates.length && verses.length < VERSE_COUNT; i += stride) verses.push(candidates[i]);
writeFileSync(join(out, 'verses.txt'), verses.join('\n') + '\n');

console.log(`words.tsv ${kept.length}, s2t.tsv ${s2t.length}, verses.txt ${verses.length}`);
