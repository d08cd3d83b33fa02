// Writes the dictionaries that opencc-js's full preset uses for the configs
// WikiViewer offers as `key<TAB>value` text files, one per dictionary, holding
// exactly the pairs opencc-js's Trie.loadDict loads. Called by generate.sh.
//
//   node export-dicts.mjs <opencc-js package dir> <output dir>
//
// Prints one line per config ("s2twp\tseg=A,B\tchain=A,B|C,D") on stdout so
// generate.sh can document what the C# engine must reproduce.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkgDir, outDir] = process.argv.slice(2);
if (!pkgDir || !outDir) {
  fail('usage: node export-dicts.mjs <opencc-js package dir> <output dir>');
}

// The configs WikiViewer.Text.OpenCcConverter offers.
const offered = ['s2t', 't2s', 's2tw', 's2twp', 'tw2s', 'tw2sp', 's2hk', 'hk2s', 't2tw', 't2hk', 'tw2t', 'hk2t'];

const esm = path.join(pkgDir, 'dist', 'esm-lib');
const { configs } = await import(pathToFileURL(path.join(esm, 'preset', 'full.js')).href);

// The preset refers to dictionaries by value; name them by the module each
// came from, so the README and the C# code can use OpenCC's names.
const names = new Map();
for (const file of fs.readdirSync(path.join(esm, 'dict')).sort()) {
  const dict = (await import(pathToFileURL(path.join(esm, 'dict', file)).href)).default;
  if (names.has(dict)) {
    fail(`dict/${file} has the same content as ${names.get(dict)}: cannot tell them apart`);
  }
  names.set(dict, path.basename(file, '.js'));
}
const nameOf = (dict) => names.get(dict) ?? fail('a config uses a dictionary that is not in dist/esm-lib/dict');

const used = new Map();
for (const config of offered) {
  const c = configs[config] ?? fail(`the preset has no config ${config}`);
  const groups = (g) => g.map((group) => group.map((dict) => { used.set(nameOf(dict), dict); return nameOf(dict); }).join(','));
  // Trie.segment only needs keys, and ConverterFactoryWithSegmentation loads
  // a list of dictionaries as a group; a single one would be loadDict'ed.
  const segmentation = c.segmentation == null ? '' : groups([Array.isArray(c.segmentation) ? c.segmentation : [c.segmentation]])[0];
  const normalization = c.normalizationChain == null ? '' : groups(c.normalizationChain).join('|');
  console.log(`${config}\tnorm=${normalization}\tseg=${segmentation}\tchain=${groups(c.conversionChain).join('|')}`);
}

fs.mkdirSync(outDir, { recursive: true });
for (const [name, dict] of [...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const pairs = load(name, dict);
  const rows = [...pairs].sort(([a], [b]) => compareCodePoints(a, b)).map(([k, v]) => `${k}\t${v}\n`);
  fs.writeFileSync(path.join(outDir, `${name}.txt`), rows.join(''), 'utf8');
}

// Trie.loadDict: "a b|c d" or [["a","b"],["c","d"]]; a later pair with the
// same key overwrites the earlier one (Trie.addWord sets trie_val again).
function load(name, dict) {
  const entries = typeof dict === 'string'
    ? dict.split('|').map((line, i) => {
      const fields = line.split(' ');
      // loadDict would silently take the first candidate of "k v1 v2"; the
      // 1.4.2 data has none, and a new release that has them deserves a look.
      if (fields.length !== 2) fail(`${name}: entry ${i + 1} ${JSON.stringify(line)} is not "key value"`);
      return fields;
    })
    : dict;
  const pairs = new Map();
  let overridden = 0;
  entries.forEach(([key, value], i) => {
    const where = `${name}: entry ${i + 1}`;
    if (typeof key !== 'string' || typeof value !== 'string') fail(`${where}: not a pair of strings`);
    if (key === '') fail(`${where}: empty key`);
    if (value === '') fail(`${where}: empty value for ${JSON.stringify(key)}`);
    for (const s of [key, value]) {
      if (/[\t\n\r|]/.test(s)) fail(`${where}: tab, line break or '|' in ${JSON.stringify(s)}`);
      if (!s.isWellFormed()) fail(`${where}: lone surrogate in ${JSON.stringify(s)}`);
    }
    if (pairs.has(key)) overridden++;
    pairs.set(key, value);
  });
  if (overridden > 0) console.error(`export-dicts: ${name}: ${overridden} later duplicate keys override earlier ones`);
  return pairs;
}

// JavaScript's default sort compares UTF-16 units, which puts a supplementary
// character before U+E000..U+FFFF; code-point order is UTF-8 byte order.
function compareCodePoints(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function fail(message) {
  console.error(`export-dicts: ${message}`);
  process.exit(1);
}
