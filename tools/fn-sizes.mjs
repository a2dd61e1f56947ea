// Where a wasm module's bytes go. First every section, raw and brotli-compressed
// on its own (quality 11), to tell code from data when a build's size moves.
// Then, for a wasm built with its function names kept (`SPLIT_KEEP_NAMES=1
// trunk build --release`, as scripts/size-report.sh makes in target/names-dist),
// each function body's size summed under the first crate its (mangled) name
// mentions, so a closure of `<reactive_graph::…ScopedFuture<Fut> as Future>::poll`
// counts for reactive_graph and a derive in the console's types for the console
// (raw bytes of code, before compression; data segments are not counted).
// With `--against OLD.wasm` (names kept too), the function names whose code
// grew or shrank most from OLD, copies of one generic function summed (their
// hashes taken off).
//
//   node tools/fn-sizes.mjs target/names-dist/tokens-console-*_bg.wasm [top N] [--against OLD.wasm]
import fs from "node:fs";
import zlib from "node:zlib";

const args = process.argv.slice(2);
const againstAt = args.indexOf("--against");
const against = againstAt >= 0 ? args.splice(againstAt, 2)[1] : undefined;
const [file, topArg] = args;
if (!file || (againstAt >= 0 && !against)) {
  console.error("usage: node tools/fn-sizes.mjs <wasm with a name section> [top N] [--against <older wasm>]");
  process.exit(2);
}
const sectionNames = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "elem", "code", "data", "datacount"];

/// The sections (name, raw and brotli size) and the functions (name, body size) of `path`.
function read(path) {
  const buf = fs.readFileSync(path);
  let p = 8; // past the magic number and version
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const skipName = () => {
    const length = leb();
    p += length;
  };
  const skipLimits = () => {
    const flags = buf[p++];
    leb();
    if (flags & 1) leb();
  };
  const sections = [];
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const end = p + size;
    const brotli = zlib.brotliCompressSync(buf.subarray(p, end), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    let name = sectionNames[id] ?? `section ${id}`;
    if (id === 2) {
      // imports: only functions take function indices before the bodies'
      for (let n = leb(); n > 0; n--) {
        skipName();
        skipName();
        const kind = buf[p++];
        if (kind === 0) {
          leb();
          importedFunctions++;
        } else if (kind === 1) {
          p++;
          skipLimits();
        } else if (kind === 2) {
          skipLimits();
        } else if (kind === 3) {
          p += 2;
        } else {
          p++; // a tag: attribute byte, then its type index
          leb();
        }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const bodySize = leb();
        bodies.push(bodySize);
        p += bodySize;
      }
    } else if (id === 0) {
      const length = leb();
      const custom = buf.subarray(p, p + length).toString();
      name = `custom: ${custom}`;
      p += length;
      while (custom === "name" && p < end) {
        const sub = buf[p++];
        const subEnd = leb() + p;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const nameLength = leb();
            names.set(index, buf.subarray(p, p + nameLength).toString());
            p += nameLength;
          }
        }
        p = subEnd;
      }
    }
    sections.push({ name, size, brotli });
    p = end;
  }
  const rows = bodies.map((size, i) => ({ size, name: names.get(i + importedFunctions) ?? `function ${i}` }));
  return { sections, rows, named: names.size > 0 };
}

const crates = [
  "tokens_console", "rql", "reactive_graph", "tachys", "leptos_router", "leptos_use", "leptos",
  "serde_json", "serde_core", "serde", "wasm_bindgen_futures", "wasm_bindgen", "js_sys", "web_sys",
  "gloo", "send_wrapper", "slotmap", "indexmap", "hashbrown", "dlmalloc", "core", "alloc", "std",
];
function crateOf(name) {
  let best = "other";
  let at = Infinity;
  for (const c of crates) {
    // a mangled path segment: its length, then the name (`14reactive_graph`), or `c..` in generics
    for (const needle of [`${c.length}${c}`, `${c}..`]) {
      const i = name.indexOf(needle);
      if (i >= 0 && i < at) {
        at = i;
        best = c;
      }
    }
  }
  return best;
}

/// Code bytes by function name, the copies of one generic function (same
/// name, another hash) summed.
function byName(rows) {
  const sums = new Map();
  for (const { name, size } of rows) {
    const key = name.replace(/17h[0-9a-f]{16}E$/, "");
    sums.set(key, (sums.get(key) ?? 0) + size);
  }
  return sums;
}

const { sections, rows, named } = read(file);
console.log("section".padEnd(24) + "raw".padStart(10) + "brotli".padStart(10));
for (const { name, size, brotli } of sections) {
  console.log(name.padEnd(24) + String(size).padStart(10) + String(brotli).padStart(10));
}
console.log();
if (!named) {
  console.error(`${file}: no function names (build it with SPLIT_KEEP_NAMES=1)`);
  process.exit(1);
}

const total = rows.reduce((sum, r) => sum + r.size, 0);
const byCrate = new Map();
for (const r of rows) {
  const c = crateOf(r.name);
  const entry = byCrate.get(c) ?? { size: 0, count: 0 };
  entry.size += r.size;
  entry.count++;
  byCrate.set(c, entry);
}
console.log(`${rows.length} functions, ${total} bytes of code`);
console.log("crate".padEnd(24) + "functions".padStart(10) + "bytes".padStart(10) + "share".padStart(8));
for (const [c, { size, count }] of [...byCrate].sort((a, b) => b[1].size - a[1].size)) {
  console.log(c.padEnd(24) + String(count).padStart(10) + String(size).padStart(10) + `${((100 * size) / total).toFixed(1)} %`.padStart(8));
}
const top = Number(topArg ?? 0);
if (top > 0) {
  console.log(`\nthe ${top} largest functions`);
  for (const r of [...rows].sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(String(r.size).padStart(8) + "  " + r.name.slice(0, 150));
  }
}
if (against) {
  const old = read(against);
  if (!old.named) {
    console.error(`${against}: no function names (build it with SPLIT_KEEP_NAMES=1)`);
    process.exit(1);
  }
  const [before, after] = [byName(old.rows), byName(rows)];
  const change = [...new Set([...before.keys(), ...after.keys()])].map((name) => ({
    name,
    delta: (after.get(name) ?? 0) - (before.get(name) ?? 0),
  }));
  const oldTotal = old.rows.reduce((sum, r) => sum + r.size, 0);
  const n = top > 0 ? top : 20;
  console.log(`\ncode against ${against}: ${total - oldTotal >= 0 ? "+" : ""}${total - oldTotal} bytes; the ${n} names grown and shrunk most`);
  const sorted = change.filter((c) => c.delta !== 0).sort((a, b) => b.delta - a.delta);
  for (const c of [...sorted.slice(0, n), ...sorted.slice(-n).reverse()]) {
    console.log(`${c.delta > 0 ? "+" : ""}${c.delta}`.padStart(8) + "  " + c.name.slice(0, 150));
  }
}
