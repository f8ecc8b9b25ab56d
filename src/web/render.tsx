import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { withDisplayPolicy } from '../i18n/translatable.ts';
import { Layout } from './layout.tsx';
import { pageContext, type PageContext } from './page-context.ts';

export interface PageView {
  title: string;
  description?: string;
  status?: number;
  body: (ctx: PageContext) => ComponentChildren;
}

/** Renders a view inside the layout and sends it as a complete HTML page. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, view: PageView): FastifyReply {
  const ctx = pageContext(request, reply);
  // Public pages follow the secretariat's choice of what each language shows (src/translations/settings.ts).
  const html = withDisplayPolicy(request.displayPolicy ?? undefined, () =>
    renderToString(
      <Layout ctx={ctx} title={view.title} description={view.description}>
        {view.body(ctx)}
      </Layout>,
    ),
  );
  return reply
    .code(view.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${html}`);
}
