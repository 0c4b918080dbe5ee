import { boolean, date, decimal, id, integer, list, oneOf, optional, reference, text, url, year } from "./columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "./dataset.ts";

/** The four regional health authorities (RHF), as the seeds name them. */
export const regions = ["Helse Nord", "Helse Midt-Norge", "Helse Vest", "Helse Sør-Øst"] as const;

export const documentTypes = ["evalueringsrapport", "vedleggsrapport", "vitenskapelig artikkel", "masteroppgave", "nettside"] as const;

/** A source is one of the research documents (with its seed text), or a dated web page an editor used for an update. */
export const sourceKinds = ["dokument", "nettside"] as const;

export const sources = defineDataset({
  name: "sources",
  file: "sources.csv",
  title: "Kilder",
  description:
    "De fem forskningsdokumentene alle tall og opplysninger på nettstedet er hentet fra, identifisert ut fra dokumentenes egen tekst.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for dokumentet; brukes i nettadressen /kilder/<id>/." }),
    title: text({
      description:
        "Beskrivende tittel. Tekstutgavene mangler tittelsider, så tittelen er vår beskrivelse når dokumentet ikke selv oppgir en.",
      maxLength: 300,
    }),
    short_title: text({ description: "Kort tittel til sidetitler, lenker og kildehenvisninger i figurer.", maxLength: 48 }),
    title_in_source: optional(text({ description: "Tittelen slik den er trykt: i dokumentet selv, eller i en henvisning til det i en av de andre kildene (se reference_basis)." })),
    authors: optional(text({ description: "Forfattere, skilt med semikolon: slik dokumentet oppgir dem, eller slik en henvisning i en av de andre kildene gjør (se reference_basis)." })),
    authors_inferred: boolean({ description: "ja når forfatterne ikke står i dokumentet selv, men er utledet av en henvisning i en annen kilde; referansen viser dem da i hakeparentes." }),
    institution: optional(text({ description: "Institusjon(er) som står bak dokumentet." })),
    year: optional(year({ description: "Utgivelsesår: slik dokumentet oppgir det, eller utledet av dokumentets tekst eller en henvisning (se reference_basis)." })),
    year_inferred: boolean({ description: "ja når året ikke står i dokumentet selv, men er utledet; referansen viser det da i hakeparentes." }),
    report_number: optional(text({ description: "Rapportnummer, der dokumentet oppgir det.", maxLength: 60 })),
    commissioned_by: optional(text({ description: "Oppdragsgiver, der dokumentet oppgir den.", maxLength: 200 })),
    kind: oneOf(sourceKinds, { description: "dokument (et av forskningsdokumentene, med tekstutgave) eller nettside (en datert nettside en redaktør har brukt til en oppdatering)." }),
    url: optional(url({ description: "Nettadressen, for en nettside." })),
    retrieved: optional(date({ description: "Datoen nettsiden ble lest, for en nettside." })),
    document_type: oneOf(documentTypes, { description: "Dokumenttype." }),
    language: oneOf(["nb", "nn", "en"] as const, { description: "Dokumentets språk (BCP 47)." }),
    method: text({
      description: "Hva slags studie det er, og metode og materiale, med våre ord på to linjer.",
      maxLength: 400,
    }),
    seed_file: optional(text({ description: "Navnet på tekstfilen i prosjektets kildemappe (shared/seeds), for et dokument.", maxLength: 100, prose: false })),
    reference_basis: text({
      description: "Med våre ord: hvor forfattere og år kommer fra, og hva som er utledet og ikke står i dokumentet selv. Vises på kildesiden.",
      maxLength: 800,
    }),
    provenance: text({
      description: "Hvor opplysningene står, som linjer i tekstutgavene («002:5–11» er linje 5–11 i dokument 002); bare til kontroll, vises ikke på sidene.",
    }),
    note: optional(text({ description: "Merknad med våre ord, f.eks. opplysninger dokumentet ikke oppgir." })),
  },
  asPrinted: ["title_in_source", "authors", "institution", "report_number", "commissioned_by"],
  rowRules: (row) =>
    row.kind === "dokument"
      ? row.seed_file === undefined
        ? [{ column: "seed_file", message: "is empty; expected the seed text of the document" }]
        : []
      : [
          ...(row.url === undefined ? [{ column: "url", message: "is empty; expected the address of the web page" }] : []),
          ...(row.retrieved === undefined ? [{ column: "retrieved", message: "is empty; expected the date the web page was read" }] : []),
        ],
});

export const schemes = ["Raskere tilbake", "Helse og arbeid"] as const;

