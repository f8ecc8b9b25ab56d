import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import { can, type Permission } from '../auth/permissions.ts';
import { withDisplayPolicy } from '../i18n/translatable.ts';
import { HttpError } from './http-error.ts';

/**
 * One line of a module's route table: verb, path, the permission it needs, the handler.
 * Registering a table also answers 405 (with Allow) to the other verbs on each path.
 */
// Handlers declare the params and query their schema guarantees.
export type Handler = (request: FastifyRequest<any>, reply: FastifyReply) => unknown;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  permission: Permission;
  handler: Handler;
  schema?: FastifySchema;
  /** Requests per minute from one address, for routes that guess-proof secrets (sign-in). */
  rateLimit?: number;
  /** Requests the limit does not count (the bounce endpoint counts only wrong tokens, not a busy mail relay). */
  rateLimitExempt?: (request: FastifyRequest) => boolean;
  /** false for multipart forms: the body is read in the handler, which checks the CSRF token itself. */
  csrf?: false;
}

export const route = (
  method: Route['method'],
  url: string,
  permission: Permission,
  handler: Handler,
  extra: Pick<Route, 'schema' | 'rateLimit' | 'rateLimitExempt' | 'csrf'> = {},
): Route => ({ method, url, permission, handler, ...extra });

const ALL_METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function rateLimitOf(entry: Route) {
  if (!entry.rateLimit) return {};
  const exempt = entry.rateLimitExempt;
  return { rateLimit: { max: entry.rateLimit, timeWindow: 60_000, ...(exempt ? { allowList: (request: FastifyRequest) => exempt(request) } : {}) } };
}

export function registerRoutes(app: FastifyInstance, routes: Route[]): void {
  // Kept on the app so tests can walk every route of every table (the hostile-input walk).
  if (!app.hasDecorator('routeTable')) app.decorate('routeTable', [] as Route[]);
  app.routeTable.push(...routes);
  const methodsByUrl = new Map<string, Set<string>>();
  for (const entry of routes) {
    app.route({
      method: entry.method,
      url: entry.url,
      schema: entry.schema,
      config: { ...rateLimitOf(entry), ...(entry.csrf === false ? { csrf: false } : {}) },
      preHandler: requirePermission(entry.permission),
      // The whole handler runs under the public display policy, so titles and descriptions picked
      // before sendPage follow it too (src/translations/settings.ts).
      handler: (request: FastifyRequest, reply: FastifyReply) => withDisplayPolicy(request.displayPolicy ?? undefined, () => entry.handler(request, reply)),
    });
    const methods = methodsByUrl.get(entry.url) ?? new Set<string>();
    methods.add(entry.method);
    if (entry.method === 'GET') methods.add('HEAD');
    methodsByUrl.set(entry.url, methods);
  }
  for (const [url, methods] of methodsByUrl) {
    const others = ALL_METHODS.filter((method) => !methods.has(method));
    const allow = [...methods].join(', ');
    app.route({
      method: others,
      url,
      // Not operations: the OpenAPI description lists only what a path really does.
      schema: { hide: true },
      config: { csrf: false },
      handler: async () => {
        throw new HttpError(405, 'error.method_not_allowed', {}, { allow });
      },
    });
  }
}

/** The single permission check every route goes through. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (can(request.user, permission)) return;
    if (request.user) throw new HttpError(403, 'error.forbidden');
    if (request.url.startsWith('/api/') || request.method !== 'GET') throw new HttpError(401, 'error.unauthorized');
    return reply.redirect(`/${request.lang}/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every line of every route table registered with registerRoutes. */
    routeTable: Route[];
  }
}
