import { closestMatch } from "../content/suggest.ts";
import { isKnownZone, knownZones } from "./time.ts";

/** The name to store a time zone under, or why the written name cannot be used. */
export type ZoneName = { ok: true; zone: string } | { ok: false; message: string };

/**
 * Current IANA names that the ICU data in Node 20 still reports under the older name (its
 * "canonical" name for Asia/Kolkata is Asia/Calcutta). Intl's answer goes through this table,
 * so the site carries the current name whichever Node runs it.
 */
const RENAMED: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** tzdata's zones named after an abbreviation (a rule or an offset, not a place). */
const ABBREVIATION_ZONES = new Set(["EST", "MST", "HST", "CET", "EET", "MET", "WET"]);

/**
 * Conference cities that have no zone of their own, with the zone they keep. Consulted only
 * for a name that is not a zone (`America/Boston`), so that the suggestion is the city's zone
 * rather than the zone whose name happens to be spelled most alike (America/Creston).
 */
const CITY_ZONES: ReadonlyArray<readonly [string, string]> = [
  ...cities("America/New_York", "Boston", "Washington", "Washington DC", "Philadelphia", "Atlanta", "Miami", "Pittsburgh", "Baltimore", "Charlotte", "Raleigh", "Orlando", "Cleveland", "Columbus"),
  ...cities("America/Chicago", "Austin", "Dallas", "Houston", "San Antonio", "Minneapolis", "St Louis", "Kansas City", "Nashville", "New Orleans", "Madison"),
  ...cities("America/Denver", "Salt Lake City", "Albuquerque"),
  ...cities("America/Los_Angeles", "San Francisco", "San Jose", "Seattle", "Portland", "San Diego", "Las Vegas", "Oakland", "Palo Alto", "Mountain View", "Sacramento"),
  ...cities("America/Toronto", "Ottawa", "Montreal", "Quebec"),
  ...cities("America/Edmonton", "Calgary"),
  ...cities("America/Sao_Paulo", "Rio de Janeiro"),
  ...cities("Europe/Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Dusseldorf", "Stuttgart", "Leipzig", "Dresden"),
  ...cities("Europe/Madrid", "Barcelona", "Valencia", "Seville", "Bilbao"),
  ...cities("Europe/Rome", "Milan", "Turin", "Florence", "Naples", "Bologna"),
  ...cities("Europe/Zurich", "Geneva", "Basel", "Bern", "Lausanne"),
  ...cities("Europe/London", "Edinburgh", "Manchester", "Glasgow", "Birmingham", "Bristol", "Cardiff"),
  ...cities("Europe/Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Lille", "Nantes"),
  ...cities("Europe/Warsaw", "Krakow", "Wroclaw", "Gdansk", "Poznan"),
  ...cities("Europe/Brussels", "Antwerp", "Ghent"),
  ...cities("Europe/Amsterdam", "Rotterdam", "Utrecht", "The Hague", "Eindhoven"),
  ...cities("Europe/Stockholm", "Gothenburg", "Malmo"),
  ...cities("Europe/Lisbon", "Porto"),
  ...cities("Europe/Vienna", "Salzburg", "Graz", "Linz"),
  ...cities("Europe/Copenhagen", "Aarhus"),
  ...cities("Europe/Prague", "Brno"),
  ...cities("Europe/Dublin", "Cork"),
  ...cities("Europe/Athens", "Thessaloniki"),
  ...cities("Europe/Moscow", "Saint Petersburg", "St Petersburg"),
  ...cities("Asia/Jerusalem", "Tel Aviv"),
  ...cities("Asia/Dubai", "Abu Dhabi"),
  ...cities("Asia/Kolkata", "Bangalore", "Bengaluru", "Mumbai", "Delhi", "New Delhi", "Hyderabad", "Chennai", "Pune"),
  ...cities("Asia/Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Hangzhou"),
  ...cities("Asia/Tokyo", "Osaka", "Kyoto", "Fukuoka"),
  ...cities("Asia/Seoul", "Busan"),
  ...cities("Australia/Sydney", "Canberra"),
  ...cities("Pacific/Auckland", "Wellington"),
  ...cities("Africa/Johannesburg", "Cape Town", "Durban"),
];

function cities(zone: string, ...names: string[]): Array<readonly [string, string]> {
  return names.map((name) => [name, zone] as const);
}

/** `san_francisco` for "San Francisco", "san-francisco" or "America/San_Francisco". */
function cityKey(name: string): string {
  return (name.split("/").pop() ?? "").toLowerCase().replace(/[\s_-]+/g, "_");
}

const HINT = `write the zone of the venue's city, such as "America/New_York" or "Europe/Berlin"`;

/**
 * The one name a time zone is stored and exported under: the current IANA name, in its own
 * spelling (`america/new_york` becomes America/New_York). An old alias (US/Eastern, EST5EDT,
 * Asia/Calcutta) or an abbreviation (EST) is refused with the name to write; an unknown
 * name gets a suggestion only when one clearly fits.
 */
export function resolveZoneName(written: string): ZoneName {
  if (/^(etc\/)?utc$/i.test(written)) return { ok: true, zone: "UTC" };
  // ICU knows many abbreviations as old zone names, mapped to places they do not mean to most
  // people (BST is Asia/Dhaka there, EST America/Panama): no zone is suggested for one.
  if (ABBREVIATION_ZONES.has(written.toUpperCase()) || /^[A-Z]{3,5}$/.test(written)) {
    return { ok: false, message: `"${written}" is an abbreviation, not the time zone of a place; ${HINT}` };
  }
  if (isKnownZone(written)) {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: written }).resolvedOptions().timeZone;
    const current = RENAMED[resolved] ?? resolved;
    if (current.toLowerCase() === written.toLowerCase()) return { ok: true, zone: current };
    return { ok: false, message: `"${written}" is an old name; write "${current}"` };
  }
  return { ok: false, message: `unknown time zone "${written}"${zoneSuggestion(written)}` };
}

let zoneNames: string[] | undefined;

/** Every current zone name: Intl's list with the renamed ones under their current name. */
function currentZones(): string[] {
  zoneNames ??= knownZones().map((zone) => RENAMED[zone] ?? zone);
  return zoneNames;
}

function zoneSuggestion(written: string): string {
  const key = cityKey(written);
  const city = CITY_ZONES.find(([name]) => cityKey(name) === key);
  if (city) return ` (${city[0]} is in "${city[1]}")`;
  const zones = currentZones();
  const sameCity = zones.find((zone) => cityKey(zone) === key);
  if (sameCity) return ` (did you mean "${sameCity}"?)`;
  const slash = written.indexOf("/");
  if (slash > 0) {
    // Only a place in the same area, spelled nearly alike: a typo, never a far-away zone.
    const area = `${written.slice(0, slash).toLowerCase()}/`;
    const inArea = zones.filter((zone) => zone.toLowerCase().startsWith(area));
    const byCity = new Map(inArea.map((zone) => [zone.slice(area.length), zone]));
    const match = closestMatch(written.slice(slash + 1), byCity.keys());
    if (match !== undefined) return ` (did you mean "${byCity.get(match)}"?)`;
  }
  return ` (${HINT})`;
}
