// The rule catalogue as one self-contained HTML page: no scripts, no external
// files, so it can be emailed, archived with an approval and printed. Every
// piece of rule text is escaped: rule files are data, not markup.
import type { Citation } from '../law/citation.js';
import type { Phrase } from './describe-condition.js';
import type { ParamView } from './rule-params.js';
import { exercised, type CaseUse } from './rule-cases.js';
import { changesInWords, dateInWords, testDifference } from './words.js';
import type { RuleView } from './rule-view.js';
import {
  actLines,
  ACTS_INTRO,
  CASE_LISTS,
  CATALOGUE_INTRO,
  claimLines,
  CLAIMS_INTRO,
  FACT_KINDS_INTRO,
  FACT_KINDS_TITLE,
  FACTS_LEAD,
  factNote,
  throughFacts,
} from './catalogue-markdown.js';
import type { FactKinds } from './fact-kinds.js';
import type { Catalogue } from './catalogue-sections.js';
import { escapeHtml } from '../report/html.js';

const e = escapeHtml;

/** Only web links become hrefs, so a rule file cannot smuggle in a javascript: URL. */
function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? e(url) : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Link text says what the page is and where it lives, for a reader who meets the link out of context (screen reader link lists, print). */
function citationLink(c: Citation): string {
  const label = `${c.instrument}, ${c.provision}`;
  const href = safeHref(c.url);
  return href ? `<a href="${href}">${e(label)} (on ${e(hostOf(c.url))})</a>` : `${e(label)} (${e(c.url)})`;
}

function phraseList(p: Phrase): string {
  return `<ul class="cond">${phraseItem(p)}</ul>`;
}

function phraseItem(p: Phrase): string {
  const field = p.planPath ? ` <span class="field">(plan: <code>${e(p.planPath)}</code>)</span>` : '';
  const kids = p.children?.length ? `<ul>${p.children.map(phraseItem).join('')}</ul>` : '';
  return `<li>${e(p.text)}${field}${kids}</li>`;
}

function usage(p: ParamView): string {
  if (p.readBy)
    return p.readBy.length
      ? `Read by ${p.readBy.map((id) => `<a href="#${e(id)}">rule <code>${e(id)}</code></a>`).join(', ')}`
      : 'Read by the facts procheck derives from the plan, not by a rule directly';
  return p.usedIn.length ? `Used in ${e(p.usedIn.join(', '))}` : 'Not read by any rule';
}

