// Reads {"config": "s2twp", "texts": ["…", …]} as JSON on stdin and writes
// the texts converted by opencc-js (full preset) as a JSON array on stdout.
// tests/WikiViewer.Tests/Text/OpenCcDifferentialTests.cs runs it.
import { ConverterBuilder } from 'opencc-js/core';
import * as preset from 'opencc-js/preset';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { config, texts } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

// ConverterBuilder picks preset.configs[name] from the from/to pair.
const pairs = {
  s2t: ['cn', 't'], t2s: ['t', 'cn'], s2tw: ['cn', 'tw'], s2twp: ['cn', 'twp'],
  tw2s: ['tw', 'cn'], tw2sp: ['twp', 'cn'], s2hk: ['cn', 'hk'], hk2s: ['hk', 'cn'],
  t2tw: ['t', 'tw'], t2hk: ['t', 'hk'], tw2t: ['tw', 't'], hk2t: ['hk', 't'],
};
const pair = pairs[config];
if (!pair || !preset.configs[config]) {
  console.error(`convert.mjs: unknown config ${JSON.stringify(config)}`);
  process.exit(2);
}
const convert = ConverterBuilder(preset)({ from: pair[0], to: pair[1] });
process.stdout.write(JSON.stringify(texts.map((t) => convert(t))));
