import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
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
  const html = renderToString(
    <Layout ctx={ctx} title={view.title} description={view.description}>
      {view.body(ctx)}
    </Layout>,
  );
  return reply
    .code(view.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${html}`);
}
