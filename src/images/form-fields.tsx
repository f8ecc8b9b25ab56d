import { FieldFrame } from '../web/components.tsx';
import type { FieldErrors } from '../web/forms.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ImageView } from './domain.ts';
import { Picture } from './picture.tsx';
import { ALT_MAX } from './upload.ts';

/**
 * The image part of a back-office form: the current picture with a box to remove it, a file
 * field (PNG, JPEG, WebP) and its alt text, required with a new file, in the page's language.
 */
export function ImageFields({ ctx, current, errors, alt = '', labels }: {
  ctx: PageContext;
  current: ImageView | null;
  errors: FieldErrors;
  alt?: string;
  labels: { legend: string; file: string };
}) {
  const { t, lang } = ctx;
  const describedBy = (name: string) => [`${name}-hint`, errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset>
      <legend>{labels.legend}</legend>
      {current && (
        <>
          <Picture image={current} lang={lang} sizes="20rem" class="settings-logo" lazy={false} />
          <p>
            <input type="checkbox" id="remove_image" name="remove_image" value="on" /> <label for="remove_image">{t('images.remove')}</label>
          </p>
        </>
      )}
      <FieldFrame ctx={ctx} name="image" label={labels.file} hint={t('images.file_hint')} error={errors.image}>
        <input type="file" id="image" name="image" accept="image/png,image/jpeg,image/webp" aria-describedby={describedBy('image')} aria-invalid={errors.image ? 'true' : undefined} />
      </FieldFrame>
      <FieldFrame ctx={ctx} name="image_alt" label={t('images.alt')} hint={t('images.alt_hint')} error={errors.image_alt}>
        <input type="text" id="image_alt" name="image_alt" maxLength={ALT_MAX} value={alt} aria-describedby={describedBy('image_alt')} aria-invalid={errors.image_alt ? 'true' : undefined} />
      </FieldFrame>
    </fieldset>
  );
}
