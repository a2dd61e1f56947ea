// The JS classes wasm-streams exports (IntoUnderlyingSource, …Sink, …ByteSource):
// leptos' server functions bring the crate in, and wasm-bindgen exports its classes
// to JS, but a console in the browser alone never streams a body through them
// (issue 25: 1.6 KiB brotli of first load). Taken out of the glue (each class, its
// Symbol.dispose line and its FinalizationRegistry) and out of the wasm's exports,
// so that wasm-opt drops the functions behind them. Run on wasm-bindgen's unminified
// output, before wasm-opt. The build fails if they are named anywhere else in the
// glue afterwards (something uses them).
import { leb, sections, utf8, writeLeb } from "./import-names.mjs";

const CLASS = "IntoUnderlying(?:ByteSource|Sink|Source)";
const EXPORT = /^(?:__wbg_)?intounderlying(?:bytesource|sink|source)_/;

/// `bytes` without the exports whose names `drop` matches.
function dropExports(bytes, drop) {
  const section = sections(bytes).find((s) => s.id === 7);
  if (!section) return bytes;
  let [count, pos] = leb(bytes, section.start);
  const kept = [];
  for (; count > 0; count--) {
    const start = pos;
    let len;
    [len, pos] = leb(bytes, pos);
    const field = utf8.decode(bytes.subarray(pos, pos + len));
    pos += len + 1; // the name, then the kind byte
    [, pos] = leb(bytes, pos); // the index
    if (!drop.test(field)) kept.push(bytes.subarray(start, pos));
  }
  const payload = Buffer.concat([Buffer.from(writeLeb(kept.length)), ...kept]);
  return Buffer.concat([
    bytes.subarray(0, section.header),
    Buffer.from([7, ...writeLeb(payload.length)]),
    payload,
    bytes.subarray(section.end),
  ]);
}

/// The glue and the wasm without wasm-streams' classes: { wasm, glue, classes }.
export function stripUnusedClasses(wasm, glue) {
  const classes = [...glue.matchAll(new RegExp(`^export class (${CLASS}) \\{`, "gm"))].map((m) => m[1]);
  for (const c of classes) {
    const block = new RegExp(
      `^export class ${c} \\{[\\s\\S]*?^if \\(Symbol\\.dispose\\) ${c}\\.prototype\\[Symbol\\.dispose\\] = ${c}\\.prototype\\.free;\\n`,
      "m",
    );
    const registry = new RegExp(`^const ${c}Finalization = [\\s\\S]*?\\);\\n`, "m");
    glue = glue.replace(block, "").replace(registry, "");
  }
  if (new RegExp(CLASS, "i").test(glue)) {
    throw new Error("unused-classes: the glue still names a wasm-streams class (is it used after all?)");
  }
  return { wasm: dropExports(wasm, EXPORT), glue, classes: classes.length };
}
