// The search page: Pagefind's JavaScript API with facets, everyday words, best bets and «Mente du», the query and
// facets in the URL.
import { facetLabels } from "../searchFacets.ts";
import { searchHref, sitePages } from "../addresses.ts";
import { compoundOf, correctQuery, inIndex } from "./typos.ts";
import { honestExcerpt } from "./excerpt.ts";
import { bestBetFor, readQuery, type BestBet, type EverydayWord } from "./queryRewrite.ts";
import everydayWords from "../../data/sok/hverdagsord.json";
import bestBets from "../../data/sok/beste-treff.json";

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: { title?: string; description?: string };
  filters: Record<string, string[]>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  mergeIndex: (basePath: string, o: Record<string, unknown>) => Promise<void>;
  search: (term: string, o?: { filters?: Record<string, { any: string[] }> }) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const facetNames: Record<string, string> = facetLabels;
const pageSize = 10;

const form = document.querySelector<HTMLFormElement>("#sok")!;
const input = form.querySelector<HTMLInputElement>("input[name=q]")!;
const facetsBox = document.querySelector<HTMLElement>("#sok-fasetter")!;
const status = document.querySelector<HTMLElement>("#sok-status")!;
const list = document.querySelector<HTMLOListElement>("#sok-treff")!;
const more = document.querySelector<HTMLButtonElement>("#sok-flere")!;
const suggestion = document.querySelector<HTMLElement>("#sok-forslag")!;
const bestBox = document.querySelector<HTMLElement>("#sok-beste")!;
const filterBox = document.querySelector<HTMLDetailsElement>("#sok-filter")!;
const filterCount = document.querySelector<HTMLElement>("#sok-filter-antall")!;
const everyday = everydayWords.ord as EverydayWord[];
const questionWords = everydayWords["spørreord"];
const bets = bestBets.treff as BestBet[];
// On a wide screen the facets stand beside the results; on a phone they wait behind «Filtrer», so results come first.
const wide = matchMedia("(min-width: 48rem)");
filterBox.open = wide.matches;
wide.addEventListener("change", () => (filterBox.open = wide.matches));

/** Pagefind with every bundle of the index (src/pipeline/search/searchBundles.ts): the script's own, and the others listed. */
async function loadIndex(): Promise<{ pagefind: Pagefind; allFacets: Record<string, Record<string, number>> }> {
  const pagefindUrl: string = sitePages.searchScript;
  const pagefind: Pagefind = await import(/* @vite-ignore */ pagefindUrl);
  // A long topic page that covers a subject should not lose to a short table page that only names it; Pagefind's default
  // pageLength (0.75) favours short pages strongly.
  const searchOptions = { excerptLength: 24, ranking: { pageLength: 0.3 } };
  await pagefind.options(searchOptions);
  const response = await fetch(sitePages.searchBundles);
  if (!response.ok) throw new Error(`${sitePages.searchBundles}: ${response.status}`);
  const bundles = (await response.json()) as string[];
  await Promise.all(bundles.map((bundle) => pagefind.mergeIndex(bundle, searchOptions)));
  return { pagefind, allFacets: await pagefind.filters() };
}
// Without the whole index, no search: results from part of it would look complete.
const { pagefind, allFacets } = await loadIndex().catch((error: unknown) => {
  document.querySelector<HTMLElement>("#sok-feil")!.hidden = false;
  throw error;
});
let words: string[] | undefined;
let shown = 0;
let current: PagefindSearch["results"] = [];

function selected(): Record<string, string[]> {
  const data = new FormData(form);
  return Object.fromEntries(Object.keys(facetNames).map((name) => [name, data.getAll(name).map(String)]));
}

function drawFacets(counts: Record<string, Record<string, number>>, chosen: Record<string, string[]>) {
  facetsBox.replaceChildren(
    ...Object.entries(facetNames)
      .filter(([name]) => Object.keys(allFacets[name] ?? {}).length > 0)
      .map(([name, label]) => {
        const fieldset = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.textContent = label;
        fieldset.append(legend);
        const values = Object.keys(allFacets[name]!).sort((a, b) => a.localeCompare(b, "nb", { numeric: true }));
        for (const value of name === "år" ? values.reverse() : values) {
          const id = `fasett-${name}-${value}`.replace(/[^\p{L}\p{N}-]+/gu, "-");
          const box = document.createElement("input");
          Object.assign(box, { type: "checkbox", name, value, id, checked: chosen[name]!.includes(value) });
          const labelEl = document.createElement("label");
          labelEl.htmlFor = id;
          labelEl.textContent = `${value} (${counts[name]?.[value] ?? 0})`;
          const row = document.createElement("div");
          row.append(box, labelEl);
          fieldset.append(row);
        }
        return fieldset;
      }),
  );
  facetsBox.hidden = false;
  const chosenCount = Object.values(chosen).reduce((n, v) => n + v.length, 0);
  filterCount.textContent = chosenCount ? ` (${chosenCount} valgt)` : "";
}

/**
 * Counts per facet value. A facet with values chosen counts as if none of its own were chosen, so the other
 * values show how many results choosing them as well would add (instead of 0 beside every other type).
 */
