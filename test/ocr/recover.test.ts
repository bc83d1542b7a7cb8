// The recovery pass on OCR words, with the real catalog: the slips tesseract makes are undone, but a
// near-miss, a bare prefix or prose never becomes a code, and an uncertain read is only "looks like".
import { describe, expect, it } from "vitest";
import { buildOcrRecovery, type OcrLine, type OcrWord } from "../../src/ocr/recover.js";
import { defaultSearch } from "../../src/search/index.js";

const recover = buildOcrRecovery(defaultSearch().codes);

/** One OCR line of words laid out left to right at row `row` (14 px high words, 20 px per row). */
function line(text: string, row = 0, left = 0): OcrLine {
  let x = left;
  const words: OcrWord[] = text.split(" ").map((word) => {
    const box = { text: word, x0: x, y0: row * 20, x1: x + word.length * 8, y1: row * 20 + 14 };
    x = box.x1 + 8;
    return box;
  });
  return { words };
}
const read = (...lines: OcrLine[]) => {
  const { codes, likely } = recover(lines);
  return { codes: codes.map((e) => e.code), likely: likely.map((e) => e.code) };
};

describe("OCR code recovery", () => {
  it("reads exact codes among table cells and stray punctuation", () => {
    expect(read(line("2026-11-30 10:01:22 | alice@example.com |jira.corp.local [AST_MT_SETUP_ERR_OPEN_SERVER_CONN |ac-eu-1"))).toEqual({
      codes: ["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"],
      likely: [],
    });
    expect(read(line('"InternalReason":"BRK_MT_SETUP_TIMEOUT",')).codes).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
  });

  it("joins a code whose underscores were read as spaces or dropped", () => {
    expect(read(line("ended: AST_MT _SETUP_ERR_OPEN_SERVER CONN (user bob)")).codes).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
    expect(read(line("reason FOHH_CLOSE_REASON_PROXY_NOT 200")).codes).toEqual(["FOHH_CLOSE_REASON_PROXY_NOT_200"]);
    expect(read(line("state BRK_MT_SETUPTIMEOUT")).codes).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    // A monospace terminal often loses every underscore: three parts or more, aligned, still read.
    expect(read(line("ended: C2C CLIENT CONN EXPIRED (user")).codes).toEqual(["C2C_CLIENT_CONN_EXPIRED"]);
  });

  it("undoes one O/0, I/l/1 or S/5 swap in a long code, and offers two as looks-like", () => {
    expect(read(line("AST_MT_SETUP_ERR_N0_DNS_TO_SERVER")).codes).toEqual(["AST_MT_SETUP_ERR_NO_DNS_TO_SERVER"]);
    expect(read(line("BRK_MT_SETUP_TlMEOUT")).codes).toEqual(["BRK_MT_SETUP_TIMEOUT"]);
    expect(read(line("AST_MT_5ETUP_ERR_N0_DNS_TO_SERVER"))).toEqual({ codes: [], likely: ["AST_MT_SETUP_ERR_NO_DNS_TO_SERVER"] });
    // Three swaps: too far from any code to say anything.
    expect(read(line("A5T_MT_5ETUP_ERR_N0_DNS_TO_SERVER"))).toEqual({ codes: [], likely: [] });
  });

  it("never turns a near-miss, a bare prefix or prose into a code", () => {
    for (const text of [
      "BRK_MT_SETUP_TIMEOUTS",
      "CONNECTOR_UNHEALTHY",
      "AST_MT_SETUP_ERR",
      "status BRK_MT_AUTH",
      "XBRK_MT_SETUP_TIMEOUT",
      "BRK_MT_SETUP_TIMEOUT_X",
      "The app not available page again, broker setup timeout",
      "App Not Available",
    ]) {
      expect(read(line(text)), text).toEqual({ codes: [], likely: [] });
    }
  });

  it("does not read a shorter code inside a longer one split by OCR", () => {
    expect(read(line("AST_MT_SETUP_TIMEOUT _CANNOT_CONN_TO_BROKER")).codes).toEqual(["AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER"]);
  });

  it("rejoins a code wrapped across a table cell's lines using the word boxes", () => {
    const first = line("alice@example.com AST_MT_SETUP_TIMEOUT_ ac-eu-1", 0);
    const second = line("CANNOT_CONN_TO_BROKER", 1, first.words[1]!.x0);
    expect(read(first, second).codes).toEqual(["AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_BROKER"]);
    // Broken inside a word (word-break: break-all), no underscore at the break.
    const top = line("bob AST_MT_SETUP_ERR_OPEN_SER ac-eu-2", 0);
    const bottom = line("VER_CONN", 1, top.words[1]!.x0);
    expect(read(top, bottom).codes).toEqual(["AST_MT_SETUP_ERR_OPEN_SERVER_CONN"]);
    // The same words in another column (not under the first part) are not joined; and the first part,
    // ending in an underscore, is the start of something longer, not the shorter code AST_MT_SETUP_TIMEOUT.
    const elsewhere = line("CANNOT_CONN_TO_BROKER", 1, 600);
    expect(read(first, elsewhere)).toEqual({ codes: [], likely: [] });
  });

  it("offers a code with one word lowered by tesseract's dictionary only as looks-like", () => {
    expect(read(line("shows AST MT SETUP ERR BIND TO AST LOCAL owner for most"))).toEqual({
      codes: [],
      likely: ["AST_MT_SETUP_ERR_BIND_TO_AST_LOCAL_OWNER"],
    });
  });

  it("offers a code whose first letter was clipped only as looks-like", () => {
    expect(read(line("reason=\\ST_MT_SETUP_ERR_HASH_TBL FULL connecto"))).toEqual({
      codes: [],
      likely: ["AST_MT_SETUP_ERR_HASH_TBL_FULL"],
    });
  });
});
