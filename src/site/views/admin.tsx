import { Picture } from '../../images/picture.tsx';
import { ALT_MAX } from '../../images/upload.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { DEFAULT_COLOURS, type ContrastProblem, type SiteSettings } from '../settings.ts';

export interface SiteFormState {
  errors?: FieldErrors;
  values?: Record<string, string>;
  contrast?: ContrastProblem[];
  saved?: boolean;
}

/** The secretariat's settings of the site itself: the network's short name, logo and colours. */
export function SiteSettingsPage({ ctx, settings, state }: { ctx: PageContext; settings: SiteSettings; state: SiteFormState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const values = state.values ?? {
    short_name: settings.shortName ?? t('site.name'),
    brand_colour: settings.brandColour ?? '',
    accent_colour: settings.accentColour ?? '',
  };
  const labels = {
    short_name: t('site.settings.short_name'),
    brand_colour: t('site.settings.brand_colour'),
    accent_colour: t('site.settings.accent_colour'),
    logo: t('site.settings.logo'),
    logo_alt: t('site.settings.logo_alt'),
  };
  return (
    <>
      <h1>{t('site.settings.title')}</h1>
      {state.saved && (
        <p class="success" role="status">
          {t('site.settings.saved')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${lang}/admin/site`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="short_name" label={labels.short_name} hint={t('site.settings.short_name_hint')} errors={errors} value={values.short_name} required />
        <ColourField ctx={ctx} name="brand_colour" label={labels.brand_colour} hint={t('site.settings.brand_hint', { colour: DEFAULT_COLOURS.brand })} error={errors.brand_colour} value={values.brand_colour ?? ''} problem={state.contrast?.find((p) => p.field === 'brand_colour')} />
        <ColourField ctx={ctx} name="accent_colour" label={labels.accent_colour} hint={t('site.settings.accent_hint', { colour: DEFAULT_COLOURS.accent })} error={errors.accent_colour} value={values.accent_colour ?? ''} problem={state.contrast?.find((p) => p.field === 'accent_colour')} />
        <fieldset>
          <legend>{labels.logo}</legend>
          {settings.logo && (
            <>
              <Picture image={settings.logo} lang={lang} sizes="10rem" class="settings-logo" lazy={false} />
              <p>
                <input type="checkbox" id="remove_logo" name="remove_logo" value="on" /> <label for="remove_logo">{t('site.settings.remove_logo')}</label>
              </p>
            </>
          )}
          <FieldFrame ctx={ctx} name="logo" label={t('site.settings.logo_file')} hint={t('site.settings.logo_hint')} error={errors.logo}>
            <input type="file" id="logo" name="logo" accept="image/png,image/jpeg,image/webp" aria-describedby={errors.logo ? 'logo-hint logo-error' : 'logo-hint'} aria-invalid={errors.logo ? 'true' : undefined} />
          </FieldFrame>
          <FieldFrame ctx={ctx} name="logo_alt" label={labels.logo_alt} hint={t('site.settings.logo_alt_hint')} error={errors.logo_alt}>
            <input type="text" id="logo_alt" name="logo_alt" maxLength={ALT_MAX} value={values.logo_alt ?? ''} aria-describedby={errors.logo_alt ? 'logo_alt-hint logo_alt-error' : 'logo_alt-hint'} aria-invalid={errors.logo_alt ? 'true' : undefined} />
          </FieldFrame>
        </fieldset>
        <button type="submit">{t('site.settings.save')}</button>
      </form>
    </>
  );
}

function ColourField({ ctx, name, label, hint, error, value, problem }: {
  ctx: PageContext;
  name: string;
  label: string;
  hint: string;
  error?: string;
  value: string;
  problem?: ContrastProblem;
}) {
  const describedBy = [`${name}-hint`, error ? `${name}-error` : '', problem ? `${name}-ratio` : ''].filter(Boolean).join(' ');
  return (
    <FieldFrame ctx={ctx} name={name} label={label} hint={hint} error={error}>
      {/* A text field, not type=color: it can be left empty (the default colour) and typed exactly. */}
      <input type="text" id={name} name={name} value={value} maxLength={7} pattern="#[0-9a-fA-F]{6}" placeholder="#rrggbb" inputMode="text" autocomplete="off" spellcheck={false} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />
      {problem && (
        <p class="field-error" id={`${name}-ratio`}>
          {ctx.t('site.contrast.measured', { ratio: ctx.t.number(Math.floor(problem.ratio * 10) / 10), needed: ctx.t.number(problem.needed) })}
        </p>
      )}
    </FieldFrame>
  );
}
