import type { UploadGate } from './web/upload-gate.ts';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Config } from './config.ts';
import type { DB } from './db/types.ts';
import type { Lang, Translator } from './i18n/i18n.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Mailer } from './mail/mailer.ts';
import type { PageCache } from './web/page-cache.ts';
import type { FileStorage } from './storage/storage.ts';
import type { SiteSettingsStore } from './site/settings.ts';

/** What the composition root builds once and hands to every module. */
export interface AppContext {
  config: Config;
  db: Kysely<DB>;
  pool: pg.Pool;
  mailer: Mailer;
  jobs: JobQueue;
  pageCache: PageCache;
  files: FileStorage;
  /** Bounds the multipart bodies read at once (web/upload-gate.ts). */
  uploads: UploadGate;
  /** The site's name, logo and colours, read again after each content change (site/settings.ts). */
  site: SiteSettingsStore;
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  roles: string[];
  lang: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** The page's language: its URL prefix, or the best match for Accept-Language elsewhere. */
    lang: Lang;
    t: Translator;
    user: SessionUser | null;
  }
}
