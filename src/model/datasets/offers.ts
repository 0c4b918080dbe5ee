import { boolean, date, id, integer, list, oneOf, optional, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { regions, targetGroups, offerForms, asOfPeriods } from "../vocabularies.ts";

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

export type Offer = RecordOf<typeof offers>;
