import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { translator } from '../../i18n/i18n.ts';
import { isLang, type Lang } from '../../i18n/langs.ts';
import { queueMail } from '../../mail/outbox.ts';

export const DIGEST_JOB = 'translations.digest';

/** The states that are new work for a translator. */
const NEW_WORK = ['missing', 'outdated', 'machine'] as const;

interface Recipient {
  id: number;
  email: string;
  name: string;
  lang: string;
  langs: string[];
  last: Date | null;
}

interface Count {
  lang: Lang;
  state: string;
  n: number;
}

/**
 * What became work in a translator's languages since their last digest (units that entered the
 * missing, outdated or machine state after it; the first digest looks back one day), up to `until`.
 */
async function newWork(ctx: AppContext, recipient: Recipient, until: Date): Promise<Count[]> {
  const from = recipient.last ?? new Date(until.getTime() - 86_400_000);
  const { rows } = await sql<Count>`
    SELECT lang, state, count(*)::int AS n FROM translation_units
    WHERE lang = ANY(${recipient.langs}::text[]) AND state = ANY(${[...NEW_WORK]}::text[])
      AND since > ${from} AND since <= ${until}
    GROUP BY lang, state ORDER BY lang, state`.execute(ctx.db);
  return rows;
}

function message(ctx: AppContext, recipient: Recipient, counts: Count[]) {
  const lang: Lang = isLang(recipient.lang) ? recipient.lang : 'en';
  const t = translator(lang);
  const langs = [...new Set(counts.map((count) => count.lang))];
  const lines = langs.map((target) => {
    const parts = counts.filter((count) => count.lang === target).map((count) => t(`trq.digest.count.${count.state}`, { n: count.n }));
    const link = `${ctx.config.baseUrl}/${lang}/admin/translations?lang=${target}`;
    return `${t.langName(target)}: ${parts.join(', ')}\n${link}`;
  });
  const total = counts.reduce((sum, count) => sum + count.n, 0);
  return {
    to: recipient.email,
    subject: t('trq.digest.subject', { n: total }),
    text: [t('trq.digest.greeting', { name: recipient.name || recipient.email }), t('trq.digest.intro'), ...lines, t('trq.digest.footer')].join('\n\n'),
  };
}

/**
 * The daily digest: each active translator with languages gets one mail of the new work in them,
 * in their interface language; a translator with nothing new gets nothing. Idempotent per run:
 * the mail and the new last_sent_at are committed together.
 */
export async function sendDigests(ctx: AppContext, until = new Date()): Promise<number> {
  const { rows } = await sql<Recipient>`
    SELECT u.id, u.email, u.name, u.lang, array_agg(l.lang ORDER BY l.lang) AS langs, d.last_sent_at AS last
    FROM users AS u JOIN translator_languages AS l ON l.user_id = u.id
    LEFT JOIN translation_digests AS d ON d.user_id = u.id
    WHERE 'translator' = ANY(u.roles) AND u.disabled_at IS NULL
    GROUP BY u.id, d.last_sent_at ORDER BY u.id`.execute(ctx.db);
  let sent = 0;
  for (const recipient of rows) {
    const counts = await newWork(ctx, recipient, until);
    if (!counts.length) continue;
    await ctx.db.transaction().execute(async (trx) => {
      await queueMail(trx, ctx.jobs, DIGEST_JOB, message(ctx, recipient, counts));
      await sql`INSERT INTO translation_digests (user_id, last_sent_at) VALUES (${recipient.id}, ${until})
        ON CONFLICT (user_id) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at`.execute(trx);
    });
    sent++;
  }
  return sent;
}

export function defineDigestJob(ctx: AppContext): void {
  ctx.jobs.define({ name: DIGEST_JOB, run: async () => void (await sendDigests(ctx)), retryLimit: 1 });
}
