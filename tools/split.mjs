// Route-level wasm splitting, run by tools/post-build.mjs on trunk's staging folder.
//
// Trunk builds the console with the "split" feature (index.html), whose lazy pages
// (src/shell/chunks.rs) are wasm-split points, and links it with --emit-relocs
// (build.rs). Trunk's own wasm-bindgen output cannot load such a module: its JS
// imports "__wasm_split_placeholder__". This step redoes the binding from cargo's
// wasm, split first:
//   wasm-split-cli          main module, one split_<page>.wasm per lazy page, chunk_<n>.wasm
//                           for code that several pages share, and __wasm_split.js (the loader)
//   wasm-bindgen            the main module's JS glue (as trunk runs it, keeping the exports
//                           the chunks link against)
//   unused-classes.mjs      wasm-streams' JS classes out of the glue and the main module's
//                           exports (never used in the browser alone)
//   wasm-opt -Os            (release) the main module and every chunk
//                           (-Os is 1.2 KiB brotli smaller than -Oz here; FIGURES.md)
//   import-names.mjs        short names for the main module's imports from the glue, in
//                           the wasm and the glue alike (they were hashed and long)
//   esbuild --minify        the glue and the loader
// then names every file by a hash of its content, rewrites the references (index.html,
// the loader's chunk URLs, the glue's and the loader's imports of each other), and
// recomputes the integrity of index.html's preloads, and lists the chunks in
// <meta name="tokens-console-chunks"> for the console's idle prefetch (a download into
// the HTTP cache, no compile: src/shell/prefetch.rs). The CSP needs nothing new: the
// loader is a same-origin module script and chunks are fetched from 'self'.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hex16, sri } from "./hashes.mjs";
import { shortenImports } from "./import-names.mjs";
import { stripUnusedClasses } from "./unused-classes.mjs";
import { minifyJs } from "./minify.mjs";

const NAME = "tokens-console";
const PLACEHOLDER = "__wasm_split_placeholder__";
const LOADER = "__wasm_split.js";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });

