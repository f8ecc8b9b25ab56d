import type { Lang } from '../../../i18n/langs.ts';
import { FieldFrame } from '../../../web/components.tsx';
import type { FieldErrors } from '../../../web/forms.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { CallValues } from '../forms.ts';

const str = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '');

/**
 * One question slot of the call form. Without JavaScript: its position number orders it, a
 * checkbox removes it, and the last blank slot (no kind chosen) adds a question when filled in.
 */
export function QuestionFields({ ctx, i, values: v, errors, order, kinds, stored }: {
  ctx: PageContext; i: number; values: CallValues; errors: FieldErrors; order: Lang[]; kinds: readonly string[]; stored: boolean;
}) {
  const { t } = ctx;
  const p = `q${i}_`;
  const n = { n: i + 1 };
  const err = (name: string) => errors[`${p}${name}`];
  const describedBy = (name: string, hint = false) => [hint ? `${p}${name}-hint` : '', err(name) ? `${p}${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const text = (name: string, label: string, extra: { hint?: string; lang?: Lang } = {}) => (
    <FieldFrame ctx={ctx} name={`${p}${name}`} label={label} error={err(name)} hint={extra.hint}>
      <input id={`${p}${name}`} name={`${p}${name}`} type="text" lang={extra.lang} value={str(v[`${p}${name}`])} aria-invalid={err(name) ? 'true' : undefined} aria-describedby={describedBy(name, Boolean(extra.hint))} />
    </FieldFrame>
  );
  return (
    <fieldset class="call-question" id={`${p}fieldset`}>
      <legend>{t('calls.question.numbered', n)}</legend>
      {stored && <input type="hidden" name={`${p}id`} value={str(v[`${p}id`])} />}
      <FieldFrame ctx={ctx} name={`${p}kind`} label={t('calls.question.kind', n)} error={err('kind')}>
        <select id={`${p}kind`} name={`${p}kind`} aria-describedby={describedBy('kind')}>
          {!stored && <option value="">{t('calls.question.kind_none')}</option>}
          {kinds.map((kind) => <option value={kind} selected={str(v[`${p}kind`]) === kind}>{t(`calls.question.kind_${kind}`)}</option>)}
        </select>
      </FieldFrame>
      {text('position', t('calls.question.position', n), { hint: t('calls.question.position_hint') })}
      {order.map((l) => (
        <FieldFrame ctx={ctx} name={`${p}label_${l}`} label={`${t('calls.question.label', n)} (${t.langName(l)})`} error={err(`label_${l}`)}>
          <textarea id={`${p}label_${l}`} name={`${p}label_${l}`} rows={2} lang={l} aria-describedby={describedBy(`label_${l}`)}>{str(v[`${p}label_${l}`])}</textarea>
        </FieldFrame>
      ))}
      <label class="check"><input type="checkbox" name={`${p}required`} value="1" checked={Boolean(str(v[`${p}required`]))} /> {t('calls.question.required', n)}</label>
      {text('max_length', t('calls.question.max_length', n), { hint: t('calls.question.max_length_hint') })}
      {text('min', t('calls.question.min', n), { hint: t('calls.question.number_hint') })}
      {text('max', t('calls.question.max', n), { hint: t('calls.question.number_hint') })}
      {order.map((l) => (
        <FieldFrame ctx={ctx} name={`${p}choices_${l}`} label={`${t('calls.question.choices', n)} (${t.langName(l)})`} error={err(`choices_${l}`)} hint={l === order[0] ? t('calls.question.choices_hint') : undefined}>
          <textarea id={`${p}choices_${l}`} name={`${p}choices_${l}`} rows={3} lang={l} aria-describedby={describedBy(`choices_${l}`, l === order[0])}>{str(v[`${p}choices_${l}`])}</textarea>
        </FieldFrame>
      ))}
      {stored && <label class="check"><input type="checkbox" name={`${p}remove`} value="1" checked={Boolean(str(v[`${p}remove`]))} /> {t('calls.question.remove', n)}</label>}
    </fieldset>
  );
}
