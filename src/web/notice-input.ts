// What an officer gives the notice page: OCDS files uploaded (several are read
// as one) or OCDS text pasted. Read into texts for the audit, or a problem to
// say by the box it concerns; reading the notices themselves is src/notice's.
import type { FastifyRequest } from 'fastify';
import type { FormValues } from './form-values.js';

export const NOTICE_FILE_FIELD = 'noticeFiles';
export const NOTICE_TEXT_FIELD = 'noticeText';
/** A form's choice to have the full result as a file (JSON) rather than a page: a page shows a bounded number in full. */
export const NOTICE_RESULT_FIELD = 'result';
export const NOTICE_DOWNLOAD = 'download';
export type NoticeField = typeof NOTICE_FILE_FIELD | typeof NOTICE_TEXT_FIELD;

/** Enough for a record's history with its release, or a week of daily files. */
export const MAX_NOTICE_FILES = 20;

export const NOTHING_GIVEN = 'Upload a file of notices or paste one';

export interface NoticeText {
  text: string;
  /** How the notice readers name it in what they say (a line and column, a cut). */
  name: string;
}

/** A problem with what was given, said by the box it concerns, with the response's status. */
export interface NoticeProblem {
  ok: false;
  field: NoticeField;
  message: string;
  status: number;
  pasted?: string;
}

export type NoticeInput = { ok: true; field: NoticeField; files: NoticeText[]; pasted?: string; download: boolean } | NoticeProblem;

/** "32 MB", or "4 KB" for a limit under a megabyte. */
export const sizeText = (bytes: number): string => (bytes >= 1_048_576 ? `${Math.round(bytes / 1_048_576)} MB` : `${Math.round(bytes / 1024)} KB`);

export const tooLarge = (field: NoticeField, limit: number, pasted?: string): NoticeProblem => ({
  ok: false,
  field,
  message: field === NOTICE_FILE_FIELD ? `The selected files must be smaller than ${sizeText(limit)} in all` : `The pasted text must be smaller than ${sizeText(limit)}: upload it as a file instead, or split it`,
  status: 413,
  pasted,
});

/** A file's text. Windows editors start a UTF-8 file with a byte-order mark, which is not JSON: it is dropped. */
const textOf = (buffer: Buffer) => buffer.toString('utf8').replace(/^\uFEFF/, '');

/** The pasted text of the urlencoded form. */
export function pastedNotices(values: FormValues): NoticeInput {
  const v = values[NOTICE_TEXT_FIELD];
  const text = Array.isArray(v) ? v.join('\n') : (v ?? '');
  if (!text.trim()) return { ok: false, field: NOTICE_TEXT_FIELD, message: NOTHING_GIVEN, status: 400, pasted: text };
  return { ok: true, field: NOTICE_TEXT_FIELD, files: [{ text, name: 'the pasted text' }], pasted: text, download: values[NOTICE_RESULT_FIELD] === NOTICE_DOWNLOAD };
}

/** The files of the multipart form, each whole and all together within the limit. */
export async function uploadedNotices(req: FastifyRequest, limit: number): Promise<NoticeInput> {
  const files: NoticeText[] = [];
  let total = 0;
  let download = false;
  try {
    for await (const part of req.parts({ limits: { fileSize: limit, files: MAX_NOTICE_FILES } })) {
      // The upload form's only field is its choice of result: its text box is a form of its own (a long text field here
      // would be cut short silently).
      if (part.type === 'field') {
        if (part.fieldname === NOTICE_RESULT_FIELD && part.value === NOTICE_DOWNLOAD) download = true;
        continue;
      }
      const buffer = await part.toBuffer();
      // A file box left empty still sends a part: no name, nothing in it.
      if (!part.filename && !buffer.length) continue;
      total += buffer.length;
      if (total > limit) return tooLarge(NOTICE_FILE_FIELD, limit);
      if (!buffer.length) return { ok: false, field: NOTICE_FILE_FIELD, message: `The selected file ${part.filename} is empty`, status: 400 };
      files.push({ text: textOf(buffer), name: part.filename || 'the uploaded file' });
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(NOTICE_FILE_FIELD, limit);
    if (code === 'FST_FILES_LIMIT') return { ok: false, field: NOTICE_FILE_FIELD, message: `Select at most ${MAX_NOTICE_FILES} files at once`, status: 413 };
    // A body that is not the multipart form it says it is (no boundary, the wrong one, cut short): the browser's request was broken.
    return { ok: false, field: NOTICE_FILE_FIELD, message: 'The upload did not arrive whole: select the files and upload them again', status: 400 };
  }
  if (!files.length) return { ok: false, field: NOTICE_FILE_FIELD, message: NOTHING_GIVEN, status: 400 };
  return { ok: true, field: NOTICE_FILE_FIELD, files, download };
}
