// Minification with esbuild, in every build so that the tests run what ships.
//   minifyJs(code)    an ES module (the wasm-bindgen glue, the chunk loader): exports,
//                     import specifiers and string keys (the wasm's import names) are kept
//   minifyCss(dir)    the stylesheets index.html links, their @imports of style/ bundled in,
//                     renamed by a hash of their new content and their integrity
//                     recomputed; a no-op on minified files
import { readFileSync, writeFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync, transformSync } from "esbuild";
import { hex16, sri } from "./hashes.mjs";

export const minifyJs = (code) => transformSync(code, { minify: true, format: "esm", legalComments: "none" }).code;

const minCss = (css) => transformSync(css, { loader: "css", minify: true, legalComments: "none" }).code;

/// The stylesheet style/<stem>.css with the area files it imports, as one file.
function bundleCss(stem, minify) {
  const entry = fileURLToPath(new URL(`../style/${stem}.css`, import.meta.url));
  const out = buildSync({ entryPoints: [entry], bundle: true, minify, legalComments: "none", write: false });
  return out.outputFiles[0].text;
}

/// Returns the number of bytes saved.
export function minifyCss(dir) {
  const htmlPath = join(dir, "index.html");
  let html = readFileSync(htmlPath, "utf8");
  let saved = 0;
  const links = html.matchAll(/<link rel="stylesheet" href="([^"]*?)([\w.-]+)-([0-9a-f]{8,16})\.css" integrity="([^"]*)"/g);
  for (const [link, prefix, stem, hash] of links) {
    const old = `${stem}-${hash}.css`;
    const css = readFileSync(join(dir, old), "utf8");
    const bundled = css.includes("@import") ? bundleCss(stem, false) : css;
    const min = css.includes("@import") ? bundleCss(stem, true) : minCss(css);
    const name = `${stem}-${hex16(min)}.css`;
    if (name === old) continue;
    writeFileSync(join(dir, name), min);
    unlinkSync(join(dir, old));
    html = html.replace(link, `<link rel="stylesheet" href="${prefix}${name}" integrity="${sri(min)}"`);
    saved += Buffer.byteLength(bundled) - Buffer.byteLength(min);
  }
  writeFileSync(htmlPath, html);
  return saved;
}