async function facetCounts(term: string, search: PagefindSearch | null, chosen: Record<string, string[]>) {
  const counts = { ...(search?.filters ?? allFacets) };
  for (const [name, values] of Object.entries(chosen)) {
    if (values.length === 0) continue;
    const others = Object.fromEntries(Object.entries(chosen).filter(([n, v]) => n !== name && v.length).map(([n, v]) => [n, { any: v }]));
    counts[name] = (await pagefind.search(term, { filters: others }))?.filters[name] ?? {};
  }
  return counts;
}

async function showMore() {
  const batch = await Promise.all(current.slice(shown, shown + pageSize).map((r) => r.data()));
  for (const data of batch) {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "muted search-result-meta";
    meta.textContent = [...(data.filters.type ?? []), ...(data.filters.region ?? []), ...(data.filters.gruppe ?? [])].join(" · ");
    const excerpt = document.createElement("p");
    const own = honestExcerpt(data.content, data.locations);
    // Pagefind escapes the page text; we only add <mark>. A page found only through added words shows its description.
    if (own) excerpt.innerHTML = own;
    else excerpt.textContent = data.meta.description ?? "";
    item.append(heading, meta, excerpt);
    list.append(item);
  }
  shown += batch.length;
  more.hidden = shown >= current.length;
}

async function run(updateUrl: boolean) {
  const query = input.value.trim();
  const chosen = selected();
  const filters = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v.length).map(([k, v]) => [k, { any: v }]));
  if (updateUrl) {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    for (const [name, values] of Object.entries(chosen)) for (const v of values) params.append(name, v);
    history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  }
  list.replaceChildren();
  shown = 0;
  if (!query) {
    drawFacets(allFacets, chosen);
    status.textContent = "Skriv et søkeord.";
    more.hidden = true;
    showSuggestion(undefined);
    showBestBet(undefined);
    return;
  }
  const started = performance.now();
  words ??= Object.keys(await (await fetch(sitePages.searchWords)).json());
  const known = new Set(words);
  const read = readQuery(query, everyday, questionWords);
  const asWritten = compoundOf(read.words.join(" "), words) ?? read.words.join(" ");
  const asSiteWords = read.mapped && (compoundOf(read.mapped.join(" "), words) ?? read.mapped.join(" "));
  // The query as written, and as the site's words when an everyday word was read: both sets of results, the
  // written query's first.
  // A word the index lacks would match unrelated words by its stem ("kols" → "kolonne"): such a variant is not searched.
  const isKnown = (w: string) => inIndex(w, known, words!);
  const allKnown = (t: string) => t.split(" ").every(isKnown);
  const variants = [asWritten, asSiteWords].filter((t): t is string => Boolean(t) && allKnown(t!));
  const searches = await Promise.all(variants.map((t) => pagefind.search(t, { filters })));
  const seen = new Set<string>();
  current = searches.flatMap((r) => r?.results ?? []).filter((r) => !seen.has(r.id) && seen.add(r.id));
  const term = asSiteWords ?? asWritten;
  drawFacets(await facetCounts(variants.at(-1) ?? term, searches.at(-1) ?? null, chosen), chosen);
  const bet = bestBetFor(query, bets, questionWords);
  showBestBet(bet);
  await showMore();
  // «Mente du»: only for a word the index lacks, that no everyday word explains, and that is one letter from an index word.
  const unknown = read.words.filter((w) => !isKnown(w) && !read.used.some((u) => u.ord.split(" ").includes(w)));
  const proposal = unknown.length ? correctQuery(read.words.join(" "), words) : undefined;
  showSuggestion(proposal);
  const n = current.length;
  const explained = read.used.length ? ` Tar også med ${read.used.map((u) => `«${u.betyr}» for «${u.ord}»`).join(", ")}.` : "";
  const compound = asWritten !== read.words.join(" ") ? ` «${asWritten}» skrives i ett ord på nettstedet.` : "";
  status.textContent = `${n === 0 ? `Ingen treff på «${query}»` : n === 1 ? "1 treff" : `${n} treff`}.${explained}${compound}`;
  status.dataset.ms = String(Math.round(performance.now() - started));
}

function showSuggestion(proposal: string | undefined) {
  suggestion.replaceChildren();
  suggestion.hidden = !proposal;
  if (!proposal) return;
  const link = document.createElement("a");
  link.href = searchHref(proposal);
  link.textContent = proposal;
  suggestion.append("Mente du ", link, "?");
}

function showBestBet(bet: BestBet | undefined) {
  bestBox.replaceChildren();
  bestBox.hidden = !bet;
  if (!bet) return;
  const heading = document.createElement("h2");
  heading.textContent = "Beste treff";
  const link = document.createElement("a");
  link.href = bet.side;
  link.textContent = bet.tittel;
  const title = document.createElement("p");
  title.className = "best-bet-title";
  title.append(link);
  const text = document.createElement("p");
  text.textContent = bet.tekst;
  bestBox.append(heading, title, text);
}

const params = new URLSearchParams(location.search);
// A reader may have typed before this script had loaded: what they typed stays, and is searched.
input.value = params.get("q") ?? input.value;
drawFacets(allFacets, Object.fromEntries(Object.keys(facetNames).map((n) => [n, params.getAll(n)])));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void run(true);
});
facetsBox.addEventListener("change", () => void run(true));
more.addEventListener("click", () => void showMore());
document.querySelector<HTMLElement>("#sok-js")!.hidden = false;
await run(false);
