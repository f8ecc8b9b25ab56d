import type { Metadata, Sharp } from 'sharp';
import type { ImageFormat } from '../db/types.ts';

/**
 * sharp (libvips) is loaded at the first upload, not at start: it adds about 27 MB to a server that
 * mostly serves images already converted. libvips keeps decoded images in a cache and runs a thread
 * per core by default: against a 150 MB memory budget on a two-core server, uploads are converted
 * one thread at a time and forgotten.
 */
type SharpModule = (typeof import('sharp'))['default'];
let loading: Promise<SharpModule> | undefined;
function loadSharp(): Promise<SharpModule> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loading;
}

/** Widths made of every upload (those wider than the upload are left out: nothing is enlarged). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/**
 * An upload of more pixels than this is refused before decoding: a small file can declare a huge
 * picture (a decompression bomb), and libvips would try to hold all of it in memory.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

export interface Variant {
  format: ImageFormat;
  width: number;
  height: number;
  content: Buffer;
}

export interface ProcessedImage {
  width: number;
  height: number;
  variants: Variant[];
}

export class UnreadableImage extends Error {}

/**
 * Makes the sizes and formats served for one upload: AVIF and WebP for browsers that take them,
 * and a fallback every browser reads (JPEG, or PNG when the picture has transparency, as logos
 * often do). Turned upright by its EXIF orientation; metadata (GPS position, camera) is dropped.
 * The input is the image's bytes or the path of its file (an upload is read from where it waits).
 */
export async function makeVariants(input: Buffer | string): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).metadata();
  } catch {
    throw new UnreadableImage();
  }
  const turned = (meta.orientation ?? 1) >= 5;
  const fullWidth = (turned ? meta.height : meta.width) ?? 0;
  const fullHeight = (turned ? meta.width : meta.height) ?? 0;
  if (!fullWidth || !fullHeight) throw new UnreadableImage();
  const widths = [...new Set([...IMAGE_WIDTHS.filter((w) => w < fullWidth), Math.min(fullWidth, IMAGE_WIDTHS.at(-1)!)])].sort((a, b) => a - b);
  const fallback: ImageFormat = meta.hasAlpha ? 'png' : 'jpeg';
  const variants: Variant[] = [];
  try {
    for (const width of widths) {
      const resized = source.clone().resize({ width, withoutEnlargement: true });
      for (const format of ['avif', 'webp', fallback] as const) {
        const { data, info } = await encode(resized.clone(), format).toBuffer({ resolveWithObject: true });
        variants.push({ format, width: info.width, height: info.height, content: data });
      }
    }
  } catch {
    throw new UnreadableImage();
  }
  const largest = variants.at(-1)!;
  return { width: largest.width, height: largest.height, variants };
}

// Settings chosen for slow links: quality a little under the libraries' defaults, and a low AVIF
// effort so an upload is converted in about a second on a small server.
function encode(image: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'avif':
      return image.avif({ quality: 50, effort: 2 });
    case 'webp':
      return image.webp({ quality: 75 });
    case 'png':
      return image.png({ compressionLevel: 9, palette: true });
    case 'jpeg':
      return image.jpeg({ quality: 78, mozjpeg: true });
  }
}
