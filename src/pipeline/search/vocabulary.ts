// The domain's words for search. Pagefind stems Norwegian but neither splits compounds nor knows
// abbreviations, so a page that says "muskel- og skjelettlidelser" is also indexed under "MSK".

/**
 * Terms that name the same thing. When a page contains any of a group's phrases, every phrase of
 * the group is added to its index entry. Phrases are lower case; "-" and "/" count as spaces.
 */
export const synonymGroups: string[][] = [
  ["sykefravær", "sykefraværet", "sickness absence", "sick leave"],
  ["muskel og skjelettlidelser", "muskelskjelettlidelser", "muskelskjelett", "muskel skjelett", "msk", "skjelettlidelser", "ryggplager", "nakkeplager"],
  ["psykiske lidelser", "psykisk helse", "psykisk helsevern", "phv", "angst", "depresjon", "vanlige psykiske lidelser"],
  ["arbeidsrettet rehabilitering", "arbeidsrehabilitering", "arr"],
  ["raskere tilbake", "rt"],
  ["helseiarbeid", "hia", "helse i arbeid"],
  ["dps", "distriktspsykiatrisk senter", "distriktspsykiatriske sentre"],
  ["nav", "arbeids og velferdsforvaltningen", "arbeids og velferdsetaten"],
  ["fastlege", "fastleger", "fastlegen", "allmennlege", "lege"],
  ["henvisning", "henvisninger", "henvise", "henviser", "viderehenvisning"],
  ["debitorkode 20", "debitorkode", "deb20", "debitor20", "kode 20"],
  ["tsb", "tverrfaglig spesialisert rusbehandling", "rusbehandling", "rus"],
  ["ips", "individuell jobbstøtte", "individual placement and support"],
  ["kreft", "kreftpasienter", "kreftoverlevere", "cancer"],
  ["hjerneskade", "hjernetraume", "hjernetraumer", "hodeskade", "brain injury"],
  ["smerte", "smerter", "kroniske smerter", "langvarige smerter"],
];

/**
 * Last or first parts of compound words: "sykefravær" is also indexed under "fravær", and
 * "skjelettlidelser" under "skjelett" and "lidelser".
 */
export const compoundParts = [
  "fravær", "lidelser", "lidelse", "skjelett", "muskel", "rehabilitering", "helsevern", "behandling", "henvisning",
  "henvisninger", "lege", "leger", "smerter", "smerte", "plager", "sykdom", "sykdommer", "diagnose", "diagnoser",
  "arbeid", "helse", "kreft", "angst", "depresjon", "tilbud", "tilbudet", "pasienter", "koordinator", "koordinering",
  "samhandling", "sykepenger", "trygd", "ytelser", "ventetid", "rus",
];
