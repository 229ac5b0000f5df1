/** The UTC offset in minutes that an ISO time written with one (`2016-06-10T09:15:00-04:00`) has; undefined without one. */
export function writtenOffset(iso: string): number | undefined {
  const match = /(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|([+-])(\d{2}):?(\d{2}))$/.exec(iso);
  if (!match) return undefined;
  if (match[1] === "Z") return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return match[2] === "-" ? -minutes : minutes;
}
