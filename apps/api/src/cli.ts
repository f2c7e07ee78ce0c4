// Operator commands for an installation (inside the API image: `node apps/api/dist/cli.js <command>`).
// A fresh production database has no accounts: `create-admin` makes the first one.
import { auditRepository, createDatabase, generatePassword, hashPassword, runMigrations, seedDemo, staffRepository } from '@motcua/db';
import { loadCliConfig } from './config/config.js';

const usage = `Usage: node apps/api/dist/cli.js <command>

  migrate                    apply the database migrations (the API also does it at start unless RUN_MIGRATIONS=false)
  create-admin <username>    create a system administrator, or reset one's password; prints a temporary
                             password once, which must be changed at the first sign-in
  seed-demo [--json]         the demo province (centers, counters, procedures, accounts; no history), to
                             try out a deployment; only on an empty database; prints the demo accounts

Reads DATABASE_URL.`;

async function createAdmin(url: string, username: string | undefined): Promise<void> {
  if (!username || !/^[a-z0-9._-]{3,40}$/.test(username)) throw new Error('give a username of 3–40 lower-case letters, digits, ".", "_" or "-".');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const handle = createDatabase(url, { max: 1, applicationName: 'motcua-cli' });
  try {
    const created = await handle.db.transaction(async (tx) => {
      const existing = await staffRepository.findByUsername(tx, username);
      const id = existing
        ? existing.id
        : (await staffRepository.create(tx, { username, passwordHash, mustChangePassword: true, fullName: 'Quản trị hệ thống', active: true })).id;
      if (existing) await staffRepository.setPassword(tx, id, passwordHash, new Date(), true);
      await staffRepository.replaceRoles(tx, id, [{ role: 'admin', scopeUnitId: null, scopeCenterId: null }]);
      await auditRepository.append(tx, { actorId: null, action: existing ? 'cli.reset_admin' : 'cli.create_admin', entity: 'staff', entityId: id, before: null, after: { username, roles: ['admin'] } });
      return !existing;
    });
    console.log(`${created ? 'Created' : 'Reset'} the administrator "${username}". Temporary password (shown once, change it at the first sign-in):\n\n  ${password}\n`);
  } finally {
    await handle.close();
  }
}

async function demo(url: string, json: boolean): Promise<void> {
  const handle = createDatabase(url, { max: 2, applicationName: 'motcua-cli' });
  try {
    const seeded = await seedDemo(handle.db);
    if (!seeded.created) throw new Error('the database already holds units: the demo is only seeded into an empty installation.');
    if (json) console.log(JSON.stringify(seeded.accounts));
    else for (const a of seeded.accounts) console.log(`${a.username.padEnd(22)} ${a.password}  ${a.role} (${a.scope})`);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') return void console.log(usage);
  const { DATABASE_URL } = loadCliConfig();
  if (command === 'migrate') return runMigrations(DATABASE_URL);
  if (command === 'create-admin') return createAdmin(DATABASE_URL, rest[0]);
  if (command === 'seed-demo') return demo(DATABASE_URL, rest.includes('--json'));
  throw new Error(`unknown command "${command}".\n\n${usage}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`motcua: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
