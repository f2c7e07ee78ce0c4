// The demo accounts file `npm start` writes on first start (.data/demo-accounts.txt):
// one line per account, "role username password   (scope)".
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export function formatAccounts(accounts) {
  const lines = accounts.map((a) => `  ${a.role.padEnd(16)} ${a.username.padEnd(24)} ${a.password}${a.scope ? `   (${a.scope})` : ''}`);
  return `Demo accounts (shown once; also saved to .data/demo-accounts.txt):\n${lines.join('\n')}\n`;
}

export function writeAccounts(file, accounts) {
  writeFileSync(file, formatAccounts(accounts));
  chmodSync(file, 0o600);
}

export function parseAccounts(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^\s+(\w+)\s+(\S+)\s+(\S+)(?:\s+\((.*)\))?\s*$/.exec(line);
    if (m) out.push({ role: m[1], username: m[2], password: m[3], scope: m[4] ?? '' });
  }
  return out;
}

export function readAccounts(file) {
  if (!existsSync(file)) return null;
  return parseAccounts(readFileSync(file, 'utf8'));
}