export const appropriations = defineDataset({
  name: "appropriations",
  file: "appropriations.csv",
  title: "Bevilgninger",
  description:
    "Bevilgninger over statsbudsjettet (kap. 732, post 79) til «Raskere tilbake» 2007–2017 og rammeoverføringen til Helse og arbeid i 2018.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for raden." }),
    period_start: year({ description: "Første budsjettår beløpet gjelder." }),
    period_end: year({ description: "Siste budsjettår beløpet gjelder (lik første år for ett enkelt år)." }),
    scheme: oneOf(schemes, { description: "Ordningen beløpet gikk til." }),
    amount_nok: integer({ description: "Beløp i kroner, nominelt, slik kilden oppgir det.", min: 0 }),
    is_total: boolean({ description: "ja når raden er kildens egen sum over flere år, ellers nei." }),
    is_estimate: boolean({ description: "ja når kilden selv har beregnet beløpet fordi det ikke var oppgitt." }),
    ...provenanceColumns(),
  },
  citedNumbers: ["period_start", "period_end", "amount_nok"],
  rowRules: (row) =>
    typeof row.period_start === "number" && typeof row.period_end === "number" && row.period_end < row.period_start
      ? [{ column: "period_end", message: `${row.period_end} is before period_start ${row.period_start}; expected the same year or later` }]
      : [],
});

export const ownerships = ["offentlig", "privat"] as const;

/** Target groups, as the seed tables group the offers (headings such as "Psykisk helsevern", "Muskel/ skjelett"). */
export const targetGroups = ["psykisk-helse", "muskel-skjelett", "sammensatte", "rehabilitering", "hjerneskade", "kreft", "rus"] as const;

/** Forms of treatment, only where the source states them. */
export const offerForms = ["poliklinisk", "dag", "døgn", "ambulant", "gruppe", "digital"] as const;

/** When a description was true: the 2019 tables, the 2020/21 descriptions, or a year of the Raskere tilbake era. */
export const asOfPeriods = ["vår 2019", "2020/21"] as const;

/** Norway's counties from 1 January 2024, for the directory's county filter. */
export const counties = [
  "Agder", "Akershus", "Buskerud", "Finnmark", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo", "Rogaland",
  "Telemark", "Troms", "Trøndelag", "Vestfold", "Vestland", "Østfold",
] as const;

export const places = defineDataset({
  name: "places",
  file: "places.csv",
  title: "Steder",
  description:
    "Steder der tilbudene gis, med koordinater på tettstednivå for kartet. Koordinatene er ikke fra kildene, men allment kjent geografi.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for stedet, f.eks. «tonsberg»." }),
    name: text({ description: "Stedsnavn.", maxLength: 80 }),
    county: oneOf(counties, { description: "Fylket stedet ligger i, etter fylkesinndelingen fra 2024 (allment kjent geografi, ikke fra kildene)." }),
    latitude: decimal({ description: "Breddegrad (WGS 84), tettstedets omtrentlige sentrum.", min: 57, max: 72 }),
    longitude: decimal({ description: "Lengdegrad (WGS 84), tettstedets omtrentlige sentrum.", min: 4, max: 32 }),
    coordinate_source: text({ description: "Hvor koordinatene kommer fra.", maxLength: 200 }),
  },
  asPrinted: ["name"],
});

export const providers = defineDataset({
  name: "providers",
  file: "providers.csv",
  title: "Tilbydere",
  description:
    "Helseforetak og private institusjoner med avtale som gir Helse og arbeid-tilbud (tilsvarer «organization» i Open Referral HSDS).",
  key: "id",
  columns: {
    id: id({ description: "Fast id for tilbyderen." }),
    name: text({ description: "Tilbyderens navn, slik kildene oftest skriver det.", maxLength: 120 }),
    ownership: oneOf(ownerships, { description: "offentlig (helseforetak) eller privat (institusjon med avtale med RHF-et)." }),
    ...provenanceColumns(),
  },
  asPrinted: ["name"],
});

/** Pages and folders under /tilbud/ besides the offers (src/pages/tilbud/): an offer with one of these ids would lose its page. */
export const offerRoutes = ["kart", "malgruppe", "pasientliste", "region", "slik-henviser-du"];

/** Folders of pages under /tilbud/: an offer id "region-x" would share its citation and image file names with /tilbud/region/x/. */
const offerFolders = ["malgruppe", "region"];

function offerIdIssue(id: string): string | undefined {
  if (offerRoutes.includes(id)) return `"${id}" is the address of another page, /tilbud/${id}/; expected an id no page under /tilbud/ uses`;
  const folder = offerFolders.find((f) => id.startsWith(`${f}-`));
  if (folder) {
    return `"${id}" would name its citation files and preview image /sitering/tilbud-${id} like those of /tilbud/${folder}/${id.slice(folder.length + 1)}/; expected an id that does not begin with ${offerFolders.map((f) => `${f}-`).join(" or ")}`;
  }
  return undefined;
}

