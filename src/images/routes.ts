import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImageFormat } from '../db/types.ts';
import { notFound } from '../web/http-error.ts';
import { route } from '../web/routes.ts';
import { variantFile } from './domain.ts';

const EXTENSIONS: Record<string, { format: ImageFormat; type: string }> = {
  avif: { format: 'avif', type: 'image/avif' },
  webp: { format: 'webp', type: 'image/webp' },
  jpg: { format: 'jpeg', type: 'image/jpeg' },
  png: { format: 'png', type: 'image/png' },
};

async function variant(request: FastifyRequest<{ Params: { id: string; file: string } }>, reply: FastifyReply) {
  const match = /^(\d{1,5})\.(avif|webp|jpg|png)$/.exec(request.params.file);
  const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : 0;
  if (!match || !id) throw notFound();
  const kind = EXTENSIONS[match[2]!]!;
  const found = await variantFile(request.server.ctx.db, id, Number(match[1]), kind.format);
  const content = found ? await request.server.ctx.files.get(found.file_key) : null;
  if (!content) throw notFound();
  // A variant never changes (a replaced image gets a new id): browsers and proxies keep it for good.
  return reply
    .type(kind.type)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .send(content);
}

export const imageRoutes = [route('GET', '/media/images/:id/:file', 'public', variant)];
