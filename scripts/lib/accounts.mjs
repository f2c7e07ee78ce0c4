import path from 'node:path';
import { formatAccounts, writeAccounts } from './sim/accounts.mjs';

/** The demo accounts with their passwords, shown once and saved to .data/demo-accounts.txt (owner-only), where the simulator reads them. */
export function printAccounts(accounts, dataDir) {
  console.log('\n' + formatAccounts(accounts));
  writeAccounts(path.join(dataDir, 'demo-accounts.txt'), accounts);
}