export const offers = defineDataset({
  name: "offers",
  file: "offers.csv",
  title: "Tilbud",
  description:
    "Helse og arbeid-tilbudene, én rad per tilbud (tilsvarer «service» i Open Referral HSDS): tilbudene i tabell 4.20–4.23 (vår 2019) i vedleggsrapporten fra følgeevalueringen, og tilbud som først er omtalt i beskrivelsene fra 2020/21 (avsnitt 4.6).",
  key: "id",
  columns: {
    id: id({ description: "Fast id for tilbudet; brukes i nettadressen /tilbud/<id>/ og endres ikke når en tekst rettes." }),
    provider_id: reference("providers", { description: "Tilbyderen (id i tilbydere)." }),
    region: oneOf(regions, { description: "Regionalt helseforetak (RHF)." }),
    name: text({ description: "Kort navn på tilbudet, laget av oss fra tilbyder og beskrivelse.", maxLength: 120 }),
    sector_as_printed: optional(text({ description: "Overskriften (sektor eller målgruppe) tilbudet står under i 2019-tabellen.", maxLength: 120 })),
    target_groups: list(oneOf(targetGroups, { description: "" }), {
      description: "Målgrupper. Fra tabellens overskrift, eller fra beskrivelsens egne ord der overskriften ikke sier det (se target_group_basis).",
    }),
    target_group_basis: oneOf(["overskrift", "beskrivelse", "tilbyder"] as const, {
      description: "Hvor målgruppen er hentet fra: tabellens overskrift, beskrivelsen, eller teksten i tilbydercellen.",
    }),
    forms: optional(list(oneOf(offerForms, { description: "" }), { description: "Behandlingsformer som beskrivelsen nevner med egne ord; tom når den ikke sier det." })),
    provider_as_printed: optional(text({ description: "Tilbyderen slik 2019-tabellen skriver den.", maxLength: 200 })),
    places_as_printed: optional(text({ description: "Stedene i parentes etter tilbyderen, slik tabellen skriver dem.", maxLength: 300 })),
    place_ids: optional(list(reference("places", { description: "" }), { description: "Stedene tilbudet gis på (id i steder), der 2019-tabellen eller beskrivelsene fra 2020/21 nevner dem." })),
    places_source: optional(text({ description: "Hvor kildene nevner stedene, slik en leser finner det i rapporten, f.eks. «tabell 4.22; avsnitt 4.6.4.4.1».", maxLength: 300, prose: false })),
    description: optional(text({
      description: "Hva tilbudet er, for hvem og i hvilken form, med våre egne ord og bare så langt kilden sier det (2019-tabellen, eller avsnittet fra 2020/21 for tilbud som først er omtalt der).",
      maxLength: 400,
    })),
    same_as_above: boolean({ description: "ja når tabellen skriver «Som over.»; beskrivelsen bygger da på raden over." }),
    as_of: oneOf(asOfPeriods, { description: "Tidspunktet opplysningene gjelder." }),
    last_verified: optional(date({ description: "Datoen en redaktør sist kontrollerte opplysningene mot tilbyderen eller en nyere kilde; tom inntil det er gjort." })),
    verified_by: optional(text({ description: "Hvem som kontrollerte (redaktørens navn eller rolle), og mot hva.", maxLength: 200, prose: false })),
    next_review: optional(date({ description: "Når opplysningene bør kontrolleres igjen." })),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje i kildeteksten raden strekker seg over.", min: 1 }),
  },
  citedTexts: ["provider_as_printed", "places_as_printed"],
  asPrinted: ["sector_as_printed", "provider_as_printed", "places_as_printed"],
  rowRules: (row) =>
    typeof row.id === "string" && offerIdIssue(row.id)
      ? [{ column: "id", message: offerIdIssue(row.id)! }]
      : typeof row.last_verified === "string" && typeof row.next_review === "string" && row.next_review <= row.last_verified
      ? [{ column: "next_review", message: `${row.next_review} is not after last_verified ${row.last_verified}; expected a later date` }]
      : row.last_verified !== undefined && row.verified_by === undefined
        ? [{ column: "verified_by", message: "is empty while last_verified is set; expected who checked the offer" }]
        : [],
});

export const offerChanges = ["ikke-i-2019", "endring-omtalt", "ingen-endring-omtalt", "avvikles"] as const;

