import type { Dataset } from "../../model/dataset.ts";
import { datasets } from "../../model/datasets.ts";

/** Markdown table cells: a pipe or a line break would end the cell. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function datasetSection(d: Dataset): string {
  const rows = Object.entries(d.columns).map(
    ([name, c]) =>
      `| \`${name}\` | ${cell(c.typeLabel)} | ${c.required ? "ja" : "nei"} | ${cell(c.description)}${c.references ? ` (viser til \`${c.references}\`)` : ""} |`,
  );
  const cited = [
    ...(d.citedNumbers?.length ? [`Tall som må stå på kildelinjen: ${d.citedNumbers.map((c) => `\`${c}\``).join(", ")}.`] : []),
    ...(d.citedTexts?.length ? [`Tekst som må stå ordrett i kildelinjene: ${d.citedTexts.map((c) => `\`${c}\``).join(", ")}.`] : []),
    ...(d.asPrinted?.length ? [`Kan stå slik kilden skriver det (navn, titler, tabelletiketter): ${d.asPrinted.map((c) => `\`${c}\``).join(", ")}; alle andre tekstfelt er våre egne ord.`] : []),
  ];
  return [
    `### ${d.title} (\`${d.file}\`)`,
    "",
    cell(d.description),
    "",
    `Nøkkel: \`${d.key}\` (må være unik).${cited.length ? " " + cited.join(" ") : ""}`,
    "",
    "| Kolonne | Type | Påkrevd | Beskrivelse |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

/**
 * data/README.md: the data editor's guide. The column reference is generated from the schemas, so it
 * cannot drift from what the build checks; `npm run data-readme` rewrites it, and a test fails when it is stale.
 */