/// Splits the console in `dir` (trunk's staging folder) if trunk left it unsplit.
/// Returns the sizes written, for the log.
export function splitWasm(dir, release) {
  const htmlPath = join(dir, "index.html");
  let html = readFileSync(htmlPath, "utf8");
  // Trunk writes its hash without leading zeros: up to 16 hex digits.
  const jsMatch = html.match(new RegExp(`${NAME}-[0-9a-f]{8,16}\\.js`));
  const wasmMatch = html.match(new RegExp(`${NAME}-[0-9a-f]{8,16}_bg\\.wasm`));
  if (!jsMatch || !wasmMatch) throw new Error("split: trunk's JS and wasm are not named in index.html");
  const [oldJs, oldWasm] = [jsMatch[0], wasmMatch[0]];
  if (!readFileSync(join(dir, oldJs), "utf8").includes(PLACEHOLDER)) return null; // already split

  const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
  const profile = release ? "release" : "debug";
  const raw = join(targetDir, "wasm32-unknown-unknown", profile, `${NAME}.wasm`);
  if (!existsSync(raw)) throw new Error(`split: ${raw} is missing`);

  const work = mkdtempSync(join(tmpdir(), "tokens-console-split-"));
  try {
    const split = join(work, "split");
    const bound = join(work, "bound");
    run("wasm-split-cli", ["--out-name", NAME, raw, split]);
    run("wasm-bindgen", [
      "--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle",
      "--out-dir", bound, "--out-name", NAME, join(split, `${NAME}.wasm`),
    ]);
    const chunks = readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== `${NAME}.wasm`);
    const mainWasm = join(bound, `${NAME}_bg.wasm`);
    const boundGlue = join(bound, `${NAME}.js`);
    const stripped = stripUnusedClasses(readFileSync(mainWasm), readFileSync(boundGlue, "utf8"));
    writeFileSync(mainWasm, stripped.wasm);
    writeFileSync(boundGlue, stripped.glue);
    if (release) {
      for (const f of [mainWasm, ...chunks.map((c) => join(split, c))]) {
        // SPLIT_KEEP_NAMES=1 (scripts/profile.sh): the same code with its function names.
        const names = process.env.SPLIT_KEEP_NAMES === "1" ? ["-g"] : [];
        run("wasm-opt", ["-Os", ...names, "--enable-bulk-memory", "--enable-nontrapping-float-to-int", f, "-o", f]);
      }
    }

    const short = shortenImports(
      readFileSync(mainWasm),
      readFileSync(boundGlue, "utf8"),
      chunks.map((c) => [c, readFileSync(join(split, c))]),
      `./${NAME}_bg.js`,
    );
    writeFileSync(mainWasm, short.wasm);

    // Chunks: content-hashed names, and the loader's URLs for them.
    let loader = readFileSync(join(split, LOADER), "utf8");
    const sizes = {};
    for (const c of chunks) {
      const bytes = readFileSync(join(split, c));
      const named = c.replace(/\.wasm$/, `-${hex16(bytes)}.wasm`);
      writeFileSync(join(dir, named), bytes);
      loader = loader.split(`"./${c}"`).join(`"./${named}"`);
      sizes[named] = bytes.length;
    }
    // The wasm, then the glue and the loader, which import each other: one hash of both.
    const wasmBytes = readFileSync(mainWasm);
    const wasmName = `${NAME}-${hex16(wasmBytes)}_bg.wasm`;
    writeFileSync(join(dir, wasmName), wasmBytes);
    let glue = minifyJs(short.glue);
    loader = minifyJs(loader);
    if (glue.includes(PLACEHOLDER)) throw new Error("split: the glue still imports the placeholder");
    const pair = hex16(glue, loader);
    const [glueName, loaderName] = [`${NAME}-${pair}.js`, LOADER.replace(/\.js$/, `-${pair}.js`)];
    // Only the import statements: the wasm's import object keeps the module name.
    glue = glue.replace(new RegExp(`(\\bfrom\\s*["'])\\./${LOADER.replace(".", "\\.")}(["'])`, "g"), `$1./${loaderName}$2`);
    loader = loader.split(`"./${NAME}.js"`).join(`"./${glueName}"`);
    if (!glue.includes(loaderName) || !loader.includes(glueName)) {
      throw new Error("split: the glue and the loader do not import each other as expected");
    }
    writeFileSync(join(dir, glueName), glue);
    writeFileSync(join(dir, loaderName), loader);
    unlinkSync(join(dir, oldJs));
    unlinkSync(join(dir, oldWasm));

    // index.html: new names, their integrity, and the loader preloaded with the glue.
    html = html.split(oldJs).join(glueName).split(oldWasm).join(wasmName);
    html = html.replace(
      new RegExp(`(<link[^>]*href="[^"]*${glueName}"[^>]*integrity=")[^"]*(")`),
      `$1${sri(glue)}$2`,
    );
    html = html.replace(
      new RegExp(`(<link[^>]*href="[^"]*${wasmName}"[^>]*integrity=")[^"]*(")`),
      `$1${sri(wasmBytes)}$2`,
    );
    const glueLink = html.match(new RegExp(`<link rel="modulepreload" href="([^"]*)${glueName}"[^>]*>`));
    if (!glueLink) throw new Error("split: no modulepreload of the glue in index.html");
    // The pages' own chunks first: what they share follows.
    const listed = Object.keys(sizes).sort((a, b) =>
      a.startsWith("split_") === b.startsWith("split_") ? a.localeCompare(b) : a.startsWith("split_") ? -1 : 1,
    );
    html = html.replace(
      glueLink[0],
      `${glueLink[0]}<link rel="modulepreload" href="${glueLink[1]}${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">` +
        `<meta name="tokens-console-chunks" content="${listed.join(" ")}">`,
    );
    writeFileSync(join(dir, "index.html"), html);
    return { main: wasmBytes.length, ...sizes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
