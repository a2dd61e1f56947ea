// Figures, not a test: a wasm file's sections, each raw and brotli-compressed on
// its own (quality 11), to tell code from data when a build's size moves.
//   node tools/wasm-sections.mjs <file.wasm>
import fs from "node:fs";
import zlib from "node:zlib";

const file = process.argv[2];
if (!file) {
  console.error("usage: node tools/wasm-sections.mjs <file.wasm>");
  process.exit(2);
}
const buf = fs.readFileSync(file);
const names = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "elem", "code", "data", "datacount"];
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
console.log("section".padEnd(24) + "raw".padStart(10) + "brotli".padStart(10));
while (p < buf.length) {
  const id = buf[p++];
  const size = leb();
  const start = p;
  let name = names[id] ?? `section ${id}`;
  if (id === 0) {
    const length = leb();
    name = `custom: ${buf.subarray(p, p + length).toString()}`;
  }
  const body = buf.subarray(start, start + size);
  const brotli = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(name.padEnd(24) + String(size).padStart(10) + String(brotli).padStart(10));
  p = start + size;
}
