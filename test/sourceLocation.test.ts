import { describe, expect, it } from "vitest";
import { readerLocation, readerNote } from "../src/sourceLocation.ts";

describe("where a reader finds a fact in the published document", () => {
  it("names tables, chapters and sections by number, without the printed section title", () => {
    expect(readerLocation("Tabell 4.20")).toBe("tabell 4.20");
    expect(readerLocation("Avsnitt 4.6.1.1.1")).toBe("avsnitt 4.6.1.1.1");
    expect(readerLocation('4.10.13.1 Sykmeldingsdiagnoser og "Raskere tilbake"-behandling i spesialisthelsetjenesten')).toBe("avsnitt 4.10.13.1");
    expect(readerLocation("7.2.2. Implementeringen på fylkesnivå – fylkenes handlingsrom")).toBe("avsnitt 7.2.2");
    expect(readerLocation("10. Hovedkonklusjoner")).toBe("kapittel 10");
    expect(readerLocation("9.0 KONKLUSJON OG IMPLIKASJONER FOR PRAKSIS")).toBe("kapittel 9");
    expect(readerLocation("6 Samfunnsøkonomisk vurdering")).toBe("kapittel 6");
    expect(readerLocation("Kapittel 6")).toBe("kapittel 6");
  });

  it("keeps our own gloss in brackets, and names the unnumbered parts of a document", () => {
    expect(readerLocation("Avsnitt 4.6.6 (liste over private avtaler i 2020)")).toBe("avsnitt 4.6.6 (liste over private avtaler i 2020)");
    expect(readerLocation("Sammendrag")).toBe("sammendraget");
    expect(readerLocation("SAMMENDRAG")).toBe("sammendraget");
    expect(readerLocation("Results (engelsk sammendrag)")).toBe("det engelske sammendraget (Results)");
    expect(readerLocation("Vedlegg (tabell over utfordringer og endringsforslag)")).toBe("vedlegg (tabell over utfordringer og endringsforslag)");
    expect(readerLocation("Tabell 4.4 (tabelltekst mangler i tekstutgaven)")).toBe("tabell 4.4");
  });
});

describe("the part of an editors' note a reader sees", () => {
  it("drops the clauses that point into the text extraction and keeps what is about the document", () => {
    expect(readerNote("Radetikett over linje 10354-10359; Raden summerer til 101, ikke 100 (avrunding)")).toBe(
      "Raden summerer til 101, ikke 100 (avrunding).",
    );
    expect(readerNote("Tabelltekst mangler i tekstutgaven; tabellen er identifisert ut fra rekkefølgen.")).toBe(
      "Tabellen er identifisert ut fra rekkefølgen.",
    );
    expect(readerNote("Forfatternavnet er delt over linjeskift. Kilden skriver MBP én gang.")).toBe("Kilden skriver MBP én gang.");
    expect(readerNote("Kan ikke summeres på tvers (samme pasient kan telle flere ganger; jf. forbehold l. 11604–11608, ikke gjentatt her)")).toBe(
      "Kan ikke summeres på tvers (samme pasient kan telle flere ganger).",
    );
    expect(readerNote("Verdien er usikker (se linje 12).")).toBe("Verdien er usikker.");
    expect(readerNote("Kap. 732 post 79 i statsbudsjettet.")).toBe("Kap. 732 post 79 i statsbudsjettet.");
  });

  it("is nothing when every clause is for editors, or there is no note", () => {
    expect(readerNote("Radetikett brutt over linje 5124-5125; verdiene står på egen linje 5127")).toBeUndefined();
    expect(readerNote("Se L11954–11956.")).toBeUndefined();
    expect(readerNote("jf. generelt forbehold l. 11604–11608")).toBeUndefined();
    expect(readerNote(undefined)).toBeUndefined();
  });
});
