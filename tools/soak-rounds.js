// A long session in miniature, run inside the page: on the list, go to the
// next page and back; open the first token, visit every tab, and go back to
// the list; `rounds` times, by clicking as a user would. Resolves with the number of rounds done; rejects
// naming the step that did not appear within 10 s. Used by the e2e soak test
// (tests/e2e/soak.rs) and the figure script (scripts/soak.sh).
async function soakRounds(rounds) {
  const until = (what, check) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      (function poll() {
        const found = check();
        if (found) return resolve(found);
        if (performance.now() - start > 10000) return reject(new Error(`no ${what} after 10 s`));
        requestAnimationFrame(poll);
      })();
    });
  const el = (css) => document.querySelector(css);
  const tabs = [
    ["modules", "[data-testid=modules-table], [data-testid=no-modules]"],
    ["details", "[data-testid=details-fields]"],
    ["audit", "[data-testid=audit-range]"],
    ["general", "[data-testid=endpoint]"],
  ];
  const listReady = () => !el("[data-testid=details-page]") && !el("[aria-busy=true]") && el("[data-testid=token-row]");
  const firstId = () => el("[data-testid=token-row]")?.dataset.id;
  for (let i = 0; i < rounds; i++) {
    const first = (await until("list", listReady)).dataset.id;
    el("[data-testid=next-page]").click();
    await until("page 2", () => listReady() && firstId() !== first);
    el("[data-testid=prev-page]").click();
    await until("page 1", () => listReady() && firstId() === first);
    el("[data-testid=token-name]").click();
    await until("details", () => el("[data-testid=details-page]"));
    for (const [tab, content] of tabs) {
      (await until(`tab ${tab}`, () => el(`[data-testid=tab-${tab}]`))).click();
      await until(`${tab} content`, () => el(content));
    }
    (await until("back link", () => el("[data-testid=back]"))).click();
  }
  // Settled: rows shown, no load running, the hygiene counts in.
  await until("list at the end", () => listReady() && el("[data-testid=hygiene-disabled]"));
  return rounds;
}
