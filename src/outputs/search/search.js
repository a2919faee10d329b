// The search page's script (the site's only one): runs the search in the page's address
// (?q=…&kind=…&topic=…) against this language's Pagefind index and lists the results, each with
// its kind, date and language. Every word it shows comes from the page (data-* attributes, from
// the site's locales); everything it loads comes from the site itself.
const results = document.getElementById('search-results');
const form = document.getElementById('search-form');
const status = results.querySelector('.search-status');
const list = results.querySelector('ol');

const params = new URLSearchParams(location.search);
const query = (params.get('q') ?? '').trim();
const filters = {};
form.elements.q.value = query;
for (const name of ['kind', 'topic']) {
  const value = params.get(name);
  if (value) {
    filters[name] = value;
    form.elements[name].value = value;
  }
}
document.getElementById('search-without-script').hidden = true;

if (query || Object.keys(filters).length) {
  results.hidden = false;
  status.textContent = results.dataset.searching;
  search().catch(() => {
    status.textContent = results.dataset.failed;
  });
}

async function search() {
  const pagefind = await import(`${results.dataset.index}pagefind.js`);
  await pagefind.options({ excerptLength: 30 });
  // A case number is found whole, however it is typed (`BUN 2026/77`, `bun-2026/77`): as the
  // value of the `case` filter, not as words.
  const term = (await wholeCase(pagefind)) ? null : query || null;
  const found = await pagefind.search(term, { filters, sort: term ? undefined : { date: 'desc' } });
  const data = await Promise.all(found.results.slice(0, 50).map((r) => r.data()));
  list.replaceChildren(...data.map(entry));
  status.textContent = data.length
    ? results.dataset.count.replace('%COUNT%', String(found.results.length))
    : results.dataset.none;
}

/** Letters and digits only, lower case: how two spellings of a case number compare. */
const bare = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Whether the query is a case number of the index; if it is, filters by it. */
async function wholeCase(pagefind) {
  if (!query) return false;
  const cases = Object.keys((await pagefind.filters()).case ?? {});
  const match = cases.find((c) => bare(c) === bare(query));
  if (match) filters.case = match;
  return Boolean(match);
}

/** One result: the title linked, then kind, date and language, then the excerpt. */
function entry(r) {
  const li = element('li', 'entry');
  const h = element('h3', 'entry-title');
  const a = element('a');
  a.href = r.url;
  a.textContent = r.meta.title;
  h.append(a);
  const meta = element('p', 'meta');
  const time = element('time');
  time.dateTime = r.meta.datetime;
  time.textContent = r.meta.date;
  meta.append(`${r.meta.kind} · `, time, ` · ${r.meta.language}`);
  li.append(h, meta, excerpt(r.excerpt));
  return li;
}

/** Pagefind's excerpt, of which only the text and its <mark>s are kept. */
function excerpt(html) {
  const p = element('p', 'summary');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = element('mark');
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(node.textContent);
    }
  }
  return p;
}

function element(name, className) {
  const e = document.createElement(name);
  if (className) e.className = className;
  return e;
}
