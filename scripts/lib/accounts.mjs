import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The demo accounts with their passwords, shown once and saved to .data/demo-accounts.txt (owner-only). */
export function printAccounts(accounts, dataDir) {
  const lines = accounts.map((a) => `  ${a.role.padEnd(16)} ${a.username.padEnd(24)} ${a.password}${a.scope ? `   (${a.scope})` : ''}`);
  const text = `Demo accounts (shown once; also saved to .data/demo-accounts.txt):\n${lines.join('\n')}\n`;
  console.log('\n' + text);
  const file = path.join(dataDir, 'demo-accounts.txt');
  writeFileSync(file, text);
  chmodSync(file, 0o600);
}
