// Static files for the web page: GOV.UK Frontend's compiled CSS, JavaScript
// and images from the installed package (no CDN, so it works offline), and
// procheck's own small stylesheet and start-up script.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const require = createRequire(import.meta.url);
const GOVUK_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');

// The GOV.UK Transport typeface is for GOV.UK services only: map its name to
// the system's Arial so the browser never fetches it.
const PROCHECK_CSS = `@font-face{font-family:"GDS Transport";src:local("Arial");font-weight:400}
@font-face{font-family:"GDS Transport";src:local("Arial Bold"),local("Arial");font-weight:700}
.procheck-nowrap{white-space:nowrap}
.procheck-verdict{border-left:10px solid #0b0c0c;padding:10px 15px;margin-bottom:20px;background:#f3f2f1}
.procheck-verdict--compliant{border-color:#00703c}.procheck-verdict--review{border-color:#ffdd00}
.procheck-verdict--non-compliant{border-color:#d4351c}.procheck-verdict--out-of-scope{border-color:#505a5f}
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
    // Only what the page uses: the compiled CSS and JS.
    allowedPath: (path) => /^\/?govuk-frontend\.min\.(css|js)$/.test(path),
    decorateReply: false,
    index: false,
  });
  app.get('/assets/procheck.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(PROCHECK_CSS));
  app.get('/assets/procheck.mjs', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(PROCHECK_JS));
}
