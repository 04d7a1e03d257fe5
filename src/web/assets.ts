// Static files for the web page: GOV.UK Frontend's compiled CSS, JavaScript
// and images from the installed package (no CDN, so it works offline), and
// procheck's own small stylesheet and start-up script.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const require = createRequire(import.meta.url);
const GOVUK_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');

/**
 * The GOV.UK Transport typeface is for GOV.UK services only. Without its
 * @font-face rules the browser finds no "GDS Transport" font and uses the
 * next in GOV.UK's own font stack, Arial, and never fetches the font files.
 */
export const withoutTransportFont = (css: string): string =>
  css.replace(/@font-face\{[^}]*\}/g, '').replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');

/**
 * procheck's own styles. A page must fit a phone without sideways
 * scrolling: a word too long for its line (a plan field, a rule id, a
 * citation) breaks rather than widening the page; in a table, identifiers
 * and links may break anywhere, and below the tablet width a table's text is
 * GOV.UK's small size (as its govuk-table--small-text-until-tablet does) and
 * a table still too wide scrolls inside itself, never the page. The timeline
 * is drawn twice, for a desktop and for a phone, and the width shows one
 * (the phone's is hidden by an attribute, so a page without these styles,
 * such as the printable report, shows the desktop's).
 */
const PROCHECK_CSS = `.procheck-nowrap{white-space:nowrap}
.procheck-verdict{border-left:10px solid #0b0c0c;padding:10px 15px;margin-bottom:20px;background:#f3f2f1}
.procheck-verdict--compliant{border-color:#00703c}.procheck-verdict--compliant-if{border-color:#28a197}.procheck-verdict--review{border-color:#ffdd00}
.procheck-verdict--non-compliant{border-color:#d4351c}.procheck-verdict--out-of-scope{border-color:#505a5f}
.procheck-verdict--not-checked{border-color:#505a5f}
.procheck-conditions>li{margin-bottom:15px}
.procheck-answers{background:#fff;border:1px solid #b1b4b6;padding:15px 15px 0;margin:20px 0}
.procheck-notice{border-top:2px solid #b1b4b6;padding-top:20px;margin-top:40px}
.govuk-button-group form{display:contents}
.procheck-why{margin-top:10px;margin-bottom:0}
.govuk-main-wrapper{overflow-wrap:break-word}
.govuk-main-wrapper code,.govuk-main-wrapper .govuk-table a{overflow-wrap:anywhere}
.procheck-para{display:grid;grid-template-columns:3.5em minmax(0,1fr)}
.procheck-para__number{font-weight:700}
.procheck-draft-section .govuk-table__header,.procheck-draft-section .govuk-table__cell{overflow-wrap:anywhere}
sup{line-height:0}
.procheck-timeline{margin:0 0 30px}
.procheck-timeline svg{width:100%;height:auto}
.procheck-timeline__wide{display:block;max-width:640px}
.procheck-timeline__narrow{display:none}
@media (max-width:40.0525em){
.procheck-timeline__wide{display:none}
.procheck-timeline__narrow{display:block}
.govuk-main-wrapper .govuk-table{display:block;overflow-x:auto;font-size:1rem;line-height:1.25}
.govuk-table__header,.govuk-table__cell{padding-right:10px}
}
`;

const PROCHECK_JS = `document.body.classList.add('js-enabled', 'govuk-frontend-supported');
import { initAll } from '/assets/govuk-frontend.min.js';
initAll();
`;

export async function registerAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: GOVUK_DIST,
    prefix: '/assets/',
    // Only what the page uses: the compiled JavaScript (the CSS is served below).
    allowedPath: (path) => /^\/?govuk-frontend\.min\.js$/.test(path),
    decorateReply: false,
    index: false,
  });
  const govukCss = withoutTransportFont(readFileSync(join(GOVUK_DIST, 'govuk-frontend.min.css'), 'utf8'));
  app.get('/assets/govuk-frontend.min.css', (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(govukCss));
  app.get('/assets/procheck.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(PROCHECK_CSS));
  app.get('/assets/procheck.mjs', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(PROCHECK_JS));
}
