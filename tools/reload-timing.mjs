// Figures, not a test: a signed-in reload of the list page on a slow network
// (150 ms round trips, 1.6 Mbit/s down, as Lighthouse's phone), from
// navigation to the first rows visible (performance.now() when a row is in the
// document), in ms, once per run; then the API requests one reload makes
// until the network is idle, by path. Used by scripts/reload-timing.sh:
//   node tools/reload-timing.mjs <console URL> <admin token> [runs]
// The token is typed into the sign-in form, never put in the URL.
import { launch, openSignedIn, starkList } from "./signed-in.mjs";

const [base, token, runsArg] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: node tools/reload-timing.mjs <console URL> <admin token> [runs]");
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const listUrl = starkList(base);

const browser = await launch();
try {
  const page = await browser.newPage();
  await openSignedIn(page, listUrl, token);
  await page.evaluateOnNewDocument(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector("[data-testid=token-row]")) {
        window.__rowsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6e6 / 8,
    uploadThroughput: 0.75e6 / 8,
  });
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.reload({ waitUntil: "domcontentloaded" });
    await page.waitForSelector("[data-testid=token-row]", { timeout: 30000 });
    times.push(Math.round(await page.evaluate(() => window.__rowsAt)));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`reload → first rows (ms): ${times.join(" ")}; median ${sorted[Math.floor(sorted.length / 2)]}`);
  const asked = new Map();
  const note = (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith("/public/")) return;
    const path = url.pathname.replace("/public/v1/", "");
    asked.set(path, (asked.get(path) ?? 0) + 1);
  };
  page.on("request", note);
  await page.reload({ waitUntil: "networkidle0" });
  page.off("request", note);
  const all = [...asked.values()].reduce((a, b) => a + b, 0);
  console.log(`API requests on a reload: ${all} (${[...asked].map(([p, n]) => `${p} ×${n}`).join(", ")})`);
} finally {
  await browser.close();
}
