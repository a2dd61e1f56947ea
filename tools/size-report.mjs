// Prints the first-load transfer of a built console: every file index.html
// loads (HTML, JS, the split loader, main wasm, CSS, config.json), raw, gzip and
// brotli, and the total; then each page's wasm chunks (tools/split.mjs), and what
// a user downloads to reach each page.
// Usage: node tools/size-report.mjs DIST_DIR [MINIMAL_APP_FIRST_LOAD_BROTLI]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const html = readFileSync(join(dist, "index.html"));
// The chunks listed for the idle download come after the first page: not counted here.
const text = html.toString("utf8").replace(/<meta name="tokens-console-chunks"[^>]*>/, "");
const refs = new Set();
for (const m of text.matchAll(/(?:href|src)="([^"]+\.(?:js|css|wasm))"/g)) refs.add(m[1]);
for (const m of text.matchAll(/['"]([^'"]+\.(?:js|wasm))['"]/g)) refs.add(m[1]);
// config.json is fetched at start too.
const files = [["index.html", html]];
if (existsSync(join(dist, "config.json"))) files.push(["config.json", readFileSync(join(dist, "config.json"))]);
for (const ref of refs) {
  const name = ref.replace(/^.*\//, "");
  files.push([name, readFileSync(join(dist, name))]);
}
const row = (name, raw, gz, br) =>
  `${name.padEnd(48)} ${String(raw).padStart(10)} ${String(gz).padStart(10)} ${String(br).padStart(10)}`;
console.log(row("file", "raw", "gzip", "brotli"));
const sizes = (bytes) => [
  bytes.length,
  gzipSync(bytes, { level: 9 }).length,
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
];
let total = [0, 0, 0];
for (const [name, bytes] of files) {
  const s = sizes(bytes);
  total = total.map((t, i) => t + s[i]);
  console.log(row(name, ...s));
}
console.log(row("first load total", ...total));
console.log(`first load, brotli: ${(total[2] / 1024).toFixed(1)} KiB (target: under 200 KB)`);
const minimal = Number(process.argv[3]);
if (minimal > 0) {
  console.log(`first load / minimal leptos app (${(minimal / 1024).toFixed(1)} KiB): ${(total[2] / minimal).toFixed(2)}×`);
}

// The chunks, from the loader: each page's own file and the shared ones it waits for.
const loaderName = [...refs].map((r) => r.replace(/^.*\//, "")).find((n) => n.startsWith("__wasm_split-"));
if (loaderName) {
  const loader = readFileSync(join(dist, loaderName), "utf8");
  // Minified (tools/minify.mjs): `x=load(()=>{const t=fetch(new URL("./file",…))…},[deps])`,
  // a page's wrapped in one more call, and `export{x as __wasm_split_load_page,…}`.
  const id = "[\\w$]+";
  const loads = new RegExp(`(${id})=(?:${id}\\()?${id}\\(\\(\\)=>\\{const ${id}=fetch\\(new URL\\("\\.\\/([^"]+)"[^\\]]*?\\},\\[([^\\]]*)\\]\\)`, "g");
  const fileOf = {};
  const depsOf = {};
  for (const m of loader.matchAll(loads)) {
    fileOf[m[1]] = m[2];
    depsOf[m[1]] = m[3].split(",").filter(Boolean);
  }
  const pages = [];
  for (const m of loader.matchAll(new RegExp(`(${id}) as __wasm_split_load_(\\w+)`, "g"))) {
    pages.push([m[2], fileOf[m[1]], depsOf[m[1]].map((d) => fileOf[d])]);
  }
  if (pages.length === 0 || pages.some((p) => !p[1] || p[2].some((d) => !d))) {
    throw new Error("size-report: the chunk loader's shape is not the one expected");
  }
  const chunkSize = {};
  console.log("");
  console.log(row("chunk (fetched on first use or when idle)", "raw", "gzip", "brotli"));
  for (const f of Object.values(fileOf).sort()) {
    chunkSize[f] = sizes(readFileSync(join(dist, f)));
    console.log(row(f, ...chunkSize[f]));
  }
  console.log("");
  for (const [page, own, deps] of pages) {
    const extra = [own, ...deps].reduce((sum, f) => sum + chunkSize[f][2], 0);
    console.log(
      `to reach ${page}: first load + ${(extra / 1024).toFixed(1)} KiB = ${((total[2] + extra) / 1024).toFixed(1)} KiB brotli`,
    );
  }
}
