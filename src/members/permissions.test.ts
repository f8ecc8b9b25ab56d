import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { can, ROLES, type Role } from '../auth/permissions.ts';
import { governanceAdminRoutes } from '../governance/admin-routes.tsx';
import { governanceRoutes } from '../governance/routes.tsx';
import { memberAdminRoutes } from './admin-routes.tsx';
import { memberApiRoutes } from './api.ts';
import { saveApplication } from './applications.ts';
import { memberRoutes } from './routes.tsx';

/** Every route of the members and governance modules, tried by every role: allowed exactly where `can` says. */
const ROUTES = [...memberRoutes, ...memberAdminRoutes, ...memberApiRoutes, ...governanceRoutes, ...governanceAdminRoutes];

let t: TestApp;
const visitors = new Map<Role | 'anonymous', Visitor>();
let params: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  visitors.set('anonymous', new Visitor(t.app));
  for (const role of ROLES) {
    await createUser(t.app, `${role}@example.org`, [role]);
    visitors.set(role, await signIn(t.app, `${role}@example.org`));
  }
  const saved = await saveApplication(t.app.ctx, {
    token: null,
    lang: 'en',
    submit: true,
    files: [{ field: 'documents', fileName: 'a.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }],
    data: { organisation_name: 'Permission Town', email: 'town@example.org', kind: 'local_government', category: 'city', country: 'FR', city: 'Lyon', website: '', focal_name: 'A', focal_phone: '', head_name: '', head_title: '', general_email: '', signatory_name: 'A', signatory_title: 'B', sse_situation: 'C', intent: 'submit' },
  });
  const doc = await t.app.ctx.db.selectFrom('application_documents').select('id').where('application_id', '=', saved.id).executeTakeFirstOrThrow();
  const meeting = await t.app.ctx.db.selectFrom('meetings').select('id').where('slug', '=', 'steering-committee-2019-q1').executeTakeFirstOrThrow();
  const mandate = await t.app.ctx.db.selectFrom('mandates').select('id').orderBy('id').executeTakeFirstOrThrow();
  // A public attachment of a published meeting with a published summary: the public route serves it.
  await t.app.ctx.db.updateTable('meetings').set({ published: true, summary: JSON.stringify({ en: { text: 'Summary', status: 'original' } }), summary_published: true }).where('id', '=', meeting.id).execute();
  const file = await t.app.ctx.db
    .insertInto('meeting_attachments')
    .values({ meeting_id: meeting.id, file_key: await t.app.ctx.files.put(SAMPLE_FILES.pdf), file_name: 'agenda.pdf', mime: 'application/pdf', size: SAMPLE_FILES.pdf.length, public: true, uploaded_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  params = { lang: 'en', slug: 'bamako', token: saved.token, id: String(saved.id), doc: String(doc.id), meeting: String(meeting.id), mandate: String(mandate.id), file: String(file.id) };
});
afterAll(() => t?.close());

const fill = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' && url.includes('/meetings/') ? params.meeting : name === 'id' && url.includes('/mandates/') ? params.mandate : params[name]) ?? name);

describe.each(['anonymous', ...ROLES] as const)('as %s', (who) => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))('%s answers as the permission says', async (_name, entry) => {
    const visitor = visitors.get(who)!;
    const url = fill(entry.url);
    const response = entry.method === 'GET' ? await visitor.get(url) : await visitor.post(url, {}, { from: '/en/join' });
    const user = who === 'anonymous' ? null : { id: 1, roles: [who] };
    const toSignIn = response.statusCode === 303 && String(response.headers.location).includes('/sign-in');
    if (can(user, entry.permission)) {
      expect([401, 403]).not.toContain(response.statusCode);
      expect(toSignIn).toBe(false);
      expect(response.statusCode).toBeLessThan(500);
    } else if (who === 'anonymous') {
      expect(entry.method === 'GET' && !url.startsWith('/api/') ? toSignIn : response.statusCode === 401).toBe(true);
    } else {
      expect(response.statusCode).toBe(403);
    }
  });
});
