// C0 controls except the line feed, DEL, C1 controls, and the Unicode bidi controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to print: every character that a terminal would act on rather than show
 * (escape sequences that erase lines or set the window title, carriage returns, bidi
 * overrides that reorder what is read) is written visibly as `\x1b` or `\u202e`. Line feeds
 * stay, so several lines can be escaped at once. Every line Lectern prints that can hold
 * content (a file name, a field, a message quoting either) goes through it.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
