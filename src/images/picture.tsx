import type { Lang } from '../i18n/langs.ts';
import { pick } from '../i18n/translatable.ts';
import type { ImageFormat } from '../db/types.ts';
import { variantUrl, type ImageView } from './domain.ts';

const MODERN: { format: ImageFormat; type: string }[] = [
  { format: 'avif', type: 'image/avif' },
  { format: 'webp', type: 'image/webp' },
];

export interface PictureProps {
  image: ImageView;
  lang: Lang;
  /** How wide the image is drawn, for the browser to pick a size (the `sizes` attribute). */
  sizes: string;
  class?: string;
  /** Images below the first screen wait until they are scrolled to. */
  lazy?: boolean;
  /** Next to text saying the same (a logo beside the name in a link): alt="" so it is not read twice. */
  decorative?: boolean;
}

/**
 * One image as `<picture>`: AVIF, then WebP, then the JPEG or PNG fallback, each in every size
 * made, with the width and height of the image so the page does not jump as it loads. Its alt
 * text is in the reader's language when there is one, else the uploader's (marked with its `lang`).
 */
export function Picture({ image, lang, sizes, class: className, lazy = true, decorative = false }: PictureProps) {
  const alt = decorative ? null : pick(image.alt, lang);
  const srcset = (format: ImageFormat) =>
    image.sources
      .filter((source) => source.format === format)
      .map((source) => `${variantUrl(image.id, source)} ${source.width}w`)
      .join(', ');
  const fallback = image.sources.find((source) => source.format === 'jpeg' || source.format === 'png');
  const fallbacks = image.sources.filter((source) => source.format === fallback?.format);
  const middle = fallbacks[Math.min(1, fallbacks.length - 1)] ?? fallback;
  if (!middle) return null;
  return (
    <picture class={className}>
      {MODERN.map(({ format, type }) => (image.sources.some((s) => s.format === format) ? <source type={type} srcset={srcset(format)} sizes={sizes} /> : null))}
      <img
        src={variantUrl(image.id, middle)}
        srcset={srcset(middle.format)}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt?.text ?? ''}
        lang={alt && alt.lang !== lang ? alt.lang : undefined}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  );
}
