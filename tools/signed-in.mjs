// Shared by the figures tools: Debian's Chromium (or CHROME_BIN) through
// puppeteer-core, and a page signed in to the console the way a person signs
// in (the token typed into the form, never put in the URL).
import puppeteer from "puppeteer-core";

/** Headless Chromium. */
export function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_BIN ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
}

/** Opens `url` in `page`, signs in with `token` (none: no sign-in) and waits for `rows`. */
export async function openSignedIn(page, url, token, rows = "[data-testid=token-row]") {
  await page.goto(url);
  if (token) {
    await page.waitForSelector("#sign-in-token");
    await page.type("#sign-in-token", token);
    await page.click("[data-testid=sign-in-form] button[type=submit]");
  }
  await page.waitForSelector(rows, { timeout: 30000 });
}