export const offerUpdates = defineDataset({
  name: "offer_updates",
  file: "offer_updates.csv",
  title: "Tilbud i 2020/21",
  description:
    "Beskrivelsene av helseforetakenes tilbud fra 2020/21 (avsnitt 4.6.1–4.6.4 i vedleggsrapporten), koblet til tilbudene. Feltene sier med våre ord det avsnittet sier.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, laget av avsnittsnummeret." }),
    offer_ids: list(reference("offers", { description: "" }), {
      description: "Tilbudet eller tilbudene avsnittet beskriver (samme tilbyder og målgruppe som i 2019, eller et tilbud som er nytt i oversikten).",
    }),
    section: text({ description: "Avsnittsnummeret i vedleggsrapporten, f.eks. «4.6.1.1.1».", maxLength: 20, prose: false }),
    heading_as_printed: text({ description: "Avsnittets overskrift slik kilden skriver den.", maxLength: 300 }),
    change: oneOf(offerChanges, {
      description:
        "Hva kilden sier om endring siden 2019: ikke-i-2019 (ikke med i 2019-tabellene), endring-omtalt, ingen-endring-omtalt, avvikles.",
    }),
    change_note: optional(text({ description: "Det avsnittet sier om endringer siden 2019, med våre ord.", maxLength: 300 })),
    target_group_text: optional(text({ description: "Hvem tilbudet er for (diagnoser, alder, arbeidssituasjon, opptaksområde), med våre ord.", maxLength: 300 })),
    forms: optional(list(oneOf(offerForms, { description: "" }), { description: "Behandlingsformer avsnittet nevner med egne ord." })),
    places_text: optional(text({ description: "Steder og enheter avsnittet nevner." })),
    who_may_refer: optional(text({ description: "Hvem som kan henvise, der avsnittet sier det." })),
    referral_route: optional(text({ description: "Hvordan henvisninger vurderes, der avsnittet sier det, med våre ord.", maxLength: 300 })),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje i avsnittet.", min: 1 }),
  },
  citedTexts: ["heading_as_printed"],
  asPrinted: ["heading_as_printed", "places_text"],
});

export const webAddresses = defineDataset({
  name: "web_addresses",
  file: "web_addresses.csv",
  title: "Nettadresser",
  description: "Nettadresser til tilbydere, tilbud og de regionale helseforetakenes sider om Helse og arbeid, bare slik kildene selv trykker dem; vises på tilbuds- og regionsidene.",
  key: "id",
  columns: {
    id: id({ description: "Fast id." }),
    region: optional(oneOf(regions, { description: "Det regionale helseforetaket, når adressen er regionens egen side." })),
    provider_id: optional(reference("providers", { description: "Tilbyderen adressen hører til." })),
    offer_ids: optional(list(reference("offers", { description: "" }), {
      description: "Tilbudene adressen gjelder, når den gjelder bestemte tilbud; tom når den gjelder alle tilbyderens tilbud.",
    })),
    url: url({ description: "Nettadressen slik kilden trykker den (med https:// foran der kilden utelater det; se source_note).", printedHttp: true }),
    ...provenanceColumns(),
  },
  asPrinted: ["url"],
  rowRules: (row) =>
    (row.region === undefined) === (row.provider_id === undefined)
      ? [{ column: "provider_id", message: "and region are both empty or both set; expected exactly one of them" }]
      : [],
});

/** In the order a GP reads them: may I refer, what to write, who decides, then the limits. */
export const referralTopics = [
  "who_may_refer",
  "referral_content",
  "assessing_unit",
  "rights_assessment",
  "age_rule",
  "exclusions",
  "conditions",
  "waiting_time",
  "referral_problems",
  "information_to_referrers",
] as const;

export const referralFacts = defineDataset({
  name: "referral_facts",
  file: "referral_facts.csv",
  title: "Om henvisning",
  description:
    "Det kildene sier om hvem som kan henvise, hvordan retten til helsehjelp vurderes, hva en henvisning bør inneholde og ventetider, per region.",
  key: "id",
  columns: {
    id: id({ description: "Fast id." }),
    topic: oneOf(referralTopics, { description: "Tema." }),
    region: oneOf([...regions, "alle"] as const, { description: "Regionen opplysningen gjelder, eller «alle»." }),
    offer_ids: optional(list(reference("offers", { description: "" }), {
      description: "Tilbudet eller tilbudene opplysningen gjelder, når den bare gjelder dem; den står da i «Henvis hit» på tilbudets side, ikke på region- og henvisningssidene.",
    })),
    fact: text({ description: "Opplysningen med våre egne ord, med tidspunktet kilden oppgir.", maxLength: 400 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje opplysningen bygger på.", min: 1 }),
  },
});

export const statisticThemes = ["finansiering", "aktivitet", "pasienter", "ventetid-og-sykefravaer", "effekter", "undersokelser"] as const;

export const statisticsTables = defineDataset({
  name: "statistics_tables",
  file: "statistics_tables.csv",
  title: "Statistikktabeller",
  description: "Tabellene i kildene som statistikken er skrevet av fra, med tabelltekst og tema.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, laget av tabellnummeret, f.eks. «tabell-4-37»." }),
    table: text({ description: "Tabellnummeret slik kilden skriver det.", maxLength: 40 }),
    caption: text({ description: "Tabellteksten slik kilden skriver den (står i nedlastingene; sidene viser vår tittel)." }),
    title: text({ description: "Vår korte tittel på tabellen, uten tabellnummer; sidene viser den med tabellnummeret.", maxLength: 80 }),
    section: optional(text({ description: "Kapittel eller avsnitt i dokumentet der tabellen står, f.eks. «4.9.3».", maxLength: 20, prose: false })),
    theme: oneOf(statisticThemes, { description: "Temaside tabellen hører til." }),
    ...provenanceColumns(),
    source_line_last: optional(integer({ description: "Siste linje tabellteksten og tabellen strekker seg over, der den står over flere linjer.", min: 1 })),
    unplaced_values: optional(
      text({
        description:
          "Verdier i tabellen som ikke kan plasseres sikkert i rad og kolonne (tekstutgaven har mistet oppsettet), slik kilden skriver dem, skilt med «; »; en gruppe kan begynne med raden de står i («Er sykmeldt: 2 5 5»). De står ikke i statistics.csv; siden viser dem som «ikke plassert». Forklar hvorfor i source_note.",
        maxLength: 2000,
        prose: false,
      }),
    ),
  },
  asPrinted: ["table", "caption", "unplaced_values"],
});

