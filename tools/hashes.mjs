// The hashes the build names files and checks them by.
import { createHash } from "node:crypto";

/// 16 hex digits of the SHA-256 of `parts`: a file's name by its content.
export const hex16 = (...parts) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex").slice(0, 16);
};

/// A subresource integrity value (`integrity="…"`) for `bytes`.
export const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
