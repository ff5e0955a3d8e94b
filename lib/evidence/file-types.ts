/**
 * What a stored file is: its role (a recording, mode 'video', has a 'video' file and a 'poster' frame) and the media
 * types each role may have. The records' schema (schema.ts) and the bundle manifest (lib/bundle/manifest.ts) check a
 * file's role and type with the same rule.
 */
import * as v from 'valibot';

export const FILE_ROLES = ['screenshot', 'source', 'thumbnail', 'video', 'poster'] as const;

/**
 * The media types each role of file has: the ones a capture or recording writes (a PNG screenshot, thumbnail or
 * poster, a JPEG poster, the page as MHTML or HTML, a WebM recording). The exporter names a file in a bundle from
 * its role and this type (`mediaTypeExtension`), never from a name the data carries.
 */
export const FILE_MEDIA_TYPES = {
  screenshot: ['image/png'],
  source: ['multipart/related', 'text/html'],
  thumbnail: ['image/png'],
  video: ['video/webm'],
  poster: ['image/png', 'image/jpeg'],
} as const satisfies Record<(typeof FILE_ROLES)[number], readonly string[]>;

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'multipart/related': 'mhtml',
  'text/html': 'html',
  'video/webm': 'webm',
};

/** The file name extension of a file's media type (one of FILE_MEDIA_TYPES). */
export function mediaTypeExtension(mime: string): string {
  return EXTENSIONS[mime] ?? 'bin';
}

/** Every media type a stored file may have. */
export const ALL_MEDIA_TYPES = [...new Set(Object.values(FILE_MEDIA_TYPES).flat())];

/** A file's role and media type agree (a "screenshot" that says it is HTML is refused). */
export function fileMediaTypeMatches(file: { role: (typeof FILE_ROLES)[number]; mime: string }): boolean {
  return (FILE_MEDIA_TYPES[file.role] as readonly string[]).includes(file.mime);
}

/**
 * The media type must be one its role has: checked on the whole file description, so the path names `mime`. For
 * the stored files' schema and the bundle manifest's list of files alike.
 */
export function roleAndType<T extends { role: (typeof FILE_ROLES)[number]; mime: string }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed || fileMediaTypeMatches(dataset.value)) return;
    addIssue({
      message: `must be ${FILE_MEDIA_TYPES[dataset.value.role].join(' or ')} for a file of role ${dataset.value.role}`,
      path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'mime', value: dataset.value.mime }],
    });
  });
}