function paramBlock(p: ParamView, hLevel: number): string {
  const rows = p.periods
    .map(
      (v) =>
        `<tr><td>${e(v.period)}</td><td>${e(v.valueText)}${v.note ? `<br><span class="note">${e(v.note)}</span>` : ''}</td><td>${v.source ? citationLink(v.source) : 'as the parameter’s source'}</td></tr>`,
    )
    .join('');
  const anchor = p.readBy ? ` id="param-${e(p.id)}"` : '';
  return `<section class="param"${anchor}><h${hLevel}>${e(p.title)} <code>${e(p.id)}</code></h${hLevel}>
<p>${usage(p)}; ${e(p.appliesBy)}. Source: ${citationLink(p.source)}.${p.source.note ? ` ${e(p.source.note)}` : ''}</p>
<table><caption class="visually-hidden">Dated values of ${e(p.id)}</caption><thead><tr><th scope="col">In force</th><th scope="col">Value</th><th scope="col">Source of this value</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function caseItem(c: CaseUse): string {
  const lots = c.inLots ? `; in lot${c.inLots.length === 1 ? '' : 's'} ${c.inLots.map((l) => `<code>${e(l)}</code>`).join(', ')}` : '';
  return `<li><code>${e(c.id)}</code>${c.title ? `: ${e(c.title)}` : ''} (verdict ${e(c.verdict)}; <code>cases/${e(c.planFile)}</code>${lots})</li>`;
}

const planField = (path: string | null) => (path ? ` <span class="field">(plan: <code>${e(path)}</code>)</span>` : '');

export function ruleHtml(v: RuleView, level = 3): string {
  const h = (n: number, text: string) => `<h${n}>${text}</h${n}>`;
  const sub = level + 1;
  const parts = [
    `<article class="rule" id="${e(v.id)}" aria-labelledby="${e(v.id)}-title">`,
    `<h${level} id="${e(v.id)}-title">${e(v.title)}</h${level}>`,
    '<dl class="facts">',
    `<dt>Rule</dt><dd><code>${e(v.id)}</code> in <code>${e(v.file)}</code></dd>`,
    `<dt>Regime</dt><dd>${e(v.regimeTitle)}${v.overlay ? `, ${e(v.overlay.authority)}${v.overlay.example ? ' (example overlay)' : ''}` : ''}</dd>`,
    `<dt>Severity</dt><dd class="sev sev-${e(v.severity)}">${e(v.severityText)}</dd>`,
    `<dt>Shown as</dt><dd>${e(v.showsText)}</dd>`,
    `<dt>Law</dt><dd>${citationLink(v.citation)}${v.citation.note ? `<br><span class="note">${e(v.citation.note)}</span>` : ''}</dd>`,
    ...(v.reviewed ? [`<dt>Reviewed</dt><dd>by ${e(v.reviewed.by)}${v.reviewed.role ? ` (${e(v.reviewed.role)})` : ''} on ${e(dateInWords(v.reviewed.on))}${v.reviewed.note ? `<br><span class="note">${e(v.reviewed.note)}</span>` : ''}</dd>`] : []),
    '</dl>',
    h(sub, 'When it applies'),
    `<p>${e(v.runsFor)}</p>`,
  ];
  if (v.appliesWhen) parts.push('<p>And only when:</p>', phraseList(v.appliesWhen));
  parts.push(h(sub, 'It fires when'), phraseList(v.conditions));
  if (v.requires.length) {
    parts.push(
      `<p>The facts it reads. ${e(FACTS_LEAD)}</p><ul class="facts-read">`,
      ...v.requires.map((r) => {
        const note = factNote(v, r.fact);
        return `<li class="kind-${e(r.kind)}">${e(r.description)}${planField(r.planPath)}${note ? `<br><span class="kind">${e(note)}</span>` : ''}</li>`;
      }),
      '</ul>',
    );
    const through = throughFacts(v);
    if (through.length)
      parts.push(
        '<p>And through the facts it reads, which are worked out from them:</p><ul class="facts-read">',
        ...through.map((x) => `<li>${e(x.description)}${planField(x.planPath)}<br><span class="kind">${e(x.text)}</span></li>`),
        '</ul>',
      );
  }
  parts.push(h(sub, 'Reason given'), `<blockquote>${e(v.reasonInWords)}</blockquote>`);
  if (v.readings.length)
    parts.push(
      h(sub, 'On each reading'),
      '<p>After the reason (when the rule fires, or when the plan leaves it open), the report says what the law requires on each reading the plan’s facts do not rule out:</p><ul class="readings">',
      ...v.readings.map((x) => `<li><q>${e(x.inWords)}</q>${x.when ? `<ul class="cond">${phraseItem({ ...x.when, text: `When: ${x.when.text}` })}</ul>` : ''}</li>`),
      '</ul>',
    );
  parts.push(h(sub, 'Left open'), `<p>${e(v.open.text)}</p>`);
  if (v.asCondition) parts.push(h(sub, 'As a condition'), `<p class="as-condition">${e(v.asCondition.sentence)}</p>`, `<p>${e(v.asCondition.note)}</p>`);
  if (v.holds.length)
    parts.push(
      h(sub, 'Why the route holds'),
      '<p>When the rule applies and its test fails on the plan’s own figures and dates, the report says why the route holds on it, in the first of these whose condition holds:</p><ul class="holds">',
      ...v.holds.map(
        (x) =>
          `<li>${x.whenText === 'otherwise' ? 'Otherwise: ' : ''}<q>${e(x.inWords)}</q>${x.when ? `<ul class="cond">${phraseItem({ ...x.when, text: `When: ${x.when.text}` })}</ul>` : ''}</li>`,
      ),
      '</ul>',
    );
  if (v.steps.length)
    parts.push(
      h(sub, 'Steps it adds'),
      '<ul>',
      ...v.steps.map((s) => `<li>${e(s.title)} <code>${e(s.id)}</code>${s.citation ? `: ${citationLink(s.citation)}` : ''}</li>`),
      '</ul>',
    );
  if (v.params.length) parts.push(h(sub, 'Parameters'), ...v.params.map((p) => paramBlock(p, sub + 1)));
  parts.push(h(sub, 'Cases that exercise it'));
  const t = v.cases.test;
  if (t)
    parts.push(
      `<p>Rule test (${e(t.suite.name)}, <code>${e(t.suite.source)}</code>), on the suite's compliant base plan:</p><ul>`,
      `<li>fires when ${e(changesInWords(t.fires))}</li>`,
      `<li>does not fire when ${e(changesInWords(t.doesNotFire))}</li>`,
      `<li>the difference: ${e(testDifference(t.fires, t.doesNotFire))}</li></ul>`,
    );
  for (const [key, lead] of CASE_LISTS) if (v.cases[key].length) parts.push(`<p>${e(lead)}</p><ul>`, ...v.cases[key].map(caseItem), '</ul>');
  if (!exercised(v.cases)) parts.push('<p>No worked case in <code>cases/</code> names this rule.</p>');
  parts.push('</article>');
  return parts.join('\n');
}

