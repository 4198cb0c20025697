// Browser test of the dashboard: makes a small store with `annals load`,
// starts `annals serve` on a free port of 127.0.0.1, drives Debian's
// headless Chromium with playwright-core, checks that the timeline, the
// network and the event table render and that picks and filters reach the
// URL and the table, keeps a screenshot, and stops the server.
//
// node dashboard.test.mjs --annals BIN --web DIST --modules NODE_MODULES --out DIR
// Exit 0 passed, 1 failed, 77 skipped (no Chromium).
//
// While `annals serve` does not exist in BIN, the page is served with the
// fixtures of tests/web/mock/ instead (mock.mjs) and the test says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordsJsonl } from './make-records.mjs';
import { startMock } from './mock.mjs';

const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const key of ['annals', 'web', 'modules', 'out']) {
    if (!out[key]) {
      console.error(`usage: node dashboard.test.mjs --annals BIN --web DIST --modules NODE_MODULES --out DIR (missing --${key})`);
      process.exit(2);
    }
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 100; i++) {
    if (child && child.exitCode !== null) throw new Error(`annals serve exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 10 s`);
}

let failures = 0;
let passes = 0;
function check(what, ok, detail = '') {
  if (ok) passes++;
  else failures++;
  console.log(`${ok ? 'ok' : 'FAIL'}: ${what}${!ok && detail ? ` (${detail})` : ''}`);
}

async function startServer(opt, port, work) {
  const help = spawnSync(opt.annals, ['serve', '--help'], { encoding: 'utf8' });
  if (help.status !== 0) {
    console.log('NOTE: `annals serve` is not available in this build; serving tests/web/mock/ fixtures instead');
    return { stop: await startMock(port, opt.web, path.join(here, 'mock')), real: false };
  }
  const records = path.join(work, 'events.jsonl');
  const db = path.join(work, 'store.db');
  writeFileSync(records, recordsJsonl());
  const load = spawnSync(opt.annals, ['load', '-q', '--db', db, records], { encoding: 'utf8' });
  if (load.status !== 0) throw new Error(`annals load failed: ${load.stderr}`);
  const child = spawn(opt.annals, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', String(port), '--web', opt.web],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitForServer(`http://127.0.0.1:${port}/api/actors`, child);
  return {
    real: true,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

async function checkPage(page, base, real) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });

  await page.goto(`${base}/?source=IND&target=PAK&both=1&interval=month`);
  await page.waitForSelector('#events tbody tr td.sentence', { timeout: 15000 });
  await page.waitForSelector('#chart canvas', { timeout: 15000 });

  // The form shows the state the URL gave.
  check('URL state fills the form', await page.inputValue('#f-source') === 'IND'
    && await page.inputValue('#f-target') === 'PAK' && await page.isChecked('#f-both'));

  // The chart: uPlot's canvas is drawn (some pixels are not blank).
  const inked = await page.$eval('#chart canvas', (c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
    return n;
  });
  check('timeline canvas has ink', inked > 500, `${inked} pixels`);
  const periods = await page.$$eval('#period-pick option', (o) => o.length - 1);
  check('timeline lists the periods', periods >= 5, `${periods} periods`);

  // The network: cytoscape's canvases exist and hold the nodes.
  await page.waitForSelector('#graph canvas', { timeout: 15000 });
  const dyads = await page.$$eval('#dyad-pick option', (o) => o.slice(1).map((x) => x.value));
  check('network has the India–Pakistan dyads', dyads.includes('IND>PAK') && dyads.includes('PAKMIL>IND'), dyads.join(' '));
  const graphInk = await page.$$eval('#graph canvas', (cs) => cs.some((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
    return false;
  }));
  check('network canvas has ink', graphInk);

  // The table: rows with the three parts highlighted in the sentence.
  const rows = await page.$$eval('#events tbody tr', (r) => r.length);
  check('event table has rows', rows >= 5, `${rows} rows`);
  const marks = await page.$$eval('#events tbody tr', (trs) => trs.map((tr) =>
    ['src', 'verb', 'tgt'].map((c) => tr.querySelector(`mark.${c}`)?.textContent ?? null)));
  check('sentences highlight source, verb and target', marks.some((m) => m.join('|') === 'India|criticised|Pakistan'),
    JSON.stringify(marks.slice(0, 3)));
  if (real) check('dyad filter keeps only India–Pakistan events', rows === 7, `${rows} rows`);

  // Picking a dyad narrows the table and goes into the URL.
  await page.selectOption('#dyad-pick', 'PAKMIL>IND');
  await page.waitForFunction(() => location.search.includes('psource=PAKMIL'));
  check('dyad pick is kept in the URL', new URL(page.url()).searchParams.get('ptarget') === 'IND');
  if (real) {
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 1);
    const only = await page.$eval('#events tbody tr td:nth-child(2)', (td) => td.textContent);
    check('dyad pick narrows the table', only === 'PAKMIL → IND', only);
  }

  // Clicking a period on the chart narrows the table to that period.
  const over = await page.$('#chart .u-over');
  const box = await over.boundingBox();
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  await page.waitForFunction(() => location.search.includes('pfrom='));
  const picked = new URL(page.url()).searchParams;
  check('chart click picks the first period', picked.get('pfrom') === '2024-01-01' && picked.get('pto') === '2024-01-31',
    `${picked.get('pfrom')}..${picked.get('pto')}`);

  // By week the India–Pakistan events fall in 6 of the 21 weeks from the
  // first (2024-01-15) to the last (2024-06-03): the chart has a point for
  // every week, the quiet ones at zero, and the picker lists the 6.
  if (real) {
    await page.goto(`${base}/?source=IND&target=PAK&both=1&interval=week`);
    await page.waitForSelector('#chart canvas', { timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('#chart').dataset.points === '21', null, { timeout: 15000 })
      .catch(() => {});
    const chart = await page.$eval('#chart', (c) => ({ points: c.dataset.points, quiet: c.dataset.quiet }));
    check('weekly timeline shows the quiet weeks as zero', chart.points === '21' && chart.quiet === '15',
      `${chart.points} points, ${chart.quiet} quiet`);
    const weeks = await page.$$eval('#period-pick option', (o) => o.length - 1);
    check('period picker lists the weeks with events', weeks === 6, `${weeks} weeks`);
  }

  check('no errors on the page', errors.length === 0, errors.join('; '));
  check('no requests outside the server', external.length === 0, external.join(' '));
}

async function main() {
  const opt = args();
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
    process.exit(77);
  }
  const { chromium } = createRequire(path.join(path.resolve(opt.modules), '..', 'package.json'))('playwright-core');
  mkdirSync(opt.out, { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), 'annals-web-'));
  const profile = path.join(work, 'profile');
  mkdirSync(profile);
  const port = await freePort();
  const server = await startServer(opt, port, work);
  let browser;
  try {
    // playwright-core passes the new, empty profile folder as --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    try {
      await checkPage(page, `http://127.0.0.1:${port}`, server.real);
    } catch (err) {
      check('page test ran to the end', false, err.message);
    }
    const shot = path.join(opt.out, 'dashboard.png');
    await page.goto(`http://127.0.0.1:${port}/?source=IND&target=PAK&both=1`);
    await page.waitForSelector('#events tbody td.sentence', { timeout: 15000 }).catch(() => {});
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
  } finally {
    if (browser) await browser.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${passes} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
