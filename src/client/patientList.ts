// The patient list: a GP ticks offers in the directory, and /tilbud/pasientliste/?tilbud=a,b prints them on one page.
// The selection lives in the URL only, so the list can be bookmarked, sent or printed again. Without JavaScript the
// directory shows no ticks and the list page shows every offer.

import { patientListHref, patientListParam } from "../addresses.ts";

/** The offer ids a patient-list URL names, in order, without repeats or unknown ids. */
export function selectedIds(search: string, known: ReadonlySet<string>): string[] {
  const raw = new URLSearchParams(search).get(patientListParam) ?? "";
  return [...new Set(raw.split(",").map((id) => id.trim()).filter((id) => known.has(id)))];
}

/** On the list page: show only the chosen offers, in the chosen order, and say how many. */
export function showSelection(items: HTMLElement[], status: HTMLElement, search: string): void {
  const byId = new Map(items.map((item) => [item.dataset.id!, item]));
  const ids = selectedIds(search, new Set(byId.keys()));
  if (ids.length === 0) return;
  for (const item of items) item.hidden = !ids.includes(item.dataset.id!);
  const list = items[0]!.parentElement!;
  for (const id of ids) list.appendChild(byId.get(id)!);
  status.textContent = ids.length === 1 ? "1 tilbud valgt." : `${ids.length} tilbud valgt.`;
}

/** In the directory: a tick box per offer, and a link to the list of the ticked ones. */
export function setupPicker(items: HTMLElement[], link: HTMLAnchorElement, panel: HTMLElement): void {
  const chosen: string[] = [];
  panel.hidden = false;
  const update = () => {
    link.href = patientListHref(chosen);
    link.textContent = `Skriv ut pasientliste (${chosen.length})`;
  };
  for (const item of items) {
    const id = item.dataset.id!;
    const label = document.createElement("label");
    label.className = "pick";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.addEventListener("change", () => {
      const at = chosen.indexOf(id);
      if (box.checked && at < 0) chosen.push(id);
      if (!box.checked && at >= 0) chosen.splice(at, 1);
      update();
    });
    label.append(box, ` Legg til pasientlisten`);
    item.append(label);
  }
  update();
}
