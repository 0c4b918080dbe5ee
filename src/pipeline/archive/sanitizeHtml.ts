import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { html, parse, serialize, type DefaultTreeAdapterTypes } from "parse5";
import { cachedFile, codeVersion } from "../../fileCache.ts";

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements that run script or load a document of their own; removed with everything inside them. */
const removedElements = new Set([
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "base",
  "portal",
  // SVG animation can set an attribute (href) to a javascript: URL after any check on the markup.
  "animate",
  "set",
  "animatemotion",
  "animatetransform",
]);

/** Attributes that hold a URL the browser may navigate to or load. */
const urlAttributes = new Set(["href", "src", "action", "formaction", "data", "poster", "background", "srcset", "ping", "lowsrc", "cite"]);

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name.toLowerCase() === name && !a.prefix)?.value;

const isElement = (node: DefaultTreeAdapterTypes.Node): node is Element => "tagName" in node;

/** JSON-LD is data, not script; only an HTML script element whose type says exactly that is kept. */
function isJsonLd(element: Element): boolean {
  return element.namespaceURI === html.NS.HTML && attr(element, "type")?.trim().toLowerCase() === "application/ld+json";
}

function isRemovedElement(element: Element): boolean {
  const name = element.tagName.toLowerCase();
  if (name === "script") return !isJsonLd(element);
  if (removedElements.has(name)) return true;
  return name === "meta" && attr(element, "http-equiv")?.trim().toLowerCase() === "refresh";
}

/** Where a data: URL is only ever shown as an image, never run: an img and a link to an icon. */
function allowsDataImage(element: Element, name: string): boolean {
  const tag = element.tagName.toLowerCase();
  if (element.namespaceURI !== html.NS.HTML) return false;
  if (tag === "img") return name === "src" || name === "srcset";
  const rel = attr(element, "rel")?.toLowerCase().split(/\s+/) ?? [];
  return tag === "link" && name === "href" && rel.includes("icon");
}

function isUnsafeUrl(url: string, dataImageAllowed: boolean): boolean {
  if (url.startsWith("javascript:") || url.startsWith("vbscript:")) return true;
  return url.startsWith("data:") && !(dataImageAllowed && url.startsWith("data:image/"));
}

function isUnsafeAttribute(element: Element, name: string, value: string): boolean {
  if (name.startsWith("on") || name === "srcdoc") return true;
  if (!urlAttributes.has(name)) return false;
  // Browsers skip whitespace and control characters inside a scheme ("java\tscript:"), so the check does too.
  const plain = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const dataImageAllowed = allowsDataImage(element, name);
  // A srcset lists several URLs, and each one counts, not only the first. (A comma inside a data: image splits it
  // into pieces, but a base64 or image payload piece does not start with a scheme.)
  return (name === "srcset" ? plain.split(",") : [plain]).some((url) => isUnsafeUrl(url, dataImageAllowed));
}

/** Removes what can run script below parent; returns how many elements and attributes went. */
function clean(parent: ParentNode): number {
  let removed = 0;
  parent.childNodes = parent.childNodes.filter((node) => {
    if (!isElement(node)) return true;
    if (isRemovedElement(node)) {
      removed++;
      return false;
    }
    const before = node.attrs.length;
    // "xlink:href" is parsed as name "href" with prefix "xlink" in SVG, but stays "xlink:href" on an HTML element.
    node.attrs = node.attrs.filter((a) => !isUnsafeAttribute(node, a.name.toLowerCase().replace(/^.*:/, ""), a.value));
    removed += before - node.attrs.length;
    removed += clean(node);
    if ("content" in node) removed += clean((node as DefaultTreeAdapterTypes.Template).content);
    return true;
  });
  return removed;
}

/** Boolean attributes that the pages write bare; parse5 writes them as hidden="", which html-validate refuses. */
const booleanAttributes = "hidden|download|open|disabled|checked|selected|required|readonly|multiple|inert|defer|async|nomodule|novalidate|itemscope";

/** `<details open="">` → `<details open>`, inside tags only (text cannot hold a raw "<", the serialiser escapes it). */
const withBareBooleanAttributes = (html: string) =>
  html.replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(new RegExp(` (${booleanAttributes})=""(?=[\\s/>])`, "g"), " $1"));

/**
 * A whole HTML document without anything that can run script: script elements (JSON-LD stays), frames, plugins,
 * base, SVG animation, meta refresh, event handler attributes, srcdoc and javascript:, vbscript: and data: URLs
 * (data: images stay on img and icon links). Text and ordinary links are left as they are.
 */
export function sanitizeHtml(source: string): string {
  const first = parse(source);
  clean(first);
  let output = serialize(first);
  // Serialising and parsing again can reshape a tree (misnested forms, foreign content, raw text) and bring markup
  // out that the first tree held as text; what counts is what a browser parses from the output, so parse it again
  // and clean until that finds nothing left to remove.
  for (let pass = 0; pass < 4; pass++) {
    const reparsed = parse(output);
    if (clean(reparsed) === 0) return withBareBooleanAttributes(output);
    output = serialize(reparsed);
  }
  throw new Error("sanitizeHtml: the page still holds script after four passes");
}

/**
 * What the sanitizer is: this file and the parser's version. A cached page is used only by the sanitizer that made it,
 * so a fix here applies to every archived page at the next build.
 */
const sanitizerVersion = codeVersion([fileURLToPath(import.meta.url)], ["parse5"]);

/** sanitizeHtml, kept in the file cache (src/fileCache.ts) by the page's bytes: an archived page is the same at every build. */
export async function sanitizeHtmlCached(source: string): Promise<string> {
  const key = `${sanitizerVersion} ${createHash("sha256").update(source, "utf8").digest("hex")}`;
  return (await cachedFile("sanitized-html", key, async () => Buffer.from(sanitizeHtml(source), "utf8"))).toString("utf8");
}
