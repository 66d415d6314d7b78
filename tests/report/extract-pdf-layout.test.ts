import { describe, expect, it } from "vitest";
import { layoutPage, layoutPages, type PositionedText } from "@/lib/report/extract/pdf-layout";
import type { PageItems } from "@/lib/report/extract/pdf";

/** A run of text at (x, baseline y) in a CJK font where each character is one em wide. */
function run(text: string, x: number, y: number, fontSize = 10): PositionedText {
  const width = [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * fontSize, 0);
  return { text, x, y, width, height: fontSize, fontSize };
}

const numbers = (values: number[], y: number, fontSize = 10) => values.map((v, i) => run(String(v), 300 + 30 * i, y, fontSize));

describe("PDF layout", () => {
  it("orders lines top to bottom and cells left to right, whatever the stream order", () => {
    // a tight table: the header row sits one line above the first data row
    const header = ["本年制发件数", "本年废止件数", "现行有效件数"].map((h, i) => run(h, 150 + 70 * i, 712));
    const items = [...numbers([1, 0, 11], 700).reverse(), run("规章", 80, 700), ...header.reverse(), run("信息内容", 80, 712)];
    expect(layoutPage(items)).toEqual(["信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t1\t0\t11"]);
  });

  it("joins a WPS number row printed a little off its label's baseline, in a larger font", () => {
    // label at size 9 on baseline 283; numbers at size 14 whose baseline sits lower (centres agree)
    const items = [run("（一）予以公开", 104, 283, 9), ...numbers([21, 0, 21], 280.2, 14), run("（二）部分公开", 104, 263, 9), ...numbers([4, 0, 4], 260.2, 14)];
    expect(layoutPage(items)).toEqual(["（一）予以公开\t21\t0\t21", "（二）部分公开\t4\t0\t4"]);
  });

  it("joins a label wrapped over two lines with the numbers printed between them", () => {
    const items = [
      run("（二）部分公开（区分处理的，只计这一情", 100, 301.5, 7.5),
      ...numbers([447, 7, 454], 294, 7.5),
      run("形，不计其他情形）", 100, 286.5, 7.5),
      run("1.属于国家秘密", 140, 262.7, 7.5),
      ...numbers([2, 0, 2], 260.4, 7.5),
    ];
    expect(layoutPage(items)).toEqual([
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t454",
      "1.属于国家秘密\t2\t0\t2",
    ]);
  });

  it("gives a wrapped label that starts with its item number to its own row, not the row above", () => {
    // A narrow column set with no cell padding (Chromium's print of r03's table 三, narrowed): each
    // label wraps over three lines with the numbers beside the middle one, and every line is one
    // pitch from the next, across the cell border too, so row 4's first line is as close to row 3's
    // last line as to its own row's numbers.
    const pitch = 12.7;
    const line = (k: number) => 663.6 - pitch * k;
    const items = [
      run("3.危及", 132.7, line(0), 9),
      run("“三安全", 127.7, line(1), 9),
      ...numbers([1, 0, 1], line(1), 9),
      run("一稳定”", 127.7, line(2), 9),
      run("4.保护第", 128.2, line(3), 9),
      run("三方合法", 127.7, line(4), 9),
      ...numbers([2, 0, 2], line(4), 9),
      run("权益", 136.7, line(5), 9),
    ];
    expect(layoutPage(items)).toEqual(["3.危及“三安全一稳定”\t1\t0\t1", "4.保护第三方合法权益\t2\t0\t2"]);
  });

  it("cuts a narrow label column's wrapped lines at cell borders, so each label joins its own row", () => {
    // r03's table 二 printed with a 2em label column: lines of one cell are 12.7 apart, but a cell's
    // last line and the next cell's first are 19.5 apart (padding and border between them). The
    // header's 信息/内容 and the rows' 行政/许可 and 其他/对外 used to chain into one label.
    const items = [
      run("信息", 63.8, 480.6, 9),
      run("内容", 63.8, 467.9, 9),
      run("上一年项目数量", 97, 473.9, 9),
      run("本年增/减", 195.6, 473.9, 9),
      run("处理决定数量", 275, 473.9, 9),
      run("行政", 63.8, 448.4, 9),
      run("许可", 63.8, 435.6, 9),
      run("396", 120.9, 441.6, 9),
      run("0", 212, 441.6, 9),
      run("181", 295.2, 441.6, 9),
      ...["其他", "对外", "管理", "服务", "事项"].map((t, k) => run(t, 63.8, 416.1 - 12.7 * k, 9)),
      run("10", 123.9, 390.6, 9),
      run("0", 212, 390.6, 9),
      run("153", 294.8, 390.6, 9),
    ];
    expect(layoutPage(items)).toEqual([
      "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
      "行政许可\t396\t0\t181",
      "其他对外管理服务事项\t10\t0\t153",
    ]);
  });

  it("reads a label printed one character per line as one vertical label, not as row cells", () => {
    const rows = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益"];
    const items: PositionedText[] = [];
    rows.forEach((label, i) => {
      items.push(run(label, 140, 260 - 15 * i, 7.5), ...numbers([i, 0, i], 258 - 15 * i, 7.5));
    });
    [..."三、本年度"].forEach((ch, i) => items.push(run(ch, 76, 262 - 11 * i, 7.5)));
    const lines = layoutPage(items);
    expect(lines).toContain("三、本年度");
    expect(lines.filter((l) => l.includes("\t"))).toEqual(rows.map((label, i) => `${label}\t${i}\t0\t${i}`));
  });

  it("never stacks letters of horizontal words drawn one glyph at a time (LibreOffice export)", () => {
    // Two wrapped row labels; the producer drew some glyphs singly, and 请 / 转 / 请 land at one x.
    const glyphs = (text: string, x: number, y: number) => [...text].map((ch, i) => run(ch, x + 9 * i, y, 9));
    const items = [
      run("一、本年新收政府信息公开申", 81.6, 596.7, 9),
      ...glyphs("请数量", 126.6, 583.8),
      ...numbers([15, 0, 15], 598.7, 9),
      run("二、", 81.6, 570.3, 9),
      ...glyphs("上", 99.6, 570.3),
      run("年结", 108.6, 570.3, 9),
      ...glyphs("转", 126.6, 570.3),
      run("政府信息公开申", 135.6, 570.3, 9),
      ...glyphs("请数量", 126.6, 557.4),
      ...numbers([0, 0, 0], 572.3, 9),
    ];
    expect(layoutPage(items)).toEqual(["一、本年新收政府信息公开申请数量\t15\t0\t15", "二、上年结转政府信息公开申请数量\t0\t0\t0"]);
  });

  it("keeps a row whose cells were left blank apart from the row above (not a wrapped label)", () => {
    // 行政强制's only cell was left blank, so its line holds no number; it sits a row's height under
    // 行政处罚, much further than a wrapped label's next line would
    const items = [run("信息内容", 77.8, 731.1, 9), run("处理决定数量", 348.5, 731.1, 9), run("行政处罚", 77.8, 711.6, 9), run("19", 370.9, 711.6, 9), run("行政强制", 77.8, 692.1, 9)];
    expect(layoutPage(items)).toEqual(["信息内容\t处理决定数量", "行政处罚\t19", "行政强制"]);
  });

  describe("blank cells, which draw nothing", () => {
    // table 三's header: a group heading over the five legal-person columns, then the leaf cells
    const header = [
      run("法人或其他组织", 250, 712, 9),
      ...["自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计"].map((h, i) => run(h, 200 + 45 * i, 700, 9)),
    ];
    const cell = (text: string, column: number, y: number) => run(text, 200 + 45 * column + 9, y, 9);

    it("gives each number the column it stands under and an empty field to each blank cell", () => {
      const items = [...header, run("一、本年新收", 60, 680, 9), cell("15", 0, 680), cell("2", 4, 680), cell("17", 6, 680)];
      expect(layoutPage(items).at(-1)).toBe("一、本年新收\t15\t\t\t\t2\t\t17");
    });

    it("keeps the columns on the next page, where the table runs on without its header", () => {
      const [, next] = layoutPages([[...header, run("一、本年新收", 60, 680, 9), ...[0, 1, 2, 3, 4, 5, 6].map((c) => cell("1", c, 680))], [run("（七）总计", 60, 780, 9), cell("15", 0, 780), cell("15", 6, 780)]]);
      expect(next).toEqual(["（七）总计\t15\t\t\t\t\t\t15"]);
    });

    it("writes an item row printed all blank inside such a table with an empty field per column", () => {
      const items = [
        ...header,
        run("一、本年新收", 60, 680, 9), cell("15", 0, 680), cell("15", 6, 680),
        run("二、上年结转", 60, 660, 9),
        run("三、本年度办理结果", 60, 640, 9),
        run("（一）予以公开", 70, 620, 9), cell("15", 0, 620), cell("15", 6, 620),
        run("四、结转下年度继续办理", 60, 600, 9),
      ];
      expect(layoutPage(items).slice(1)).toEqual([
        "一、本年新收\t15\t\t\t\t\t\t15",
        "二、上年结转\t\t\t\t\t\t\t",
        "三、本年度办理结果\t\t\t\t\t\t\t",
        "（一）予以公开\t15\t\t\t\t\t\t15",
        // after the table's last row with numbers: maybe prose, left as it is
        "四、结转下年度继续办理",
      ]);
    });

    it("leaves label-only rows alone in a table that prints its zeros, and labels without an item number", () => {
      const full = (y: number) => [0, 1, 2, 3, 4, 5, 6].map((c) => cell("0", c, y));
      const items = [...header, run("一、本年新收", 60, 680, 9), ...full(680), run("二、上年结转", 60, 660, 9), run("（一）予以公开", 70, 640, 9), ...full(640)];
      expect(layoutPage(items)[2]).toBe("二、上年结转");
      const blankStyle = [...header, run("一、本年新收", 60, 680, 9), cell("15", 0, 680), run("行政规范性", 60, 660, 9), run("（一）予以公开", 70, 640, 9), cell("15", 0, 640)];
      expect(layoutPage(blankStyle)[2]).toBe("行政规范性");
    });

    it("leaves a row alone when a number stands under no column of its own", () => {
      const items = [...header, run("一、本年新收", 60, 680, 9), cell("15", 0, 680), run("3", 200 + 45 * 0.5 + 9, 680, 9)];
      expect(layoutPage(items).at(-1)).toBe("一、本年新收\t15\t3");
    });
  });

  it("never stacks a column of digits into a vertical label", () => {
    const items = [0, 1, 2, 3].flatMap((i) => [run(`第${i + 1}行`, 80, 500 - 15 * i), run("0", 300, 500 - 15 * i)]);
    expect(layoutPage(items)).toEqual(["第1行\t0", "第2行\t0", "第3行\t0", "第4行\t0"]);
  });

  it("keeps a header cell apart from the cell beside the one it spans, when their edges touch", () => {
    // 法人或其他组织 spans 社会公益组织; its last glyph is measured a fifth of a point wider, so it
    // ends a sliver past where 法律服务机构 begins
    const items = [
      { ...run("法人或其他组织", 334.2, 759, 9), width: 63.2 },
      run("总计", 492.1, 759, 9),
      run("社会公", 352.2, 745.6, 9),
      run("益组织", 352.2, 732.6, 9),
      run("法律服", 397.3, 745.6, 9),
      run("务机构", 397.3, 732.6, 9),
      run("其他", 447, 745.6, 9),
    ];
    expect(layoutPage(items)).toEqual(["法人或其他组织社会公益组织\t法律服务机构\t其他\t总计"]);
  });

  it("keeps prose lines as they are", () => {
    const items = [run("本报告由某区人民政府办公室编制。", 80, 700), run("全年主动公开政府信息 1136 条。", 80, 680)];
    expect(layoutPage(items)).toEqual(["本报告由某区人民政府办公室编制。", "全年主动公开政府信息 1136 条。"]);
  });
});

describe("PDF page furniture", () => {
  const page = (items: PositionedText[]): PageItems => ({ items, height: 842 });

  it("drops page numbers alone in the margin and running headers repeated on most pages", async () => {
    const { pageFurniture } = await import("@/lib/report/extract/pdf");
    const pages = [1, 2, 3].map((n) =>
      page([run(`- ${n} -`, 290, 30), run(`某县人民政府 第${n}页共3页`, 80, 810), run("正文", 80, 400)]),
    );
    const dropped = pageFurniture(pages);
    expect(pages.flatMap((p) => p.items).filter((i) => dropped.has(i)).map((i) => i.text)).toEqual([
      "- 1 -", "某县人民政府 第1页共3页", "- 2 -", "某县人民政府 第2页共3页", "- 3 -", "某县人民政府 第3页共3页",
    ]);
  });

  it("keeps a table row printed low on the page: its cells are numbers, but not page numbers", async () => {
    const { pageFurniture } = await import("@/lib/report/extract/pdf");
    const rows = [1, 2].map(() => page([run("规章", 117, 64), ...numbers([0, 0, 0], 64), run("正文", 80, 400)]));
    expect(pageFurniture(rows).size).toBe(0);
  });
});
