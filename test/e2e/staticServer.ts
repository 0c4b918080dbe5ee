import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * Serves a built site on 127.0.0.1 the way a static host does: /x/ → /x/index.html,
 * and the site's 404.html with status 404 for anything else. Returns its base URL.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const target = path.join(root, pathname);
    const info = target.startsWith(root) ? await stat(target).catch(() => undefined) : undefined;
    if (info?.isDirectory() && !pathname.endsWith("/")) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const file = info?.isDirectory() ? path.join(target, "index.html") : target;
    const found = await stat(file).then((s) => s.isFile(), () => false);
    const served = found ? file : path.join(root, "404.html");
    res.writeHead(found ? 200 : 404, { "content-type": types[path.extname(served)] ?? "application/octet-stream" });
    createReadStream(served).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
