import type { FastifyRequest } from 'fastify';
import { translationLangs } from '../../auth/permissions.ts';
import { isLang, LANGS, type Lang } from '../../i18n/langs.ts';
import { listParam } from '../../web/listing.tsx';
import { HttpError } from '../../web/http-error.ts';
import { MODULES } from '../fields.ts';
import { assignedLangs, UNIT_STATES, WORK_STATES, type QueueFilter, type UnitState } from './queries.ts';

/** The languages the signed-in person may translate into (translationLangs in permissions.ts). */
export async function allowedLangs(request: FastifyRequest): Promise<Lang[]> {
  const user = request.user;
  if (!user) return [];
  const assigned = user.roles.includes('translator') ? await assignedLangs(request.server.ctx.db, user.id) : [];
  return translationLangs(user, LANGS, assigned);
}

/** A language outside the translator's: refused (403), never silently dropped. */
export function requireLang(allowed: Lang[], lang: string): Lang {
  if (!isLang(lang)) throw new HttpError(404, 'error.not_found');
  if (!allowed.includes(lang)) throw new HttpError(403, 'trq.refused.language');
  return lang;
}

const MAX_AGE_DAYS = 36_500;

/** The queue's filters from its query string: unknown values are refused with a 400 naming the filter. */
export function parseFilter(query: Record<string, unknown>, allowed: Lang[]): QueueFilter {
  const langs = listParam(query.lang);
  for (const lang of langs) requireLang(allowed, lang);
  const states = listParam(query.state);
  if (states.some((state) => !(UNIT_STATES as readonly string[]).includes(state))) throw new HttpError(400, 'trq.error.filter', { state: 'validation.invalid' });
  const modules = listParam(query.module);
  if (modules.some((module) => !MODULES.includes(module))) throw new HttpError(400, 'trq.error.filter', { module: 'validation.invalid' });
  const age = typeof query.age === 'string' && query.age !== '' ? query.age : null;
  if (age !== null && (!/^\d{1,5}$/.test(age) || Number(age) > MAX_AGE_DAYS)) throw new HttpError(400, 'trq.error.filter', { age: 'validation.invalid' });
  return {
    langs: langs.length ? (langs as Lang[]) : allowed,
    states: states.length ? (states as UnitState[]) : [...WORK_STATES],
    modules,
    minAgeDays: age === null ? null : Number(age),
  };
}

/** The filter as a query string, for links (next page, the editor's "save and next"). */
export function filterQuery(filter: QueueFilter, allowed: Lang[]): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.langs.length !== allowed.length) for (const lang of filter.langs) params.append('lang', lang);
  const defaultStates = filter.states.length === WORK_STATES.length && WORK_STATES.every((s) => filter.states.includes(s));
  if (!defaultStates) for (const state of filter.states) params.append('state', state);
  for (const module of filter.modules) params.append('module', module);
  if (filter.minAgeDays !== null) params.set('age', String(filter.minAgeDays));
  return params;
}
