// Figures, not a test: the main thread's tasks during a signed-in reload of the
// list page on a phone-sized page with Chrome's real 4× CPU throttling, from a
// DevTools trace. Per reload: the time its tasks spend over 50 ms (what total
// blocking time adds up, from navigation on) and the largest-paint candidates;
// with --detail, every task over 5 ms (what it spent on script, style, layout,
// paint) among the API requests and answers. Used by scripts/long-tasks.sh:
//   node tools/long-tasks.mjs <console URL> <admin token> [reloads] [--detail]
import { launch, openSignedIn, starkList } from "./signed-in.mjs";

const [base, token, reloadsArg, detail] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: node tools/long-tasks.mjs <console URL> <admin token> [reloads] [--detail]");
  process.exit(2);
}
const listUrl = starkList(base);
// What a task's time is spent on, by trace event.
const PARTS = ["FunctionCall", "RunMicrotasks", "TimerFire", "FireAnimationFrame", "ParseHTML", "EvaluateScript", "UpdateLayoutTree", "Layout", "Paint"];
const ms = (us) => us / 1000;
const at = (us) => `${String(Math.round(ms(us))).padStart(6)} ms`;

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823, isMobile: true });
  await openSignedIn(page, listUrl, token);
  const cdp = await page.createCDPSession();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  for (let r = 1; r <= Number(reloadsArg ?? 3); r++) {
    await page.tracing.start({ categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"] });
    await page.goto(listUrl);
    await page.waitForSelector("[data-testid=token-row]", { timeout: 60000 });
    await new Promise((done) => setTimeout(done, 1500));
    const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString("utf8")).traceEvents;
    // The console's thread: where its script runs.
    const main = events.find((e) => ["EvaluateScript", "FunctionCall"].includes(e.name) && JSON.stringify(e.args ?? {}).includes("tokens-console"));
    if (!main) throw new Error("no script of the console in the trace");
    const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
    const start = events.find((e) => e.name === "navigationStart" && e.pid === main.pid)?.ts ?? main.ts;
    const tasks = own.filter((e) => e.name === "RunTask" && e.ts >= start && e.dur > 5000);
    const over = tasks.reduce((sum, t) => sum + Math.max(0, ms(t.dur) - 50), 0);
    const paints = events.filter((e) => e.name === "largestContentfulPaint::Candidate").map((e) => Math.round(ms(e.ts - start)));
    console.log(`reload ${r}: time over 50 ms ${Math.round(over)} ms in ${tasks.filter((t) => t.dur > 50000).length} task(s); largest-paint candidates at ${paints.join(", ")} ms`);
    if (detail !== "--detail") continue;
    const lines = tasks.map((t) => {
      const spent = new Map();
      for (const e of own) {
        if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && PARTS.includes(e.name)) spent.set(e.name, (spent.get(e.name) ?? 0) + ms(e.dur));
      }
      return { ts: t.ts, text: `${at(t.ts - start)}  task ${ms(t.dur).toFixed(1).padStart(6)} ms  ${[...spent].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}` };
    });
    const urls = new Map(events.filter((e) => e.name === "ResourceSendRequest").map((e) => [e.args.data.requestId, e.args.data.url]));
    const network = events
      .filter((e) => e.pid === main.pid && e.ts >= start && ["ResourceSendRequest", "ResourceFinish"].includes(e.name))
      .map((e) => {
        const url = new URL(urls.get(e.args.data.requestId) ?? e.args.data.url ?? base);
        return { ts: e.ts, text: `${at(e.ts - start)}  ${e.name === "ResourceFinish" ? "<-" : "->"} ${(url.pathname.split("/").pop() + url.search).slice(0, 70)}` };
      });
    for (const line of [...lines, ...network].sort((a, b) => a.ts - b.ts)) console.log(line.text);
  }
} finally {
  await browser.close();
}
