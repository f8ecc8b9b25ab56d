import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { ContentMemo } from '../db/content-memo.ts';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import type { DisplayLevel, DisplayPolicy } from '../i18n/translatable.ts';

/** The secretariat's choice per language (translation_language_settings, migration 0640). */
export interface LanguageSetting {
  lang: Lang;
  /** What public pages show in this language: approved texts only, human drafts too, or machine drafts too. */
  publicShows: DisplayLevel;
  /** Approving needs a second person (the approver is not the last one who wrote the text). */
  secondApproval: boolean;
}

export const DISPLAY_LEVELS: readonly DisplayLevel[] = ['approved', 'human', 'machine'];

export async function languageSettings(db: Kysely<DB>): Promise<Record<Lang, LanguageSetting>> {
  const { rows } = await sql<{ lang: Lang; public_shows: DisplayLevel; second_approval: boolean }>`
    SELECT lang, public_shows, second_approval FROM translation_language_settings`.execute(db);
  const settings = Object.fromEntries(LANGS.map((lang) => [lang, { lang, publicShows: 'machine', secondApproval: false }])) as Record<Lang, LanguageSetting>;
  for (const row of rows) settings[row.lang] = { lang: row.lang, publicShows: row.public_shows, secondApproval: row.second_approval };
  return settings;
}

const TTL_MS = 5000;

/**
 * The display policy of public pages, read at most every 5 seconds per process, and again as soon
 * as the page cache is cleared (a settings save clears it), like the site settings; read once for
 * all the requests waiting for it.
 */
class DisplayPolicyStore {
  private readonly memo: ContentMemo<DisplayPolicy>;

  constructor(ctx: AppContext) {
    this.memo = new ContentMemo(() => ctx.pageCache.generation, async () => {
      const settings = await languageSettings(ctx.db);
      return Object.fromEntries(LANGS.map((lang) => [lang, settings[lang].publicShows])) as DisplayPolicy;
    }, TTL_MS);
  }

  async current(): Promise<DisplayPolicy> {
    try {
      return await this.memo.get();
    } catch {
      // The database is away: an error page is drawn anyway; show what was known.
      return this.memo.last ?? {};
    }
  }
}

const ADMIN_PATH = /^\/(en|fr|es|ko)\/admin(\/|\?|$)/;

/**
 * Public pages render under the secretariat's display policy (sendPage reads
 * request.displayPolicy); the back-office shows every text as it is.
 */
export function registerDisplayPolicy(app: FastifyInstance): void {
  const store = new DisplayPolicyStore(app.ctx);
  app.decorateRequest('displayPolicy', null as unknown as DisplayPolicy | null);
  app.addHook('onRequest', async (request) => {
    request.displayPolicy = request.method === 'GET' && !ADMIN_PATH.test(request.url) ? await store.current() : null;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What public pages show per language (null on back-office pages: everything). */
    displayPolicy: DisplayPolicy | null;
  }
}
