import { conferenceData } from "../src/eleventy/conference-data.ts";

/** Global data `conference`: the whole validated, linked conference. */
export default conferenceData;
