/**
 * A file's bytes: one Buffer, or pieces written one after another. The schedule-wide exports are
 * mostly fragments kept from earlier builds (one a session): handing those on as they are, to be
 * hashed and written piece by piece, copies none of them, where joining their texts and encoding
 * the result copied 80 MB two or three times on each dev build at 10,000 talks.
 */
export type FileBytes = Buffer | readonly Buffer[];

/** Texts and kept byte fragments as the pieces of one file (runs of text become one piece each). */
export function bytePieces(pieces: readonly (string | Buffer)[]): Buffer[] {
  const buffers: Buffer[] = [];
  let text = "";
  for (const piece of pieces) {
    if (typeof piece === "string") {
      text += piece;
      continue;
    }
    if (text !== "") buffers.push(Buffer.from(text));
    text = "";
    buffers.push(piece);
  }
  if (text !== "") buffers.push(Buffer.from(text));
  return buffers;
}

/** The bytes as one Buffer (copied only when in pieces). */
export function wholeBytes(bytes: FileBytes): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.concat(bytes);
}
