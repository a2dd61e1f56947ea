// Figures, not a test: input → painted result for the list's interactions and a
// details tab, at 10 and at 100 rows per page.
//   node tools/interactions.mjs <console URL> <admin token> [runs]
// Each figure is performance.now() at the first animation frame showing the result,
// minus the input event's own timeStamp (read in the page, so the driver's round
// trips are not counted, as INP counts from the event); the median of `runs` is printed.
import { launch, openSignedIn, starkList } from "./signed-in.mjs";

const [base, token, runsArg] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: node tools/interactions.mjs <console URL> <admin token> [runs]");
  process.exit(2);
}
const runs = Number(runsArg ?? 7);
const listUrl = (query) => starkList(base, query);

const browser = await launch(["--window-size=1280,900"]);

const paintedWhen = (page, check, arg) =>
  page
    .waitForFunction(`(${check})(${JSON.stringify(arg)}) && performance.now()`, { polling: "raf", timeout: 60000 })
    .then((h) => h.jsonValue());
// The timeStamp of the latest input event, caught before any handler of the page.
const watchInputs = () => {
  for (const type of ["pointerdown", "click", "change", "keydown"]) {
    window.addEventListener(type, (e) => { window.__inputAt ??= e.timeStamp; }, true);
  }
};
// The rows shown, as one string: a change of it is new rows painted.
const firstRowId = () => [...document.querySelectorAll("[data-testid=token-row]")].map((r) => r.dataset.id).join(",");
const settled = () => !document.querySelector("[aria-busy=true]") && !!document.querySelector("[data-testid=token-row]");
const rowsOtherThan = (ids) =>
  !document.querySelector("[aria-busy=true]") &&
  [...document.querySelectorAll("[data-testid=token-row]")].map((r) => r.dataset.id).join(",") !== ids;
const allDisabled = (ids) => {
  const rows = [...document.querySelectorAll("[data-testid=token-row]")];
  return rows.length > 0 && rows.every((r) => r.dataset.status === "Disabled") &&
    rows.map((r) => r.dataset.id).join(",") !== ids && !document.querySelector("[aria-busy=true]");
};
const everyRowOtherThan = ([ids, n]) => {
  const rows = [...document.querySelectorAll("[data-testid=token-row]")];
  return !document.querySelector("[aria-busy=true]") && rows.length === n && rows.map((r) => r.dataset.id).join(",") !== ids;
};
const rowCount = (n) => document.querySelectorAll("[data-testid=token-row]").length === n && !document.querySelector("[aria-busy=true]");
const menuOpen = () => !!document.querySelector("[data-testid=row-actions][aria-expanded=true]");
const tabShown = (slug) => document.querySelector(`[data-testid=tab-${slug}]`)?.getAttribute("aria-selected") === "true";

/// Times `act` (which returns after sending the input) until `check(arg)` paints.
async function time(page, act, check, arg) {
  await page.evaluate(() => { window.__inputAt = undefined; });
  await act();
  const painted = await paintedWhen(page, check, arg);
  return painted - (await page.evaluate(() => window.__inputAt));
}

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.evaluateOnNewDocument(watchInputs);
  await openSignedIn(page, listUrl(""), token, { timeout: 60000 });

  const results = [];
  for (const size of [10, 100]) {
    const figures = { next: [], nextAll: [], sort: [], filter: [], size: [], menu: [], tab: [] };
    for (let i = 0; i < runs; i++) {
      await page.goto(listUrl(size === 10 ? "" : `&size=${size}`), { waitUntil: "domcontentloaded" });
      await paintedWhen(page, settled);
      let id = await page.evaluate(firstRowId);
      figures.next.push(await time(page, () => page.click("[data-testid=next-page]"), rowsOtherThan, id));
      // A long page paints its first rows, then builds the rest (src/pages/tokens_list/table.rs).
      id = await page.evaluate(firstRowId);
      figures.nextAll.push(await time(page, () => page.click("[data-testid=prev-page]"), everyRowOtherThan, [id, size]));
      id = await page.evaluate(firstRowId);
      figures.sort.push(await time(page, () => page.click("[data-testid=sort-name]"), rowsOtherThan, id));
      id = await page.evaluate(firstRowId);
      figures.filter.push(await time(page, () => page.select("[data-testid=filter-status]", "Disabled"), allDisabled, id));
      const other = size === 10 ? "25" : "50";
      figures.size.push(await time(page, () => page.select("[data-testid=page-size]", other), rowCount, Number(other)));
      await page.select("[data-testid=page-size]", String(size));
      await paintedWhen(page, rowCount, size);
      figures.menu.push(await time(page, () => page.click("[data-testid=row-actions]"), menuOpen));
      await page.keyboard.press("Escape");
      await page.click("[data-testid=token-name]");
      await paintedWhen(page, tabShown, "general");
      figures.tab.push(await time(page, () => page.click("[data-testid=tab-modules]"), tabShown, "modules"));
    }
    results.push([size, figures]);
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const names = {
    next: "Next page → new rows",
    nextAll: "Previous page → every row built",
    sort: "sort by name → re-sorted rows",
    filter: "status filter → matching rows",
    size: "rows per page → that many rows",
    menu: "row menu → open",
    tab: "details tab → shown",
  };
  console.log(`Input → painted result, median of ${runs} runs (ms), list at ${listUrl("")}`);
  console.log(`${"interaction".padEnd(36)} ${"10 rows".padStart(8)} ${"100 rows".padStart(9)}`);
  for (const key of Object.keys(names)) {
    const [a, b] = results.map(([, f]) => median(f[key]).toFixed(0));
    console.log(`${names[key].padEnd(36)} ${a.padStart(8)} ${b.padStart(9)}`);
  }
} finally {
  await browser.close();
}
