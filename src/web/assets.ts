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

const PROCHECK_CSS = `.procheck-nowrap{white-space:nowrap}
.procheck-verdict{border-left:10px solid #0b0c0c;padding:10px 15px;margin-bottom:20px;background:#f3f2f1}
.procheck-verdict--compliant{border-color:#00703c}.procheck-verdict--review{border-color:#ffdd00}
.procheck-verdict--non-compliant{border-color:#d4351c}.procheck-verdict--out-of-scope{border-color:#505a5f}
.procheck-verdict--not-checked{border-color:#505a5f}
.procheck-notice{border-top:2px solid #b1b4b6;padding-top:20px;margin-top:40px}
.govuk-button-group form{display:contents}
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
