// Figures, not a test: where the main thread's time goes, by function, from the
// DevTools protocol's sampling profiler. Used by scripts/profile.sh:
//   node tools/profile.mjs <console URL> <admin token> load   the list page opened
//                                                             with a restored session,
//                                                             CPU slowed 4× (Lighthouse's mobile)
//   node tools/profile.mjs <console URL> <admin token> next   Next at 100 rows per page
// Wasm functions are named when the build kept its name section (scripts/profile.sh
// builds with SPLIT_KEEP_NAMES=1); Rust's legacy-mangled names (_ZN…) are shortened to
// their path, v0 ones (_R…) are left as they are.
import { launch, openSignedIn, starkList } from "./signed-in.mjs";

const [base, token, scenario = "load"] = process.argv.slice(2);
if (!base || !token || !["load", "next"].includes(scenario)) {
  console.error("usage: node tools/profile.mjs <console URL> <admin token> load|next");
  process.exit(2);
}
const listUrl = (query = "") => starkList(base, query);

/// `_ZN4core3fmt5write17h…E` → `core::fmt::write` (legacy Rust mangling); others as they are.
function demangle(name) {
  if (!name.startsWith("_ZN")) return name || "(anonymous)";
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== "E") {
    let len = 0;
    while (/[0-9]/.test(name[i])) len = len * 10 + Number(name[i++]);
    if (len === 0) break;
    parts.push(name.slice(i, i + len));
    i += len;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.join("::").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ")
    .replace(/\$RF\$/g, "&").replace(/\$C\$/g, ",").replace(/\.\./g, "::").replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}");
}

/// Self time by function, and by the crate each belongs to, in ms.
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, k) => {
    const node = byId.get(id);
    const f = node.callFrame;
    // Wasm frames (a wasm:// URL or the .wasm file) by function; JS by function and file.
    const wasm = f.url.includes("wasm") && !f.url.endsWith(".js");
    const name = wasm ? demangle(f.functionName) : `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[k + 1] ?? 0) / 1000);
  });
  const crates = new Map();
  for (const [name, ms] of self) {
    const m = name.match(/^<?(?:&|mut |dyn |impl )*([a-z_][a-z0-9_]*)::/);
    const crate = m ? m[1] : name.startsWith("(") ? name : "JS and others";
    crates.set(crate, (crates.get(crate) ?? 0) + ms);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { top: top(self, 30), crates: top(crates, 15) };
}

const browser = await launch(["--window-size=1280,900"]);
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await openSignedIn(page, listUrl(), token);
  const cdp = await page.createCDPSession();
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  if (scenario === "load") {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Profiler.start");
    await page.goto(listUrl());
    await page.waitForSelector("[data-testid=token-row]", { timeout: 60000 });
    await new Promise((r) => setTimeout(r, 3000));
  } else {
    await page.goto(listUrl("&size=100"));
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=token-row]").length === 100 && !document.querySelector("[aria-busy=true]"));
    const ids = await page.evaluate(() => [...document.querySelectorAll("[data-testid=token-row]")].map((r) => r.dataset.id).join(","));
    await cdp.send("Profiler.start");
    await page.click("[data-testid=next-page]");
    await page.waitForFunction((ids) => [...document.querySelectorAll("[data-testid=token-row]")].map((r) => r.dataset.id).join(",") !== ids && !document.querySelector("[aria-busy=true]"), { polling: "raf" }, ids);
    await new Promise((r) => setTimeout(r, 300));
  }
  const { profile } = await cdp.send("Profiler.stop");
  const { top, crates } = summarise(profile);
  console.log(`Self time by crate (${scenario}), ms:`);
  for (const [name, ms] of crates) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
  console.log(`Self time by function (${scenario}), ms:`);
  for (const [name, ms] of top) console.log(`${ms.toFixed(1).padStart(8)}  ${name.slice(0, 150)}`);
} finally {
  await browser.close();
}
