// Ask the bot one question through the Microsoft 365 Agents Playground (a local
// Teams client) in headless Chromium, and report what the chat shows.
//
//   node ask_playground.js PLAYGROUND_URL QUESTION SCREENSHOT.png
//
// Prints one JSON object: {"cards": [text of each Adaptive Card, oldest first],
// "answer": text of the card that answered the question}. Exits non-zero with a
// message on stderr when no answer card appears in time.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TIMEOUT_MS = 45000;
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Only top-level cards: a ShowCard's inner card is part of its parent.
const TOP_CARDS = () =>
  [...document.querySelectorAll(".ac-adaptiveCard")].filter(
    (c) => !c.parentElement.closest(".ac-adaptiveCard"),
  );

async function cardTexts(page) {
  return page.evaluate(`(${TOP_CARDS})().map((c) => c.innerText.trim())`);
}

async function main() {
  const [url, question, screenshot] = process.argv.slice(2);
  if (!url || !question || !screenshot) {
    throw new Error("usage: node ask_playground.js PLAYGROUND_URL QUESTION SCREENSHOT.png");
  }
  // A fresh profile every run (Playwright passes it as --user-data-dir).
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "playground-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.goto(url, { waitUntil: "domcontentloaded" });
    const box = page.locator('[role="textbox"][contenteditable="true"]');
    await box.waitFor();
    // The bot introduces itself when the playground installs it; wait for that card.
    await page.waitForFunction(() => document.querySelectorAll(".ac-adaptiveCard").length > 0);
    const before = (await cardTexts(page)).length;

    await box.click();
    await page.keyboard.type(question);
    await page.keyboard.press("Enter");
    await page.waitForFunction(`(${TOP_CARDS})().length > ${before}`);
    await page.waitForTimeout(500); // let the card finish laying out before the picture
    const cards = await cardTexts(page);
    await page.evaluate(`(${TOP_CARDS})().pop().scrollIntoView({ block: "start" })`);
    await page.screenshot({ path: screenshot });
    process.stdout.write(JSON.stringify({ cards, answer: cards[cards.length - 1] }) + "\n");
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`ask_playground: ${error.stack || error}\n`);
  process.exit(1);
});