export const statisticUnits = [
  "antall",
  "prosent",
  "dager",
  "prosentpoeng",
  "kroner",
  "tusen kroner",
  "millioner kroner",
  "gjennomsnitt",
  "standardavvik",
  "koeffisient",
  "standardfeil",
  "oddsforhold",
  "vekt",
  "t-verdi",
  "z-verdi",
  "p-verdi",
  "år",
  "måneder",
] as const;

export const statistics = defineDataset({
  name: "statistics",
  file: "statistics.csv",
  title: "Statistikk (celler)",
  description:
    "Hver celle i statistikktabellene, én verdi per rad med enhet, periode og nøyaktig hvor den står i kilden (ryddig format).",
  key: "id",
  columns: {
    id: id({ description: "Fast id: tabell, rad og kolonne." }),
    table_id: reference("statistics_tables", { description: "Tabellen cellen står i." }),
    row_label: text({ description: "Radoverskriften slik kilden skriver den.", maxLength: 500 }),
    column_label: text({ description: "Kolonneoverskriften slik kilden skriver den.", maxLength: 300 }),
    row_order: integer({ description: "Radens plass i tabellen (1 = første).", min: 1 }),
    column_order: integer({ description: "Kolonnens plass i tabellen (1 = første).", min: 1 }),
    period: optional(text({ description: "Året eller perioden verdien gjelder.", maxLength: 80, prose: false })),
    value: optional(decimal({ description: "Verdien som tall (punktum som desimaltegn); tom når kilden ikke oppgir et tall (f.eks. «*»)." })),
    value_as_printed: text({ description: "Verdien nøyaktig slik kilden skriver den.", maxLength: 40 }),
    unit: oneOf(statisticUnits, { description: "Enhet." }),
    partial_period: boolean({ description: "ja når perioden ikke er et helt år (f.eks. 2021 til og med 2. tertial)." }),
    placement_derived: boolean({
      description:
        "ja når tekstutgaven har mistet overskriften ved cellen, og raden eller kolonnen er utledet av dokumentets egen tekst (tabellnote, avsnitt, n, summer); begrunnelsen står i source_note. Sida merker cellen «plassering utledet».",
    }),
    ...provenanceColumns(),
  },
  citedTexts: ["value_as_printed"],
  asPrinted: ["row_label", "column_label", "value_as_printed"],
  rowRules: (row) =>
    row.unit === "prosent" && typeof row.value === "number" && (row.value < 0 || row.value > 100)
      ? [{ column: "value", message: `${row.value} is not a share; expected 0 to 100 when unit is prosent` }]
      : [],
});

export const tableItems = defineDataset({
  name: "table_items",
  file: "table_items.csv",
  title: "Tabeller med ord (lister)",
  description:
    "Tabeller i kildene som lister ord, ikke tall (registre, kartleggingsskjema, beskrivelser, kategorier): ett punkt per rad, med egne ord.",
  key: "id",
  columns: {
    id: id({ description: "Fast id: tabell og punkt, f.eks. «tabell-3-1-p01»." }),
    table_id: reference("statistics_tables", { description: "Tabellen punktet står i." }),
    item_order: integer({ description: "Punktets plass i tabellen (1 = første).", min: 1 }),
    term: text({ description: "Navnet eller overskriften slik kilden skriver den (navn, kort etikett), eller en kort etikett med egne ord.", maxLength: 160 }),
    detail: optional(text({ description: "Hva tabellen sier om punktet, med egne ord." })),
    count: optional(integer({ description: "Antall, når tabellen oppgir et for punktet.", min: 0 })),
    ...provenanceColumns(),
    source_line_last: optional(integer({ description: "Siste linje punktet står på.", min: 1 })),
  },
  citedNumbers: ["count"],
  asPrinted: ["term"],
});

export const sourceTableStatuses = ["statistikk", "tilbud", "litteratur", "bevilgninger", "delphi", "utelatt"] as const;

