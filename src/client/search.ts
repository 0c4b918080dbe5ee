// The search page: Pagefind's JavaScript API with facets and typo correction, the query and facets in the URL.
import { facetLabels } from "../searchFacets.ts";
import { compoundOf, correctQuery } from "./typos.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
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

const pagefindUrl = "/pagefind/pagefind.js";
const pagefind: Pagefind = await import(/* @vite-ignore */ pagefindUrl);
// A long topic page that covers a subject should not lose to a short table page that only names it; Pagefind's default
// pageLength (0.75) favours short pages strongly.
await pagefind.options({ excerptLength: 24, ranking: { pageLength: 0.3 } });
const allFacets = await pagefind.filters();
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
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the page text and only adds <mark>.
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
    return;
  }
  const started = performance.now();
  // A word the index does not have is corrected first: Pagefind would otherwise match its stem loosely.
  words ??= Object.keys(await (await fetch("/sok/ordliste.json")).json());
  const compound = compoundOf(query, words);
  const corrected = compound ? undefined : correctQuery(query, words);
  const term = compound ?? corrected ?? query;
  const search = await pagefind.search(term, { filters });
  const note = compound
    ? ` Viser treff for «${compound}», som kildene skriver i ett ord.`
    : corrected
      ? ` Ingen treff på «${query}»; viser treff for «${corrected}».`
      : "";
  current = search?.results ?? [];
  drawFacets(await facetCounts(term, search, chosen), chosen);
  await showMore();
  const n = current.length;
  status.textContent = `${n === 0 ? "Ingen treff" : n === 1 ? "1 treff" : `${n} treff`}.${note}`;
  status.dataset.ms = String(Math.round(performance.now() - started));
}

const params = new URLSearchParams(location.search);
input.value = params.get("q") ?? "";
drawFacets(allFacets, Object.fromEntries(Object.keys(facetNames).map((n) => [n, params.getAll(n)])));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void run(true);
});
facetsBox.addEventListener("change", () => void run(true));
more.addEventListener("click", () => void showMore());
document.querySelector<HTMLElement>("#sok-js")!.hidden = false;
await run(false);
