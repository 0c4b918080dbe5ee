/** Shows the "Kopier" buttons of the citation block and copies the text they point to. */
export function setupCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button.copy")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const text = document.getElementById(button.dataset.copy!)!.textContent!;
      const status = button.closest("section")!.querySelector<HTMLElement>(".copy-status")!;
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = "Kopiert.";
      } catch {
        status.textContent = "Kunne ikke kopiere; merk teksten og kopier den selv.";
      }
    });
  }
}
