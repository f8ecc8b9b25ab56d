import type { FastifyInstance } from 'fastify';
import { Visitor } from './helpers.ts';

/**
 * Registration asks the address to be confirmed by a mailed link (issue 15): tests register, then
 * read the link from the outgoing mail, as the registrant would, and press the page's button.
 */
const CONFIRM_LINK = /\/(?:en|fr|es|ko)\/registrations\/[^/\s]+\/confirm/;

/** The path of the latest confirmation link mailed to an address (throws when there is none). */
export async function confirmLinkFor(app: FastifyInstance, email: string): Promise<string> {
  const mail = await app.ctx.db
    .selectFrom('outgoing_mail')
    .select('text_body')
    .where('to_address', '=', email)
    .where('purpose', '=', 'registration.address')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const link = mail && CONFIRM_LINK.exec(mail.text_body)?.[0];
  if (!link) throw new Error(`no confirmation link mailed to ${email}`);
  return link;
}

/** Opens the mailed link and confirms, as the owner of the address. */
export async function confirmAddress(app: FastifyInstance, email: string) {
  return new Visitor(app).post(await confirmLinkFor(app, email), {});
}

/** Registers through the public form, then confirms the address: what registering was before issue 15. */
export async function registerConfirmed(app: FastifyInstance, lang: string, slug: string, fields: Record<string, string>) {
  const registered = await new Visitor(app).post(`/${lang}/activities/${slug}/register`, fields);
  if (registered.statusCode !== 200) return registered;
  return confirmAddress(app, fields.email!.toLowerCase());
}
