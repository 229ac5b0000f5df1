export interface DevErrorPageProps {
  /** One line saying what went wrong, e.g. "2 content problems". */
  heading: string;
  /** The lines `npm run check` prints: `file: field: message`. */
  lines: readonly string[];
  /** More text for template and code errors (messages of the errors they wrap). */
  detail?: string;
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fff7f5; }
main { max-width: 60rem; margin: 3rem auto; padding: 0 1.5rem; }
h1 { color: #a3140c; font-size: 1.6rem; }
ul { padding: 0; list-style: none; }
li, pre { font: 0.95rem/1.4 ui-monospace, monospace; background: #fff; border-left: 4px solid #a3140c; padding: 0.6rem 0.8rem; margin: 0.4rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
`;

/**
 * What the dev server shows for every page while the site cannot be built: the same lines
 * as `npm run check`. It is not part of the site; it reloads by itself once the files are fixed.
 */
export function DevErrorPage({ heading, lines, detail }: DevErrorPageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Lectern: ${heading}`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{`The site cannot be built: ${heading}`}</h1>
          <ul>
            {lines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          {detail ? <pre>{detail}</pre> : null}
          <p>Fix the file and save it: this page reloads by itself. The terminal running npm start shows the same lines.</p>
        </main>
      </body>
    </html>
  );
}
