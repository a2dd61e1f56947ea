// Short names for the main module's imports from the JS glue (issue 25).
//
// wasm-bindgen names each import from its glue by the function and a hash
// (`__wbg_fetch_f1856afdb49415d1`): about 290 of them, each written twice, in the
// wasm's import section and as a key of the glue's import object
// (`__wbg_fetch_f1856afdb49415d1: function(arg0) {…}`), and hashes do not compress.
// This renames every import from the glue (module `./<name>_bg.js`) to a short name
// (`a`, `b`, … `ba`, …), in the wasm and in the glue alike, before the glue is minified.
// Chunks do not import from the glue (wasm-split leaves every import in the main
// module, which the chunks reach through its table and exports); a chunk that did, a
// name not found exactly once in the glue, or no import found at all (another
// wasm-bindgen's output) fails the build here, not in a browser. Only the import
// section of the wasm changes; every other section is copied as it is.

/// Reads an unsigned LEB128 at `pos`: [value, next position].
export function leb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    if (b === undefined) throw new Error("import-names: truncated LEB128");
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

/// Writes an unsigned LEB128.
export function writeLeb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

export const utf8 = new TextDecoder();
const encode = (s) => [...new TextEncoder().encode(s)];
export const name = (s) => [...writeLeb(encode(s).length), ...encode(s)];

/// The length in bytes of an import's description at `pos` (after its kind byte).
function descEnd(bytes, kind, pos) {
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, pos)[1]; // function: type index
    case 1: return limits(pos + 1); // table: reference type, limits
    case 2: return limits(pos); // memory: limits
    case 3: return pos + 2; // global: value type, mutability
    case 4: return leb(bytes, pos + 1)[1]; // tag: attribute, type index
    default: throw new Error(`import-names: unknown import kind ${kind}`);
  }
}

/// The sections of a module: [{id, start, end}] (payload bounds).
export function sections(bytes) {
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = leb(bytes, pos + 1);
    out.push({ id, header: pos, start, end: start + size });
    pos = start + size;
  }
  return out;
}

/// Short name number `i`: a … z, A … Z, then two letters and on.
export function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  let n = i;
  do {
    s = letters[n % letters.length] + s;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return s;
}

/// The import section of `bytes`, if any, and its imports: { module, field, desc }
/// (`desc`: the kind byte and what follows, as bytes).
function readImports(bytes) {
  const section = sections(bytes).find((s) => s.id === 2);
  const imports = [];
  if (!section) return { section, imports };
  let [count, pos] = leb(bytes, section.start);
  const text = () => {
    let len;
    [len, pos] = leb(bytes, pos);
    pos += len;
    return utf8.decode(bytes.subarray(pos - len, pos));
  };
  for (; count > 0; count--) {
    const module = text();
    const field = text();
    const end = descEnd(bytes, bytes[pos], pos + 1);
    imports.push({ module, field, desc: bytes.subarray(pos, end) });
    pos = end;
  }
  return { section, imports };
}

/// The imports of `bytes` from `module`, by field name.
function importsFrom(bytes, module) {
  return readImports(bytes).imports.filter((i) => i.module === module).map((i) => i.field);
}

/// `bytes` with its import section's names from `module` renamed by `renames`.
function renameImports(bytes, module, renames) {
  const { section, imports } = readImports(bytes);
  const payload = [...writeLeb(imports.length)];
  for (const i of imports) {
    const renamed = i.module === module ? renames.get(i.field) ?? i.field : i.field;
    payload.push(...name(i.module), ...name(renamed), ...i.desc);
  }
  return Buffer.concat([
    bytes.subarray(0, section.header),
    Buffer.from([2, ...writeLeb(payload.length), ...payload]),
    bytes.subarray(section.end),
  ]);
}

/// The key `field` of an object literal: `field: function`, after `{`, `,` or space.
const key = (field) => new RegExp(`(?<=[\\s{,])${field}(?=\\s*:\\s*function\\b)`, "g");

/// Renames the imports of `wasm` from its glue (`module`, as wasm-bindgen names
/// it) in `wasm` and in `glue` (wasm-bindgen's unminified output) alike; `chunks`
/// are checked not to import from the glue. Returns { wasm, glue, renamed }.
export function shortenImports(wasm, glue, chunks, module) {
  for (const [file, bytes] of chunks) {
    if (importsFrom(bytes, module).length > 0) {
      throw new Error(`import-names: chunk ${file} imports from the glue`);
    }
  }
  const fields = importsFrom(wasm, module);
  if (fields.length === 0) throw new Error(`import-names: the main module imports nothing from ${module}`);
  const renames = new Map();
  for (const field of fields) {
    // Named once, as a key: nothing else in the glue refers to it.
    if (!/^[A-Za-z_]\w*$/.test(field) || glue.split(field).length !== 2 || (glue.match(key(field)) ?? []).length !== 1) {
      throw new Error(`import-names: ${field} is not named exactly once in the glue, as a key`);
    }
    renames.set(field, shortName(renames.size));
  }
  for (const short of renames.values()) {
    if ((glue.match(key(short)) ?? []).length > 0) {
      throw new Error(`import-names: the glue already has a key named ${short}`);
    }
  }
  for (const [field, short] of renames) glue = glue.replace(key(field), short);
  return { wasm: renameImports(wasm, module, renames), glue, renamed: renames.size };
}
