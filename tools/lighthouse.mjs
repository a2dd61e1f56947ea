// Lighthouse on the signed-in list page, desktop and mobile presets; prints the
// performance score and FCP / LCP / TBT / CLS, what shifted and the long tasks. Used by scripts/lighthouse.sh:
//   node tools/lighthouse.mjs <console URL> <admin token>
//   node tools/lighthouse.mjs <minimal app URL>     (the floor: tools/minimal-app's list)
// The token is typed into the sign-in form (it lives in sessionStorage, as for a
// person), never put in the URL.
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { launch, openSignedIn, starkList } from "./signed-in.mjs";
import { readFileSync } from "node:fs";

const version = JSON.parse(readFileSync(new URL("./node_modules/lighthouse/package.json", import.meta.url))).version;

const [base, token] = process.argv.slice(2);
if (!base) {
  console.error("usage: node tools/lighthouse.mjs <console URL> <admin token> | <minimal app URL>");
  process.exit(2);
}
// Without a token, the minimal app's list, whose rows are paragraphs.
const listUrl = token ? starkList(base) : base;
const rowSelector = token ? "[data-testid=token-row]" : "main p, body > p";

const browser = await launch();
try {
  const page = await browser.newPage();
  await openSignedIn(page, listUrl, token, { rows: rowSelector });

  const rows = [];
  for (const [preset, config] of [
    ["desktop", desktopConfig],
    ["mobile", undefined],
  ]) {
    const result = await lighthouse(
      listUrl,
      { output: "json", logLevel: "error", onlyCategories: ["performance"], disableStorageReset: true },
      config,
      page,
    );
    const shown = await page.$$eval(rowSelector, (r) => r.length).catch(() => 0);
    if (shown === 0) throw new Error(`${preset}: the list did not show rows (was the session lost?)`);
    const a = result.lhr.audits;
    // A run Lighthouse could not measure (an audit without a value, a
    // runtime error) is reported as such, not as a crash of the whole script.
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"];
    const missing = metrics.find((m) => a[m]?.displayValue === undefined);
    if (result.lhr.runtimeError || missing) {
      const why = result.lhr.runtimeError?.message ?? a[missing]?.errorMessage ?? `no ${missing}`;
      rows.push({ preset, failed: why });
      continue;
    }
    rows.push({
      preset,
      score: Math.round((result.lhr.categories.performance.score ?? 0) * 100),
      fcp: a["first-contentful-paint"].displayValue,
      lcp: a["largest-contentful-paint"].displayValue,
      tbt: a["total-blocking-time"].displayValue,
      cls: a["cumulative-layout-shift"].displayValue,
      // What moved, so a CLS figure says where to look.
      shifts: (a["layout-shifts"]?.details?.items ?? []).map(
        (i) => `${(i.score ?? 0).toFixed(3)} ${i.node?.selector ?? "?"} ${JSON.stringify(i.node?.boundingRect ?? {})} ${(i.subItems?.items ?? []).map((c) => c.extra?.value ?? c.cause ?? "").join("; ")} ${(i.node?.snippet ?? "").slice(0, 80)}`,
      ),
      // Where the blocking time comes from: the long main-thread tasks (simulated
      // on the preset's CPU) and what each script cost.
      tasks: (a["long-tasks"]?.details?.items ?? []).map(
        (t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms ${String(t.url ?? "").split("/").pop()}`,
      ),
    });
  }
  console.log(`Lighthouse ${version} on ${listUrl} (${token ? "signed in, " : ""}rows visible)`);
  console.log("preset   score  FCP       LCP       TBT       CLS");
  for (const r of rows) {
    if (r.failed) {
      console.log(`${r.preset.padEnd(8)} not measured: ${r.failed}`);
      continue;
    }
    console.log(
      `${r.preset.padEnd(8)} ${String(r.score).padStart(5)}  ${r.fcp.padEnd(9)} ${r.lcp.padEnd(9)} ${r.tbt.padEnd(9)} ${r.cls}`,
    );
    for (const shift of r.shifts) console.log(`         shifted: ${shift}`);
    for (const task of r.tasks) console.log(`         long task: ${task}`);
  }
} finally {
  await browser.close();
}
