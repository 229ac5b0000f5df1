import { transformSync } from "esbuild";

/**
 * A stylesheet from the public folder as the site serves it: minified by esbuild (already the
 * bundler of the browser scripts), so that the readable source with its comments stays in
 * public/ and readers download a quarter less. esbuild's CSS parser never fails: what it cannot
 * read it keeps, as a browser would, so the bytes always come back. Other files are left alone.
 */
export function publicFileBytes(sitePath: string, bytes: Buffer): Buffer {
  if (!sitePath.endsWith(".css")) return bytes;
  return Buffer.from(transformSync(bytes.toString("utf8"), { loader: "css", minify: true, logLevel: "silent" }).code);
}
