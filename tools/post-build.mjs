// Trunk post-build hook (see Trunk.toml), also runnable by hand on a built folder:
//   node tools/post-build.mjs dist [--release]   regenerate the hosting files, e.g. after
//                                                 editing config.json (--release: and .br/.gz)
//
// In the built folder it
//   - splits the wasm by route (tools/split.mjs) when trunk left it whole, and minifies
//     the JS glue, the chunk loader and the CSS (tools/minify.mjs);
//   - turns trunk's <base href> into <meta name="tokens-console-base">: the CSP says
//     base-uri 'none', and the console only needs to know its public URL;
//   - computes the CSP from the final index.html (the hash of trunk's inline loader script)
//     and config.json (the API origin);
//   - writes, from one set of rules (tools/hosting.mjs), _headers and _redirects (Netlify,
//     Cloudflare Pages), staticwebapp.config.json (Azure Static Web Apps), nginx.conf (to
//     include in a server block), Caddyfile (to import in a site block) and headers.json
//     (read by the sandbox); with "apiProxy" in config.json, all but _headers and
//     staticwebapp.config.json also forward /public/* to that API (a same-origin proxy,
//     for APIs that do not allow the console's origin);
//   - in release builds, writes .br and .gz copies of the compressible assets.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, unlinkSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { splitWasm } from "./split.mjs";
import { minifyCss } from "./minify.mjs";
import { ASSET_EXTENSIONS, HASHED, hostingRules, nginxConf, caddyfile } from "./hosting.mjs";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: give the built folder, or run as a trunk hook");
  process.exit(2);
}
const release = process.argv[2] ? process.argv.includes("--release") : process.env.TRUNK_PROFILE === "release";

// 0. The route split, and minification.
try {
  const sizes = splitWasm(dir, release);
  if (sizes) console.log(`post-build: split the wasm: ${JSON.stringify(sizes)}`);
  const saved = minifyCss(dir);
  if (saved) console.log(`post-build: minified the CSS (${saved} bytes less)`);
} catch (e) {
  console.error(`post-build: ${e.message}`);
  process.exit(1);
}

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// 1. <base href="/console/"> (trunk's public URL) → <meta>.
const baseTag = /<base\s+href=(["']?)([^"'\s>]*)\1\s*\/?>/i;
const metaTag = /<meta\s+name=(["']?)tokens-console-base\1\s+content=(["']?)([^"'\s>]*)\2\s*\/?>/i;
let publicUrl;
if (baseTag.test(html)) {
  publicUrl = html.match(baseTag)[2];
  html = html.replace(baseTag, `<meta name="tokens-console-base" content="${publicUrl}">`);
  writeFileSync(indexPath, html);
} else if (metaTag.test(html)) {
  publicUrl = html.match(metaTag)[3];
} else {
  publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
}
if (!publicUrl.startsWith("/")) publicUrl = "/" + publicUrl;
if (!publicUrl.endsWith("/")) publicUrl += "/";

// 2. Hashes of every inline script (trunk's loader is the only one).
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(m[1])) continue;
  hashes.push(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
}
if (hashes.length === 0) {
  console.error("post-build: no inline loader script found in index.html");
  process.exit(1);
}

// 3. The API origin from config.json ("" means the console's own origin), and the
// upstream of a same-origin proxy (apiProxy: for APIs that do not allow the
// console's origin by CORS, the host forwards /public/* to it).
let apiOrigin = "";
let apiProxy = "";
try {
  const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  const base = (config.apiBaseUrl ?? "").trim();
  if (base) apiOrigin = new URL(base).origin;
  const proxy = (config.apiProxy ?? "").trim();
  if (proxy) {
    if (base) throw new Error("apiProxy needs an empty apiBaseUrl: the console then calls its own origin");
    apiProxy = new URL(proxy).origin;
  }
} catch (e) {
  console.error(`post-build: config.json: ${e.message}`);
  process.exit(1);
}
const api = apiOrigin ? ` ${apiOrigin}` : "";

const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  `img-src 'self' data: blob:${api}`,
  `connect-src 'self'${api}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const security = {
  "Content-Security-Policy": csp,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy":
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), clipboard-write=(self)",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  // Browsers ignore HSTS on plain http (the sandbox on loopback); on the CDN it
  // keeps the console, and so the token typed into it, on https for two years.
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
};

// 4. Which files are hashed (trunk's filehash: name-<hex>.ext, and wasm-bindgen snippets).
const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(dir, p).split(sep).join("/"));
  }
})(dir);
const generated = new Set(["_headers", "_redirects", "staticwebapp.config.json", "headers.json", "nginx.conf", "Caddyfile"]);
const assets = files.filter((f) => !generated.has(f) && !/\.(br|gz)$/.test(f));
const hashed = assets.filter((f) => HASHED.test(f));

const p = (f) => publicUrl + f;
const rules = hostingRules({ publicUrl, security, hashed });

const proxy = apiProxy ? { path: "/public/", to: apiProxy } : undefined;
writeFileSync(
  join(dir, "headers.json"),
  JSON.stringify({ publicUrl, rules, proxy, assetExtensions: ASSET_EXTENSIONS }, null, 2) + "\n",
);
writeFileSync(join(dir, "nginx.conf"), nginxConf({ publicUrl, rules, hashed, proxy }));
writeFileSync(join(dir, "Caddyfile"), caddyfile({ publicUrl, rules, hashed, proxy }));
writeFileSync(
  join(dir, "_headers"),
  rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n")).join("\n") + "\n",
);
// Netlify applies the first matching line: the proxy (a 200 rewrite to another
// origin) before the SPA fallback.
writeFileSync(
  join(dir, "_redirects"),
  (apiProxy ? `/public/*  ${apiProxy}/public/:splat  200\n` : "") + `${publicUrl}*  ${p("index.html")}  200\n`,
);
writeFileSync(
  join(dir, "staticwebapp.config.json"),
  JSON.stringify(
    {
      navigationFallback: {
        rewrite: p("index.html"),
        exclude: [`${publicUrl}*.{${ASSET_EXTENSIONS.join(",")}}`],
      },
      // The first rule is every path's (the security headers); the rest, by path.
      globalHeaders: rules[0].headers,
      routes: rules.slice(1).map((r) => ({ route: r.path, headers: r.headers })),
      mimeTypes: { ".wasm": "application/wasm", ".json": "application/json" },
    },
    null,
    2,
  ) + "\n",
);

// 5. Precompressed copies for hosts that serve them (nginx *_static, the sandbox).
// config.json is left alone: it is edited per deployment and must not go stale.
for (const f of assets) {
  const path = join(dir, f);
  for (const ext of [".br", ".gz"]) if (existsSync(path + ext)) unlinkSync(path + ext);
  if (!release || f === "config.json" || !/\.(html|js|wasm|css|json|svg)$/.test(f)) continue;
  const raw = readFileSync(path);
  if (raw.length < 1024) continue;
  writeFileSync(
    path + ".br",
    brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
  );
  writeFileSync(path + ".gz", gzipSync(raw, { level: 9 }));
}

console.log(
  `post-build: CSP and hosting files for ${publicUrl}${apiProxy ? `, proxying /public/ to ${apiProxy}` : ""}${release ? ", with .br/.gz copies" : ""}`,
);
