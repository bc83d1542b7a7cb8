// Renders the OCR image set's HTML screens in Chromium and encodes them as a user's screenshot would be.
import type { Browser } from "playwright-core";
import type { Screen } from "../fixtures/ocr/screenshot-set.js";
import { encodeGreyGif } from "./gif.js";

/** JPEG quality of the set's JPEG screens: what chat apps and screenshot tools commonly produce. */
export const JPEG_QUALITY = 70;

export async function renderScreen(browser: Browser, screen: Screen): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height } });
  try {
    const page = await context.newPage();
    // Browser zoom (Ctrl +/-): CSS pixels scale, the screenshot keeps its size in device pixels.
    await page.setContent(screen.html.replace("<style>", `<style>html{zoom:${screen.zoom}}`));
    if (screen.format === "jpeg") return await page.screenshot({ type: "jpeg", quality: JPEG_QUALITY });
    const png = await page.screenshot({ type: "png" });
    if (screen.format === "png") return png;
    // WebP and GIF: re-encode the PNG in the page (canvas for WebP, our encoder for GIF's pixels).
    await page.setContent(`<img id="shot" src="data:image/png;base64,${png.toString("base64")}">`);
    await page.waitForFunction(() => (document.getElementById("shot") as HTMLImageElement).complete);
    const encoded = await page.evaluate((format) => {
      const image = document.getElementById("shot") as HTMLImageElement;
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context2d = canvas.getContext("2d")!;
      context2d.drawImage(image, 0, 0);
      if (format === "webp") return canvas.toDataURL("image/webp", 0.8).split(",")[1]!;
      const pixels = context2d.getImageData(0, 0, canvas.width, canvas.height).data;
      let binary = "";
      for (let i = 0; i < pixels.length; i += 8192) binary += String.fromCharCode(...pixels.subarray(i, i + 8192));
      return btoa(binary);
    }, screen.format);
    const bytes = Buffer.from(encoded, "base64");
    return screen.format === "webp" ? bytes : encodeGreyGif(screen.width, screen.height, bytes);
  } finally {
    await context.close();
  }
}
