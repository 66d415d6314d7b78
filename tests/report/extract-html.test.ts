import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { extractDocument } from "@/lib/report/extract";
import { htmlToText } from "@/lib/report/extract/html";

const page = (body: string) => `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;

describe("HTML extraction", () => {
  it("drops scripts, styles and navigation, and keeps blocks as lines", () => {
    const text = htmlToText(
      page(`<script>var x = "脚本";</script><style>.a{}</style><nav>首页 | 政务公开</nav>
        <h1>某县人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><div>全年<b>主动公开</b>信息 12 条。</div>`),
    );
    expect(text.split("\n")).toEqual(["某县人民政府2024年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息 12 条。"]);
  });

  it("writes each table row as one line with cells joined by a TAB", () => {
    const text = htmlToText(page(`<table><tr><td>规章</td><td>1</td><td>0</td><td>11</td></tr></table>`));
    expect(text).toBe("规章\t1\t0\t11");
  });

  it("folds a word processor's sliver grid column into its neighbour, keeping every text", () => {
    // As LibreOffice saves table 四: 复议's 总计 is a little wider than the header above it, so the
    // grid has a sliver column that 总计 and its number span (colspan="2") and 直接起诉 starts in.
    const text = htmlToText(
      page(`<table>
        <tr><td rowspan="2" colspan="3">行政复议</td><td colspan="3">行政诉讼</td></tr>
        <tr><td colspan="3">未经复议直接起诉</td></tr>
        <tr><td>结果维持</td><td>结果纠正</td><td colspan="2">总计</td><td>结果维持</td><td>总计</td></tr>
        <tr><td>1</td><td>2</td><td colspan="2">3</td><td>4</td><td>4</td></tr>
      </table>`),
    );
    expect(text.split("\n")).toEqual(["行政复议\t\t行政诉讼", "\t\t未经复议直接起诉", "结果维持\t结果纠正\t总计\t结果维持\t总计", "1\t2\t3\t4\t4"]);
  });

  it("keeps every column of a table without numbers", () => {
    const text = htmlToText(page(`<table><tr><td colspan="2">甲</td><td>乙</td></tr><tr><td>丙</td><td colspan="2">丁</td></tr></table>`));
    expect(text.split("\n")).toEqual(["甲\t\t乙", "丙\t丁"]);
  });

  it("keeps a real column whose data cells are all blank: its header is its own", () => {
    const text = htmlToText(page(`<table><tr><td>项目</td><td>甲</td><td>乙</td><td>总计</td></tr><tr><td>新收</td><td>2</td><td></td><td>2</td></tr></table>`));
    expect(text.split("\n")[1]).toBe("新收\t2\t\t2");
  });

  it("expands colspan and rowspan so numbers keep their columns", () => {
    const text = htmlToText(
      page(`<table>
        <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td><td>6</td></tr>
        <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>2</td></tr>
        <tr><td>2.其他法律行政法规禁止公开</td><td>3</td><td>4</td></tr>
      </table>`),
    );
    const rows = text.split("\n").map((line) => line.split("\t"));
    expect(rows).toEqual([
      ["三、本年度办理结果", "（一）予以公开", "", "5", "6"],
      ["", "（三）不予公开", "1.属于国家秘密", "1", "2"],
      ["", "", "2.其他法律行政法规禁止公开", "3", "4"],
    ]);
  });

  it("fills columns still covered by a rowspan to the right of a row's last cell", () => {
    const text = htmlToText(page(`<table><tr><td>a</td><td rowspan="2">总计</td></tr><tr><td>b</td></tr></table>`));
    expect(text.split("\n")).toEqual(["a\t总计", "b"]);
  });

  it("joins a cell's paragraphs into one field, and reads only the innermost of nested tables", () => {
    const text = htmlToText(
      page(`<table><tr><td><p>正文</p><table><tr><td><p>结果</p><p>维持</p></td><td>3</td></tr></table></td></tr></table>`),
    );
    expect(text.split("\n")).toEqual(["正文", "结果维持\t3"]);
  });

  it("collapses every kind of white space in lines and cells, and keeps ASCII words of two paragraphs apart", () => {
    const text = htmlToText(
      page(`<p>全年\u3000主动公开\n\n  信息\u00a0 12 条。</p><table><tr><td><p>PDF</p><p>文件</p><p>Word</p><p>DOC</p></td><td>\t3 </td></tr></table>`),
    );
    expect(text.split("\n")).toEqual(["全年 主动公开 信息 12 条。", "PDF文件Word DOC\t3"]);
  });

  it("decodes a GBK page that declares its charset in a meta tag", async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>平潭综合实验区2021年度政府信息公开工作年度报告</p></body></html>`;
    const result = await extractDocument(new Uint8Array(iconv.encode(html, "gbk")), "page.htm");
    expect(result).toMatchObject({ format: "html", charset: "GB18030", text: "平潭综合实验区2021年度政府信息公开工作年度报告" });
  });

  it("drops characters that print nothing (&#8203;, &shy;), which would split the words the reader looks for", async () => {
    const html = `<html><body><h1>平潭&#8203;综合实验区2021年度政&shy;府信息公开工作年度报告</h1><table><tr><td>规&#8203;章</td><td>1&#8203;2</td></tr></table></body></html>`;
    const result = await extractDocument(new TextEncoder().encode(html), "page.html");
    expect(result).toMatchObject({ text: "平潭综合实验区2021年度政府信息公开工作年度报告\n规章\t12" });
  });

  it("sniffs HTML by its markup even when the file is named .txt", async () => {
    const html = page(`<p>某局政府信息公开工作年度报告</p><table><tr><td>行政处罚</td><td>7</td></tr></table>`);
    const result = await extractDocument(new TextEncoder().encode(html), "saved.txt");
    expect(result).toMatchObject({ format: "html", text: "某局政府信息公开工作年度报告\n行政处罚\t7" });
  });
});