function factKindsHtml(k: FactKinds): string {
  const readBy = (ids: string[]) => (ids.length ? `Read by ${ids.map((id) => `<a href="#${e(id)}">rule <code>${e(id)}</code></a>`).join(', ')}.` : 'Read by no rule.');
  const block = (x: { fact: string; description: string; planPath: string | null; readBy: string[] }, lines: string[]) =>
    `<section class="fact" id="fact-${e(x.fact)}"><h4>${e(x.description)}</h4>
<p><code>${e(x.fact)}</code>${x.planPath ? `, plan: <code>${e(x.planPath)}</code>` : ''}</p>
<ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}<li>${readBy(x.readBy)}</li></ul></section>`;
  return `<section id="claims-and-acts" aria-labelledby="claims-and-acts-title">
<h2 id="claims-and-acts-title">${e(FACT_KINDS_TITLE)}</h2>
${FACT_KINDS_INTRO.map((p) => `<p>${e(p)}</p>`).join('\n')}
<h3>Claims (${k.claims.length}): not relied on unless the plan says so</h3>
<p>${e(CLAIMS_INTRO)}</p>
${k.claims.map((c) => block(c, claimLines(c))).join('\n')}
<h3>Acts of the authority (${k.acts.length}): left open, a condition</h3>
<p>${e(ACTS_INTRO)}</p>
${k.acts.map((a) => block(a, actLines(a))).join('\n')}
</section>`;
}

const CSS = `
body{font:16px/1.5 Georgia,"Times New Roman",serif;color:#111;background:#fff;max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
h1,h2,h3,h4,h5{font-family:Arial,Helvetica,sans-serif;line-height:1.25}
h2{border-bottom:3px solid #1d70b8;padding-bottom:.25rem;margin-top:2.5rem}
article.rule{border-top:1px solid #b1b4b6;margin-top:1.5rem;padding-top:.5rem}
code{font-family:Consolas,"Courier New",monospace;font-size:.9em;background:#f3f2f1;padding:0 .2em}
a{color:#1d70b8}a:visited{color:#4c2c92}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
dl.facts{display:grid;grid-template-columns:8rem 1fr;gap:.25rem 1rem}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #b1b4b6;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f2f1}
blockquote{border-left:4px solid #b1b4b6;margin:.5rem 0;padding:.25rem 1rem;background:#f8f8f8}
ul.cond ul{border-left:2px solid #dcdcdc;margin-left:.5rem}
.field,.note,.kind{color:#505a5f;font-size:.9em}
q{quotes:"“" "”" "‘" "’"}
.as-condition{border-left:4px solid #1d70b8;padding-left:.75rem}
.sev-non-compliant{color:#942514;font-weight:bold}.sev-out-of-scope{font-weight:bold}.sev-condition{color:#1d70b8;font-weight:bold}
nav ul{columns:1}nav li{margin:.1rem 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{body{max-width:none;font-size:11pt}nav{page-break-after:always}h2{page-break-before:always}article.rule{page-break-inside:avoid}a{color:#000}a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;word-break:break-all}}
`;

export function renderCatalogueHtml(cat: Catalogue): string {
  const toc = cat.sections
    .map(
      (s) =>
        `<li><a href="#${e(s.anchor)}">${e(s.title)}</a><ul>${s.rules.map((r) => `<li><a href="#${e(r.id)}">${e(r.title)}</a> <code>${e(r.id)}</code></li>`).join('')}</ul></li>`,
    )
    .join('\n')
    .concat(`\n<li><a href="#claims-and-acts">${e(FACT_KINDS_TITLE)}</a></li>`)
    .concat('\n<li><a href="#parameters">Every parameter, with its dated values and sources</a></li>');
  const sections = cat.sections.map((s) => {
    const source = s.source
      ? `<p>Source: ${s.source.url && safeHref(s.source.url) ? `<a href="${safeHref(s.source.url)}">${e(s.source.text)} (on ${e(hostOf(s.source.url))})</a>` : e(s.source.text)}.</p>`
      : '';
    return `<section id="${e(s.anchor)}" aria-labelledby="${e(s.anchor)}-title">\n<h2 id="${e(s.anchor)}-title">${e(s.title)}</h2>\n${s.intro.map((p) => `<p>${e(p)}</p>`).join('\n')}${source}\n${s.rules.map((r) => ruleHtml(r)).join('\n')}\n</section>`;
  });
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>procheck rule catalogue ${e(cat.version)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>procheck rule catalogue</h1>
<p>Rule set version <code>${e(cat.version)}</code>: ${cat.ruleCount} rules, ${cat.caseCount} worked cases.</p>
<p>${e(CATALOGUE_INTRO)}</p>
</header>
<nav aria-labelledby="contents-title">
<h2 id="contents-title">Contents</h2>
<ul>
${toc}
</ul>
</nav>
<main>
${sections.join('\n')}
${factKindsHtml(cat.facts)}
<section id="parameters" aria-labelledby="parameters-title">
<h2 id="parameters-title">Every parameter, with its dated values and sources</h2>
${cat.params.map((p) => paramBlock(p, 3)).join('\n')}
</section>
</main>
</body>
</html>
`;
}
