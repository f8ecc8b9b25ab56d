import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { addUser, DuplicateEmailError } from './auth/accounts.ts';
import { newUserForm } from './auth/forms.ts';
import { buildApp } from './app.ts';
import { loadConfig, redactUrl, type Config } from './config.ts';
import { backup, BackupError, restore, verifyBackup } from './db/backup.ts';
import { createFileStorage } from './storage/create.ts';
import { openDatabase, type Database } from './db/database.ts';
import { stopOnSignalsByOwner } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { parseInput } from './web/forms.ts';
import { collectGarbageWhenIdle } from './web/idle-gc.ts';

/** `passerelle <command>`: the product's command line. */
interface Command {
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  run(args: { values: Record<string, any>; positionals: string[]; config: Config }): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  start: {
    summary: 'Serve the site (migrating, and seeding an empty database, first)',
    usage: 'passerelle start',
    run: async ({ config }) => serve(config),
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'passerelle migrate',
    run: ({ config }) => withDatabase(config, async (database) => {
      const applied = await migrate(database.pool);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    }),
  },
  seed: {
    summary: 'Load the GSEF dataset (idempotent: running it again changes nothing)',
    usage: 'passerelle seed',
    run: ({ config }) => withDatabase(config, async (database) => {
      await migrate(database.pool);
      await (await loadSeed()).seed(database.db);
      console.log('the GSEF dataset is loaded');
    }),
  },
  user: {
    summary: 'Create an account: user add --email E --role R [--role R2] [--name N] [--lang fr] [--password-stdin]',
    usage: 'passerelle user add --email EMAIL --role ROLE [--role ROLE] [--name NAME] [--lang en|fr|es|ko] [--password-stdin]',
    options: {
      email: { type: 'string' },
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
      lang: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    run: async ({ values, positionals, config }) => {
      if (positionals[0] !== 'add') throw new UsageError('the only user command is "add"');
      const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : '';
      const parsed = parseInput(newUserForm, { email: values.email, roles: values.role, name: values.name ?? '', lang: values.lang, password });
      if (!parsed.ok) {
        throw new UsageError(Object.entries(parsed.fields).map(([field, key]) => `--${field === 'roles' ? 'role' : field}: ${key.replace('validation.', '')}`).join('; '));
      }
      await withDatabase(config, async (database) => {
        await migrate(database.pool);
        const id = await addUser(database.db, parsed.data, null).catch((error) => {
          throw error instanceof DuplicateEmailError ? new UsageError(`an account with ${error.message} already exists`) : error;
        });
        console.log(`created user #${id} ${parsed.data.email} (${parsed.data.roles.join(', ')})`);
      });
    },
  },
  backup: {
    summary: 'Write the database and the uploaded files to one file (a gzipped tar), or check one with --verify',
    usage: 'passerelle backup FILE | passerelle backup --verify FILE',
    options: { verify: { type: 'boolean' } },
    run: async ({ values, positionals, config }) => {
      const file = requireFile(positionals);
      if (values.verify) {
        const found = await verifyBackup(file);
        console.log(`${file} is a complete backup taken ${found.takenAt}: ${found.rows} rows of ${found.tables} tables, ${found.files} files, every checksum right`);
        return;
      }
      await withDatabase(config, async (database) => {
        const { tables, rows, files } = await backup(database.pool, await createFileStorage(config), file);
        console.log(`backed up ${rows} rows of ${tables} tables and ${files} files to ${file}`);
      });
    },
  },
  restore: {
    summary: 'Bring back a backup\'s rows and files, all or nothing (onto a database holding data: --replace)',
    usage: 'passerelle restore FILE [--replace]',
    options: { replace: { type: 'boolean' } },
    run: ({ values, positionals, config }) => withDatabase(config, async (database) => {
      const file = requireFile(positionals);
      await migrate(database.pool);
      const { rows, files } = await restore(database.pool, await createFileStorage(config), file, { replace: Boolean(values.replace) }).catch((error) => {
        throw error instanceof BackupError ? new UsageError(error.message) : error;
      });
      console.log(`restored ${rows} rows and ${files} files from ${file}`);
    }),
  },
  'import-booklet': {
    summary: 'Import a forum booklet (text form) into an event\'s programme and the initiatives archive',
    usage: 'passerelle import-booklet FILE --event SLUG [--dry-run]',
    options: { event: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    run: async ({ values, positionals, config }) => {
      if (!values.event) throw new UsageError('--event SLUG is required');
      const file = requireFile(positionals);
      await withDatabase(config, async (database) => {
        await migrate(database.pool);
        const { importBookletCommand } = await import('./initiatives/cli.ts');
        const ok = await importBookletCommand(database.db, { file, eventSlug: values.event, dryRun: Boolean(values['dry-run']) });
        if (!ok) throw new Error('the booklet has errors; nothing was imported');
      });
    },
  },
  worker: {
    summary: 'Run the background jobs only (no web server), to scale them apart from the site',
    usage: 'passerelle worker',
    run: async ({ config }) => serve({ ...config, runWorkers: true }, { listen: false }),
  },
};

class UsageError extends Error {}

// The dataset is large: only the seed command imports it (a first `start` runs that command as a child).
const loadSeed = () => import('./seed/load.ts');

/** True on first start: the database holds no GSEF data yet. */
async function isEmpty(database: Database): Promise<boolean> {
  return !(await database.db.selectFrom('organisation_profile').select('id').executeTakeFirst());
}

function requireFile(positionals: string[]): string {
  if (!positionals[0]) throw new UsageError('a file name is required');
  return positionals[0];
}

/** A command's database: the running server's embedded PostgreSQL if one runs on DATA_DIR. */
async function withDatabase(config: Config, work: (database: Database) => Promise<void>): Promise<void> {
  const command = `passerelle ${process.argv[2] ?? ''}`.trim();
  const database = await openDatabase(config, (message) => console.error(message), { role: 'command', command });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

async function serve(config: Config, { listen = true } = {}): Promise<void> {
  const database = await openDatabase(config, (message) => console.error(message), { role: 'server', command: listen ? 'passerelle start' : 'passerelle worker' });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const shutdown = async (signal: string) => {
    console.error(`${signal}: shutting down`);
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  stopOnSignalsByOwner();
  try {
    await migrate(database.pool);
    if (await isEmpty(database)) await seedInChildProcess(database);
    app = await buildApp({ config, database });
    collectGarbageWhenIdle(app);
    if (listen) {
      await app.listen({ port: config.port, host: config.host });
      console.error(`Passerelle serves ${config.baseUrl} (database: ${config.databaseUrl ? redactUrl(config.databaseUrl) : `embedded, ${config.dataDir}/pg`})`);
    } else {
      await app.ready();
      console.error('Passerelle worker is running');
    }
  } catch (error) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * First start: `passerelle seed` runs as a child process on the same database, so what seeding takes
 * (the dataset, the gazetteer, its connection's caches: about 100 MB) is handed back to the system
 * when it exits instead of staying in the server's heap for as long as the site runs.
 */
async function seedInChildProcess(database: Database): Promise<void> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell which script to run for seeding');
  const child = spawn(process.execPath, [...process.execArgv, script, 'seed'], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`loading the GSEF dataset failed (the seed process ended with ${code})`);
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Usage: passerelle <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Environment: PORT, HOST, DATA_DIR, DATABASE_URL, SMTP_URL, BASE_URL (see README.md).',
    'Run "passerelle <command> --help" for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(`Usage: ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    await command.run({ values, positionals, config: loadConfig() });
    return 0;
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`passerelle ${name}: ${(error as Error).message}${isUsage ? `\nUsage: ${command.usage}` : ''}`);
    return isUsage ? 2 : 1;
  }
}
