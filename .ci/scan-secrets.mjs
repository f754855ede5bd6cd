#!/usr/bin/env node
// Fails (exit 1) when a test secret from test/support/sentinels.json shows up in the given log files:
// as is, the secret part of a bot token, URL-encoded, base64 or base64url (at any offset inside an
// encoded string), or the bare SENTINEL marker (a truncated secret). Prints where and which form, never
// the secret itself. Usage: node .ci/scan-secrets.mjs <log file>...
import { readFileSync } from 'node:fs';

const MARKER = 'SENTINEL';
const { sentinels } = JSON.parse(
  readFileSync(new URL('../test/support/sentinels.json', import.meta.url), 'utf8'),
);

/** The base64 characters that depend on the secret alone, for each of its three offsets modulo 3. */
function base64Cores(secret) {
  const bytes = Buffer.from(secret, 'utf8');
  return [0, 1, 2].map((shift) => {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const tail = (shift + bytes.length) % 3 === 0 ? 0 : 1;
    return b64.slice([0, 2, 3][shift], b64.length - tail);
  });
}

/** Most specific first: a line is reported once, with the first form it contains. */
function formsOf(name, value) {
  const parts = [[name, value]];
  const colon = value.indexOf(':');
  if (/^\d+:/.test(value)) parts.push([`${name} (secret part)`, value.slice(colon + 1)]);
  const forms = [];
  for (const [label, secret] of parts) {
    forms.push({ label, text: secret });
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) {
      forms.push({ label: `${label}, URL-encoded`, text: encoded });
      forms.push({
        label: `${label}, URL-encoded`,
        text: encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      });
    }
    for (const core of base64Cores(secret)) {
      forms.push({ label: `${label}, base64`, text: core });
      forms.push({ label: `${label}, base64url`, text: core.replace(/\+/g, '-').replace(/\//g, '_') });
    }
  }
  return forms;
}

const forms = [
  ...Object.entries(sentinels).flatMap(([name, value]) => formsOf(name, value)),
  { label: `the ${MARKER} marker (part of a test secret)`, text: MARKER },
];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node .ci/scan-secrets.mjs <log file>...');
  process.exit(2);
}
const hits = [];
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const form = forms.find((f) => line.includes(f.text));
    if (form) hits.push(`${file}:${i + 1}: ${form.label}`);
  });
}
if (hits.length === 0) {
  console.log(`secrets scan: no test secret in ${files.join(', ')}`);
  process.exit(0);
}
console.log(`secrets scan: ${hits.length} line(s) of output contain a test secret:`);
for (const hit of hits.slice(0, 50)) console.log(`  ${hit}`);
if (hits.length > 50) console.log(`  … and ${hits.length - 50} more`);
process.exit(1);