export const sourceTables = defineDataset({
  name: "source_tables",
  file: "source_tables.csv",
  title: "Tabellene i de fem dokumentene",
  description:
    "Alle tabellene i kildedokumentene, med hvor hver av dem står på nettstedet, eller hvorfor den er utelatt. Testene teller tabellene per dokument herfra.",
  key: "id",
  columns: {
    id: id({ description: "Fast id: dokument og tabellnummer, f.eks. «sintef-ntnu-tabell-4-9»." }),
    table: text({ description: "Tabellnummeret slik kilden skriver det.", maxLength: 60 }),
    status: oneOf(sourceTableStatuses, {
      description:
        "Hvor tabellen står: statistikk (egen tabellside), tilbud (tilbudsoversikten), litteratur (oversiktene og studiene), bevilgninger, delphi (Delphi-siden), eller utelatt.",
    }),
    table_ids: optional(
      list(reference("statistics_tables", { description: "tabellside" }), {
        description: "Tabellsiden, når status er statistikk; flere når kilden trykker tabellen over sider med ulike kolonner.",
      }),
    ),
    reason: optional(text({ description: "Hvorfor tabellen er utelatt, med egne ord; påkrevd når status er utelatt." })),
    ...provenanceColumns(),
  },
  asPrinted: ["table"],
  rowRules: (row) => {
    const problems: { column: string; message: string }[] = [];
    if (row.status === "statistikk" && !row.table_ids) problems.push({ column: "table_ids", message: "is empty; expected the table page's id when status is statistikk" });
    if (row.status !== "statistikk" && row.table_ids) problems.push({ column: "table_ids", message: `is set while status is ${String(row.status)}; expected it empty` });
    if (row.status === "utelatt" && !row.reason) problems.push({ column: "reason", message: "is empty; expected why the table is left out" });
    return problems;
  },
});

export const keyFigures = defineDataset({
  name: "key_figures",
  file: "key_figures.csv",
  title: "Nøkkeltall",
  description:
    "Tallene som oftest blir sitert, hvert med definisjon, periode, forbehold og lenke til tabellen eller siden det står på.",
  key: "id",
  columns: {
    id: id({ description: "Fast id; blir ankeret i nettadressen /statistikk/nokkeltall/#<id>." }),
    figure_order: integer({ description: "Rekkefølgen på siden (1 = først).", min: 1 }),
    label: text({ description: "Hva tallet er, kort og med egne ord.", maxLength: 90 }),
    value: decimal({ description: "Tallet, i enheten (kroner skrives ut: 5746911000)." }),
    value_as_printed: text({ description: "Tallet slik kilden skriver det, f.eks. «3,57 milliarder».", maxLength: 60, prose: false }),
    unit: oneOf(statisticUnits, { description: "Enhet." }),
    period: text({ description: "Perioden tallet gjelder, f.eks. «2008–2018».", maxLength: 40, prose: false }),
    definition: text({ description: "Hva som er talt eller regnet, med egne ord." }),
    caveat: optional(text({ description: "Det en må vite før en siterer tallet (avvik mellom kilder, hva som ikke er med), med egne ord." })),
    href: text({ description: "Siden med tabellen tallet står i, f.eks. /statistikk/tabeller/tabell-4-77/.", maxLength: 120, prose: false }),
    on_home: boolean({ description: "ja når tallet også står på forsiden." }),
    ...provenanceColumns(),
    source_line_last: optional(integer({ description: "Siste linje tallet og forklaringen står på.", min: 1 })),
  },
  citedTexts: ["value_as_printed"],
  asPrinted: ["value_as_printed"],
  rowRules: (row) =>
    /^\/[a-z0-9\-/]*\/(#[a-z0-9-]+)?$/.test(String(row.href))
      ? []
      : [{ column: "href", message: `${JSON.stringify(row.href)} is not a path on this site; expected e.g. /statistikk/tabeller/tabell-4-77/` }],
});

export const delphiCategories = defineDataset({
  name: "delphi_categories",
  file: "delphi_categories.csv",
  title: "Delphi-studien: kategorier",
  description: "Kategoriene i Delphi-studien om tilbakeføring til arbeid, med antall meningsenheter (tabell 2 i artikkelen).",
  key: "id",
  columns: {
    id: id({ description: "Fast id for kategorien." }),
    name: text({ description: "Kategorien slik artikkelen skriver den.", maxLength: 120 }),
    written_units: integer({ description: "Meningsenheter fra de skriftlige svarene før gruppeintervjuet (kolonnen «Skriftlig»).", min: 0 }),
    interview_units: integer({ description: "Meningsenheter fra det transkriberte gruppeintervjuet (kolonnen «Intervju»).", min: 0 }),
    meaning_units: integer({ description: "Antall meningsenheter i kategorien i alt (kolonnen «Totalt»).", min: 0 }),
    category_order: integer({ description: "Kategoriens plass i tabellen.", min: 1 }),
    ...provenanceColumns(),
  },
  citedNumbers: ["written_units", "interview_units", "meaning_units"],
  asPrinted: ["name"],
  rowRules: (row) =>
    Number(row.written_units) + Number(row.interview_units) === Number(row.meaning_units)
      ? []
      : [{ column: "meaning_units", message: `${String(row.meaning_units)} is not written_units + interview_units (${Number(row.written_units) + Number(row.interview_units)}); expected the row's total` }],
});

export const delphiItems = defineDataset({
  name: "delphi_items",
  file: "delphi_items.csv",
  title: "Delphi-studien: utfordringer og endringsforslag",
  description: "De 23 utfordringene og 34 endringsforslagene ekspertene i Delphi-studien kom fram til, med kategori.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, f.eks. «problem-01» eller «endring-12»." }),
    kind: oneOf(["problem", "endring"] as const, { description: "problem (utfordring) eller endring (endringsforslag)." }),
    category_id: reference("delphi_categories", { description: "Kategorien (id i kategorier)." }),
    item: text({ description: "Utfordringen eller forslaget med våre egne, enkle ord.", maxLength: 300 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje punktet står på.", min: 1 }),
  },
});

