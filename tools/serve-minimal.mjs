// Serves the minimal leptos app (tools/minimal-app, built into a folder) the
// way the sandbox serves the console: brotli, hashed files immutable,
// index.html revalidated, every other path the app; and its one request,
// /items, ten items as the console's first page has ten rows. Prints
// "listening <URL>". Used by `scripts/lighthouse.sh --floor`:
//   node tools/serve-minimal.mjs <dist folder>
import http from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, extname, normalize, resolve } from "node:path";
import { brotliCompressSync } from "node:zlib";

const given = process.argv[2];
if (!given) {
  console.error("usage: node tools/serve-minimal.mjs <dist folder>");
  process.exit(2);
}
// Absolute, so that the check below holds whatever the folder was given as.
const dir = resolve(given);
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
const items = JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ id: `TKN-0000-000${i}`, name: `Token ${i}` })));

const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path === "/items") {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(items);
    return;
  }
  const wanted = join(dir, normalize(path));
  const file = wanted.startsWith(dir) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(dir, "index.html");
  const html = extname(file) === ".html";
  res.writeHead(200, {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "content-encoding": "br",
    "cache-control": html ? "no-cache" : "public, max-age=31536000, immutable",
  });
  res.end(brotliCompressSync(readFileSync(file)));
});
server.listen(0, "127.0.0.1", () => console.log(`listening http://127.0.0.1:${server.address().port}`));
