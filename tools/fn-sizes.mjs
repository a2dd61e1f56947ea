// Where the main module's code bytes go, by crate: reads a wasm built with
// its function names kept (`SPLIT_KEEP_NAMES=1 trunk build --release`, as
// scripts/size-report.sh makes in target/names-dist) and sums each function
// body's size under the first crate its (mangled) name mentions, so a
// closure of `<reactive_graph::…ScopedFuture<Fut> as Future>::poll` counts
// for reactive_graph and a derive in the console's types for the console.
// Raw bytes of code, before compression; data segments are not counted.
//
//   node tools/fn-sizes.mjs target/names-dist/tokens-console-*_bg.wasm [top N]
import fs from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node tools/fn-sizes.mjs <wasm with a name section> [top N]");
  process.exit(2);
}
const buf = fs.readFileSync(file);
let p = 8; // past the magic number and version

function leb() {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[p++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}
function skipName() {
  const length = leb();
  p += length;
}
function skipLimits() {
  const flags = buf[p++];
  leb();
  if (flags & 1) leb();
}

let importedFunctions = 0;
const bodies = [];
const names = new Map();
while (p < buf.length) {
  const id = buf[p++];
  const size = leb();
  const end = p + size;
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
    const section = buf.subarray(p, p + length).toString();
    p += length;
    while (section === "name" && p < end) {
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
  p = end;
}
if (names.size === 0) {
  console.error(`${file}: no function names (build it with SPLIT_KEEP_NAMES=1)`);
  process.exit(1);
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

const rows = bodies.map((size, i) => ({ size, name: names.get(i + importedFunctions) ?? `function ${i}` }));
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
