// Photographs the demo site for docs/screenshots: public pages, then the back office after signing in.
// Run by scripts/screenshots.sh, which starts the server and makes the account; arguments: BASE EMAIL PASSWORD OUT
import puppeteer from "puppeteer-core";

const [base, email, password, out] = process.argv.slice(2);
const publicPages = {
  home: "/",
  article: "/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/",
  category: "/category/cronaca/",
};
const adminPages = {
  "admin-dashboard": "/admin/",
  "admin-articles": "/admin/articles",
  "admin-pages": "/admin/pages",
  "admin-media": "/admin/media",
  "admin-comments": "/admin/comments?status=approved",
  "admin-menus": "/admin/menus",
  "admin-design": "/admin/design",
  "admin-settings": "/admin/settings",
};
const widths = [1280, 390];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--lang=it-IT"],
});
try {
  const page = await browser.newPage();
  const shoot = async (name, path) => {
    for (const width of widths) {
      await page.setViewport({ width, height: width === 390 ? 844 : 900, deviceScaleFactor: 1, isMobile: width === 390 });
      await page.goto(base + path, { waitUntil: "networkidle0" });
      // a full-page photograph shows what lies below the fold too: load the lazy images as a reader scrolling would
      await page.evaluate(async () => {
        const images = [...document.querySelectorAll("img")];
        images.forEach((img) => { img.loading = "eager"; });
        await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; })));
      });
      await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true, captureBeyondViewport: true });
      console.log(`${out}/${name}-${width}.png`);
    }
  };
  for (const [name, path] of Object.entries(publicPages)) await shoot(name, path);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(base + "/admin/login", { waitUntil: "networkidle0" });
  await page.type("#email", email);
  await page.type("#password", password);
  await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("form[action='/admin/login'] button[type=submit]")]);
  if (page.url().includes("/admin/login")) throw new Error("could not sign in");
  // the demo has no pages: write two through the editor, one under the other, as a newsroom would
  const writePage = async (title, body, parent) => {
    await page.goto(base + "/admin/pages/new", { waitUntil: "networkidle0" });
    await page.type("#title", title);
    await page.type("#body", body);
    if (parent) await page.select("#parent", await page.$eval("#parent", (el, name) =>
      [...el.options].find((o) => o.textContent.trim() === name).value, parent));
    await page.click("input[name=status][value=published]");
    await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("button[name=action][value=save]")]);
  };
  await writePage("Chi siamo", "Il Tessitore è un giornale indipendente della Val Tessera, scritto da chi ci vive.", null);
  await writePage("La redazione", "Chiara, Giulia, Davide e Tommaso: chi scrive e chi risponde ai lettori.", "Chi siamo");
  for (const [name, path] of Object.entries(adminPages)) await shoot(name, path);
} finally {
  await browser.close();
}
