import * as Plot from "@observablehq/plot";
import { regionOrder, targetGroupLabels, usedTargetGroups, type Region } from "../offers.ts";
import { offers } from "../records.ts";
import { defineChart } from "./chart.ts";

interface RegionCounts {
  region: Region;
  counts: Record<string, number>;
  total: number;
}

const rows: RegionCounts[] = regionOrder.map((region) => {
  const inRegion = offers.filter((o) => o.region === region);
  const counts = Object.fromEntries(usedTargetGroups.map((g) => [g, inRegion.filter((o) => o.target_groups.includes(g)).length]));
  return { region, counts, total: inRegion.length };
});
const biggest = [...rows].sort((a, b) => b.total - a.total)[0]!;

export const offersByRegionAndGroup = defineChart<RegionCounts>({
  id: "tilbud-etter-region-og-malgruppe",
  title: "Tilbud etter region og målgruppe",
  takeaway: `${biggest.region} hadde flest tilbud (${biggest.total} av ${offers.length}).`,
  alt:
    "Rutenett med regionene som rader og målgruppene som kolonner; hver rute viser antall tilbud. " +
    rows.map((r) => `${r.region}: ${r.total} tilbud`).join(", ") +
    ".",
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 4.20–4.23 og avsnitt 4.6",
  caveats: [
    "Et tilbud med flere målgrupper telles i hver av dem, så radene summerer til mer enn antall tilbud.",
    "Målgruppen er hentet fra tabellens overskrift, eller fra beskrivelsen der overskriften bare sier «private avtaler».",
    `Med ${offers.filter((o) => o.as_of === "vår 2019").length} tilbud fra oversikten våren 2019 og ${offers.filter((o) => o.as_of === "2020/21").length} som først er omtalt i beskrivelsene fra 2020/21.`,
  ],
  rows,
  columns: [
    { label: "Region", value: (r) => r.region },
    ...usedTargetGroups.map((g) => ({ label: targetGroupLabels[g], value: (r: RegionCounts) => r.counts[g] ?? 0, numeric: true })),
    { label: "Tilbud i alt", value: (r) => r.total, numeric: true },
  ],
  plot: (data) => {
    const cells = data.flatMap((r) => usedTargetGroups.map((g) => ({ region: r.region, group: targetGroupLabels[g], count: r.counts[g] ?? 0 })));
    const max = Math.max(...cells.map((c) => c.count));
    return {
      width: 760,
      height: 260,
      marginLeft: 140,
      marginRight: 40,
      marginBottom: 90,
      x: { label: null, domain: usedTargetGroups.map((g) => targetGroupLabels[g]), tickRotate: -20 },
      y: { label: null, domain: regionOrder as Region[] },
      color: { type: "linear", range: ["#e8f0f8", "#0b5394"], domain: [0, max] },
      marks: [
        Plot.cell(cells, { x: "group", y: "region", fill: "count", inset: 1 }),
        Plot.text(cells, {
          x: "group",
          y: "region",
          text: (d: { count: number }) => String(d.count),
          fill: (d: { count: number }) => (d.count > max / 2 ? "white" : "black"),
          fontSize: 14,
        }),
      ],
    };
  },
});
