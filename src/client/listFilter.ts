// Filters a list in place and keeps the filter in the URL, so a filtered view can be bookmarked and shared.
// Without JavaScript the form stays hidden and the whole list shows.

export interface ListFilterOptions {
  form: HTMLFormElement;
  status: HTMLElement;
  items: HTMLElement[];
  /** Sections hidden when none of their items show. */
  sections: HTMLElement[];
  /** Form field → the item's data attribute holding its space-separated values; "q" matches data-text. */
  fields: Record<string, string>;
  /** e.g. ["tilbud", "tilbud"] or ["arbeid", "arbeider"] for the status line. */
  noun: [singular: string, plural: string];
}

export function setupListFilter({ form, status, items, sections, fields, noun }: ListFilterOptions): void {
  form.hidden = false;
  const names = Object.keys(fields);

  function apply(updateUrl: boolean) {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    let shown = 0;
    for (const item of items) {
      const match = names.every((name) => {
        const wanted = value(name);
        if (!wanted) return true;
        const have = item.dataset[fields[name]!] ?? "";
        return name === "q" ? have.includes(wanted.toLowerCase()) : have.split(" ").includes(wanted);
      });
      item.hidden = !match;
      if (match) shown++;
    }
    for (const section of sections) section.hidden = !items.some((item) => !item.hidden && section.contains(item));
    const word = (n: number) => (n === 1 ? noun[0] : noun[1]);
    status.textContent = shown === items.length ? `Viser alle ${items.length} ${word(items.length)}.` : `Viser ${shown} av ${items.length} ${word(items.length)}.`;
    if (updateUrl) {
      const params = new URLSearchParams();
      for (const name of names) if (value(name)) params.set(name, value(name));
      const query = params.toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }
  }

  const params = new URLSearchParams(location.search);
  for (const name of names) {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (control && value !== null) control.value = value;
  }
  form.addEventListener("input", () => apply(true));
  form.addEventListener("change", () => apply(true));
  form.addEventListener("reset", () => setTimeout(() => apply(true)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(true);
  });
  apply(false);
}
