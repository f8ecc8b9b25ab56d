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
  /** SMTP connections one newsletter sender keeps open in parallel (NEWSLETTER_CONNECTIONS, default 16). */
  newsletterConnections: number;
  /** Shared secret of POST /api/v1/newsletter/bounces (BOUNCE_TOKEN); unset, the endpoint answers 404. */
  bounceToken?: string;
  /**
   * Uploaded files in S3-compatible object storage instead of DATA_DIR/files (FILE_STORAGE_URL):
   * `s3://ACCESS_KEY:SECRET@BUCKET/PREFIX?endpoint=https://host:9000&region=eu-west-3&path_style=true`.
   * BUCKET is required; PREFIX (a folder inside the bucket), `endpoint` (any S3-compatible server;
   * omitted, AWS S3), `region` (default us-east-1) and `path_style=true` (bucket in the path, as
   * MinIO and most self-hosted servers want) are optional; without KEY:SECRET the AWS SDK's usual
   * credentials are used (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, an instance role).
   */
  fileStorageUrl?: string;
  /** Bearer token of GET /metrics (METRICS_TOKEN, at least 32 characters); unset, /metrics answers 404. */
  metricsToken?: string;
  /** Folder the scheduled backup writes into (BACKUP_DIR); unset, no scheduled backups. */
  backupDir?: string;
  /** Time of the daily backup, HH:MM in UTC (BACKUP_TIME, default 03:00). */
  backupTime: string;
  /** Scheduled backups kept in BACKUP_DIR, the newest ones (BACKUP_KEEP, default 7). */
  backupKeep: number;
  /** The Apertium program making machine drafts (APERTIUM_BIN, default "apertium" from PATH); absent, no drafts are made. */
  apertiumBinary: string;
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
    newsletterConnections: Number.isInteger(Number(env.NEWSLETTER_CONNECTIONS)) && Number(env.NEWSLETTER_CONNECTIONS) > 0 ? Math.min(Number(env.NEWSLETTER_CONNECTIONS), 32) : 16,
    bounceToken: env.BOUNCE_TOKEN || undefined,
    fileStorageUrl: env.FILE_STORAGE_URL || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    backupDir: env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : undefined,
    backupTime: env.BACKUP_TIME || '03:00',
    backupKeep: env.BACKUP_KEEP ? Number(env.BACKUP_KEEP) : 7,
    apertiumBinary: env.APERTIUM_BIN || 'apertium',
    ...overrides,
  };
  if (config.fileStorageUrl && !config.fileStorageUrl.startsWith('s3://')) {
    throw new Error('FILE_STORAGE_URL must start with s3:// (unset, files are kept under DATA_DIR/files)');
  }
  if (config.metricsToken !== undefined && config.metricsToken.length < 32) {
    throw new Error('METRICS_TOKEN must be at least 32 characters (for example: openssl rand -hex 32)');
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(config.backupTime)) {
    throw new Error(`BACKUP_TIME must be a time of day HH:MM in UTC, such as 03:00, not "${config.backupTime}"`);
  }
  if (!Number.isInteger(config.backupKeep) || config.backupKeep < 1 || config.backupKeep > 1000) {
    throw new Error(`BACKUP_KEEP must be a whole number from 1 to 1000, not "${env.BACKUP_KEEP}"`);
  }
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