export function dataReadme(): string {
  return `# Dataene: veiledning for redaktører

<!-- Denne filen lages av \`npm run data-readme\` fra skjemaene i src/model/. Ikke rediger den for hånd. -->

Alle tall og opplysninger på nettstedet står i CSV-filene i denne mappen. Nettstedet bygges fra dem med
\`npm run build\`, som stopper med en feilmelding hvis noe ikke stemmer. Da blir forrige versjon av nettstedet stående.

## Regler for alle filer

- UTF-8, komma som skilletegn, første linje er kolonnenavnene. Felt med komma, anførselstegn eller linjeskift
  settes i anførselstegn, og anførselstegn inni dobles (\`""\`). Excel: «CSV UTF-8».
- Tall skrives med sifre uten mellomrom: \`11771\`, ikke \`11 771\`. Desimaltall med punktum: \`4.47\`.
- Ja/nei-felt skrives \`ja\` eller \`nei\`. Lister skilles med semikolon: \`poliklinisk; gruppe\`.
- Tomt felt betyr at kilden ikke sier det. Vi gjetter aldri.
- Hver rad oppgir kilden: \`source_id\` (dokumentet), \`source_location\` (tabell, kapittel eller avsnitt, slik en leser
  finner det i den publiserte rapporten) og \`source_line\`/\`source_line_last\` (linjene i tekstutgaven av dokumentet).
  \`npm run check:provenance\` kontrollerer at tallene står der, også hvert tall i tekstene våre. Linjenumrene står i
  dataene og nedlastingene, aldri på sidene.
- Feil i en kilde rettes ikke: behold kildens verdi og skriv hva som er galt i \`source_note\`. Skill ledd med «;».
  Et ledd som nevner en linje eller tekstutgaven, er for redaktører og vises ikke på sidene; resten vises som merknad.

## Med egne ord

Fakta og tall hentes fra kildene; setningene gjør det ikke. Alt du skriver i dataene, skriver du med egne ord: et
funn, en oversikts mål og konklusjon, en beskrivelse av et tilbud, en regel om henvisning, en merknad.
- Dette kan stå slik kilden skriver det: navn (personer, organisasjoner, tilbud, steder), titler på dokumenter,
  avsnitt og tabeller, tabellenes egne rad- og kolonneoverskrifter, tall, og kildens ord om hvor sikker kunnskapen
  er (\`certainty_as_printed\`, høyst 8 ord per uttrykk). Kolonnene det gjelder, står under hver fil nedenfor.
- Skriv om setningen, ikke bare ett ord i den. Legg ikke til noe kilden ikke sier, og gjør det ikke sterkere eller
  svakere enn kilden.
- Bruk bare tall som står i linjene raden viser til (\`source_line\`–\`source_line_last\`). Må du bruke et tall du har
  utledet selv, for eksempel et år, forklar det i \`source_note\`.
- \`npm run check:own-words\` (etter \`npm run build\`) leser kildetekstene i \`../shared/seeds\` og feiler på hver
  celle og hver side som deler 9 ord eller flere på rad med en kilde, med \`fil:linje:kolonne\` eller sidens adresse og
  ordene. CI kjører den.

## Slik gjør du vanlige endringer

**Rette et tilbud.** Finn raden i \`offers.csv\` (id-en står i nettadressen /tilbud/<id>/). Id-en endres aldri,
for den er en del av nettadressen andre har lenket til. Rett feltene og kontroller at kildelinjene fortsatt stemmer.
Må en id likevel endres, legg den gamle adressen inn i \`src/redirects.ts\`, så den sender leseren videre; testene
feiler når en side fra en arkivert utgave er borte uten en slik videresending.

**Kontrollere eller oppdatere ett tilbud.** Tilbudssiden sier «Ikke kontrollert siden kilden» til en redaktør har
sjekket tilbudet.
1. Sjekk opplysningene mot tilbyderen (telefon eller e-post) eller tilbyderens nettside.
2. Brukte du en nettside, legg den inn i \`sources.csv\` som en egen kilde: \`kind\` = \`nettside\`, \`document_type\` =
   \`nettside\`, \`url\`, \`retrieved\` (datoen du leste den, ÅÅÅÅ-MM-DD), en kort tittel og \`reference_basis\`.
   \`seed_file\` er tom.
3. Rett feltene i \`offers.csv\` med egne ord. Et nytt faktum fra nettsiden får \`source_id\` = nettsidens id,
   \`source_location\` = delen av siden (f.eks. «Om tilbudet»), og \`source_line\` = 1.
4. Fyll inn \`last_verified\` (dagens dato), \`verified_by\` (hvem, og mot hva) og \`next_review\` (når det bør sjekkes
   igjen, f.eks. om ett år). Byggingen stopper hvis \`next_review\` ikke er senere enn \`last_verified\`, eller hvis
   \`verified_by\` mangler.
5. Henvisningsregler for tilbudet står i \`referral_facts.csv\` med tilbudets id i \`offer_ids\`; de vises under
   «Henvis hit». Nettadresser står i \`web_addresses.csv\`.
6. Kjør \`npm run build\` og \`npm test\`, og legg inn en ny datautgave (se under).

**Legge til et tilbud.** Legg til en rad i \`offers.csv\` med en ny, unik id. Tilbyderen må finnes i
\`providers.csv\` og stedene i \`places.csv\` (legg dem til først).

**Legge til statistikk.** Legg tabellen inn i \`statistics_tables.csv\` og hver celle som en rad i \`statistics.csv\`,
med radens og kolonnens overskrift, plass i tabellen og verdien både som tall (\`value\`) og slik kilden skriver den
(\`value_as_printed\`).

**Legge til en studie eller et funn.** En oversikt eller studie går i \`literature.csv\`, et hovedfunn i
\`findings.csv\`. Mål, konklusjon (\`summary\`) og de strukturerte feltene (hvem, tiltak, sammenligning, utfall)
skriver du med egne ord, aldri sterkere enn kilden; bare uttrykket for hvor sikker kunnskapen er, står ordrett.

**Ny datautgave.** Når dataene endres, legg en ny utgave øverst i \`releases\` i \`src/site.ts\` med dato og hva som
er endret. Den vises i bunnen av hver side, i siteringene og i nyhetsstrømmen. Kjør så \`npm run archive\`: det lagrer
en frossen kopi av hele nettstedet i \`arkiv/<utgave>.json.gz\` her i mappen, som publiseres under /arkiv/<utgave>/.
Ved siden av ligger \`arkiv/<utgave>.manifest.txt\`: en liste over filene i arkivet med en kontrollsum for hver, som en
gjennomgang kan lese (arkivet selv er binært). Bygget stopper hvis listen og arkivet ikke stemmer overens.
Lagre begge filene sammen med dataendringen. Testene feiler når dataene er endret etter at gjeldende utgave ble arkivert.

## Feilmeldinger

Byggingen skriver én linje per feil: \`fil:linje:kolonne: hva som er galt; hva som ventes\`. Eksempler:

| Melding | Betyr |
| --- | --- |
| \`data/appropriations.csv:2:amount_nok: "457 900 000" is not a whole number; expected digits only, without spaces, separators or decimals\` | Tall skrives uten mellomrom. |
| \`data/appropriations.csv:4:id: "rt-2008" is a duplicate; the same id is already used on line 2\` | Id-en finnes fra før i fila. |
| \`data/appropriations.csv:2:source_id: "sintef-2022" does not match any id in data/sources.csv\` | Raden viser til noe som ikke finnes. |
| \`data/appropriations.csv:1:comment: is not a known column of appropriations.csv; expected columns: …\` | Kolonnenavnet er feilstavet eller ukjent. |
| \`data/sources.csv:2: is not valid UTF-8 (byte 0xF8 at byte offset 136); save the file as UTF-8\` | Fila er lagret med feil tegnkoding. |

Alle meldingstypene har et eksempel i \`test/fixtures/bad/\`, med den nøyaktige meldingen i \`expected.txt\`.

## Kolonnene i hver fil

${datasets.map(datasetSection).join("\n")}`;
}