/** The eight groups the literature review sorts its systematic reviews into (Tabell 4.1–4.8, in that order). */
export const reviewGroups = [
  "psykiske-lidelser",
  "muskel-skjelett",
  "sammensatte",
  "kroniske-smerter",
  "kreft",
  "hjernetraumer",
  "fastlege-arbeidsgiver",
  "implementering",
] as const;

export const literatureKinds = ["systematisk-oversikt", "evaluering", "rapport", "doktorgrad", "enkeltstudie", "nettressurs"] as const;

/** How certain the evidence is, as the source itself grades it; never our own grading. */
export const certaintyLevels = ["høy", "moderat", "lav", "svært lav", "varierer", "ikke vurdert i kilden"] as const;

export const literature = defineDataset({
  name: "literature",
  file: "literature.csv",
  title: "Litteratur",
  description:
    "Systematiske oversikter, evalueringer, doktorgrader, enkeltstudier og nettressurser som litteraturgjennomgangen i vedleggsrapporten (avsnitt 4.1) beskriver. Mål, konklusjon og de strukturerte feltene er våre ord; bare kildens ord om hvor sikker kunnskapen er, står ordrett (høyst 8 ord).",
  key: "id",
  columns: {
    id: id({ description: "Fast id, vanligvis førsteforfatter og år, f.eks. «lancman-2021»; brukes i nettadressen /kunnskap/studier/<id>/." }),
    kind: oneOf(literatureKinds, { description: "Hva slags arbeid det er." }),
    groups: optional(list(oneOf(reviewGroups, { description: "" }), {
      description: "Diagnosegruppen eller temaet (tabell 4.1–4.8) en systematisk oversikt står under; to når den står i to tabeller.",
    })),
    first_author: optional(text({ description: "Førsteforfatterens etternavn slik kilden skriver det.", maxLength: 80 })),
    year: optional(year({ description: "Utgivelsesår." })),
    reference_number: optional(integer({ description: "Referansenummeret i vedleggsrapporten (hevet skrift etter året i tabellen).", min: 1 })),
    label: optional(text({ description: "Vårt korte navn i lister og lenker, for arbeid uten forfatter (f.eks. en nettressurs); ellers brukes førsteforfatter og år.", maxLength: 100 })),
    title: optional(text({ description: "Tittelen, bare der kilden skriver den.", maxLength: 400 })),
    journal: optional(text({ description: "Tidsskriftet, bare der avsnitt 4.1.7 nevner det for referansenummeret.", maxLength: 200 })),
    url: optional(url({ description: "Nettadressen til en nettressurs, slik kilden skriver den." })),
    aim: optional(text({ description: "Hva oversikten ville finne ut, med våre egne ord.", maxLength: 400 })),
    population: optional(text({ description: "Hvem som er studert, der kilden sier det.", maxLength: 200 })),
    intervention: optional(text({ description: "Hvilke tiltak som er undersøkt, der kilden sier det.", maxLength: 200 })),
    comparison: optional(text({ description: "Hva tiltakene er sammenlignet med, bare der kilden sier det.", maxLength: 200 })),
    outcomes: optional(text({ description: "Hvilke utfall som er målt, der kilden sier det.", maxLength: 200 })),
    included_studies: optional(integer({ description: "Antall inkluderte studier, der kilden oppgir det.", min: 1 })),
    certainty_as_printed: optional(text({ description: "Ordene kilden bruker om hvor sikker kunnskapen er, ordrett og høyst 8 ord; flere skilt med « | »." })),
    certainty: oneOf(certaintyLevels, {
      description: "Hvor sikker kunnskapen er slik kilden vurderer den: høy, moderat, lav, svært lav, varierer (ulik for ulike utfall) eller «ikke vurdert i kilden».",
    }),
    summary: text({ description: "Hva arbeidet konkluderer med eller fant, med våre egne, enkle ord og ikke sterkere enn kilden.", maxLength: 900 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje raden strekker seg over.", min: 1 }),
  },
  citedTexts: ["certainty_as_printed"],
  asPrinted: ["first_author", "label", "title", "journal", "url", "certainty_as_printed"],
  rowRules: (row) =>
    typeof row.certainty_as_printed === "string" && row.certainty_as_printed.split(" | ").some((phrase) => phrase.split(/\s+/).length > 8)
      ? [{ column: "certainty_as_printed", message: "has a phrase of more than 8 words; expected phrases of at most 8 words, separated by \" | \"" }]
      : [],
  // The table prints "Lancman, 202153": author, then year and reference number run together.
  checkCited: (row, cited) => {
    if (row.kind !== "systematisk-oversikt") return undefined;
    const text = cited.replace(/- /g, "");
    const author = String(row.first_author).replace(/-/g, "");
    const stamp = `${row.year}${row.reference_number}`;
    return new RegExp(`${author},? ?${stamp}`).test(text.replace(/-/g, "")) ? undefined : `"${row.first_author}, ${stamp}" is not the study cell`;
  },
});

export const findingKinds = ["funn", "konklusjon", "anbefaling", "barriere", "fremmer"] as const;

export const findingThemes = [
  "implementering",
  "finansiering-og-styring",
  "informasjon-til-henvisere",
  "henvisning",
  "samhandling",
  "arbeidsplassen",
  "koordinering",
  "malgruppe",
  "innhold",
  "effekt-sykefravaer",
  "kostnader",
] as const;

export const findings = defineDataset({
  name: "findings",
  file: "findings.csv",
  title: "Hovedfunn",
  description: "Hovedfunn, konklusjoner og anbefalinger i hvert av de fem kildedokumentene, med våre ord, med tema og hvor i dokumentet de står.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, f.eks. «sintef-07»." }),
    kind: oneOf(findingKinds, { description: "funn, konklusjon, anbefaling, barriere eller fremmer (det som gjør samarbeid lettere)." }),
    theme: oneOf(findingThemes, { description: "Temaet funnet hører til." }),
    finding: text({ description: "Funnet med våre egne ord, ikke sterkere enn kilden.", maxLength: 500 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje funnet bygger på.", min: 1 }),
  },
});

/** A topic summary's address under /kunnskap/: a review group ("oversikter/kreft") or a theme ("tema/samhandling"). */
export const evidenceTopics = [...reviewGroups.map((g) => `oversikter/${g}`), ...findingThemes.map((t) => `tema/${t}`)] as const;

export const keyMessages = defineDataset({
  name: "key_messages",
  file: "key_messages.csv",
  title: "Hovedbudskap",
  description:
    "Hovedbudskapene øverst i hver kunnskapsoppsummering, skrevet av oss og bygget på oversiktene og funnene de viser til.",
  key: "id",
  columns: {
    id: id({ description: "Fast id." }),
    topic: oneOf(evidenceTopics, { description: "Oppsummeringen budskapet står i, f.eks. «oversikter/kreft» eller «tema/samhandling»." }),
    message_order: integer({ description: "Budskapets plass i lista (1 = først).", min: 1 }),
    message: text({ description: "Budskapet med våre egne ord, ikke sterkere enn kildene.", maxLength: 400 }),
    literature_ids: optional(list(reference("literature", { description: "" }), { description: "Oversiktene eller studiene budskapet bygger på." })),
    finding_ids: optional(list(reference("findings", { description: "" }), { description: "Funnene budskapet bygger på." })),
    ...provenanceColumns(),
  },
  synthesis: true,
});

/** Every dataset, in the order they are read: a dataset is read before any dataset that refers to it. */
export const datasets = [
  sources,
  appropriations,
  places,
  providers,
  offers,
  offerUpdates,
  webAddresses,
  referralFacts,
  statisticsTables,
  statistics,
  tableItems,
  sourceTables,
  keyFigures,
  delphiCategories,
  delphiItems,
  literature,
  findings,
  keyMessages,
] as const;

export type Source = RecordOf<typeof sources>;
export type Appropriation = RecordOf<typeof appropriations>;
export type Place = RecordOf<typeof places>;
export type Provider = RecordOf<typeof providers>;
export type Offer = RecordOf<typeof offers>;
export type OfferUpdate = RecordOf<typeof offerUpdates>;
export type WebAddress = RecordOf<typeof webAddresses>;
export type ReferralFact = RecordOf<typeof referralFacts>;
export type StatisticsTable = RecordOf<typeof statisticsTables>;
export type Statistic = RecordOf<typeof statistics>;
export type TableItem = RecordOf<typeof tableItems>;
export type SourceTable = RecordOf<typeof sourceTables>;
export type KeyFigure = RecordOf<typeof keyFigures>;
export type DelphiCategory = RecordOf<typeof delphiCategories>;
export type DelphiItem = RecordOf<typeof delphiItems>;
export type Literature = RecordOf<typeof literature>;
export type Finding = RecordOf<typeof findings>;
export type KeyMessage = RecordOf<typeof keyMessages>;
