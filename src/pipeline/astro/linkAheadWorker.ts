// The thread linkPagesAhead (./linkFromCache.ts) starts: links the pages of Astro's last build and reports which.
import { parentPort, workerData } from "node:worker_threads";
import { linkCachedPages } from "./linkFromCache.ts";

const { astroCache, outDir } = workerData as { astroCache: string; outDir: string };
parentPort!.postMessage(linkCachedPages(astroCache, outDir));
