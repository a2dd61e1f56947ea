// Shared by the figures tools: Debian's Chromium (or CHROME_BIN) through
// puppeteer-core, the seeded list they measure, and a page signed in to the
// console the way a person signs in (the token typed into the form, never put
// in the URL).
import puppeteer from "puppeteer-core";

/** Headless Chromium, with `extraArgs` after the usual ones. */
export function launch(extraArgs = []) {
  return puppeteer.launch({
    executablePath: process.env.CHROME_BIN ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", ...extraArgs],
  });
}

/**
 * The list of Stark Industries, the seed's account with tokens, under the
 * console at `base`, with `query` appended (`&sort=name`…): the sandbox's
 * admin token manages every account, so the URL names the one to list.
 */
export function starkList(base, query = "") {
  const root = base.endsWith("/") ? base : base + "/";
  return new URL(`api-tokens?account=ACC-0001-0002${query}`, root).href;
}

/**
 * Opens `url` in `page`, signs in with `token` (none: no sign-in) and waits
 * up to `timeout` ms for `rows`.
 */
export async function openSignedIn(page, url, token, { rows = "[data-testid=token-row]", timeout = 30000 } = {}) {
  await page.goto(url);
  if (token) {
    await page.waitForSelector("#sign-in-token");
    await page.type("#sign-in-token", token);
    await page.click("[data-testid=sign-in-form] button[type=submit]");
  }
  await page.waitForSelector(rows, { timeout });
}
