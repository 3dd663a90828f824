import sharp from 'sharp';
import { DomainError } from '../../common/domain-error';

export const IMAGE_LIMITS = {
  /**
   * The most pixels an upload may have (a 48-megapixel phone photo has 48.8 million): checked
   * from the header before decoding, so a small file that would decode to gigabytes (a
   * "decompression bomb") is refused. For an animation, all frames together.
   */
  maxPixels: 50_000_000,
  /** The thumbnail fits in this square (CSS pixels × 2 for sharp screens at 240 px). */
  thumbSize: 480,
  /** An image that takes longer than this to process is refused rather than holding a worker. */
  timeoutSeconds: 60,
} as const;

/** The thumbnail's type. */
export const THUMBNAIL_MIME = 'image/webp';

/** Images are decoded one or two at a time: each can take a few hundred MB while it is processed. */
const PARALLEL = 2;

// No cache of decoded images between uploads (each is seen once; memory goes back at once).
sharp.cache(false);

export interface ProcessedImage {
  /** The re-encoded original: same format, turned upright, no metadata but its colour profile. */
  original: Buffer;
  thumbnail: Buffer;
  /** As shown (after turning upright); for an animation, one frame's. */
  width: number;
  height: number;
}

let running = 0;
const waiting: Array<() => void> = [];

/** Runs `work` when fewer than `PARALLEL` images are being processed (a finished one hands its slot on). */
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running < PARALLEL) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * Re-encodes an uploaded image (the file at `path`, of a type `classifyUpload` recognised) for
 * storing and makes its thumbnail:
 * - turned upright by its EXIF orientation, so it looks as it did on the sender's phone without
 *   relying on the viewer to read EXIF;
 * - every bit of metadata dropped — EXIF (with GPS position, camera, time), XMP, IPTC, comments —
 *   but the ICC colour profile, so a wide-gamut phone photo keeps its colours;
 * - GIF and WebP animations stay animated (all frames re-encoded; GIF keeps its palette);
 * - the thumbnail: WebP, inside `IMAGE_LIMITS.thumbSize` square, never enlarged, the first frame.
 * An image that cannot be decoded (damaged, truncated, too many pixels) is the sender's problem:
 * a 400 on `file`, never a 500.
 */
export async function processImage(path: string, mime: string): Promise<ProcessedImage> {
  return slot(async () => {
    const animated = mime === 'image/gif' || mime === 'image/webp';
    const input = {
      // Refuse damaged pixel data (a truncated file) but not harmless encoder warnings.
      failOn: 'error' as const,
      limitInputPixels: IMAGE_LIMITS.maxPixels,
    };
    try {
      const image = sharp(path, { ...input, animated }).timeout({
        seconds: IMAGE_LIMITS.timeoutSeconds,
      });
      const upright = image.autoOrient().keepIccProfile();
      const encoded =
        mime === 'image/jpeg'
          ? upright.jpeg({ quality: 90 })
          : mime === 'image/png'
            ? upright.png()
            : mime === 'image/gif'
              ? upright.gif()
              : upright.webp({ quality: 90 });
      const original = await encoded.toBuffer({ resolveWithObject: true });
      const thumbnail = await sharp(path, input)
        .timeout({ seconds: IMAGE_LIMITS.timeoutSeconds })
        .autoOrient()
        .resize(IMAGE_LIMITS.thumbSize, IMAGE_LIMITS.thumbSize, {
          fit: 'inside',
          withoutEnlargement: true,
        })
        .webp({ quality: 80 })
        .toBuffer();
      return {
        original: original.data,
        thumbnail,
        width: original.info.width,
        height: original.info.pageHeight ?? original.info.height,
      };
    } catch (err) {
      throw unreadableImage(err);
    }
  });
}

function unreadableImage(err: unknown): unknown {
  const message = (err as Error)?.message ?? '';
  if (/pixel limit/i.test(message)) {
    return DomainError.validation([
      {
        path: 'file',
        message: `The image is too large: at most ${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels`,
      },
    ]);
  }
  // A failure of the disk or memory is ours; anything libvips says about the bytes is the file's.
  if ((err as NodeJS.ErrnoException)?.code || err instanceof RangeError) return err;
  return DomainError.validation([
    { path: 'file', message: 'The image cannot be read: the file is damaged or incomplete' },
  ]);
}
