import { LANGS, type Lang } from '../../i18n/langs.ts';
import { HttpError } from '../../web/http-error.ts';
import { DECISIONS, DIMENSIONS } from './domain.ts';
import { BODY_MAX, SUBJECT_MAX, type Templates } from './mail.ts';
import type { Decision, Dimension } from './tables.ts';

export type FormBody = Record<string, string | string[] | undefined>;
const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** "none" clears a decision; anything else unknown is a named 400. */
export function parseDecision(value: unknown): Decision | null {
  const text = one(value);
  if (text === 'none') return null;
  if (!DECISIONS.includes(text as Decision)) throw new HttpError(400, 'selection.error.decision', { decision: 'selection.error.decision' });
  return text as Decision;
}

export function parsePositiveInt(value: unknown, code: string): number {
  const text = String(one(value) ?? '');
  if (!/^[0-9]{1,9}$/.test(text)) throw new HttpError(400, code);
  return Number(text);
}

/** target.<dimension>.<value> = n; an empty field is no target; values are checked against what the panel offers. */
export function parseTargets(body: FormBody, allowed: Record<Dimension, string[]>) {
  const targets: { dimension: Dimension; value: string; target: number }[] = [];
  for (const [name, raw] of Object.entries(body)) {
    const match = /^target\.([a-z]+)\.(.+)$/.exec(name);
    if (!match) continue;
    const dimension = match[1] as Dimension;
    const value = match[2]!;
    const text = String(one(raw) ?? '').trim();
    if (text === '') continue;
    if (!DIMENSIONS.includes(dimension) || !allowed[dimension].includes(value)) throw new HttpError(400, 'selection.error.target_value', { [name]: 'selection.error.target_value' });
    if (!/^[0-9]{1,5}$/.test(text)) throw new HttpError(400, 'selection.error.target', { [name]: 'selection.error.target' });
    targets.push({ dimension, value, target: Number(text) });
  }
  return targets;
}

/** The templates form: subject and body per language and decision, each required and bounded. */
export function parseTemplates(body: FormBody): { ok: true; data: Templates } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const data = {} as Templates;
  for (const lang of LANGS as readonly Lang[]) {
    data[lang] = {} as Templates[Lang];
    for (const decision of DECISIONS) {
      const subjectName = `subject_${lang}_${decision}`;
      const bodyName = `body_${lang}_${decision}`;
      const subject = String(one(body[subjectName]) ?? '').trim();
      const text = String(one(body[bodyName]) ?? '').replace(/\r\n/g, '\n').trim();
      if (!subject) errors[subjectName] = 'validation.required';
      else if (subject.length > SUBJECT_MAX || /[\r\n]/.test(subject)) errors[subjectName] = 'selection.error.subject';
      if (!text) errors[bodyName] = 'validation.required';
      else if (text.length > BODY_MAX) errors[bodyName] = 'selection.error.body';
      data[lang][decision] = { subject, body: text };
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}
