import path from 'node:path';

/** Every setting the product reads from its environment, typed and in one place. */
export interface Config {
  /** Port to listen on (PORT, default 3000). */
  port: number;
  /** Address to bind (HOST, default 127.0.0.1). */
  host: string;
  /** Embedded PostgreSQL data, uploads and the mail outbox live here (DATA_DIR, default ./data). */
  dataDir: string;
  /** An external PostgreSQL server (DATABASE_URL); unset, the embedded one is used. */
  databaseUrl?: string;
  /** Outgoing mail server (SMTP_URL); unset, mail is written as .eml files to dataDir/outbox. */
  smtpUrl?: string;
  /** Public address used in links in mail, feeds and sitemaps (BASE_URL, default http://HOST:PORT). */
  baseUrl: string;
  /** Sender address of outgoing mail (MAIL_FROM). */
  mailFrom: string;
  /** Run the job workers inside the web process (RUN_WORKERS, default true; `passerelle worker` runs them alone). */
  runWorkers: boolean;
  /** Log level for the server (LOG_LEVEL, default info; "silent" in tests). */
  logLevel: string;
  /** Largest accepted request body in bytes (BODY_LIMIT, default 1 MiB; uploads set their own). */
  bodyLimit: number;
  /** Cookies get the Secure flag when the public address is https. */
  secureCookies: boolean;
  /** Newsletter messages sent per second by one sender (NEWSLETTER_RATE, default 20). */
  newsletterRate: number;
  /** Shared secret of POST /api/v1/newsletter/bounces (BOUNCE_TOKEN); unset, the endpoint answers 404. */
  bounceToken?: string;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const port = parsePort(env.PORT ?? '3000');
  const host = env.HOST || '127.0.0.1';
  const baseUrl = (env.BASE_URL || `http://${host}:${port}`).replace(/\/+$/, '');
  const config: Config = {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    baseUrl,
    mailFrom: env.MAIL_FROM || 'Passerelle GSEF <no-reply@passerelle.local>',
    runWorkers: env.RUN_WORKERS !== 'false',
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimit: Number(env.BODY_LIMIT) > 0 ? Number(env.BODY_LIMIT) : 1024 * 1024,
    secureCookies: baseUrl.startsWith('https://'),
    newsletterRate: Number(env.NEWSLETTER_RATE) > 0 ? Number(env.NEWSLETTER_RATE) : 20,
    bounceToken: env.BOUNCE_TOKEN || undefined,
    ...overrides,
  };
  // A short shared secret could be guessed through the bounce endpoint.
  if (config.bounceToken !== undefined && config.bounceToken.length < 32) {
    throw new Error('BOUNCE_TOKEN must be at least 32 characters long (for example: openssl rand -hex 32)');
  }
  return config;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

/** The connection string without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
