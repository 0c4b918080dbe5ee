// What marks a preview build (no real SITE_URL, see src/siteConfig.ts) so it is not mistaken for the published site.
// Each notice carries data-preview: the archive publisher removes notices a stored page was built with and, in a
// preview build, adds these (src/pipeline/archive/publishArchive.ts).
import { escapeXml } from "./format.ts";
import { site } from "./site.ts";

/** Asks search engines to pass a preview page. */
export const previewRobotsMeta = '<meta name="robots" content="noindex">';

/** In the footer of every page of a preview build. */
export const previewFooterNotice =
  `<p class="preview-notice" data-preview><strong>Forhåndsvisning:</strong> dette er ikke det publiserte nettstedet. ` +
  `Adressen ${escapeXml(site.url)} i lenker og sitater er en stedfortreder.</p>`;

/** In the citation block of a preview build. */
export const previewCitationNotice = `<p class="preview-notice" data-preview><strong>Forhåndsvisning:</strong> adressene i sitatet er ikke publiserte ennå.</p>`;

/** Beside the «Meld fra om feil» link when no feedback address is set. */
export const previewFeedbackNotice = `<span class="preview-notice" data-preview data-pagefind-ignore>(forhåndsvisning: e-postadressen er ikke satt)</span>`;

/** A notice of any preview build, as stored in an archived page: `<p|span … data-preview …>…</p|span>`. */
export const previewNoticePattern = /<(p|span)\b[^>]*\bdata-preview\b[^>]*>[\s\S]*?<\/\1>/g;
