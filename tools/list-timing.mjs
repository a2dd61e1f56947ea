// Figures, not a test: how fast the list page is with a large account.
//   node tools/list-timing.mjs <console URL> <admin token> [runs]
// Prints, over several runs in Chromium (puppeteer-core):
//   - navigation → first rows visible (performance.now() at the frame the rows appear);
//   - a status filter change → the rows replaced by matching ones;
//   - typing a search → the matching row alone (includes the search debounce).
import { launch, openSignedIn, starkList } from "./signed-in.mjs";

const [base, token, runsArg] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: node tools/list-timing.mjs <console URL> <admin token> [runs]");
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
// The bulk tokens are Stark Industries' (the admin token alone would be asked to choose).
const listUrl = starkList(base);

const browser = await launch(["--window-size=1280,900"]);

// Resolves with performance.now() at the first animation frame where `check` holds.
const when = (page, check, arg) =>
  page
    .waitForFunction(`(${check})(${JSON.stringify(arg)}) && performance.now()`, { polling: "raf", timeout: 60000 })
    .then((h) => h.jsonValue());

const rowsShown = () => document.querySelectorAll("[data-testid=token-row]").length > 0;
const settled = () => !document.querySelector("[aria-busy=true]");
const allStatus = (status) => {
  const rows = [...document.querySelectorAll("[data-testid=token-row]")];
  return rows.length > 0 && rows.every((r) => r.dataset.status === status) && !document.querySelector("[aria-busy=true]");
};
const onlyName = (name) => {
  const rows = [...document.querySelectorAll("[data-testid=token-name]")];
  return rows.length === 1 && rows[0].textContent === name && !document.querySelector("[aria-busy=true]");
};

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await openSignedIn(page, listUrl, token, { timeout: 60000 });
  const pages = await page.$eval("[data-testid=page-count]", (e) => e.textContent).catch(() => "?");

  const load = [];
  const filter = [];
  const search = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(listUrl, { waitUntil: "domcontentloaded" });
    load.push(await when(page, rowsShown));
    await when(page, settled);

    const t0 = await page.evaluate(() => performance.now());
    await page.select("[data-testid=filter-status]", "Disabled");
    filter.push((await when(page, allStatus, "Disabled")) - t0);

    await page.select("[data-testid=filter-status]", "");
    await when(page, settled);
    const name = `Bulk token ${String(4321 + i).padStart(5, "0")}`;
    const t1 = await page.evaluate(() => performance.now());
    await page.type("[data-testid=search]", name);
    search.push((await when(page, onlyName, name)) - t1);
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = (what, xs) =>
    console.log(
      `${what.padEnd(42)} median ${median(xs).toFixed(0).padStart(5)} ms   min ${Math.min(...xs).toFixed(0).padStart(5)} ms   max ${Math.max(...xs).toFixed(0).padStart(5)} ms`,
    );
  console.log(`List page at ${listUrl}, ${runs} runs (page 1${pages.trimEnd()} pages)`);
  line("navigation → rows visible", load);
  line("status filter → matching rows", filter);
  line("search typed → the one match (debounced)", search);
} finally {
  await browser.close();
}
