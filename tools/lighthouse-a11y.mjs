// Lighthouse's accessibility category for a list of pages, in ONE Chromium (Debian's, from
// CHROME_PATH). Prints one JSON object: {url: {score, failed: [{id, snippets}]}}.
//
//   CHROME_PATH=/usr/bin/chromium node tools/lighthouse-a11y.mjs [--navigation] URL [URL ...]
//
// Default: Lighthouse's snapshot mode on each page once it has loaded, at Lighthouse's default
// mobile screen. It runs the same accessibility audits (the same axe-core rules and weights)
// as a navigation run but skips the navigation's performance waits (~15 s a page here), so
// the test suite can afford it. `--navigation` does the full `lighthouse URL` navigation run
// instead (what the CLI does; used by bench/lighthouse.py to confirm the snapshot scores).
//
// Used by tests/test_validity.py and bench/lighthouse.py; not shipped with the site.
import lighthouse, {defaultConfig, snapshot} from 'lighthouse';
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const navigation = args.includes('--navigation');
const urls = args.filter((a) => !a.startsWith('--'));
if (urls.length === 0) {
  console.error('usage: lighthouse-a11y.mjs [--navigation] URL [URL ...]');
  process.exit(2);
}

// The same flags as tests/conftest.py CHROMIUM_ARGS (no GPU, nothing phoning home).
const chromeFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];
// Lighthouse's own accessibility category (audits, weights, groups) without the other
// categories' gatherers, which only cost time here.
const config = {
  settings: {onlyCategories: ['accessibility'], disableFullPageScreenshot: true},
  artifacts: defaultConfig.artifacts.filter((a) => a.id === 'Accessibility'),
  audits: defaultConfig.audits.filter((a) => String(a).startsWith('accessibility/')),
  categories: {accessibility: defaultConfig.categories.accessibility},
  groups: defaultConfig.groups,
};
// Lighthouse's default (mobile) screen, so snapshot and navigation runs see the same layout.
const MOBILE = {width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true};

function summary(lhr) {
  if (lhr.runtimeError) return {score: null, error: lhr.runtimeError.message, failed: []};
  const failed = [];
  for (const ref of lhr.categories.accessibility.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      const items = (audit.details && audit.details.items) || [];
      failed.push({id: ref.id, snippets: items.slice(0, 3).map((i) => (i.node && i.node.snippet) || '')});
    }
  }
  return {score: lhr.categories.accessibility.score, failed};
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: chromeFlags,
  headless: true,
});
const results = {};
try {
  for (const url of urls) {
    const page = await browser.newPage();
    let result;
    if (navigation) {
      result = await lighthouse(url, {logLevel: 'error'}, config, page);
    } else {
      await page.setViewport(MOBILE);
      await page.goto(url, {waitUntil: 'load'});
      result = await snapshot(page, {config, flags: {logLevel: 'error'}});
    }
    results[url] = summary(result.lhr);
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
