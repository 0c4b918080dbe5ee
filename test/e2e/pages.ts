import { redirects } from "../../src/redirects.ts";

/**
 * The pages the browser checks visit: one page of every template, plus key pages.
 * `templateOf` names the template of any built page, so a test can prove that every
 * kind of page in dist/ has a representative here.
 */
export const templatePages: Record<string, string> = {
  home: "/",
  "offer directory": "/tilbud/",
  "offer page": "/tilbud/ous-kreft-dagrehabilitering/",
  "offers of a region": "/tilbud/region/helse-vest/",
  "offers of a target group": "/tilbud/malgruppe/psykisk-helse/",
  "referral guide": "/tilbud/slik-henviser-du/",
  "offer map": "/tilbud/kart/",
  "patient list": "/tilbud/pasientliste/",
  explainer: "/hva-er-helse-og-arbeid/",
  "statistics index": "/statistikk/",
  "statistics page": "/statistikk/bevilgninger/",
  "statistics table": "/statistikk/tabeller/tabell-4-37/",
  "evidence index": "/kunnskap/",
  "evidence summary": "/kunnskap/delphi-studien/",
  "review group summary": "/kunnskap/oversikter/kreft/",
  "theme summary": "/kunnskap/tema/samhandling/",
  "study list": "/kunnskap/studier/",
  "study page": "/kunnskap/studier/lancman-2021/",
  "source list": "/kilder/",
  "source page": "/kilder/sintef-ntnu-folgeevaluering-vedlegg/",
  search: "/sok/",
  about: "/om/",
  "about subpage": "/om/metode/",
  "open data": "/data/",
  "archive index": "/arkiv/",
  "archived page": "/arkiv/2026.12.0/statistikk/bevilgninger/",
  "moved address": "/tilgjengelighetserklaering/",
  "not found": "/denne-siden-finnes-ikke/",
};

/** Pages that get every check, whatever their template. */
export const keyPages = [
  "/",
  "/tilbud/",
  "/tilbud/region/helse-nord/",
  "/statistikk/",
  "/statistikk/aktivitet/",
  "/statistikk/pasienter/",
  "/statistikk/ventetid-og-sykefravaer/",
  "/statistikk/effekter/",
  "/statistikk/figurer/",
  "/statistikk/tabeller/",
  "/statistikk/tabeller/tabell-4-58/",
  "/statistikk/nokkeltall/",
  "/statistikk/tabeller/kilde001-tabell-7/",
  "/statistikk/tabeller/kilde001-vedlegg-2-side-2/",
  "/statistikk/tabeller/tabell-4-15/",
  "/kunnskap/",
  "/kunnskap/funn/",
  "/kunnskap/oversikter/psykiske-lidelser/",
  "/kunnskap/tema/koordinering/",
  "/kunnskap/studier/joosen-2015/",
  "/kilder/",
  "/kilder/nmbu-2016-masteroppgave/",
  "/om/",
  "/om/endringer/",
  "/om/tilgjengelighet/",
];

/** e.g. "/kilder/snf-2008/" → "source page"; "/404.html" → "not found". */
export function templateOf(urlPath: string): string {
  const parts = urlPath.replace(/index\.html$/, "").split("/").filter(Boolean);
  if (urlPath === "/404.html") return "not found";
  if (redirects.some((r) => r.from === urlPath)) return "moved address";
  if (urlPath === "/arkiv/") return "archive index";
  if (urlPath.startsWith("/arkiv/")) return "archived page";
  if (parts.length === 0) return "home";
  const [section] = parts;
  const depth = parts.length;
  const table: Record<string, [string, string]> = {
    tilbud: ["offer directory", "offer page"],
    statistikk: ["statistics index", "statistics page"],
    kunnskap: ["evidence index", "evidence summary"],
    kilder: ["source list", "source page"],
    sok: ["search", "search"],
    om: ["about", "about subpage"],
    data: ["open data", "open data"],
  };
  if (urlPath === "/tilbud/slik-henviser-du/") return "referral guide";
  if (urlPath === "/tilbud/kart/") return "offer map";
  if (urlPath === "/tilbud/pasientliste/") return "patient list";
  if (urlPath === "/hva-er-helse-og-arbeid/") return "explainer";
  if (section === "statistikk" && depth === 3) return "statistics table";
  if (section === "kunnskap" && depth === 3) {
    const templates: Record<string, string> = { oversikter: "review group summary", tema: "theme summary", studier: "study page" };
    return templates[parts[1]!] ?? `unknown evidence page /${parts[1]}/`;
  }
  if (urlPath.startsWith("/kunnskap/studier/")) return "study list";
  if (section === "tilbud" && depth === 3) return parts[1] === "region" ? "offers of a region" : "offers of a target group";
  const entry = table[section!];
  if (!entry) return `unknown section /${section}/`;
  return depth === 1 ? entry[0] : entry[1];
}
