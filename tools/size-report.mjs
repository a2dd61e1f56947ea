// Prints the first-load transfer of a built console: every file index.html
// loads (HTML, JS, wasm, CSS, config.json), raw, gzip and brotli, and the total.
// Usage: node tools/size-report.mjs DIST_DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const html = readFileSync(join(dist, "index.html"));
const text = html.toString("utf8");
const refs = new Set();
for (const m of text.matchAll(/(?:href|src)="([^"]+\.(?:js|css|wasm))"/g)) refs.add(m[1]);
for (const m of text.matchAll(/['"]([^'"]+\.(?:js|wasm))['"]/g)) refs.add(m[1]);
// config.json is fetched at start too.
const files = [["index.html", html], ["config.json", readFileSync(join(dist, "config.json"))]];
for (const ref of refs) {
  const name = ref.replace(/^.*\//, "");
  files.push([name, readFileSync(join(dist, name))]);
}
const row = (name, raw, gz, br) =>
  `${name.padEnd(48)} ${String(raw).padStart(10)} ${String(gz).padStart(10)} ${String(br).padStart(10)}`;
console.log(row("file", "raw", "gzip", "brotli"));
let total = [0, 0, 0];
for (const [name, bytes] of files) {
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = [total[0] + bytes.length, total[1] + gz, total[2] + br];
  console.log(row(name, bytes.length, gz, br));
}
console.log(row("first load total", ...total));
console.log(`first load, brotli: ${(total[2] / 1024).toFixed(1)} KiB (target: under 200 KB)`);
